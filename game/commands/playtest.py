"""`leadsim playtest SCENARIO`: many automatic playthroughs per policy, and what they teach."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from game.commands import add_scenarios_option
from game.commands.play import fail, load, seed_problem
from game.content.library import is_folder
from game.content.text import tr
from game.safe_json import dumps
from game.safe_text import visible
from game.sim.playtest import play_many, policies_from, summarise, verdict
from game.sim.policies import POLICY_NAMES
from game.sim.program import Program

DEFAULT_POLICIES = "random,principled,antiprincipled,greedy"
MAX_RUNS = 100_000  # per policy: about 130 MB and a few seconds for a bundled scenario


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "playtest",
        help="play many automatic playthroughs and report what the scenario teaches",
        description=(
            "Play many automatic playthroughs of SCENARIO per policy and report the score "
            "distribution, endings, choices taken, members lost, trajectories and a verdict "
            "on the lesson: does principled play beat random play beat antiprincipled play?"
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
        help=f"comma-separated policies (default {DEFAULT_POLICIES})",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed (default 1)")
    parser.add_argument(
        "--engine",
        choices=("batch", "scalar"),
        default="batch",
        help="batch (default, vectorised) or scalar (the game's own engine)",
    )
    parser.add_argument("--json", action="store_true", help="print everything as one JSON object")
    parser.add_argument(
        "--plot",
        metavar="DIR",
        type=Path,
        help="write PNG charts of trajectories and endings into DIR",
    )
    add_scenarios_option(parser)
    parser.add_argument("--lang", default="en", help="language of titles in the report")
    parser.set_defaults(func=run)


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

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _usage(message: str) -> int:
    print(visible(f"leadsim playtest: {message}"), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.runs <= MAX_RUNS:
        return _usage(f"--runs must be from 1 to {MAX_RUNS:,}")
    problem = seed_problem(args.seed)
    if problem is not None:
        return _usage(problem)
    if args.plot is not None and os.path.lexists(args.plot) and not is_folder(args.plot):
        return _usage(f"--plot names a folder for the charts, and {args.plot} is a file")
    try:
        policies = policies_from(args.policies, POLICY_NAMES)
    except ValueError as err:
        return _usage(str(err))
    if not policies:
        return _usage("give at least one policy")
    bundle = load(args.scenario, args.scenarios, "playtest")
    if bundle is None:
        return 1
    program = Program(bundle)
    bar = ProgressBar(args.runs * len(policies), sys.stderr)
    started = time.perf_counter()
    results = {}
    for policy in policies:
        results[policy] = play_many(program, args.seed, args.runs, policy, args.engine, bar)
    bar.close()
    elapsed = time.perf_counter() - started
    summaries = {p: summarise(program, r) for p, r in results.items()}
    report = {
        "scenario": bundle.scenario.id,
        "content_hash": bundle.content_hash,
        "runs": args.runs,
        "seed": args.seed,
        "engine": args.engine,
        "seconds": round(elapsed, 3),
        "policies": summaries,
        "verdict": verdict(summaries),
    }
    if args.plot is not None:
        from game.charts.playtest import write_playtest_charts

        try:
            charts = write_playtest_charts(program, summaries, args.plot, args.lang)
        except OSError as err:
            return fail(f"cannot write the charts into {args.plot}: {err.strerror or err}",
                        command="playtest")  # fmt: skip
        report["plots"] = [str(p) for p in charts]
    if args.json:
        print(dumps(report, indent=2))
    else:
        print_report(program, report, args.lang, sys.stdout)
    return 0


def _pct(value: float) -> str:
    return f"{value * 100:5.1f}%"


def print_report(program: Program, report: dict[str, Any], lang: str, out: TextIO) -> None:
    scenario = program.scenario

    def w(text: str) -> None:
        out.write(visible(text))  # titles and ids come from the scenario file

    w(f"Playtest of {scenario.id} ({tr(scenario.title, lang)})\n")
    w(
        f"{report['runs']:,} runs per policy, seed {report['seed']}, {report['engine']} engine, "
        f"{report['seconds']:.2f} s\n\n"
    )
    w(f"{'policy':<16}{'mean':>7}{'std':>7}{'p5':>7}{'p50':>7}{'p95':>7}{'decisions':>11}\n")
    for name, s in report["policies"].items():
        w(
            f"{name:<16}{s['mean_score']:7.1f}{s['std_score']:7.1f}{s['p5']:7.1f}{s['p50']:7.1f}"
            f"{s['p95']:7.1f}{s['mean_decisions']:11.1f}\n"
        )
    w("\nEndings\n")
    names = list(report["policies"])
    w(f"{'':<24}" + "".join(f"{n[:14]:>15}" for n in names) + "\n")
    for ending in scenario.endings:
        row = "".join(f"{_pct(report['policies'][n]['endings'][ending.id]):>15}" for n in names)
        w(f"{ending.id[:23]:<24}{row}\n")
    w("\nMembers who left\n")
    for mid in program.consts.member_ids:
        row = "".join(f"{_pct(report['policies'][n]['left'][mid]):>15}" for n in names)
        w(f"{mid[:23]:<24}{row}\n")
    w("\nChoices taken (share of the times each event was reached)\n")
    for event in program.events:
        shares = [report["policies"][n]["choices"].get(event.model.id) for n in names]
        if not any(shares):
            w(f"  {event.model.id}: never reached\n")
            continue
        w(f"  {event.model.id}\n")
        for k in range(1, len(event.choices) + 1):
            row = "".join(f"{_pct((s or {}).get(str(k), 0.0)):>15}" for s in shares)
            w(f"{'    choice ' + str(k):<24}{row}\n")
    w("\nTeam over time (mean per turn; --json and --plot add the 10-90 % band)\n")
    for name, s in report["policies"].items():
        w(f"  {name}\n")
        for metric, points in s["trajectory"].items():
            cells = " ".join(f"{m:.2f}" for m, _, _ in points[:14])
            w(f"    {metric:<13}{cells}\n")
    v = report["verdict"]
    w("\nLesson\n")
    if v["ok"] is None:
        w(f"  {v['reason']}\n")
        return
    for g in v["gaps"]:
        w(
            f"  {g['better']} - {g['worse']}: {g['diff']:+.1f} points "
            f"(95 % CI {g['ci95'][0]:+.1f} .. {g['ci95'][1]:+.1f})\n"
        )
    if v["ok"]:
        margin = v["margin"]
        w(f"  OK: principled > random > antiprincipled, by at least {margin:.0f} points overall\n")
    else:
        w(
            f"  NOT OK: the scenario should reward principled play: principled > random > "
            f"antiprincipled, with at least {v['margin']:.0f} points between the extremes\n"
        )
