"""The `leadsim` command line: play, check, playtest, replay, leaderboard, report, new, upgrade,
schema.

No input ever ends in a Python traceback: a bug in LeadSim itself is reported as an internal
error (exit 3) with the details written to a file the user can attach to a report.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from game import __version__

COMMANDS = (
    "play", "check", "playtest", "replay", "leaderboard", "report", "new", "upgrade", "schema",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leadsim",
        description=(
            "LeadSim: lead a team through a crisis, then see which leadership principles you "
            "applied or broke. With no command, opens the game window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"leadsim {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"game.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"game.commands.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def _internal_error(err: BaseException) -> int:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = Path(tempfile.gettempdir()) / f"leadsim-internal-error-{stamp}.txt"
    details = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    try:
        report.write_text(f"leadsim {__version__}\n{details}", encoding="utf-8")
        where = f"details were written to {report}"
    except OSError:
        where = "details could not be saved"
    print(
        f"leadsim: internal error: {type(err).__name__}: {err}\n"
        f"This is a bug in LeadSim, not in your files; please report it ({where}).",
        file=sys.stderr,
    )
    return 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # pygame greets on import with a line on stdout, which would corrupt --json output
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args(["play", *(argv or [])])
        return int(args.func(args))
    except KeyboardInterrupt:
        print("\nleadsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except Exception as err:
        return _internal_error(err)
