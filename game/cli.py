"""The `leadsim` command line: play, check, playtest, replay, leaderboard, report, new, upgrade,
schema.

No input ever ends in a Python traceback: a bug in LeadSim itself is reported as an internal
error (exit 3) with the details written to a file the user can attach to a report (see
game.crash_report). A reader that stops reading (`leadsim check | head -1`) ends the command
with its own failure code, else 141 as a shell reports a broken pipe; closed standard streams
read as empty and discard what is written.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from game import __version__
from game.crash_report import write_crash_report
from game.safe_text import visible

COMMANDS = (
    "play", "check", "playtest", "replay", "leaderboard", "report", "new", "upgrade", "schema",
    "serve", "map",
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
    details = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    try:
        report = write_crash_report(f"leadsim {__version__}\n{details}")
        where = f"details were written to {report}"
    except OSError:
        where = "details could not be saved"
    print(
        visible(
            f"leadsim: internal error: {type(err).__name__}: {err}\n"
            f"This is a bug in LeadSim, not in your files; please report it ({where})."
        ),
        file=sys.stderr,
    )
    return 3


_STREAMS = (("stdin", os.O_RDONLY, "r"), ("stdout", os.O_WRONLY, "w"), ("stderr", os.O_WRONLY, "w"))


def _mend_standard_streams() -> list[str]:
    """Put the null device behind standard streams the caller closed; returns their names.

    A closed stream must not stay a free descriptor: the next file opened would take its
    number, and the game would read its answers from, or print into, that file.
    """
    closed = []
    for fd, (name, flags, mode) in enumerate(_STREAMS):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, flags)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            closed.append(name)
        if name in closed or getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115
    return closed


def _silence_stdout() -> None:
    """After the reader of our output went away: the rest goes nowhere, quietly.

    Without this, Python's own last flush at exit fails once more and prints a warning.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass  # an in-memory stream: nothing is left to flush


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # pygame greets on import with a line on stdout, which would corrupt --json output
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    code: int | None = None
    try:
        closed = _mend_standard_streams()
        if "stdout" in closed:
            print("leadsim: standard output is closed; what it would show is discarded",
                  file=sys.stderr)  # fmt: skip
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args(["play", *(argv or [])])
        code = int(args.func(args))
        sys.stdout.flush()  # a reader that went away shows here, while we can still tell
        return code
    except KeyboardInterrupt:
        print("\nleadsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # what was printed so far was read (`leadsim check | head -1`); keep failing loudly
        # under `set -o pipefail`: the command's own failure, else 128 + SIGPIPE as a shell has
        _silence_stdout()
        return code if code else 141
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except Exception as err:
        return _internal_error(err)
