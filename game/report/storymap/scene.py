"""The story map laid out: cards with their texts fitted, links routed, playtest shares per
policy. Both the SVG page and the PNG are drawn from one Scene."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.i18n import Strings
from game.report.storymap import look
from game.report.storymap.graph import (
    EARLY,
    END_NODE,
    RESUME,
    SCHEDULE,
    SKIPPED,
    START,
    TIMEOUT,
    Edge,
    EdgeKey,
    Node,
    StoryGraph,
)
from game.report.storymap.layout import Box, Link, Point, layout
from game.report.storymap.traffic import Traffic

HEADER_GAP = 5


@dataclass
class Row:
    """One port of an event card, as drawn."""

    label: str  # fitted to the card
    text: str  # in full
    kind: str
    line: int
    y: float  # centre, in map coordinates
    shares: dict[str, float | None]  # policy -> its share of the decisions at the event


@dataclass
class Card:
    node: Node
    x: float
    y: float
    width: float
    height: float
    title: list[str]  # fitted lines
    meta: str
    rows: list[Row]
    reached: dict[str, float]  # policy -> share of runs that reached it
    column: int = 0

    @property
    def title_bottom(self) -> float:
        return self.y + look.PAD + len(self.title) * look.TITLE_LINE


@dataclass
class Wire:
    key: EdgeKey
    kind: str
    structural: bool
    points: list[Point]
    turned: bool
    shares: dict[str, float]  # policy -> times taken per run


@dataclass
class Scene:
    graph: StoryGraph
    cards: list[Card]
    wires: list[Wire]
    width: float
    height: float
    policies: list[str]
    runs: int
    seed: int
    lang: str
    notes: list[str] = field(default_factory=list)

    def card(self, node_id: str) -> Card:
        return next(c for c in self.cards if c.node.id == node_id)


def row_label(node: Node, port: int, s: Strings) -> str:
    """The text a port's row shows, before fitting."""
    found = node.ports[port]
    if found.kind == TIMEOUT:
        return s("map.row.timeout")
    if found.kind == SKIPPED:
        return s("map.row.skipped", condition=found.text)
    if found.kind == EARLY:
        return s("map.row.early", ending=found.text)
    number = sum(1 for p in node.ports[: port + 1] if p.kind == "choice")
    return f"{number}. {found.label}"


def _meta(node: Node, s: Strings) -> str:
    parts = [f"L{node.line}", node.ref]
    if "interrupt" in node.flags:
        parts.append(s("map.tag.interrupt"))
    if "early" in node.flags:
        parts.append(s("map.tag.early"))
    return " · ".join(parts)


def _box(node: Node, fonts: look.Fonts, s: Strings) -> tuple[Box, list[str], list[str]]:
    """The node's box for the layout, its fitted title lines and row labels."""
    if node.kind in (START, END_NODE):
        w, h = look.PILL
        return Box(node.id, w, h, (), h / 2), [], []
    width = look.CARD_WIDTH if node.kind == "event" else look.ENDING_WIDTH
    inner = width - 2 * look.PAD
    title = look.wrap(fonts.title, node.title or node.ref, inner, look.TITLE_LINES)
    head = look.PAD + len(title) * look.TITLE_LINE + look.META_LINE + HEADER_GAP
    labels = [
        look.fit(fonts.row, row_label(node, n, s), inner - look.SHARE_WIDTH)
        for n in range(len(node.ports))
    ]
    ports = tuple(head + (n + 0.5) * look.ROW_HEIGHT for n in range(len(labels)))
    height = head + len(labels) * look.ROW_HEIGHT + (look.PAD - 2 if labels else 2)
    # links come in level with the middle of the choices: a chain of events then runs
    # level instead of stepping down a little at each event
    choices = [y for y, p in zip(ports, node.ports, strict=True) if p.kind == "choice"]
    entry = (choices[0] + choices[-1]) / 2 if choices else height / 2
    box = Box(node.id, width, height, ports, entry, last=node.kind == "ending",
              floating="interrupt" in node.flags)  # fmt: skip
    return box, title, labels


