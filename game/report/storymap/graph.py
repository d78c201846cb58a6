"""A scenario's flow as a graph: events (with a port per choice), endings, and the links
between them, each with its line in the file.

The links follow the flow rules of game/sim/program.py through the content layer's own
helpers (game.content.lint: `default_targets`, `choice_targets`, `reach`), so the map and
`leadsim check` never disagree about where play can go. Besides the start node and the
events and endings, one "end" node stands for the end of the events, where the first
ending whose condition holds is picked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from game.content import models as m
from game.content.diagnostics import Diagnostic
from game.content.lint import choice_targets, default_targets, reach
from game.content.loader import FileResult, locate
from game.content.walk import scenario_effects

START = "start"
END_NODE = "end"

# Edge kinds, in the order the legend lists them.
FLOW = "flow"  # a choice (or the time running out) leads here
SKIP = "skip"  # the event's `when` was false on arrival: play passes on
RESUME = "resume"  # after an interruption, play goes back where it was heading
INTERRUPT = "interrupt"  # a scheduled event came due (seen in the playtest)
SCHEDULE = "schedule"  # a choice or event schedules an interruption for later
EARLY = "early"  # an early ending fired after this decision (seen in the playtest)
ENDING = "ending"  # at the end of the events, this ending was picked

# Port kinds of an event card.
CHOICE = "choice"
TIMEOUT = "timeout"
SKIPPED = "skipped"
BODY = -1  # an edge that leaves the node itself, not one of its ports


@dataclass(frozen=True)
class Port:
    """One row of an event card: a choice, the time running out, or the event skipped."""

    kind: str
    key: str  # the choice id (its 1-based position in id-less files), "timeout", "skipped"
    label: str
    text: str  # the full text (a tooltip shows it when the label is cut)
    line: int
    decision: int | None  # as the batch engine counts it: 1-based position, 0 = timed out


@dataclass
class Node:
    """An event, an ending, the start or the end of the events."""

    id: str  # "event:ID", "ending:ID", START or END_NODE
    kind: str  # "event", "ending", START, END_NODE
    ref: str  # the event or ending id
    title: str
    text: str
    line: int
    source: str  # that line of the file
    ports: list[Port] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    condition: str = ""  # `when` as written
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class EdgeKey:
    source: str
    port: int  # index into the source's ports, or BODY
    target: str


@dataclass
class Edge:
    key: EdgeKey
    kind: str
    structural: bool  # the flow rules allow it (else only seen in the playtest)


@dataclass
class StoryGraph:
    """Nodes in reading order (start, events as listed, end, endings as listed) and edges."""

    scenario_id: str
    title: str
    path: str
    nodes: dict[str, Node]
    edges: dict[EdgeKey, Edge]
    problems: list[Diagnostic]  # every problem `check` reports for the file

    def add_edge(self, source: str, port: int, target: str, kind: str, structural: bool) -> Edge:
        key = EdgeKey(source, port, target)
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = Edge(key, kind, structural)
        elif structural and not edge.structural:
            edge.structural, edge.kind = True, kind
        return edge

    @property
    def events(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind == "event"]

    @property
    def endings(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind == "ending"]


def event_node(event_id: str) -> str:
    return f"event:{event_id}"


def ending_node(ending_id: str) -> str:
    return f"ending:{ending_id}"


Texts = Callable[[Any], str]


def build_graph(
    result: FileResult, texts: Texts, problems: Iterable[Diagnostic] = ()
) -> StoryGraph:
    """The graph of a scenario whose model validated (`result.model`); `texts` turns a text
    field into the reader's language. Links to ids that do not exist are left out (check
    reports them); `problems` are attached to the node they point into."""
    scenario = result.model
    assert isinstance(scenario, m.Scenario)
    lines = result.data.decode("utf-8", errors="replace").splitlines()

    def where(loc: tuple[str | int, ...]) -> tuple[int, str]:
        line = locate(result.doc, loc).mark.line if result.doc is not None else 1
        return line, lines[line - 1].strip() if 0 < line <= len(lines) else ""

    nodes: dict[str, Node] = {START: Node(START, START, START, "", "", 1, "")}
    for i, event in enumerate(scenario.events):
        line, source = where(("events", i))
        node = Node(event_node(event.id), "event", event.id, texts(event.title), texts(event.text),
                    line, source)  # fmt: skip
        node.ports = _ports(scenario, i, texts, where)
        if event.interrupt:
            node.flags.add("interrupt")
        if event.when is not None:
            node.flags.add("conditional")
            node.condition = event.when.source
        nodes[node.id] = node
    nodes[END_NODE] = Node(END_NODE, END_NODE, END_NODE, "", "", 1, "")
    for j, ending in enumerate(scenario.endings):
        line, source = where(("endings", j))
        node = Node(ending_node(ending.id), "ending", ending.id, texts(ending.title),
                    texts(ending.debrief), line, source)  # fmt: skip
        if ending.early:
            node.flags.add("early")
        if ending.when is not None:
            node.condition = ending.when.source
        nodes[node.id] = node
    title = texts(scenario.title) or scenario.id
    graph = StoryGraph(scenario.id, title, str(result.path), nodes, {}, list(problems))
    _flow_edges(graph, scenario)
    _mark_reach(graph, scenario)
    _attach(graph, scenario)
    return graph


def _ports(scenario: m.Scenario, i: int, texts: Texts, where: Any) -> list[Port]:
    event = scenario.events[i]
    ports = []
    for k, choice in enumerate(event.choices):
        line, _ = where(("events", i, "choices", k))
        text = texts(choice.text)
        ports.append(Port(CHOICE, choice.id or str(k + 1), text, text, line, k + 1))
    limit = event.time_limit if event.time_limit is not None else scenario.time_limit
    if limit:
        line, _ = where(("events", i, "time_limit") if event.time_limit else ("time_limit",))
        ports.append(Port(TIMEOUT, TIMEOUT, "", "", line, 0))
    if event.when is not None:
        line, _ = where(("events", i, "when"))
        ports.append(Port(SKIPPED, SKIPPED, event.when.source, event.when.source, line, None))
    return ports


def port_index(node: Node, kind: str, decision: int | None = None) -> int | None:
    """The index of a port by kind (and decision, for choices); None when it has none."""
    for n, port in enumerate(node.ports):
        if port.kind == kind and (decision is None or port.decision == decision):
            return n
    return None


def target_node(graph: StoryGraph, target: str) -> str | None:
    """The node an event id (or END) names; None for an id that does not exist."""
    if target == m.END:
        return END_NODE
    node = event_node(target)
    return node if node in graph.nodes else None


def _flow_edges(graph: StoryGraph, scenario: m.Scenario) -> None:
    flow = reach(scenario)
    for i, event in enumerate(scenario.events):
        source = graph.nodes[event_node(event.id)]
        default = default_targets(scenario, i)
        # an interruption hands play back where it was heading: what check allows for that
        resume = event.interrupt and event.next is None
        back = sorted(flow.graph.get(event.id, set())) if resume else default
        for n, port in enumerate(source.ports):
            if port.kind == SKIPPED:
                targets, kind = default, SKIP
            elif port.kind == TIMEOUT:
                targets, kind = back, RESUME if resume else FLOW
            else:
                choice = event.choices[n]
                own = choice.next is not None
                targets = choice_targets(choice, default) if own or not resume else back
                kind = RESUME if resume and not own else FLOW
            for target in targets:
                node = target_node(graph, target)
                if node is not None and node != source.id:
                    graph.add_edge(source.id, n, node, kind, True)
    first = scenario.start or scenario.events[0].id
    if event_node(first) in graph.nodes:
        graph.add_edge(START, BODY, event_node(first), FLOW, True)
    for ending in scenario.endings:
        if not ending.early:
            graph.add_edge(END_NODE, BODY, ending_node(ending.id), ENDING, True)
    for effect, loc in scenario_effects(scenario):
        if not isinstance(effect, m.Schedule) or event_node(effect.event) not in graph.nodes:
            continue
        event = scenario.events[int(loc[1])]
        source = graph.nodes[event_node(event.id)]
        if loc[2] == "choices":
            at: int | None = int(loc[3])
        elif loc[2] == "on_timeout":
            at = port_index(source, TIMEOUT)
        else:
            at = BODY
        graph.add_edge(source.id, BODY if at is None else at, event_node(effect.event),
                       SCHEDULE, True)  # fmt: skip


def _mark_reach(graph: StoryGraph, scenario: m.Scenario) -> None:
    flow = reach(scenario)
    for event in scenario.events:
        node = graph.nodes[event_node(event.id)]
        if event.id not in flow.reached:
            node.flags.add("unreachable")
        elif event.id not in flow.can_end:
            node.flags.add("dead_end")


def _attach(graph: StoryGraph, scenario: m.Scenario) -> None:
    """Each problem goes to the event or ending its field path points into."""
    owners = {f"events[{i}]": event_node(e.id) for i, e in enumerate(scenario.events)}
    owners |= {f"endings[{j}]": ending_node(e.id) for j, e in enumerate(scenario.endings)}
    for problem in graph.problems:
        head = problem.field.split(".", 1)[0]
        owner = owners.get(head)
        if owner is not None:
            graph.nodes[owner].problems.append(problem)
            if problem.severity == "error" and owner.startswith("ending:"):
                graph.nodes[owner].flags.add("never")
