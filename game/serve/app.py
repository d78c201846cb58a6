"""The class server as an ASGI application (Starlette), for uvicorn or any ASGI server.

    app = create_app(ServeConfig(db="saves/class", scenario_dirs=(Path("my_scenarios"),)))

Start-up opens the class board, reads the scenario folders and starts the replay workers;
``config.on_ready(services)`` is then called (``leadsim serve`` prints the PIN there). Every
response carries headers that keep a browser from running anything the server did not send
(a strict Content-Security-Policy, no sniffing, no framing, no referrer: the admin page's
address holds the token). A refusal is JSON ``{"error", "message"}`` for ``/api`` and a short
page elsewhere; an unexpected failure is logged on the server and answered with a 500 that
says nothing of the server's insides.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from game import __version__
from game.crash_report import write_crash_report
from game.i18n import Strings
from game.serve import admin, api, web
from game.serve.http import ApiError, language
from game.serve.pages import message_page
from game.serve.services import ServeConfig, Services

STATIC = Path(__file__).resolve().parent / "static"
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
log = logging.getLogger("leadsim.serve")


class SecurityHeaders:
    """Adds the headers of the module's docstring to every response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                ):
                    if name not in present:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    if _is_api(request):
        return JSONResponse({"error": exc.code, "message": exc.message}, exc.status)
    return HTMLResponse(message_page(exc.message, language(request)), exc.status)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "refused")
    if _is_api(request):
        message = "there is nothing at this address" if exc.status_code == 404 else exc.detail
        return JSONResponse({"error": code, "message": message}, exc.status_code)
    lang = language(request)
    return HTMLResponse(message_page(Strings(lang)("serve.not.found"), lang), exc.status_code)


async def _failed(request: Request, exc: Exception) -> Response:
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        where = f"details in {write_crash_report(f'leadsim serve {__version__}{chr(10)}{details}')}"
    except OSError:
        where = "details could not be saved"
    log.error("internal error in %s %s: %s (%s)", request.method, request.url.path,
              type(exc).__name__, where)  # fmt: skip
    body = {"error": "internal", "message": "the server could not handle this request"}
    return JSONResponse(body, 500)


def create_app(config: ServeConfig) -> Starlette:
    """The server's ASGI app; its services live from start-up to shutdown."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        found = Services(config)
        await found.start()
        app.state.services = found
        if config.on_ready is not None:
            config.on_ready(found)
        try:
            yield
        finally:
            await found.stop()

    routes = [
        *web.ROUTES,
        *api.ROUTES,
        *admin.ROUTES,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={ApiError: _refused, HTTPException: _http, Exception: _failed},
    )
