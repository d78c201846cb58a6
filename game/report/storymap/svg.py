"""The story map as inline SVG: cards, rows and links, with every policy's weights in it.

Which policy's weights show is decided by CSS alone (see page.py): each link carries one
width and colour per policy as custom properties (`--w-random`, `--c-random`), each share
and each "not reached" mark one element or class per policy. Every text is escaped here.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

from game.i18n import Strings
from game.report.storymap import look
from game.report.storymap.graph import END_NODE, START
from game.report.storymap.scene import Card, Row, Scene, Wire, segments

ARROW = "M0,0 L-9,-4.5 L-9,4.5 Z"
TOOLTIP_CHARS = 1200


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def editor_link(path: str, line: int) -> str:
    """A link that opens the file at the line in Visual Studio Code (and editors that
    answer its links)."""
    absolute = Path(path).resolve().as_posix()
    return f"vscode://file{quote(absolute if absolute.startswith('/') else '/' + absolute)}:{line}"


def short(text: str, limit: int = TOOLTIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def percent(share: float | None) -> str:
    if share is None:
        return ""
    if 0 < share < 0.005:
        return "<1%"
    return f"{share:.0%}"


def render_svg(scene: Scene, s: Strings) -> str:
    """The map's <svg> element."""
    width, height = round(scene.width), round(scene.height)
    parts = [
        f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="map-title">',
        f'<title id="map-title">{esc(s("map.svg_title", title=scene.graph.title))}</title>',
        '<g class="wires">',
    ]
    # the rarer links first, so that the main flow is drawn over them
    order = sorted(scene.wires, key=lambda w: max(w.shares.values(), default=0.0))
    parts += [_wire(w, scene) for w in order]
    parts.append("</g>")
    parts += [_card(c, scene, s, n) for n, c in enumerate(scene.cards)]
    parts.append("</svg>")
    return "\n".join(parts)


def _wire(wire: Wire, scene: Scene) -> str:
    d = ""
    for (x0, y0), (ax, ay), (bx, by), (x1, y1) in segments(wire.points):
        d += f"M{x0:.1f},{y0:.1f}" if not d else ""
        d += f" C{ax:.1f},{ay:.1f} {bx:.1f},{by:.1f} {x1:.1f},{y1:.1f}"
    variables = ";".join(
        f"--w-{p}:{look.stroke(share):.2f};--c-{p}:{look.colour(share)}"
        for p, share in wire.shares.items()
    )
    never = " ".join(f"z-{p}" for p, share in wire.shares.items() if share <= 0)
    classes = f"wire k-{wire.kind}{' seen' if not wire.structural else ''} {never}".strip()
    x, y, _ = wire.points[-1]
    style = f' style="{variables}"' if variables else ""
    title = _wire_title(wire, scene)
    return (
        f'<g class="{classes}"{style}><title>{esc(title)}</title>'
        f'<path d="{d}"/><g transform="translate({x:.1f},{y:.1f})"><path class="tip" '
        f'd="{ARROW}"/></g></g>'
    )


def _wire_title(wire: Wire, scene: Scene) -> str:
    source = scene.graph.nodes[wire.key.source]
    target = scene.graph.nodes[wire.key.target]
    here = source.title or source.ref
    if 0 <= wire.key.port < len(source.ports):
        port = source.ports[wire.key.port]
        here += f" — {port.label or port.key}"
    taken = ", ".join(f"{p} {percent(v)}" for p, v in wire.shares.items())
    return f"{here} → {target.title or target.ref}" + (f"\n{taken}" if taken else "")


