"""The story map's HTML page: one self-contained file (inline SVG, CSS and a few lines of
script; no network), readable on screen and on paper.

The policy selector is radio buttons and CSS only: each button, when checked, points the
links' widths and colours at that policy's custom properties. The side panel is the one
script: pointing at (or tabbing to) a card shows its details there; without the script the
same details are in the lists under the map.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.diagnostics import Diagnostic
from game.i18n import Strings
from game.report.storymap import look
from game.report.storymap.graph import Node
from game.report.storymap.scene import Scene
from game.report.storymap.svg import editor_link, esc, percent, render_svg, short

SCRIPT = """
(() => {
  const panel = document.getElementById('panel');
  const hint = document.getElementById('panel-hint');
  let shown = null;
  const show = (node) => {
    const detail = node && document.getElementById(node.dataset.detail);
    if (!detail || detail === shown) return;
    if (shown) shown.hidden = true;
    hint.hidden = true;
    detail.hidden = false;
    shown = detail;
  };
  for (const node of document.querySelectorAll('svg.map .node')) {
    node.addEventListener('mouseenter', () => show(node));
    node.addEventListener('focusin', () => show(node));
  }
  panel.hidden = false;
})();
"""


def css(policies: Sequence[str]) -> str:
    """The page's style, with one set of rules per policy for the selector."""
    rules = [
        f"#p-{p}:checked ~ .board .wire {{ --w: var(--w-{p}); --c: var(--c-{p}); }}\n"
        f"#p-{p}:checked ~ .board .sh-{p} {{ display: inline; }}\n"
        f"#p-{p}:checked ~ .board .nr-{p} .card {{ fill: #f4f4f4; stroke: {look.ORANGE}; "
        "stroke-dasharray: 5 3; }\n"
        f"#p-{p}:checked ~ .board .nr-{p} {{ opacity: .62; }}\n"
        f"#p-{p}:checked ~ .board .nr-{p} .b-nr {{ display: inline; }}\n"
        f"#p-{p}:checked ~ .picker label[for=p-{p}] {{ background: {look.BLUE}; color: #fff; "
        f"border-color: {look.BLUE}; }}\n"
        f"#p-{p}:focus-visible ~ .picker label[for=p-{p}] {{ outline: 3px solid {look.ORANGE}; }}"
        for p in policies
    ]
    dashes = [f".k-{k} > path {{ stroke-dasharray: {d}; }}" for k, d in look.DASHES.items() if d]
    fit = [
        "#fit:checked ~ .board svg.map { width: 100%; height: auto; }",
        f"#fit:checked ~ .picker label.fit {{ background: {look.BLUE}; color: #fff; }}",
        f"#fit:focus-visible ~ .picker label.fit {{ outline: 3px solid {look.ORANGE}; }}",
    ]
    return BASE_CSS + "\n".join(dashes + fit + rules)


BASE_CSS = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: #fff; color: {look.TEXT}; line-height: 1.45;
  font-family: {look.FONT_FAMILY}; }}
main {{ padding: 20px 24px 40px; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .2rem; }}
h2 {{ font-size: 1.25rem; margin: 2rem 0 .4rem; padding-bottom: .2rem;
  border-bottom: 3px solid {look.BLUE}; }}
