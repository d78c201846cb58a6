"""Class server benchmarks: many games submitting at once, and the server killed meanwhile.

``python -m benchmarks.bench_serve [--clients 60] [--runs 10] [--db sqlite|postgresql|both]
[--kill] [--json]``. Each simulated game is a real :class:`game.play.client.ClassClient` with an
outbox of its own, on a thread; the server is a real ``leadsim serve`` process on 127.0.0.1.
Every game submits its runs one after the other, all games at once. Reported: lost runs
(submitted but not on the board), duplicated runs, errors (runs the server refused), and the
median and p99 time of a submission that got through. With ``--kill`` the server is killed
with SIGKILL a third of the way through and started again on the same board: every outbox must
drain and the board must hold every run exactly once.

PostgreSQL runs use a throwaway server started for the benchmark (as the tests do).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from game.content.library import Bundle, load_bundle_by_id
from game.play.client import ClassClient, Run
from game.sim.session import Session
from game.store.classboard import ClassBoard
from game.store.playthrough import Playthrough

Result = dict[str, dict[str, Any]]
SCENARIO = "example_release"
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerProcess:
    """A ``leadsim serve`` child process: its address and PIN."""

    process: subprocess.Popen[str]
    url: str
    pin: str
    banner: list[str]


def start_server(db: str, port: int, data: Path, workers: int = 1) -> ServerProcess:
    """Start ``leadsim serve`` and wait until it prints its PIN (it is serving then)."""
    command = [sys.executable, "-m", "game", "serve", "--db", db, "--port", str(port),
               "--workers", str(workers)]  # fmt: skip
    env = {**os.environ, "LEADSIM_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT
    )
    pin = ""
    banner: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        banner.append(line.rstrip("\n"))
        if "Class PIN:" in line:
            pin = line.split(":", 1)[1].strip()
        if line.startswith("Press Ctrl+C"):
            break
    if not pin:
        process.kill()
        raise RuntimeError(f"leadsim serve did not start (exit {process.wait()})")
    threading.Thread(target=lambda: [None for _ in process.stdout or ()], daemon=True).start()
    return ServerProcess(process, f"http://127.0.0.1:{port}", pin, banner)


def stop_server(server: ServerProcess, kill: bool = False) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGKILL if kill else signal.SIGINT)
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def make_runs(bundle: Bundle, games: int, each: int) -> list[list[Run]]:
    """Distinct finished runs: game g's run r has the seed 1000 * g + r and picks by it."""
    made = []
    for game in range(games):
        runs = []
        for r in range(each):
            seed = 1000 * game + r
            session = Session(bundle, seed)
            while not session.finished:
                options = session.choices()
                session.take(options[(seed + session.turn) % len(options)].id)
            runs.append(Run.from_session(session, name=f"Игрок {game}", lang="ru", duration_s=60))
        made.append(runs)
    return made


class TimedTransport(httpx.HTTPTransport):
    """Records how long each submission's HTTP request took (the server's share)."""

    def __init__(self, times: list[float]) -> None:
        super().__init__()
        self.times = times

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = super().handle_request(request)
        if request.url.path == "/api/runs" and response.status_code in (200, 201):
            response.read()
            self.times.append((time.perf_counter() - started) * 1000)
        return response


@dataclass
class Load:
    """What a load run measured."""

    expected: int
    stored: int
    distinct: int
    refused: int
    undrained: int
    times_ms: list[float]
    wall_s: float
    http_ms: list[float]

    @property
    def lost(self) -> int:
        return self.expected - self.distinct

    @property
    def duplicated(self) -> int:
        return self.stored - self.distinct

    def p(self, q: float, http: bool = False) -> float:
        """A quantile of the submission times (of the HTTP requests alone with ``http``)."""
        found = self.http_ms if http else self.times_ms
        if not found:
            return float("nan")
        ordered = sorted(found)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _game(client: ClassClient, runs: list[Run], times: list[float], sent: list[int],
          deadline: float) -> None:  # fmt: skip
    for run in runs:
        started = time.perf_counter()
        queued = client.submit(run)
        if queued.sent:
            times.append((time.perf_counter() - started) * 1000)
            sent.append(1)
    while client.pending() and time.monotonic() < deadline:
        report = client.drain()
        if report.pending:
            time.sleep(min(report.retry_in or 0.2, 1.0))