def _card(card: Card, scene: Scene, s: Strings, n: int) -> str:
    node = card.node
    unreached = [p for p, share in card.reached.items() if share <= 0]
    marks = sorted(node.flags & {"unreachable", "dead_end", "never", "interrupt", "early"})
    problems = [p for p in node.problems]
    classes = ["node", node.kind, *(f"f-{m}" for m in marks), *(f"nr-{p}" for p in unreached)]
    if any(p.severity == "error" for p in problems):
        classes.append("has-error")
    elif problems:
        classes.append("has-warning")
    attrs = f'class="{" ".join(classes)}" id="n{n}" data-detail="d{n}"'
    x, y, w, h = card.x, card.y, card.width, card.height
    if node.kind in (START, END_NODE):
        label = s("map.start") if node.kind == START else s("map.end")
        tip = s("map.start_tip") if node.kind == START else s("map.end_tip")
        return (
            f'<g {attrs} tabindex="0"><title>{esc(tip)}</title>'
            f'<rect class="pill" x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h}" rx="{h / 2}"/>'
            f'<text class="pill-text" x="{x + w / 2:.1f}" y="{y + h / 2 + 4:.1f}">{esc(label)}'
            "</text></g>"
        )
    link = editor_link(scene.graph.path, node.line)
    where = f"{scene.graph.path}:{node.line}"
    tip = "\n".join(t for t in (node.title, short(node.text), where, node.source) if t)
    out = [
        f"<g {attrs}>",
        f'<rect class="card" x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h:.1f}" rx="7"/>',
    ]
    if node.kind == "ending":
        out.append(
            f'<rect class="band" x="{x:.1f}" y="{y:.1f}" width="6" height="{h:.1f}" rx="3"/>'
        )
    elif "interrupt" in node.flags:
        out.append(f'<rect class="band" x="{x:.1f}" y="{y:.1f}" width="{w}" height="5" rx="2.5"/>')
    out.append(f'<a class="head" href="{esc(link)}"><title>{esc(tip)}</title>')
    out.append(f'<rect class="hit" x="{x:.1f}" y="{y:.1f}" width="{w}" '
               f'height="{card.title_bottom - y + look.META_LINE:.1f}"/>')  # fmt: skip
    ty = y + look.PAD + look.TITLE_PX
    for line in card.title:
        out.append(f'<text class="title" x="{x + look.PAD:.1f}" y="{ty:.1f}">{esc(line)}</text>')
        ty += look.TITLE_LINE
    out.append(f'<text class="meta" x="{x + look.PAD:.1f}" y="{ty:.1f}">{esc(card.meta)}</text>')
    if node.kind == "ending":
        out += [
            f'<text class="sh sh-{p}" x="{x + w - look.PAD:.1f}" y="{ty:.1f}">'
            f"{esc(percent(share))}</text>"
            for p, share in card.reached.items()
        ]
    out.append("</a>")
    out += [_row(r, card, scene, k) for k, r in enumerate(card.rows)]
    out.append(_badges(card, problems, s))
    out.append("</g>")
    return "".join(out)


def _row(row: Row, card: Card, scene: Scene, k: int) -> str:
    x, w = card.x, card.width
    top = row.y - look.ROW_HEIGHT / 2
    classes = f"row r-{row.kind}" + (" alt" if k % 2 else "")
    link = editor_link(scene.graph.path, row.line)
    tip = f"{row.text}\n{scene.graph.path}:{row.line}"
    shares = "".join(
        f'<text class="sh sh-{p}" x="{x + w - look.PAD:.1f}" y="{row.y + 4:.1f}">'
        f"{esc(percent(share))}</text>"
        for p, share in row.shares.items()
    )
    return (
        f'<a class="{classes}" href="{esc(link)}"><title>{esc(tip)}</title>'
        f'<rect x="{x + 1:.1f}" y="{top:.1f}" width="{w - 2}" height="{look.ROW_HEIGHT}"/>'
        f'<text x="{x + look.PAD:.1f}" y="{row.y + 4:.1f}">{esc(row.label)}</text>{shares}'
        f'<circle class="port" cx="{x + w:.1f}" cy="{row.y:.1f}" r="3"/></a>'
    )


def _badges(card: Card, problems: list, s: Strings) -> str:
    """Small labels on the card's top edge: flow problems, not reached, check's problems."""
    node = card.node
    labels = []
    for flag, key in (("unreachable", "map.mark.unreachable"), ("dead_end", "map.mark.dead_end"),
                      ("never", "map.mark.never")):  # fmt: skip
        if flag in node.flags:
            labels.append(("bad", s(key)))
    if problems:
        labels.append(("warn", f"⚠ {len(problems)}"))
    out = []
    right = card.x + card.width - 6
    for kind, text in labels:
        width = 7 * len(text) + 10
        right -= width
        out.append(
            f'<g class="badge b-{kind}"><rect x="{right:.1f}" y="{card.y - 9:.1f}" '
            f'width="{width}" height="16" rx="8"/><text x="{right + width / 2:.1f}" '
            f'y="{card.y + 3:.1f}">{esc(text)}</text></g>'
        )
        right -= 4
    nr = s("map.mark.not_reached")
    width = 7 * len(nr) + 10
    out.append(
        f'<g class="badge b-nr"><rect x="{card.x + 6:.1f}" y="{card.y - 9:.1f}" width="{width}" '
        f'height="16" rx="8"/><text x="{card.x + 6 + width / 2:.1f}" y="{card.y + 3:.1f}">'
        f"{esc(nr)}</text></g>"
    )
    return "".join(out)
