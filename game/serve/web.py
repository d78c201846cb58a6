"""The pages: the projector's board (``/``), its live updates (``/events``), the class report
(``/report/``) and the story maps (``/map/{id}``). Read-only and without the PIN: the board
is what the room sees on the wall.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from game.content.diagnostics import ContentError
from game.i18n import Strings
from game.serve.http import language, services
from game.serve.maps import script_policy
from game.serve.pages import message_page, projector_page
from game.store.playthrough import Playthrough

KEEP_ALIVE_S = 15.0
# The report is one self-contained file with its own style and no script.
REPORT_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
NO_STORE = {"Cache-Control": "no-store"}


async def projector(request: Request) -> Response:
    return HTMLResponse(projector_page(services(request).hub.snapshot, language(request)))


def _event(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: board\ndata: {text}\n\n".encode()


async def events(request: Request) -> Response:
    """Server-sent events: the board now, then every new revision of it."""
    hub = services(request).hub
    if hub.full:
        return Response("too many pages are watching the board", 503, media_type="text/plain")
    queue = hub.listen()

    async def stream() -> AsyncIterator[bytes]:
        try:
            yield b"retry: 1000\n\n" + _event(hub.snapshot)
            while True:
                try:
                    revision = await asyncio.wait_for(queue.get(), KEEP_ALIVE_S)
                except asyncio.TimeoutError:
                    yield b": keep-alive\n\n"
                    continue
                if revision < 0:  # the server is stopping
                    return
                yield _event(hub.snapshot)
        finally:
            hub.leave(queue)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def report_redirect(request: Request) -> Response:
    return RedirectResponse(f"/report/?lang={language(request)}", status_code=307)


async def report(request: Request) -> Response:
    found = services(request)
    lang = language(request)
    items = await found.db.run(lambda b: b.rows(hidden=False))
    rows = [item.row for item in items if isinstance(item.row, Playthrough)]
    built = await found.reports.get(rows, lang)
    wanted = request.path_params.get("path") or "index.html"
    if built.empty:
        return HTMLResponse(message_page(Strings(lang)("serve.report.empty"), lang))
    path = built.files.get(wanted)
    if path is None:
        return _not_found(lang)
    if path.suffix == ".html":  # the report and its maps: each page's own scripts only
        text = path.read_text(encoding="utf-8")
        return _page(text)
    response = FileResponse(path, headers=NO_STORE)
    response.headers["Content-Security-Policy"] = REPORT_POLICY
    return response


async def story_map(request: Request) -> Response:
    """The story map of a scenario on offer (drawn once per version and language)."""
    found = services(request)
    lang = language(request)
    wanted = request.path_params["scenario_id"][:64]
    offered = found.scenarios.offered.get(wanted)
    missing = HTMLResponse(
        message_page(Strings(lang)("serve.map.missing", id=wanted), lang), status_code=404
    )
    if offered is None:
        return missing
    try:
        page = await found.maps.page(offered.bundle, lang)
    except (ContentError, OSError):
        return missing
    return _page(page)


def _page(text: str) -> Response:
    """A self-contained page, allowed exactly its own scripts."""
    return HTMLResponse(text, headers={**NO_STORE, "Content-Security-Policy": script_policy(text)})


def _not_found(lang: str) -> Response:
    return HTMLResponse(message_page(Strings(lang)("serve.not.found"), lang), status_code=404)


async def favicon(request: Request) -> Response:
    return Response(status_code=204)


ROUTES = [
    Route("/", projector),
    Route("/events", events),
    Route("/report", report_redirect),
    Route("/report/", report),
    Route("/report/{path:path}", report),
    Route("/map/{scenario_id}", story_map),
    Route("/favicon.ico", favicon),
]
