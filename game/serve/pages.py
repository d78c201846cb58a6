"""The server's HTML: the projector page, the instructor's page and short message pages.

Every text that comes from a trainee or a file is escaped here (``esc``); the projector's
script later fills the same tables with ``textContent`` only. Pages load their script and
style from ``/static`` (the server's Content-Security-Policy allows nothing inline), and the
projector's first state and strings travel in a ``<script type="application/json">`` block,
which no browser runs.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from game.i18n import LANGUAGES, Strings
from game.store.classboard import ClassRow, ClassState
from game.store.playthrough import Playthrough

PAGE_KEYS = (
    "serve.title", "serve.playing", "serve.nobody.playing", "serve.no.runs", "serve.col.place",
    "serve.col.name", "serve.col.score", "serve.col.ending", "serve.report", "serve.map",
    "serve.live", "serve.offline",
)  # fmt: skip
COUNTED_KEYS = ("serve.decisions", "serve.runs", "serve.earlier")
# A whole number of each plural category (Intl.PluralRules names): the script picks the
# category of its number and puts the number into that template.
PLURAL_SAMPLES = {"one": 1, "few": 3, "many": 7, "other": 7}
_ROUND_SAMPLE = 97


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json_block(data: object) -> str:
    # "</" could end the script element early; "\u003c" reads the same to JSON.parse
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _document(title: str, lang: str, body: str, *, script: str = "", css: str = "page") -> str:
    scripts = f'<script src="/static/{script}.js" defer></script>' if script else ""
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>"
        f'<link rel="stylesheet" href="/static/{css}.css">{scripts}</head>'
        f"<body>{body}</body></html>"
    )


def strings_for_page(s: Strings) -> dict[str, Any]:
    """What the projector's script needs: plain strings, and counted ones per number form."""
    plain = {key: s(key) for key in PAGE_KEYS}
    counted = {
        key: {
            category: s(key, count=n).replace(str(n), "{count}")
            for category, n in PLURAL_SAMPLES.items()
        }
        for key in COUNTED_KEYS
    }
    rounds = {
        state: s(f"serve.round.{state}", round=_ROUND_SAMPLE).replace(str(_ROUND_SAMPLE), "{round}")
        for state in ("open", "closed")
    }
    return {"plain": plain, "counted": counted, "round": rounds, "lang": s.lang}


def _round_line(snapshot: dict[str, Any], s: Strings) -> str:
    key = "serve.round.open" if snapshot.get("open") else "serve.round.closed"
    return s(key, round=snapshot.get("round", 1))


