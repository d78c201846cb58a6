"""The story map's graph and its playtest counts, on small real files and a bundled scenario."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.content.library import Bundle, load_bundle
from game.report.storymap.build import MapOptions, Source, load_source, make_scene, map_graph
from game.report.storymap.graph import (
    BODY,
    END_NODE,
    FLOW,
    INTERRUPT,
    SCHEDULE,
    SKIP,
    EdgeKey,
    StoryGraph,
)
from game.report.storymap.traffic import measure
from game.sim.batch import run_batch
from game.sim.program import Program

FILES = Path(__file__).parent / "files"
FLOW_FILE = FILES / "map_flow.yaml"
FLAWED = Path(__file__).parents[1] / "authoring" / "files" / "flawed.yaml"


def playable(source: Source) -> Bundle:
    assert source.bundle is not None
    return source.bundle


def kinds(graph: StoryGraph) -> dict[tuple[str, int, str], str]:
    return {(k.source, k.port, k.target): e.kind for k, e in graph.edges.items()}


def test_every_event_and_ending_is_a_node_with_a_row_per_choice_and_its_line():
    graph = map_graph(load_source(FLOW_FILE), "en")
    assert [n.ref for n in graph.events] == ["kickoff", "review", "wrap", "alarm"]
    assert [n.ref for n in graph.endings] == ["burned", "fine"]
    review = graph.nodes["event:review"]
    assert [(p.kind, p.key) for p in review.ports] == [
        ("choice", "approve"),
        ("choice", "reject"),
        ("skipped", "skipped"),
    ]
    lines = FLOW_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[review.line - 1].strip() == "- id: review"
    assert lines[review.ports[1].line - 1].strip().startswith("- {id: reject")
    assert graph.nodes["ending:fine"].source.startswith("- {id: fine")


def test_links_follow_the_flow_rules():
    graph = map_graph(load_source(FLOW_FILE), "en")
    edges = kinds(graph)
    assert edges[("start", BODY, "event:kickoff")] == FLOW
    assert edges[("event:kickoff", 0, "event:review")] == FLOW
    assert edges[("event:review", 1, END_NODE)] == FLOW  # reject: next: end
    assert edges[("event:review", 0, "event:wrap")] == FLOW
    assert edges[("event:review", 2, "event:wrap")] == SKIP  # flags.careful false: passes on
    assert edges[("event:kickoff", 1, "event:alarm")] == SCHEDULE
    assert edges[(END_NODE, BODY, "ending:fine")] == "ending"
    assert (END_NODE, BODY, "ending:burned") not in edges  # early: only where it fires


def test_a_scenario_with_flow_errors_is_drawn_with_them_marked():
    source = load_source(FLAWED)
    assert source.bundle is None and source.errors == 4
    graph = map_graph(source, "en")
    flags = {n.ref: n.flags for n in graph.nodes.values()}
    assert "unreachable" in flags["orphan"]
    assert "dead_end" in flags["loop_a"] and "dead_end" in flags["loop_b"]
    assert "never" in flags["shadowed"]
    assert flags["start"] == set() and flags["finish"] == set()
    assert [p.field for p in graph.nodes["event:orphan"].problems] == ["events[1].id"]


def test_playtest_counts_agree_with_the_batch_engine():
    source = load_source("missed_deadline")
    graph = map_graph(source, "en")
    bundle = playable(source)
    (traffic,) = measure(graph, bundle, ["random"], 200, 7)
    batch = run_batch(Program(load_bundle("missed_deadline")), 7, 200, "random")
    events = [e.id for e in bundle.scenario.events]
    counted: Counter[tuple[int, int]] = Counter()
    for (node, port), n in traffic.ports.items():
        found = graph.nodes[node].ports[port]
        if found.decision is not None:
            counted[(events.index(graph.nodes[node].ref), found.decision)] += n
    assert counted == Counter(batch.choice_counts)
    endings = Counter(int(e) for e in batch.endings)
    for j, ending in enumerate(bundle.scenario.endings):
        assert traffic.reached[f"ending:{ending.id}"] == endings[j]


def test_the_playtest_sees_skips_interruptions_and_early_endings():
    source = load_source(FLOW_FILE)
    graph = map_graph(source, "en")
    (traffic,) = measure(graph, playable(source), ["random"], 300, 3)
    kickoff, review, alarm = (graph.nodes[f"event:{e}"] for e in ("kickoff", "review", "alarm"))
    rushed = traffic.ports[(kickoff.id, 1)]
    careful = traffic.ports[(kickoff.id, 0)]
    assert rushed + careful == 300 and rushed > 50 and careful > 50
    # every rushed run is interrupted by the alarm, from the event as a whole
    assert graph.edges[EdgeKey(kickoff.id, BODY, alarm.id)].kind == INTERRUPT
    assert traffic.edges[EdgeKey(kickoff.id, BODY, alarm.id)] == rushed
    assert traffic.reached[alarm.id] == rushed
    # ignoring the alarm ends the game early, shown as a row of the alarm
    early = [n for n, p in enumerate(alarm.ports) if p.kind == "early"]
    assert [alarm.ports[n].key for n in early] == ["ending:burned"]
    assert traffic.ports[(alarm.id, early[0])] == traffic.ports[(alarm.id, 1)]
    assert traffic.reached["ending:burned"] == traffic.ports[(alarm.id, 1)]
    # runs that fixed the alarm arrive where the review would be and pass it by
    assert traffic.reached[review.id] == careful
    shares = [traffic.port_share(review, n) for n in (0, 1)]
    assert sum(x for x in shares if x is not None) == pytest.approx(1.0)


def test_the_layout_runs_the_flow_left_to_right_without_overlaps():
    scene = make_scene(load_source(FLOW_FILE), MapOptions(policies=("random",), runs=100))
    x = {c.node.ref: c.x for c in scene.cards}
    assert x["start"] < x["kickoff"] < x["review"] < x["wrap"] < x["end"] < x["fine"]
    assert x["kickoff"] < x["alarm"] < x["wrap"]
    assert x["burned"] == x["fine"]  # every ending in the last column
    for a in scene.cards:
        for b in scene.cards:
            if a is not b and a.x == b.x:
                assert a.y + a.height <= b.y or b.y + b.height <= a.y
