"""`leadsim map SCENARIO`: a story map of a scenario (events, choices and endings as a graph)
as a self-contained HTML page with a PNG of it next to it.

Exit codes: 0 written; 1 written, but the scenario has errors (the map shows its flow and
is not playtested); 2 a usage problem, a scenario that cannot be read as one, or a file that
cannot be written. Every problem is one readable line, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.commands.output import line
from game.commands.play import seed_problem
from game.content.diagnostics import ContentError
from game.content.library import SCENARIO_ID, SUFFIXES
from game.i18n import LANGUAGES
from game.report.storymap.traffic import DEFAULT_RUNS
from game.sim.playtest import policies_from
from game.sim.policies import PLAYERS, POLICY_NAMES

MAX_RUNS = 20_000


def register(subparsers: Any) -> None:
    """Add the ``map`` sub-command."""
    parser = subparsers.add_parser(
        "map",
        help="draw a story map of a scenario (HTML and PNG): events, choices, endings",
        description=(
            "Write a story map of SCENARIO: its events (a row per choice), endings and the "
            "links between them, laid out left to right, as one HTML page (inline SVG, opens "
            "offline) and a PNG next to it. Links are as wide and as dark as automatic "
            "playthroughs take them; a selector on the page switches between the policies. "
            "Unreachable events, dead ends and endings no run reached are marked and listed. "
            "Each title and choice links to its line in the file (a vscode:// link; the "
            "page also shows path:line). A scenario with errors still gets a map of its flow, "
            "without playthroughs (exit code 1). SCENARIO is a path, an id, or ID.yaml in the "
            "current folder."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    parser.add_argument(
        "--out", type=Path, metavar="FILE.html",
        help="the page to write (default ./ID-map.html); the PNG goes next to it as FILE.png",
    )  # fmt: skip
    parser.add_argument(
        "--runs", type=int, default=DEFAULT_RUNS,
        help=f"automatic playthroughs per policy (default {DEFAULT_RUNS}; 0 draws the flow "
        f"only; at most {MAX_RUNS:,})",
    )  # fmt: skip
    parser.add_argument(
        "--policies",
        default=",".join(PLAYERS),
        help=f"comma-separated policies (default {','.join(PLAYERS)}; also "
        f"{','.join(p for p in POLICY_NAMES if p not in PLAYERS)})",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the playthroughs (default 1)")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en",
        help="language of the texts on the map (default en)",
    )  # fmt: skip
    add_scenarios_option(parser)
    parser.set_defaults(func=run)


def _ref(text: str) -> str | Path:
    """An id is also looked for as ID.yaml in the current folder, which comes first."""
    if SCENARIO_ID.fullmatch(text):
        for suffix in SUFFIXES:
            local = Path.cwd() / f"{text}{suffix}"
            if local.is_file():
                return local
    return text


def run(args: argparse.Namespace) -> int:
    """Run ``leadsim map``; returns the exit code."""
    if not 0 <= args.runs <= MAX_RUNS:
        return _fail(f"--runs must be from 0 to {MAX_RUNS:,}", 2)
    problem = seed_problem(args.seed)
    if problem is not None:
        return _fail(problem, 2)
    try:
        policies = policies_from(args.policies, POLICY_NAMES)
    except ValueError as exc:
        return _fail(str(exc), 2)
    if not policies and args.runs:
        return _fail("--policies names no policy", 2)
    # Drawing imports pygame, whose greeting would land in the command's output.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.report.storymap.build import MapOptions, load_source, write_map

    try:
        source = load_source(_ref(args.scenario), args.scenarios)
    except ContentError as err:
        print(f"leadsim map: cannot read '{line(args.scenario)}' as a scenario:", file=sys.stderr)
        for d in err.diagnostics[:20]:
            print("  " + line(d.format()), file=sys.stderr)
        if len(err.diagnostics) > 20:
            print(f"  ... and {len(err.diagnostics) - 20} more", file=sys.stderr)
        return 2
    out = args.out or Path(f"{source.result.model.id}-map.html")
    options = MapOptions(tuple(policies), args.runs, args.seed, args.lang)
    try:
        written = write_map(source, out, options)
    except (OSError, pygame.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return _fail(f"cannot write {out}: {reason}", 2)
    print(line(f"wrote {written.html} and {written.png}"))
    if source.errors:
        print(
            f"leadsim map: {source.errors} error(s) in {line(source.result.path)}: the map "
            "shows the flow only (no playthroughs); see the list under the map or run "
            "leadsim check",
            file=sys.stderr,
        )
        return 1
    return 0


def _fail(message: str, code: int) -> int:
    print(f"leadsim map: {line(message)}", file=sys.stderr)
    return code
