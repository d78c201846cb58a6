"""What every route shares: refusals as JSON, bounded request bodies, the PIN and the token.

A refusal is an :class:`ApiError` (HTTP status, a code a program can act on, and a message a
person can read); the app turns it into ``{"error": code, "message": text}``. Nothing else
of the server's insides ever reaches a response.
"""

from __future__ import annotations

import hmac
from typing import Any

from starlette.requests import Request

from game.serve.services import Services
from game.store import jsonsafe
from game.store.errors import BadJSON

PIN_HEADER = "x-leadsim-pin"
MAX_FORM_BYTES = 4096


class ApiError(Exception):
    """A refused request: ``status``, ``code`` and a readable ``message``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def client_host(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_pin(request: Request) -> Services:
    """The services, once the request carries the class PIN; 401 or 429 otherwise."""
    found = services(request)
    host = client_host(request)
    if found.wrong_pins.blocked(host):
        raise ApiError(429, "too_many_attempts", "too many wrong PINs; wait a minute")
    given = request.headers.get(PIN_HEADER, "")
    if not hmac.compare_digest(given.encode("utf-8", "replace"), found.pin.encode()):
        found.wrong_pins.failed(host)
        raise ApiError(401, "wrong_pin", "the class PIN is missing or wrong")
    return found


def token_matches(found: Services, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(
        str(given).encode("utf-8", "replace"), found.token.encode()
    )


def bearer(request: Request) -> str | None:
    text = request.headers.get("authorization", "")
    return text[7:].strip() if text[:7].lower() == "bearer " else None


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` bytes (whatever its
    Content-Length claims)."""
    declared = request.headers.get("content-length", "")
    if declared and (not declared.isdigit() or int(declared) > limit):
        raise ApiError(413, "too_large", f"the request is larger than {limit:,} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"the request is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request, limit: int) -> Any:
    """The body as JSON; 400 with the reason for anything that is not JSON."""
    body = await read_body(request, limit)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_json", "the request is not UTF-8 text") from None
    try:
        return jsonsafe.loads(text)
    except BadJSON as exc:
        raise ApiError(400, "bad_json", f"the request is not JSON: {exc}") from None


def language(request: Request) -> str:
    lang = request.query_params.get("lang", "en")
    return lang if lang in ("en", "ru") else "en"
