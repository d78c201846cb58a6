"""What the class client makes of an address that is not a class: a web server that answers
404, a host name that cannot be one. Real servers on this machine; nothing leaves it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from game.play.client import CONNECTED, NOT_A_CLASS, UNREACHABLE, ClassClient


class _Answers(BaseHTTPRequestHandler):
    status = 404
    body = b"<html>not here</html>"

    def do_GET(self) -> None:
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_server() -> Iterator[tuple[str, type[_Answers]]]:
    """A plain web server on localhost; the handler class sets what it answers."""
    handler = type("Handler", (_Answers,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("status", "body"), [(404, b"not here"), (200, b"<html>hello</html>")])
def test_a_web_server_that_is_not_a_class_is_said_so(
    tmp_path: Path, web_server: tuple[str, type[_Answers]], status: int, body: bytes
) -> None:
    address, handler = web_server
    handler.status, handler.body = status, body
    client = ClassClient(tmp_path, timeout=2)
    try:
        assert client.connect(address, "1234") == NOT_A_CLASS
        assert client.status != CONNECTED
        assert "LeadSim class" in client.message
        assert client.scenarios() == []
    finally:
        client.close()


@pytest.mark.parametrize("host", ["ab\u200dc.example", "xn--a.example", "ü" * 70 + ".x"])
def test_a_host_name_that_cannot_be_one_is_unreachable_not_a_crash(
    tmp_path: Path, host: str
) -> None:
    client = ClassClient(tmp_path, timeout=1)
    try:
        assert client.connect(f"{host}:8750", "1234") == UNREACHABLE
        assert "address" in client.message
    finally:
        client.close()
