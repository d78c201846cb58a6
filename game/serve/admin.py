"""The instructor's actions, all behind the token ``leadsim serve`` prints.

A browser uses ``/admin?token=...`` (forms posting the token back), a program the JSON API
with ``Authorization: Bearer TOKEN``:

``POST /api/admin/round``   ``{"open": true|false}``: open a new round or close this one
``POST /api/admin/hide``    ``{"row": 12, "hidden": true|false}``: hide a run or show it again
``POST /api/admin/reset``   start a new class (the runs so far are kept, no longer shown)
``GET  /api/admin/export.csv[?every=1]``  this class's runs (or every class's) as CSV

CSV cells a spreadsheet would run as a formula are written as text (``game.store.csvsafe``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from urllib.parse import parse_qs, quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from game.i18n import Strings
from game.serve.http import (
    MAX_FORM_BYTES,
    ApiError,
    bearer,
    language,
    read_body,
    read_json,
    token_matches,
)
from game.serve.http import services as services_of
from game.serve.pages import admin_page, message_page
from game.serve.services import Services
from game.store.classboard import ClassRow
from game.store.csvsafe import spreadsheet_cell
from game.store.playthrough import Playthrough

CSV_COLUMNS = (
    "row", "class", "round", "hidden", "name", "scenario", "content_hash", "score", "ending",
    "date", "duration_s", "seed", "decisions", "profile", "mode", "run_id", "submission_id",
)  # fmt: skip


def _allowed(request: Request, given: str | None) -> Services:
    found = services_of(request)
    if not token_matches(found, given):
        raise ApiError(403, "wrong_token", "this needs the instructor token leadsim serve printed")
    return found


def csv_text(items: Sequence[ClassRow]) -> str:
    """The runs as CSV (with a byte-order mark, for spreadsheet programs)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        row = item.row
        if not isinstance(row, Playthrough):
            continue
        cells = [
            row.row_id, item.class_no, item.round_no, int(item.hidden), row.name, row.scenario_id,
            row.content_hash, row.score, row.ending_id or "", row.played_at, row.duration_s,
            str(row.seed), json.dumps(list(row.decisions), ensure_ascii=False),
            json.dumps(dict(row.profile), ensure_ascii=False, sort_keys=True), row.mode,
            row.run_id or "", row.submission_id or "",
        ]  # fmt: skip
        writer.writerow([spreadsheet_cell(c) for c in cells])
    return "\ufeff" + buffer.getvalue()


async def _export(found: Services, every: bool) -> Response:
    items = await found.db.run(lambda b: b.rows(every_class=every))
    return Response(
        csv_text(items),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="leadsim-class.csv"'},
    )


async def _round(found: Services, open_: bool) -> dict[str, object]:
    state = await found.db.run(lambda b: b.set_round(open_))
    found.hub.changed()
    return {"class": state.class_no, "round": state.round_no, "open": state.round_open}


async def _hide(found: Services, row: object, hidden: bool) -> bool:
    if type(row) is not int or row < 1:
        raise ApiError(422, "invalid_field", "row: the number of a stored run")
    done = await found.db.run(lambda b: b.hide(row, hidden))
    found.hub.changed()
    return done


async def _reset(found: Services) -> dict[str, object]:
    state = await found.db.run(lambda b: b.reset())
    found.hub.changed()
    return {"class": state.class_no, "round": state.round_no, "open": state.round_open}


# --- JSON API --------------------------------------------------------------------------------


async def api_round(request: Request) -> Response:
    found = _allowed(request, bearer(request))
    data = await read_json(request, MAX_FORM_BYTES)
    if not isinstance(data, dict) or not isinstance(data.get("open"), bool):
        raise ApiError(422, "invalid_field", 'send {"open": true} or {"open": false}')
    return JSONResponse(await _round(found, data["open"]))


async def api_hide(request: Request) -> Response:
    found = _allowed(request, bearer(request))
    data = await read_json(request, MAX_FORM_BYTES)
    if not isinstance(data, dict) or not isinstance(data.get("hidden", True), bool):
        raise ApiError(422, "invalid_field", 'send {"row": N, "hidden": true|false}')
    if not await _hide(found, data.get("row"), data.get("hidden", True)):
        raise ApiError(404, "unknown_row", "there is no run with that row number")
    return JSONResponse({"row": data["row"], "hidden": data.get("hidden", True)})


async def api_reset(request: Request) -> Response:
    found = _allowed(request, bearer(request))
    return JSONResponse(await _reset(found))


async def api_export(request: Request) -> Response:
    found = _allowed(request, bearer(request))
    return await _export(found, request.query_params.get("every") == "1")


# --- the page --------------------------------------------------------------------------------


async def page(request: Request) -> Response:
    lang = language(request)
    found = services_of(request)
    token = request.query_params.get("token")
    if not token_matches(found, token):
        text = Strings(lang)("serve.admin.bad.token")
        return HTMLResponse(message_page(text, lang), status_code=403)
    state = await found.db.run(lambda b: b.state())
    items = await found.db.run(lambda b: b.rows())
    return HTMLResponse(admin_page(state, items, found.token, lang))


async def page_export(request: Request) -> Response:
    found = _allowed(request, request.query_params.get("token"))
    return await _export(found, request.query_params.get("every") == "1")


async def page_action(request: Request) -> Response:
    """A form of the admin page: do it, then show the page again."""
    body = await read_body(request, MAX_FORM_BYTES)
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v}
    found = _allowed(request, form.get("token"))
    action = request.path_params["action"]
    if action in ("open", "close"):
        await _round(found, action == "open")
    elif action in ("hide", "show"):
        row = form.get("row", "")
        await _hide(found, int(row) if row.isdigit() and len(row) < 19 else 0, action == "hide")
    elif action == "reset":
        await _reset(found)
    else:
        raise ApiError(404, "unknown_action", "there is no such action")
    return RedirectResponse(f"/admin?token={quote(found.token)}", status_code=303)


ROUTES = [
    Route("/admin", page),
    Route("/admin/export.csv", page_export),
    Route("/admin/{action}", page_action, methods=["POST"]),
    Route("/api/admin/round", api_round, methods=["POST"]),
    Route("/api/admin/hide", api_hide, methods=["POST"]),
    Route("/api/admin/reset", api_reset, methods=["POST"]),
    Route("/api/admin/export.csv", api_export),
]