p {{ margin: .3rem 0; }}
.meta {{ color: {look.DIM}; }}
code, .where {{ font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: .85em; }}
a {{ color: #005a8c; }}
.pick {{ position: absolute; opacity: 0; pointer-events: none; }}
.picker {{ margin: .8rem 0 .6rem; display: flex; flex-wrap: wrap; gap: .4rem;
  align-items: center; }}
.picker label {{ border: 1px solid {look.CARD_EDGE}; border-radius: 14px; padding: .15rem .7rem;
  cursor: pointer; user-select: none; }}
.board {{ display: flex; gap: 14px; align-items: flex-start; }}
.scroll {{ overflow: auto; flex: 1 1 auto; border: 1px solid #dfe5eb; border-radius: 8px;
  max-height: 82vh; background: #fbfcfd; }}
.panel {{ flex: 0 0 300px; position: sticky; top: 10px; border: 1px solid #dfe5eb;
  border-radius: 8px; padding: .6rem .8rem; font-size: .9rem; max-height: 82vh; overflow: auto; }}
.panel h3 {{ font-size: 1rem; margin: 0 0 .3rem; }}
.panel ol {{ padding-left: 1.3rem; margin: .3rem 0; }}
.panel pre {{ white-space: pre-wrap; background: #f3f6f9; padding: .3rem .4rem; margin: .3rem 0; }}
svg.map {{ display: block; font-family: {look.FONT_FAMILY}; }}
.wire > path {{ fill: none; stroke: var(--c, #7b8fa1); stroke-width: var(--w, 1.6);
  stroke-linecap: round; }}
.wire .tip {{ fill: var(--c, #7b8fa1); stroke: none;
  transform: scale(calc(.55 + var(--w, 1.6) / 7)); }}
.wire:hover > path {{ stroke: {look.ORANGE}; }}
.wire:hover .tip {{ fill: {look.ORANGE}; }}
.k-schedule > path {{ stroke: {look.PURPLE}; stroke-width: 1.4; }}
.k-schedule .tip {{ fill: {look.PURPLE}; transform: none; }}
.card {{ fill: {look.CARD}; stroke: {look.CARD_EDGE}; stroke-width: 1.2; }}
.node:hover .card, .node:focus-within .card {{ stroke: {look.BLUE}; stroke-width: 2.4; }}
.ending .card {{ fill: #eef8f4; }}
.ending .band {{ fill: {look.GREEN}; }}
.ending.f-early .band {{ fill: {look.PURPLE}; }}
.event.f-interrupt .band {{ fill: {look.PURPLE}; }}
.f-unreachable .card {{ stroke: {look.VERMILLION}; stroke-width: 3; stroke-dasharray: 7 4;
  fill: #fdf0e8; }}
.f-dead_end .card, .f-never .card {{ stroke: {look.VERMILLION}; stroke-width: 3; fill: #fdf0e8; }}
.hit {{ fill: transparent; }}
.title {{ font-size: {look.TITLE_PX}px; font-weight: bold; fill: {look.TEXT}; }}
.meta {{ font-size: {look.META_PX}px; fill: {look.DIM}; }}
.row rect {{ fill: transparent; }}
.row.alt rect {{ fill: {look.ROW_ALT}; }}
.row:hover rect {{ fill: #e3eef7; }}
.row text {{ font-size: {look.ROW_PX}px; fill: {look.TEXT}; }}
.r-timeout text, .r-skipped text {{ fill: {look.DIM}; font-style: italic; }}
.r-early text {{ fill: {look.EARLY_TEXT}; }}
.port {{ fill: #fff; stroke: {look.CARD_EDGE}; }}
.sh {{ display: none; text-anchor: end; font-variant-numeric: tabular-nums; }}
.row .sh {{ fill: {look.DIM}; font-size: {look.META_PX}px; }}
.head .sh {{ font-size: 11px; font-weight: bold; fill: {look.TEXT}; }}
.pill {{ fill: #e8eef3; stroke: {look.DIM}; }}
.pill-text {{ font-size: 12px; font-weight: bold; text-anchor: middle; fill: {look.TEXT}; }}
.badge rect {{ stroke: none; }}
.badge text {{ font-size: 10px; font-weight: bold; fill: #fff; text-anchor: middle; }}
.b-bad rect {{ fill: {look.VERMILLION}; }}
.b-warn rect {{ fill: {look.ORANGE}; }}
.b-warn text {{ fill: {look.TEXT}; }}
.b-nr {{ display: none; }}
.b-nr rect {{ fill: {look.ORANGE}; }}
.b-nr text {{ fill: {look.TEXT}; }}
.legend {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(270px, 1fr));
  gap: .2rem 1.2rem; margin: .6rem 0; font-size: .9rem; }}
.legend div {{ display: flex; align-items: center; gap: .5rem; }}
.legend svg {{ flex: 0 0 auto; }}
table {{ border-collapse: collapse; font-size: .9rem; margin: .4rem 0 1rem; }}
th, td {{ text-align: left; vertical-align: top; padding: .25rem .5rem;
  border-bottom: 1px solid #dfe5eb; }}
th {{ border-bottom: 2px solid #9aa8b5; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.bad {{ color: #a64500; font-weight: bold; }}
ul.plain {{ padding-left: 1.2rem; }}
@media print {{
  .scroll {{ max-height: none; overflow: visible; border: none; }}
  .panel, .picker {{ display: none; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""


def render_page(scene: Scene, s: Strings) -> str:
    """The whole page as a string."""
    graph = scene.graph
    title = s("map.title", title=graph.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(s.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{css(scene.policies)}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{esc(s("map.subtitle", id=graph.scenario_id))} '
        f'<span class="where">{esc(graph.path)}</span></p>',
    ]
    parts += [f'<p class="meta">{esc(note)}</p>' for note in scene.notes]
    parts += _fit(s)
    parts += _picker(scene, s)
    parts.append('<div class="board">')
    parts.append(f'<div class="scroll">{render_svg(scene, s)}</div>')
    parts.append(_panel(scene, s))
    parts.append("</div>")
    parts += _legend(scene, s)
    parts += _lists(scene, s)
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts)


def _picker(scene: Scene, s: Strings) -> list[str]:
    if not scene.policies:
        return []
    out = [
        f'<input class="pick" type="radio" name="policy" id="p-{p}" value="{p}"'
        f"{' checked' if n == 0 else ''}>"
        for n, p in enumerate(scene.policies)
    ]
    labels = "".join(f'<label for="p-{p}">{esc(p)}</label>' for p in scene.policies)
    caption = s("map.picker", runs=scene.runs, seed=scene.seed)
    out.append(f'<div class="picker"><span>{esc(caption)}</span>{labels}</div>')
    return out


def _fit(s: Strings) -> list[str]:
    """A switch that shrinks the whole map into the window's width (CSS only)."""
    return [
        '<input class="pick" type="checkbox" id="fit">',
        f'<div class="picker"><label for="fit" class="fit">{esc(s("map.fit"))}</label></div>',
    ]


def _detail(node: Node, scene: Scene, s: Strings, n: int) -> str:
    path = scene.graph.path
    out = [f'<div class="detail" id="d{n}" hidden>']
    if node.kind in ("start", "end"):
        tip = s("map.start_tip") if node.kind == "start" else s("map.end_tip")
        return "".join([*out, f"<p>{esc(tip)}</p></div>"])
    out.append(f"<h3>{esc(node.title or node.ref)}</h3>")
    link = editor_link(path, node.line)
    out.append(f'<p><a class="where" href="{esc(link)}">{esc(path)}:{node.line}</a></p>')
    if node.source:
        out.append(f"<pre>{esc(node.source)}</pre>")
    if node.condition:
        out.append(f"<p>{esc(s('map.detail.when', condition=node.condition))}</p>")
    out.append(f"<p>{esc(short(node.text, 600))}</p>")
    card = scene.card(node.id)
    if card.rows:
        out.append("<ol>")
        for row in card.rows:
            shares = ", ".join(f"{p} {percent(v)}" for p, v in row.shares.items() if v is not None)
            where = f'<a class="where" href="{esc(editor_link(path, row.line))}">L{row.line}</a>'
            out.append(f"<li>{esc(row.text)} {where}" + (f" — {esc(shares)}" if shares else ""))
        out.append("</ol>")
    if card.reached:
        reached = ", ".join(f"{p} {percent(v)}" for p, v in card.reached.items())
        out.append(f"<p>{esc(s('map.detail.reached', shares=reached))}</p>")
    for problem in node.problems:
        out.append(f'<p class="bad">{esc(problem.severity)}: {esc(problem.message)}</p>')
    out.append("</div>")
    return "".join(out)


def _panel(scene: Scene, s: Strings) -> str:
    details = [_detail(c.node, scene, s, n) for n, c in enumerate(scene.cards)]
    return (
        f'<aside class="panel" id="panel" hidden><p class="meta" id="panel-hint">'
        f"{esc(s('map.panel_hint'))}</p>{''.join(details)}</aside>"
    )


def _sample(kind: str, width: float, colour: str) -> str:
    dash = look.DASHES.get(kind, "")
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="56" height="16" aria-hidden="true"><path d="M3,8 H53" stroke="{colour}" '
        f'stroke-width="{width}" fill="none"{dash_attr}/></svg>'
    )


def _box_sample(fill: str, stroke: str, dash: str = "", width: float = 1.2) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="56" height="22" aria-hidden="true"><rect x="3" y="3" width="50" '
        f'height="16" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="{width}"'
        f"{dash_attr}/></svg>"
    )


def _legend(scene: Scene, s: Strings) -> list[str]:
    kinds = [k for k in look.DASHES if any(w.kind == k for w in scene.wires)]
    items = [(_sample(k, 2.5, look.PURPLE if k == "schedule" else look.BLUE),
              s(f"map.legend.{k}")) for k in kinds]  # fmt: skip
    if scene.policies:
        for share in (0.02, 0.1, 0.5, 1.0):
            items.append((_sample("flow", look.stroke(share), look.colour(share)),
                          s("map.legend.share", share=percent(share))))  # fmt: skip
        items.append((_sample("flow", look.MIN_STROKE, look.UNTAKEN), s("map.legend.untaken")))
    items += [
        (_box_sample(look.CARD, look.CARD_EDGE), s("map.legend.event")),
        (_box_sample("#eef8f4", look.GREEN, width=2), s("map.legend.ending_card")),
        (_box_sample("#fff", look.PURPLE, width=2), s("map.legend.interrupt_card")),
        (_box_sample("#fdf0e8", look.VERMILLION, "7 4", 3), s("map.legend.unreachable")),
        (_box_sample("#fdf0e8", look.VERMILLION, "", 3), s("map.legend.dead_end")),
    ]
    if scene.policies:
        items.append((_box_sample("#f4f4f4", look.ORANGE, "5 3", 1.5), s("map.legend.not_reached")))
    if any(r.kind == "early" for c in scene.cards for r in c.rows):
        items.append((_box_sample("#fff", look.PURPLE, "", 1.5), s("map.legend.early_row")))
    cells = "".join(f"<div>{sample}<span>{esc(text)}</span></div>" for sample, text in items)
    return [f"<h2>{esc(s('map.legend'))}</h2>", f'<div class="legend">{cells}</div>',
            f"<p class=\"meta\">{esc(s('map.legend.note'))}</p>"]  # fmt: skip


def _where(path: str, line: int) -> str:
    return f'<a class="where" href="{esc(editor_link(path, line))}">{esc(path)}:{line}</a>'


def _lists(scene: Scene, s: Strings) -> list[str]:
    graph = scene.graph
    out = [f"<h2>{esc(s('map.problems'))}</h2>"]
    flow = [
        (node, s(f"map.problem.{flag}"))
        for node in graph.nodes.values()
        for flag in ("unreachable", "dead_end", "never")
        if flag in node.flags
    ]
    if flow:
        out.append('<ul class="plain">')
        out += [f"<li><span class=\"bad\">{esc(what)}</span>: {esc(node.title or node.ref)} "
                f"({_where(graph.path, node.line)})</li>" for node, what in flow]  # fmt: skip
        out.append("</ul>")
    else:
        out.append(f"<p>{esc(s('map.problems.none'))}</p>")
    if scene.policies:
        out.append(f"<h2>{esc(s('map.unreached'))}</h2>")
        out.append(_unreached(scene, s))
    if graph.problems:
        out.append(f"<h2>{esc(s('map.check'))}</h2>")
        out.append(_diagnostics(graph.problems))
    out.append(f"<h2>{esc(s('map.events'))}</h2>")
    out.append(_table(scene, s))
    return out


def _unreached(scene: Scene, s: Strings) -> str:
    rows = []
    for card in scene.cards:
        if card.node.kind not in ("event", "ending"):
            continue
        missing = [p for p, v in card.reached.items() if v <= 0]
        if not missing:
            continue
        every = len(missing) == len(scene.policies)
        who = s("map.unreached.all") if every else ", ".join(missing)
        cls = ' class="bad"' if every else ""
        rows.append(f"<li>{esc(card.node.title or card.node.ref)} "
                    f"({_where(scene.graph.path, card.node.line)}): <span{cls}>{esc(who)}</span>"
                    "</li>")  # fmt: skip
    if not rows:
        return f"<p>{esc(s('map.unreached.none'))}</p>"
    return f'<ul class="plain">{"".join(rows)}</ul>'


def _diagnostics(problems: Sequence[Diagnostic]) -> str:
    items = "".join(
        f"<li><code>{esc(d.path)}:{d.line}:{d.column}</code> <b>{esc(d.severity)}</b> "
        f"<code>{esc(d.field)}</code>: {esc(d.message)}"
        + (f" ({esc(d.hint)})" if d.hint else "")
        + "</li>"
        for d in problems
    )
    return f'<ul class="plain">{items}</ul>'


def _table(scene: Scene, s: Strings) -> str:
    head = "".join(f'<th class="num">{esc(p)}</th>' for p in scene.policies)
    rows = []
    number = 0
    for card in scene.cards:
        node = card.node
        if node.kind not in ("event", "ending"):
            continue
        number += 1
        cells = "".join(f'<td class="num">{percent(v)}</td>' for v in card.reached.values())
        kind = s("map.kind.event") if node.kind == "event" else s("map.kind.ending")
        rows.append(
            f'<tr><td class="num">{number}</td><td>{esc(kind)}</td>'
            f"<td>{esc(node.title or node.ref)}</td><td><code>{esc(node.ref)}</code></td>"
            f"<td>{_where(scene.graph.path, node.line)}</td>{cells}</tr>"
        )
    return (
        f'<p class="meta">{esc(s("map.events.caption"))}</p><table><thead><tr><th>#</th>'
        f"<th>{esc(s('map.col.kind'))}</th><th>{esc(s('map.col.title'))}</th>"
        f"<th>{esc(s('map.col.id'))}</th><th>{esc(s('map.col.where'))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
