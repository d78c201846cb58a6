"""`leadsim serve` on the command line: what it prints, and a clear line for what it cannot do."""

from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import httpx
import pytest

from benchmarks.bench_serve import start_server
from game.cli import main
from tests.serve.conftest import free_port


def test_help_names_every_option(capsys):
    assert main(["serve", "--help"]) == 0
    shown = capsys.readouterr().out
    for option in ("--scenarios", "--db", "--port", "--lan", "--workers"):
        assert option in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "70000"], "--port must be a number from 1 to 65535"),
        (["--workers", "-1"], "--workers must be a number from 0 to 64"),
        (["--scenarios", "/no/such/folder"], "no such folder"),
        (["--db", "postgresql://nobody@127.0.0.1:1/x"], "cannot connect to PostgreSQL"),
    ],
)
def test_what_cannot_be_used_is_said_in_one_line(args, message, tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "class"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_a_port_in_use_is_said_in_one_line(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "class"), "--port", str(port)]) == 2
    assert f"cannot listen on port {port}" in capsys.readouterr().err


def test_it_prints_the_pin_and_the_token_and_stops_cleanly_on_ctrl_c(tmp_path):
    server = start_server(str(tmp_path / "class"), free_port(), tmp_path / "data", workers=0)
    assert len(server.pin) == 6 and server.pin.isdigit()
    shown = "\n".join(server.banner)
    assert "this machine only" in shown and "Instructor token:" in shown
    assert "/admin?token=" in shown and "Scenarios offered:" in shown
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=30) == 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find processes")
def test_replay_workers_end_when_the_server_is_killed_outright(tmp_path):
    server = start_server(str(tmp_path / "class"), free_port(), tmp_path / "data", workers=2)
    workers = _children(server.process.pid)
    assert len(workers) >= 2
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)  # they notice their parent's end on their own
    assert [w for w in workers if _alive(w)] == []


def test_a_failure_of_the_server_itself_is_a_plain_500_and_a_crash_report(tmp_path, monkeypatch):
    from starlette.routing import Route

    from tests.serve.conftest import serving

    async def broken(request: object) -> object:
        raise RuntimeError("secret detail of the server")

    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path / "data"))
    with serving(str(tmp_path / "class"), routes=(Route("/api/broken", broken),)) as server:
        answer = httpx.get(f"{server.url}/api/broken")
    assert answer.status_code == 500
    assert answer.json() == {
        "error": "internal",
        "message": "the server could not handle this request",
    }
    assert "secret detail" not in answer.text and "Traceback" not in answer.text
    [report] = (tmp_path / "data" / "crash-reports").glob("*.txt")
    assert "secret detail of the server" in report.read_text(encoding="utf-8")
