"""`leadsim playtest SCENARIO`: many automatic playthroughs per policy, and what they teach."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from game.commands import add_scenarios_option
from game.commands.play import seed_problem
from game.commands.playtest_text import print_report
from game.content.diagnostics import ContentError
from game.content.library import (
    SCENARIO_ID,
    SUFFIXES,
    Bundle,
    is_folder,
    load_bundle,
    load_bundle_with_team,
)
from game.safe_json import dumps
from game.safe_text import visible
from game.sim.analysis.report import ANALYSIS_RUNS, analyse
from game.sim.analysis.teams import team_report
from game.sim.analysis.verdict import verdict_v2
from game.sim.playtest import play_many, policies_from, summarise
from game.sim.policies import POLICY_NAMES
from game.sim.program import Program

DEFAULT_POLICIES = ",".join(POLICY_NAMES)
MAX_RUNS = 100_000  # per policy: about 130 MB and a few seconds for a bundled scenario


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "playtest",
        help="play many automatic playthroughs and report what the scenario teaches",
        description=(
            "Play many automatic playthroughs of SCENARIO per policy and report the score "
            "distribution, endings, choices taken, who leaves, when and why, trajectories, "
            "the best decision sequences (and the best one that ignores the principles), what "
            "single mistakes cost, which events are real trade-offs, and a verdict: does "
            "principled play beat random play and every naive baseline, and can nothing "
            "unprincipled come close? SCENARIO is a path, an id, or ID.yaml in the current "
            "folder."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    parser.add_argument(
        "--runs", type=int, default=10_000,
        help=f"playthroughs per policy (default 10,000, at most {MAX_RUNS:,})",
    )  # fmt: skip
    parser.add_argument(
        "--policies",
        default=DEFAULT_POLICIES,
        help=f"comma-separated policies (default: all, {DEFAULT_POLICIES})",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed (default 1)")
    parser.add_argument(
        "--engine",
        choices=("batch", "scalar"),
        default="batch",
        help="batch (default, vectorised) or scalar (the game's own engine)",
    )
    parser.add_argument(
        "--analysis-runs",
        type=int,
        default=ANALYSIS_RUNS,
        metavar="N",
        help=f"runs each plan of the search, mistake costs and trade-offs is played over "
        f"(default {ANALYSIS_RUNS}; 0 leaves them out)",
    )
    parser.add_argument("--team", metavar="TEAM", help="play with this team instead")
    parser.add_argument(
        "--teams",
        metavar="TEAM,TEAM",
        help="also search the best sequence with these teams and list the events whose best "
        "choice changes (default: the teams the scenario lists under 'teams')",
    )
    parser.add_argument("--json", action="store_true", help="print everything as one JSON object")
    parser.add_argument(
        "--plot",
        metavar="DIR",
        type=Path,
        help="write PNG charts (scores, endings, who leaves, trajectories) into DIR",
    )
    add_scenarios_option(parser)
    parser.add_argument("--lang", default="en", help="language of titles in the report")
    parser.set_defaults(func=run)


def _fail(message: str, code: int) -> int:
    print(f"leadsim playtest: {visible(message)}", file=sys.stderr)
    return code


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.enabled = stream.isatty()

    def __call__(self, step: int) -> None:
        self.done += step
        if self.enabled:
            width = 40
            filled = int(width * self.done / max(self.total, 1))
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,}"
            )
            self.stream.flush()

    def say(self, text: str) -> None:
        if self.enabled:
            self.stream.write("\r" + text.ljust(60)[:60])
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def find_scenario(ref: str, dirs: list[Path]) -> Bundle:
    """A scenario by path or id; an id is also looked for as ID.yaml in the current folder,
    which comes first (the file an author is working on). Raises ContentError."""
    if SCENARIO_ID.fullmatch(ref):
        for suffix in SUFFIXES:
            local = Path.cwd() / f"{ref}{suffix}"
            if local.is_file():
                return load_bundle(local, dirs)
    return load_bundle(ref, dirs)


def _problems(title: str, err: ContentError) -> None:
    print(f"leadsim playtest: {visible(title)}:", file=sys.stderr)
    for d in err.diagnostics[:20]:
        print("  " + visible(d.format()), file=sys.stderr)
    if len(err.diagnostics) > 20:
        print(f"  ... and {len(err.diagnostics) - 20} more", file=sys.stderr)


def _load(args: argparse.Namespace) -> tuple[Bundle, list[Bundle]] | None:
    """The bundle to play and the bundles of the team report (none, or two teams or more).

    A team named on the command line must load; a team the scenario lists that does not is
    reported and left out of the team report."""
    try:
        own = find_scenario(args.scenario, args.scenarios)
        bundle = own if not args.team else load_bundle_with_team(own, args.team, args.scenarios)
        given = args.teams is not None
        names = [t.strip() for t in args.teams.split(",") if t.strip()] if given else []
        teams = [load_bundle_with_team(own, t, args.scenarios) for t in dict.fromkeys(names)]
    except ContentError as err:
        _problems(f"cannot load '{args.scenario}'", err)
        return None
    if not given:
        for name in dict.fromkeys([own.scenario.team, *own.scenario.teams]):
            try:
                teams.append(load_bundle_with_team(own, name, args.scenarios))
            except ContentError as err:
                _problems(f"team '{name}' is left out of the team report", err)
    chosen = {bundle.team.id: bundle, **{b.team.id: b for b in teams}}
    return bundle, list(chosen.values()) if len(chosen) > 1 else []


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.runs <= MAX_RUNS:
        return _fail(f"--runs must be from 1 to {MAX_RUNS:,}", 2)
    problem = seed_problem(args.seed)
    if problem is not None:
        return _fail(problem, 2)
    if args.analysis_runs < 0:
        return _fail("--analysis-runs must be 0 or more", 2)
    try:
        policies = policies_from(args.policies, POLICY_NAMES)
    except ValueError as err:
        return _fail(str(err), 2)
    if not policies:
        return _fail("give at least one policy", 2)
    if args.plot is not None and os.path.lexists(args.plot) and not is_folder(args.plot):
        return _fail(f"--plot names a folder for the charts, and {args.plot} is a file", 2)
    loaded = _load(args)
    if loaded is None:
        return 1
    bundle, teams = loaded
    program = Program(bundle)
    bar = ProgressBar(args.runs * len(policies), sys.stderr)
    started = time.perf_counter()
    results = {}
    for policy in policies:
        results[policy] = play_many(program, args.seed, args.runs, policy, args.engine, bar)
    summaries = {p: summarise(program, r) for p, r in results.items()}
    elapsed = time.perf_counter() - started
    analysis, team_json = None, None
    if args.analysis_runs:
        bar.say("searching the best decision sequences...")
        analysis = analyse(program, args.seed, args.analysis_runs)
        if teams:
            bar.say("searching them with each team...")
            team_json = team_report(teams, args.seed, args.analysis_runs).to_json()
    bar.close()
    report = {
        "scenario": bundle.scenario.id,
        "content_hash": bundle.content_hash,
        "team": bundle.team.id,
        "file": str(bundle.path),
        "runs": args.runs,
        "seed": args.seed,
        "engine": args.engine,
        "seconds": round(elapsed, 3),
        "analysis_seconds": round(time.perf_counter() - started - elapsed, 3),
        "policies": summaries,
        "analysis": analysis.to_json(program) if analysis else None,
        "teams": team_json,
        "verdict": verdict_v2(summaries, analysis.search if analysis else None),
    }
    if args.plot is not None:
        import pygame

        from game.charts.playtest import write_playtest_charts

        try:
            written = write_playtest_charts(program, report, args.plot, args.lang)
        except (OSError, pygame.error) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            return _fail(f"cannot write the charts into {args.plot}: {reason}", 1)
        report["plots"] = [str(p) for p in written]
    if args.json:
        print(dumps(report, indent=2))
    else:
        print_report(program, report, args.lang, sys.stdout)
    return 0
