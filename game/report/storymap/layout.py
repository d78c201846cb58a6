"""A layered left-to-right layout (Sugiyama style) for boxes whose links leave from ports.

Steps: links that close a loop are turned round (a depth-first search in reading order);
each box gets a column by the longest path from the start (boxes marked `last` share the
last column); links that skip columns pass through one lane per column, shared by links
between the same two boxes; the order within each column is improved by barycentre sweeps
that know which port a link leaves from, keeping the order with the fewest crossings; then
each column is placed vertically as close as its order allows to where its links want it
(weighted least squares under the ordering, solved by pooling adjacent violators).

Written here rather than taken from a graph library because the map needs what those lack:
ports on the boxes, a fixed last column for the endings, and weights from the playtest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float, int]  # x, y, heading (+1 rightwards, -1 leftwards)

COLUMN_GAP = 96.0
BOX_GAP = 22.0
LANE_GAP = 7.0
MARGIN = 24.0
SWEEPS = 12


@dataclass(frozen=True)
class Box:
    id: str
    width: float
    height: float
    ports: tuple[float, ...] = ()  # y of each port's centre from the top (on the right side)
    entry: float = 0.0  # y from the top where links come in (on the left side)
    last: bool = False  # in the last column
    floating: bool = False  # placed after its sources, outside the main flow's columns


@dataclass(frozen=True)
class Link:
    source: str
    port: int  # index into the source's ports; -1: from the box's middle
    target: str
    weight: float = 1.0


@dataclass
class Layout:
    x: dict[str, float]
    y: dict[str, float]
    columns: dict[str, int]
    routes: list[list[Point]]  # one per link, in the order given
    turned: set[int]  # links drawn against the columns (they close a loop)
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Node:
    id: str
    height: float
    ports: tuple[float, ...]
    entry: float
    box: Box | None  # None for a lane
    column: int = 0
    y: float = 0.0
    ins: list[tuple[_Node, float, float]] = field(default_factory=list)  # (node, its y, weight)
    outs: list[tuple[_Node, float, float]] = field(default_factory=list)

    def out_y(self, port: int) -> float:
        if 0 <= port < len(self.ports):
            return self.ports[port]
        return self.entry


def layout(boxes: list[Box], links: list[Link]) -> Layout:
    """Place `boxes` (in reading order; the first is the start) and route `links`."""
    nodes = {b.id: _Node(b.id, b.height, b.ports, b.entry, b) for b in boxes}
    floating = {b.id for b in boxes if b.floating}
    pairs = [(k.source, k.target) for k in links if k.source != k.target]
    main = [(a, b) for a, b in pairs if a not in floating and b not in floating]
    _columns(nodes, boxes, main, _loops([b.id for b in boxes], main))
    _float(nodes, links, floating)
    column = {n: nodes[n].column for n in nodes}
    turned_pairs = {(a, b) for a, b in pairs if column[b] <= column[a]}
    columns, chains = _lanes(nodes, links, turned_pairs)
    _order(columns, SWEEPS)
    _place(columns)
    return _finish(nodes, boxes, links, columns, chains, turned_pairs)


def _loops(order: list[str], pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The links (as source, target) a depth-first search in reading order finds going back."""
    rank = {n: i for i, n in enumerate(order)}
    succ: dict[str, list[str]] = {n: [] for n in order}
    for a, b in dict.fromkeys(pairs):
        succ[a].append(b)
    for n in succ:
        succ[n].sort(key=rank.__getitem__)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return back


def _columns(
    nodes: dict[str, _Node], boxes: list[Box], pairs: list[tuple[str, str]], turned: set
) -> None:
    forward = [(b, a) if (a, b) in turned else (a, b) for a, b in dict.fromkeys(pairs)]
    forward = [(a, b) for a, b in forward if not nodes[b].box.last]  # type: ignore[union-attr]
    preds: dict[str, list[str]] = {b.id: [] for b in boxes}
    succs: dict[str, list[str]] = {b.id: [] for b in boxes}
    for source, target in forward:
        preds[target].append(source)
        succs[source].append(target)
    done: dict[str, int] = {}

    def column(n: str) -> int:
        stack = [n]
        while stack:
            top = stack[-1]
            waiting = [p for p in preds[top] if p not in done]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            done[top] = max((done[p] + 1 for p in preds[top]), default=0)
        return done[n]

    for b in boxes:
        nodes[b.id].column = column(b.id)
    # a box nothing leads to (but the start) sits just before the first box it leads to,
    # else after the box listed before it
    for i, b in enumerate(boxes[1:], start=1):
        if not preds[b.id] and not b.last:
            after = [nodes[s].column for s in succs[b.id]]
            nodes[b.id].column = max(min(after) - 1, 0) if after else nodes[boxes[i - 1].id].column
    last = max((n.column for n in nodes.values() if not n.box.last), default=0)  # type: ignore[union-attr]
    for b in boxes:
        if b.last:
            nodes[b.id].column = last + 1


