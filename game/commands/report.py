"""`leadsim report [SCENARIO]`: the instructors' class report as an HTML page with charts.

Only people's runs are reported unless ``--all`` asks for the runs of policies and scripted
runs too (each in a section of its own, never ranked with people's). Damaged leaderboard rows
are left out and named, in the report and on standard error. Exit codes: 0 written, 1 nothing
to report (no leaderboard, no plays of SCENARIO, none since DATE), 2 a usage problem or a
folder that cannot be read or written. Every problem is one readable line in the chosen
language, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.commands.output import line
from game.i18n import LANGUAGES, Strings


def register(subparsers: Any) -> None:
    """Add the ``report`` sub-command."""
    parser = subparsers.add_parser(
        "report",
        help="write the class report (HTML with charts, CSV data) from the leaderboard",
        description=(
            "Write DIR/index.html: score distribution, endings, what the class picked at each "
            "decision, the class's principle profile and the leaderboard, with PNG charts and "
            "CSV files of the raw data next to it. Opens offline and prints well. Without "
            "SCENARIO: every scenario on the leaderboard, a section each."
        ),
    )
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="scenario id")
    parser.add_argument(
        "--since", metavar="DATE", help="only plays on or after this date (YYYY-MM-DD, UTC)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the report (default en)"
    )
    parser.add_argument(
        "--all",
        dest="every_mode",
        action="store_true",
        help="also report runs played by a policy or from scripted --choices (apart)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("report"),
        metavar="DIR",
        help="folder to write into (default ./report)",
    )
    add_scenarios_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``leadsim report``; returns the exit code."""
    s = Strings(args.lang)
    # Drawing imports pygame, whose greeting would land in the command's output.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.report.build import Options, ReportError, build_report
    from game.store.errors import StoreError

    options = Options(
        args.scenario,
        args.since,
        args.lang,
        args.out,
        tuple(args.scenarios),
        every_mode=args.every_mode,
    )
    try:
        written = build_report(options)
    except ReportError as exc:
        return _fail(str(exc), exc.code)
    except StoreError as exc:
        return _fail(str(exc), 2)
    except (OSError, pygame.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return _fail(s("report.error.write", folder=args.out, reason=reason), 2)
    for row in written.damaged:
        note = s("report.note.damaged", id=row.row_id, problem=row.problem)
        print(f"leadsim report: {line(note)}", file=sys.stderr)
    done = s("report.written", path=written.index, plays=written.plays, scenarios=written.scenarios)
    print(line(done))
    return 0


def _fail(message: str, code: int) -> int:
    print(f"leadsim report: {line(message)}", file=sys.stderr)
    return code