def _ranking(entry: dict[str, Any], s: Strings, lang: str) -> str:
    head = "".join(
        f"<th>{esc(s(k))}</th>"
        for k in ("serve.col.place", "serve.col.name", "serve.col.score", "serve.col.ending")
    )
    body = "".join(
        f"<tr><td>{r['place']}</td><td>{esc(r['name'])}</td><td>{r['score']:.1f}</td>"
        f"<td>{esc(r['ending'].get(lang) or r['ending'].get('en') or '')}</td></tr>"
        for r in entry["rows"]
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _scenario(entry: dict[str, Any], s: Strings, lang: str) -> str:
    title = entry["title"].get(lang) or entry["title"].get("en") or entry["id"]
    earlier = (
        f'<p class="note">{esc(s("serve.earlier", count=entry["earlier"]))}</p>'
        if entry["earlier"]
        else ""
    )
    link = f'<a href="/map/{esc(entry["id"])}?lang={lang}">{esc(s("serve.map"))}</a>'
    return (
        f'<section class="scenario" data-id="{esc(entry["id"])}"><h2>{esc(title)} '
        f'<span class="count">{esc(s("serve.runs", count=entry["plays"]))}</span></h2>'
        f'{_ranking(entry, s, lang)}{earlier}<p class="links">{link}</p></section>'
    )


def _players(snapshot: dict[str, Any], s: Strings, lang: str) -> str:
    players = snapshot.get("players", [])
    if not players:
        return f'<p class="note">{esc(s("serve.nobody.playing"))}</p>'
    items = "".join(
        f'<li><span class="who">{esc(p["name"])}</span> · '
        f"{esc(p['title'].get(lang) or p['scenario'])} · "
        f"{esc(s('serve.decisions', count=p['decisions']))}</li>"
        for p in players
    )
    return f"<ul>{items}</ul>"


def projector_page(snapshot: dict[str, Any], lang: str) -> str:
    """The live board: rankings per scenario, who is playing, links; filled in again by
    ``/static/projector.js`` from ``/events``."""
    s = Strings(lang)
    other = next(code for code in LANGUAGES if code != s.lang)
    scenarios = [e for e in snapshot.get("scenarios", []) if e["plays"] or e["earlier"]]
    board = "".join(_scenario(e, s, s.lang) for e in scenarios)
    if not board:
        board = f'<p class="note">{esc(s("serve.no.runs"))}</p>'
    state = {"strings": strings_for_page(s), "snapshot": snapshot}
    body = (
        f"<header><h1>{esc(s('serve.title'))}</h1>"
        f'<p id="round">{esc(_round_line(snapshot, s))}</p>'
        f'<p id="status" class="status">{esc(s("serve.live"))}</p>'
        f'<nav><a href="/report?lang={s.lang}">{esc(s("serve.report"))}</a> '
        f'<a href="/?lang={other}">{esc(s("serve.language"))}</a></nav></header>'
        f'<main><div id="board">{board}</div>'
        f'<aside><h2>{esc(s("serve.playing"))}</h2><div id="players">'
        f"{_players(snapshot, s, s.lang)}</div></aside></main>"
        f'<script id="state" type="application/json">{_json_block(state)}</script>'
    )
    return _document(s("serve.title"), s.lang, body, script="projector", css="projector")


def message_page(message: str, lang: str, title: str = "") -> str:
    """A short page saying one thing, with a way back to the board."""
    s = Strings(lang)
    body = (
        f'<main class="message"><h1>{esc(title or s("serve.title"))}</h1>'
        f"<p>{esc(message)}</p>"
        f'<p><a href="/?lang={s.lang}">{esc(s("serve.back"))}</a></p></main>'
    )
    return _document(title or s("serve.title"), s.lang, body)


def _admin_button(token: str, action: str, label: str, extra: str = "") -> str:
    return (
        f'<form method="post" action="/admin/{action}">'
        f'<input type="hidden" name="token" value="{esc(token)}">{extra}'
        f'<button type="submit">{esc(label)}</button></form>'
    )


def _admin_row(item: ClassRow, token: str, s: Strings) -> str:
    row = item.row
    if not isinstance(row, Playthrough):
        return (
            f"<tr><td>{row.row_id}</td><td>{item.round_no}</td><td>{esc(row.name)}</td>"
            f'<td colspan="3">{esc(row.problem)}</td></tr>'
        )
    action = "show" if item.hidden else "hide"
    label = s("serve.admin.show" if item.hidden else "serve.admin.hide")
    button = _admin_button(
        token, action, label, f'<input type="hidden" name="row" value="{row.row_id}">'
    )
    hidden = f' <span class="note">({esc(s("serve.admin.hidden"))})</span>' if item.hidden else ""
    return (
        f"<tr><td>{row.row_id}</td><td>{item.round_no}</td><td>{esc(row.name)}{hidden}</td>"
        f"<td>{esc(row.scenario_id)}</td><td>{row.score:.1f}</td><td>{button}</td></tr>"
    )


def admin_page(state: ClassState, items: Sequence[ClassRow], token: str, lang: str) -> str:
    """The instructor's page: the round, reset, export, and every run with Hide/Show."""
    s = Strings(lang)
    round_key = "serve.round.open" if state.round_open else "serve.round.closed"
    toggle = (
        _admin_button(token, "close", s("serve.admin.close.round"))
        if state.round_open
        else _admin_button(token, "open", s("serve.admin.open.round"))
    )
    quoted = esc(token)
    head = "".join(
        f"<th>{esc(s(k))}</th>"
        for k in ("serve.admin.col.id", "serve.admin.col.round", "serve.col.name",
                  "serve.admin.col.scenario", "serve.col.score")
    ) + "<th></th>"  # fmt: skip
    body = "".join(_admin_row(item, token, s) for item in reversed(items))
    page = (
        f'<main class="admin"><h1>{esc(s("serve.admin.title"))}</h1>'
        f"<p>{esc(s(round_key, round=state.round_no))}</p>{toggle}"
        f'<p><a href="/admin/export.csv?token={quoted}">{esc(s("serve.admin.export"))}</a> · '
        f'<a href="/admin/export.csv?token={quoted}&amp;every=1">'
        f'{esc(s("serve.admin.export.all"))}</a> · <a href="/?lang={s.lang}">'
        f"{esc(s('serve.back'))}</a></p>"
        f"<h2>{esc(s('serve.admin.runs'))}</h2><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
        f'<h2>{esc(s("serve.admin.reset"))}</h2><p class="note">'
        f"{esc(s('serve.admin.reset.note'))}</p>"
        f"{_admin_button(token, 'reset', s('serve.admin.reset'))}</main>"
    )
    return _document(s("serve.admin.title"), s.lang, page)