def build_scene(
    graph: StoryGraph, traffic: Sequence[Traffic], s: Strings, seed: int, runs: int
) -> Scene:
    """Lay the graph out with the playtest's weights."""
    fonts = look.Fonts.open()
    boxes, titles, labels = [], {}, {}
    for node in graph.nodes.values():
        box, titles[node.id], labels[node.id] = _box(node, fonts, s)
        boxes.append(box)
    policies = [t.policy for t in traffic]
    edges = [e for e in graph.edges.values() if _drawn(e, traffic)]
    shares = [{t.policy: t.share(e.key) for t in traffic} for e in edges]
    links = [
        Link(e.key.source, e.key.port, e.key.target,
             0.3 if e.kind == SCHEDULE else 1.0 + 4.0 * max(sh.values(), default=0.0))
        for e, sh in zip(edges, shares, strict=True)
    ]  # fmt: skip
    placed = layout(boxes, links)
    cards = []
    for box in boxes:
        node = graph.nodes[box.id]
        x, y = placed.x[box.id], placed.y[box.id]
        rows = [
            Row(label, _full(node, n, s), node.ports[n].kind, node.ports[n].line, y + box.ports[n],
                {t.policy: t.port_share(node, n) for t in traffic})
            for n, label in enumerate(labels[box.id])
        ]  # fmt: skip
        reached = {t.policy: t.reached[node.id] / t.runs if t.runs else 0.0 for t in traffic}
        card = Card(node, x, y, box.width, box.height, titles[box.id], _meta(node, s), rows,
                    reached, placed.columns[box.id])  # fmt: skip
        cards.append(card)
    wires = [
        Wire(e.key, e.kind, e.structural, route, i in placed.turned, sh)
        for i, (e, sh, route) in enumerate(zip(edges, shares, placed.routes, strict=True))
    ]
    _spread_ends(wires, {c.node.id: c for c in cards})
    return Scene(graph, cards, wires, placed.width, placed.height, policies, runs, seed, s.lang)


def _drawn(edge: Edge, traffic: Sequence[Traffic]) -> bool:
    """With a playtest, the interruptions it saw replace the schedules and the guesses at
    where play resumes after them (the flow rules cannot tell which event that will be)."""
    if not traffic:
        return True
    if edge.kind == SCHEDULE:
        return False
    return not (
        edge.kind == RESUME and edge.structural and not any(t.edges[edge.key] for t in traffic)
    )


def _full(node: Node, port: int, s: Strings) -> str:
    found = node.ports[port]
    if found.kind in (TIMEOUT, SKIPPED, EARLY):
        return row_label(node, port, s)
    return found.text


def _spread_ends(wires: list[Wire], cards: dict[str, Card]) -> None:
    """Links into the same card land side by side on its left edge, in the order they come
    from, instead of on one point."""
    into: dict[str, list[Wire]] = {}
    for wire in wires:
        into.setdefault(wire.key.target, []).append(wire)
    for target, group in into.items():
        if len(group) < 2:
            continue
        card = cards[target]
        group.sort(key=lambda w: (w.points[-2][1] if len(w.points) > 1 else 0.0, w.key.port))
        centre = group[0].points[-1][1]
        room = max(card.height - 12.0, 4.0)
        step = min(6.0, room / (len(group) - 1))
        first = centre - step * (len(group) - 1) / 2
        first = min(max(first, card.y + 6.0), card.y + card.height - 6.0 - step * (len(group) - 1))
        for n, wire in enumerate(group):
            x, _, heading = wire.points[-1]
            wire.points[-1] = (x, first + n * step, heading)


Segment = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


def segments(points: Sequence[Point]) -> list[Segment]:
    """A route as cubic curves that leave and reach each point along its heading (links run
    level through the lanes and into the cards, and turn round where they go back)."""
    out: list[Segment] = []
    for (x0, y0, h0), (x1, y1, h1) in itertools.pairwise(points):
        dx = x1 - x0
        if abs(dx) < 0.5 and abs(y1 - y0) < 0.5:
            continue
        same = (dx > 0 and h0 > 0 and h1 > 0) or (dx < 0 and h0 < 0 and h1 < 0)
        if same and abs(y1 - y0) < 0.5:
            out.append(((x0, y0), (x0, y0), (x1, y1), (x1, y1)))
            continue
        reach = max(abs(dx) / 2, 24.0) if same else 48.0
        out.append(((x0, y0), (x0 + h0 * reach, y0), (x1 - h1 * reach, y1), (x1, y1)))
    return out
