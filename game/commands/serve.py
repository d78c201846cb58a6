"""`leadsim serve`: run a class from this machine (one leaderboard, one set of scenarios).

Prints the address trainees type, the class PIN and the instructor's token, then serves until
Ctrl+C. Exit codes: 0 stopped by the instructor, 2 a usage problem or a board, folder or port
that cannot be used (said in one line, never a traceback).
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.safe_text import visible

DEFAULT_PORT = 8750
CLASS_FOLDER = "class"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run a class: one leaderboard and one set of scenarios for a room of laptops",
        description=(
            "Serve the class board, the scenarios (bundled and --scenarios folders) and the "
            "projector page (/) to the games of a class. Games connect with the address and "
            "PIN printed at start; every submitted run is replayed here before it counts. "
            "Without --lan only this machine can connect."
        ),
    )
    add_scenarios_option(parser, "offer the scenarios of this folder too (repeatable)")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="where the class board lives: a folder (default: the data folder's class/) or "
        "postgresql://USER@HOST/DATABASE",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--lan",
        action="store_true",
        help="listen on this machine's networks so the class's laptops can connect",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes that replay submitted runs (default: one per core but one, 1 to 4)",
    )
    parser.set_defaults(func=run)


def _fail(message: str, code: int = 2) -> int:
    print(visible(f"leadsim serve: {message}"), file=sys.stderr)
    return code


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (from its own name; nothing is sent)."""
    try:
        found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return sorted({str(info[4][0]) for info in found if not str(info[4][0]).startswith("127.")})


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class _OneLine(logging.Filter):
    """uvicorn's own report of a failed request repeats the traceback the app already filed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.exc_info is None


def _announce(lan: bool, port: int, db: str) -> Any:
    def ready(services: Any) -> None:
        local = f"http://127.0.0.1:{port}"
        others = [f"http://{a}:{port}" for a in lan_addresses()] if lan else []
        lines = ["LeadSim class server"]
        if others:
            lines.append(f"  Trainees connect to:  {', '.join(others)}")
        elif lan:
            lines.append(
                f"  Trainees connect to:  this machine's network address (see its network "
                f"settings), port {port}"
            )
        else:
            lines.append(f"  Address:              {local} (this machine only; --lan opens it)")
        lines += [
            f"  Class PIN:            {services.pin}",
            f"  Projector page:       {local}/",
            f"  Instructor page:      {local}/admin?token={services.token}",
            f"  Instructor token:     {services.token}",
            f"  Scenarios offered:    {len(services.scenarios.offered)}",
            f"  Class board:          {services.description}",
        ]
        if services.notice:
            lines.append(f"  Note: {services.notice}")
        for problem in services.scenarios.problems[:10]:
            lines.append(f"  Not offered: {problem}")
        lines.append("Press Ctrl+C to stop.")
        print(visible("\n".join(lines)), flush=True)

    return ready


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from game.serve.app import create_app
    from game.serve.services import ServeConfig
    from game.store.classboard import ClassBoard
    from game.store.datadir import data_dir
    from game.store.errors import StoreError

    if not 1 <= args.port <= 65535:
        return _fail("--port must be a number from 1 to 65535")
    # one core stays with the server itself: it reads the requests and writes the board
    workers = (
        args.workers if args.workers is not None else max(1, min((os.cpu_count() or 1) - 1, 4))
    )
    if not 0 <= workers <= 64:
        return _fail("--workers must be a number from 0 to 64")
    for folder in args.scenarios:
        if not Path(folder).is_dir():
            return _fail(f"--scenarios {folder}: no such folder")
    db = args.db or str(data_dir() / CLASS_FOLDER)
    try:
        ClassBoard.open(db).close()  # a board that cannot be used is told before anything
    except StoreError as exc:
        return _fail(str(exc))
    host = "0.0.0.0" if args.lan else "127.0.0.1"
    try:
        sock = _listen(host, args.port)
    except OSError as exc:
        return _fail(f"cannot listen on port {args.port}: {exc.strerror or exc}")
    logging.basicConfig(level=logging.WARNING, format="leadsim serve: %(message)s")
    logging.getLogger("uvicorn.error").addFilter(_OneLine())
    config = ServeConfig(
        db=db,
        scenario_dirs=tuple(Path(p) for p in args.scenarios),
        replay_workers=workers,
        on_ready=_announce(args.lan, args.port, db),
    )
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config),
            log_level="warning",
            access_log=False,
            log_config=None,
            timeout_graceful_shutdown=2,
            lifespan="on",
        )
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    if not server.started:
        return _fail("the class server could not start (see the message above)")
    print("leadsim serve: the class server stopped")
    return 0