def run_load(
    db: str, games: int, each: int, *, kill: bool = False, workers: int = 1,
    folder: Path | None = None, time_limit_s: float = 300.0, max_delay_s: float = 10.0,
) -> Load:  # fmt: skip
    """Start a server on ``db``, let ``games`` games submit ``each`` runs at once (killing the
    server once a third of the runs got through, with ``kill``), then count the board."""
    bundle = load_bundle_by_id(SCENARIO)
    plan = make_runs(bundle, games, each)
    with tempfile.TemporaryDirectory(prefix="leadsim-load-") as scratch:
        base = Path(folder or scratch)
        port = free_port()
        server = start_server(db, port, base / "server", workers)
        http: list[float] = []
        clients = [
            ClassClient(
                base / f"game{g}",
                timeout=10.0,
                transport=TimedTransport(http),
                max_delay_s=max_delay_s,
            )
            for g in range(games)
        ]
        for client in clients:
            client.connect(server.url, server.pin)
        times: list[float] = []
        sent: list[int] = []
        deadline = time.monotonic() + time_limit_s
        threads = [
            threading.Thread(target=_game, args=(c, runs, times, sent, deadline))
            for c, runs in zip(clients, plan, strict=True)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        if kill:
            while len(sent) < games * each // 3 and any(t.is_alive() for t in threads):
                time.sleep(0.01)
            stop_server(server, kill=True)
            server = start_server(db, port, base / "server", workers)
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        stop_server(server)
        refused = sum(len(c.outbox.refused().entries) for c in clients)
        undrained = sum(c.pending() for c in clients)
        for client in clients:
            client.close()
        board = ClassBoard.open(db)
        try:
            ids = [item.row.submission_id for item in board.rows(every_class=True)
                   if isinstance(item.row, Playthrough)]  # fmt: skip
        finally:
            board.close()
    expected = {run.run_id for runs in plan for run in runs}
    mine = [i for i in ids if i in expected]
    return Load(games * each, len(mine), len(set(mine)), refused, undrained, times, wall, http)


@contextmanager
def database(kind: str, scratch: Path) -> Iterator[str]:
    """A fresh class board of ``kind``: a SQLite folder, or a throwaway PostgreSQL server."""
    if kind == "sqlite":
        yield str(scratch / "board")
        return
    sys.path.insert(0, str(ROOT))
    from tests.serve.pgcluster import start_cluster

    cluster, why = start_cluster()
    if cluster is None:
        raise RuntimeError(why)
    try:
        yield cluster.new_database()
    finally:
        cluster.stop()


def _figures(name: str, load: Load, killed: bool = False) -> Result:
    def figure(key: str, value: float, unit: str, target: float | None, ok: bool) -> Result:
        return {f"{name}.{key}": {"value": round(value, 3), "unit": unit, "target": target,
                                  "ok": ok}}  # fmt: skip

    return {
        **figure("lost", load.lost, "runs", 0, load.lost == 0 and load.undrained == 0),
        **figure("duplicated", load.duplicated, "runs", 0, load.duplicated == 0),
        **figure("errors", load.refused, "runs", 0, load.refused == 0),
        **figure("http_p50", load.p(0.5, http=True), "ms", None, True),
        **figure("http_p99", load.p(0.99, http=True), "ms", None, True),
        **figure("p50", load.p(0.5), "ms", None, True),
        # the target holds for the load alone: while the server restarts, games wait for it
        **figure("p99", load.p(0.99), "ms", None if killed else 500, killed or load.p(0.99) < 500),
        **figure("wall", load.wall_s, "s", None, True),
    }


def measure(kinds: tuple[str, ...], games: int, each: int, kills: tuple[bool, ...],
            workers: int = 1) -> Result:  # fmt: skip
    """Figures of a load (and of a load with the server killed) on each kind of board."""
    results: Result = {}
    for kind in kinds:
        for kill in kills:
            with (
                tempfile.TemporaryDirectory(prefix="leadsim-bench-") as scratch,
                database(kind, Path(scratch)) as db,
            ):
                load = run_load(db, games, each, kill=kill, workers=workers, folder=Path(scratch))
            label = f"{kind}.{'kill' if kill else 'load'}_{games}x{each}"
            results.update(_figures(label, load, kill))
    return results


def run(quick: bool = False, kinds: tuple[str, ...] = ("sqlite", "postgresql")) -> Result:
    """The suite of ``python -m benchmarks``: 60 games x 10 runs (6 x 3 with ``quick``)."""
    games, each = (6, 3) if quick else (60, 10)
    return measure(kinds, games, each, (False, True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=60)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--kill", action="store_true", help="kill the server with SIGKILL too")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    kills = (False, True) if args.kill else (False,)
    results = measure(kinds, args.clients, args.runs, kills, args.workers)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, figure in results.items():
            mark = "ok" if figure["ok"] else "MISSED"
            print(f"{key:<40}{figure['value']:>12} {figure['unit']:<6} {mark}")
    return 0 if all(f["ok"] for f in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
