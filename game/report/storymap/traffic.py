"""How often a playtest takes each link of the story map, per policy.

The runs are played by the batch engine (game.sim.batch.run_batch), on a compiled scenario that
also notes where each run arrives after every decision, so that every transition of every run
is known: its choice (counted as the batch's own `choice_counts` count it), the event it led
to (through events skipped by their `when`, which the map draws as their own links) or the
ending that closed the run. A transition the flow rules do not draw (an interruption coming
due, an early ending firing) becomes a link of its own, marked as seen only in the playtest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from game.content.library import Bundle
from game.report.storymap.graph import (
    BODY,
    CHOICE,
    EARLY,
    END_NODE,
    ENDING,
    FLOW,
    INTERRUPT,
    RESUME,
    SKIPPED,
    START,
    TIMEOUT,
    EdgeKey,
    Node,
    Port,
    StoryGraph,
    ending_node,
    event_node,
    port_index,
)
from game.sim.batch import run_batch
from game.sim.context import Context
from game.sim.program import END, Program

DEFAULT_RUNS = 300  # per policy: enough to tell a 1% path from none, in about a second


@dataclass
class Traffic:
    """One policy's runs over the map."""

    policy: str
    runs: int
    edges: Counter[EdgeKey] = field(default_factory=Counter)  # times each link was taken
    ports: Counter[tuple[str, int]] = field(default_factory=Counter)  # decisions per port
    reached: Counter[str] = field(default_factory=Counter)  # runs that reached each node

    def share(self, key: EdgeKey) -> float:
        """Times the link was taken per run (above 1 when a loop takes it again)."""
        return self.edges[key] / self.runs if self.runs else 0.0

    def port_share(self, node: Node, port: int) -> float | None:
        """A choice's (or the time-out's, or an early ending's) share of the decisions made
        at its event; the skip row's share of the runs that arrived. None: no such runs."""
        made = sum(
            self.ports[(node.id, n)]
            for n, p in enumerate(node.ports)
            if p.kind in (CHOICE, TIMEOUT)
        )
        if node.ports[port].kind == SKIPPED:
            made += self.ports[(node.id, port)]
        return self.ports[(node.id, port)] / made if made else None


class TracedProgram(Program):
    """The compiled scenario, noting the event each run arrives at (END once it is over)."""

    def __init__(self, bundle: Bundle) -> None:
        super().__init__(bundle)
        self.paths: list[list[int]] = []

    def begin(self, runs: int) -> None:
        self.paths = [[] for _ in range(runs)]

    def arrive(self, ctx: Context, rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        settled = super().arrive(ctx, rows, targets)
        for row, target in zip(rows.tolist(), settled.tolist(), strict=True):
            self.paths[row].append(target)
        return settled


def measure(
    graph: StoryGraph, bundle: Bundle, policies: Sequence[str], runs: int, seed: int
) -> list[Traffic]:
    """Play `runs` runs per policy and count them on `graph` (adding the links seen only in
    play). Raises ValueError for an unknown policy."""
    program = TracedProgram(bundle)
    router = _Router(graph, [e.id for e in bundle.scenario.events], bundle)
    out = []
    for name in policies:
        program.begin(runs)
        result = run_batch(program, seed, runs, name)
        traffic = Traffic(result.policy, runs)
        for row in range(runs):
            router.count(traffic, program.paths[row], result.decisions_of(row),
                         int(result.endings[row]))  # fmt: skip
        out.append(traffic)
    return out


class _Router:
    """Turns one run's events and decisions into the map's links."""

    def __init__(self, graph: StoryGraph, event_ids: list[str], bundle: Bundle) -> None:
        self.graph = graph
        self.event_ids = event_ids
        self.endings = bundle.scenario.endings
        self.targets: dict[tuple[str, int], list[str]] = {}
        for key, edge in graph.edges.items():
            if edge.structural and edge.kind != "schedule":
                self.targets.setdefault((key.source, key.port), []).append(key.target)

    def count(self, traffic: Traffic, path: list[int], decisions: list[int], ending: int) -> None:
        if not path:
            return
        first = END_NODE if path[0] == END else event_node(self.event_ids[path[0]])
        keys = self._route(START, BODY, first, traffic)
        for t, decision in enumerate(decisions):
            here = self.graph.nodes[event_node(self.event_ids[path[t]])]
            port = self._port(here, CHOICE, decision)
            traffic.ports[(here.id, port)] += 1
            if t + 1 < len(path):
                after = path[t + 1]
                target = END_NODE if after == END else event_node(self.event_ids[after])
            elif self.endings[ending].early:
                exit_ = self._port(here, EARLY, ending_node(self.endings[ending].id))
                traffic.ports[(here.id, exit_)] += 1
                continue
            else:
                target = END_NODE  # the team is gone, or the turn limit: the endings are picked
            keys += self._route(here.id, port, target, traffic)
        final = ending_node(self.endings[ending].id)
        if not self.endings[ending].early:
            keys += self._route(END_NODE, BODY, final, traffic)
        traffic.edges.update(keys)
        # an event skipped on the way was passed, not reached
        seen = {START, final, *(event_node(self.event_ids[e]) for e in path if e != END)}
        if any(k.source == END_NODE for k in keys):
            seen.add(END_NODE)
        traffic.reached.update(seen)

    def _port(self, node: Node, kind: str, key: str | int) -> int:
        """The port of a decision (1-based, 0 = timed out) or of an early ending's exit; one
        the file does not have (a time-out where it sets no limit, an early ending that
        fired here) is added after the others."""
        if kind == EARLY:
            found = next((n for n, p in enumerate(node.ports) if p.key == key), None)
        else:
            kind = CHOICE if key else TIMEOUT
            found = port_index(node, kind, int(key))
        if found is None:
            if kind == EARLY:
                ending = self.graph.nodes[str(key)]
                node.ports.append(
                    Port(EARLY, str(key), ending.title, ending.title, ending.line, None)
                )
            else:
                node.ports.append(Port(TIMEOUT, TIMEOUT, "", "", node.line, 0))
            found = len(node.ports) - 1
        return found

    def _route(self, source: str, port: int, target: str, traffic: Traffic) -> list[EdgeKey]:
        """The links from a port to where play went, through events skipped on the way."""
        direct = self.targets.get((source, port), [])
        if target in direct:
            return [EdgeKey(source, port, target)]
        for via in direct:
            chain = self._skips(via, target, depth=len(self.event_ids))
            if chain:
                for key in chain:
                    traffic.ports[(key.source, key.port)] += 1
                return [EdgeKey(source, port, via), *chain]
        node = self.graph.nodes.get(target)
        if node is not None and node.kind == "ending":
            kind = ENDING
        elif node is not None and "interrupt" in node.flags:
            # an interruption comes due whatever was chosen: one link from the event
            kind, port = INTERRUPT, BODY
        else:
            origin = self.graph.nodes[source]
            kind = RESUME if "interrupt" in origin.flags else FLOW
        return [self.graph.add_edge(source, port, target, kind, False).key]

    def _skips(self, via: str, target: str, depth: int) -> list[EdgeKey]:
        node = self.graph.nodes.get(via)
        skip = port_index(node, SKIPPED) if node is not None else None
        if skip is None or depth <= 0:
            return []
        onward = self.targets.get((via, skip), [])
        if target in onward:
            return [EdgeKey(via, skip, target)]
        for nxt in onward:
            chain = self._skips(nxt, target, depth - 1)
            if chain:
                return [EdgeKey(via, skip, nxt), *chain]
        return []