def _float(nodes: dict[str, _Node], links: list[Link], floating: set[str]) -> None:
    """A floating box gets a column of its own right after the weighted median of the boxes
    leading to it (else right before the first box it leads to), so that play runs forward
    into it and on out of it."""
    after: dict[str, int] = {}
    for name in sorted(floating):
        sources = sorted((nodes[k.source].column, k.weight) for k in links
                         if k.target == name and k.source not in floating)  # fmt: skip
        if sources:
            half, acc = sum(w for _, w in sources) / 2, 0.0
            for column, weight in sources:
                acc += weight
                if acc >= half:
                    after[name] = column
                    break
            continue
        ahead = [nodes[k.target].column for k in links
                 if k.source == name and k.target not in floating]  # fmt: skip
        after[name] = min(ahead) - 1 if ahead else nodes[name].column
    inserted = sorted(set(after.values()))
    for node in nodes.values():
        if node.id not in floating:
            node.column += sum(1 for k in inserted if k < node.column)
    for name, column in after.items():
        nodes[name].column = column + 1 + sum(1 for k in inserted if k < column)


def _lanes(
    nodes: dict[str, _Node], links: list[Link], turned: set[tuple[str, str]]
) -> tuple[list[list[_Node]], dict[tuple[str, str], list[_Node]]]:
    """Columns of nodes, with a lane in each column a link passes; chains of lanes by pair."""
    chains: dict[tuple[str, str], list[_Node]] = {}
    for link in links:
        a, b = link.source, link.target
        if a == b:
            continue
        low, high = (b, a) if (a, b) in turned else (a, b)
        pair = (low, high)
        if pair not in chains:
            chain = []
            for c in range(nodes[low].column + 1, nodes[high].column):
                lane = _Node(f"~{low}~{high}~{c}", 0.0, (), 0.0, None, c)
                chain.append(lane)
            chains[pair] = chain
        chain = chains[pair]
        hops = [nodes[low], *chain, nodes[high]]
        weight = link.weight
        start_y = nodes[a].out_y(link.port) if (a, b) not in turned else nodes[b].entry
        for i in range(len(hops) - 1):
            u, v = hops[i], hops[i + 1]
            uy = start_y if i == 0 and (a, b) not in turned else u.entry
            u.outs.append((v, uy, weight))
            v.ins.append((u, uy, weight))
    for chain in chains.values():
        for lane in chain:
            lane.height = LANE_GAP
            lane.entry = LANE_GAP / 2
    count = max(n.column for n in nodes.values()) + 1
    columns: list[list[_Node]] = [[] for _ in range(count)]
    for n in nodes.values():
        columns[n.column].append(n)
    for chain in chains.values():
        for lane in chain:
            columns[lane.column].append(lane)
    return columns, chains


def _positions(column: list[_Node]) -> dict[int, float]:
    return {id(n): float(i) for i, n in enumerate(column)}


def _port_pos(node: _Node, y: float, where: dict[int, float]) -> float:
    """A port's place in its column's order: the box's index plus the port's share of it."""
    share = (y / node.height) if node.height else 0.5
    return where[id(node)] + min(max(share, 0.0), 1.0) - 0.5


def _crossings(columns: list[list[_Node]]) -> int:
    total = 0
    for c in range(len(columns) - 1):
        left, right = _positions(columns[c]), _positions(columns[c + 1])
        pairs = sorted(
            (_port_pos(u, uy, left), right[id(v)])
            for u in columns[c]
            for v, uy, _ in u.outs
            if id(v) in right
        )
        for i in range(len(pairs)):
            for j in range(i + 1, len(pairs)):
                if pairs[i][0] < pairs[j][0] and pairs[i][1] > pairs[j][1]:
                    total += 1
    return total


def _order(columns: list[list[_Node]], sweeps: int) -> None:
    best = [list(c) for c in columns]
    fewest = _crossings(columns)
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        span = range(1, len(columns)) if down else range(len(columns) - 2, -1, -1)
        for c in span:
            fixed = _positions(columns[c - 1] if down else columns[c + 1])
            keyed = []
            for i, n in enumerate(columns[c]):
                if down:
                    near = [(_port_pos(u, uy, fixed), w) for u, uy, w in n.ins if id(u) in fixed]
                else:
                    near = [(fixed[id(v)] + (uy / n.height - 0.5 if n.height else 0.0), w)
                            for v, uy, w in n.outs if id(v) in fixed]  # fmt: skip
                weight = sum(w for _, w in near)
                keyed.append((sum(p * w for p, w in near) / weight if weight else float(i), i, n))
            columns[c] = [n for _, _, n in sorted(keyed, key=lambda k: (k[0], k[1]))]
        found = _crossings(columns)
        if found < fewest:
            fewest, best = found, [list(c) for c in columns]
    columns[:] = best


def _pool(targets: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence closest to `targets` in weighted least squares."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for t, w in zip(targets, weights, strict=True):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, n2 = blocks.pop()
            v1, w1, n1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    out: list[float] = []
    for value, _, count in blocks:
        out += [value] * int(count)
    return out


def _gap(a: _Node, b: _Node) -> float:
    return LANE_GAP if a.box is None or b.box is None else BOX_GAP


def _settle(column: list[_Node], wanted: list[float], weights: list[float]) -> None:
    offsets, at = [], 0.0
    for i, n in enumerate(column):
        offsets.append(at)
        if i + 1 < len(column):
            at += n.height + _gap(n, column[i + 1])
    pooled = _pool([t - o for t, o in zip(wanted, offsets, strict=True)], weights)
    for n, z, o in zip(column, pooled, offsets, strict=True):
        n.y = z + o


def _place(columns: list[list[_Node]]) -> None:
    for column in columns:
        _settle(column, [0.0] * len(column), [1.0] * len(column))
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        order = columns[1:] if down else columns[-2::-1]
        for column in order:
            wanted, weights = [], []
            for n in column:
                pulls = [(u.y + uy - n.entry, w) for u, uy, w in n.ins] if down else []
                pulls += [] if down else [(v.y + v.entry - uy, w) for v, uy, w in n.outs]
                if sweep >= SWEEPS - 2:  # the last sweeps weigh both sides
                    pulls = [(u.y + uy - n.entry, w) for u, uy, w in n.ins]
                    pulls += [(v.y + v.entry - uy, w) for v, uy, w in n.outs]
                weight = sum(w for _, w in pulls)
                wanted.append(sum(p * w for p, w in pulls) / weight if weight else n.y)
                weights.append(max(weight, 0.01) * (0.2 if n.box is None else 1.0))
            _settle(column, wanted, weights)


def _finish(
    nodes: dict[str, _Node],
    boxes: list[Box],
    links: list[Link],
    columns: list[list[_Node]],
    chains: dict[tuple[str, str], list[_Node]],
    turned: set[tuple[str, str]],
) -> Layout:
    top = min((n.y for column in columns for n in column), default=0.0)
    widths = [max((n.box.width for n in c if n.box is not None), default=40.0) for c in columns]
    lefts, at = [], MARGIN
    for w in widths:
        lefts.append(at)
        at += w + COLUMN_GAP
    width = at - COLUMN_GAP + MARGIN
    for column in columns:
        for n in column:
            n.y += MARGIN - top
    x = {b.id: lefts[nodes[b.id].column] for b in boxes}
    routes, turned_links = [], set()
    for i, link in enumerate(links):
        a, b = nodes[link.source], nodes[link.target]
        start = (x[a.id] + a.box.width, a.y + a.out_y(link.port), 1)  # type: ignore[union-attr]
        if (link.source, link.target) in turned or a is b:
            turned_links.add(i)
            chain = chains.get((link.target, link.source), [])
            points: list[Point] = [start]
            if not chain:  # round under both boxes, then into the target from its left
                low = max(a.y + a.height, b.y + b.height) + 14
                points += [(start[0] + 6, low, -1), (x[b.id] - 6, low, -1)]
            for lane in reversed(chain):
                left = lefts[lane.column]
                points += [(left + widths[lane.column], lane.y, -1), (left, lane.y, -1)]
            points.append((x[b.id], b.y + b.entry, 1))
        else:
            points = [start]
            for lane in chains.get((link.source, link.target), []):
                left = lefts[lane.column]
                points += [(left, lane.y, 1), (left + widths[lane.column], lane.y, 1)]
            points.append((x[b.id], b.y + b.entry, 1))
        routes.append(points)
    height = max((n.y + n.height for n in nodes.values()), default=0.0) + MARGIN
    columns_of = {b.id: nodes[b.id].column for b in boxes}
    return Layout(x, {b.id: nodes[b.id].y for b in boxes}, columns_of, routes, turned_links,
                  width, height)  # fmt: skip
