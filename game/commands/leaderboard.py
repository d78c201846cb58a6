"""`leadsim leaderboard [SCENARIO]`: rankings, personal bests, CSV export and verification.

Every ranking is per scenario *version* (content hash), engine version and mode: by default
the version installed now (or the most recently played one if that has no plays), the
running engine, and people's runs only; ``--version PREFIX`` picks another version and
``--all`` adds the runs played by policies and from scripted decisions, each ranked on its
own. Exit codes: 0 ok, 1 ``--verify`` found a damaged, duplicated, forged or edited row, 2
usage or data-folder problems. Errors are printed as one readable line, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.commands import leaderboard_view as view
from game.commands.output import dumps, line
from game.content.diagnostics import ContentError
from game.content.library import ScenarioLibrary, load_bundle_by_id
from game.play.verify import engine_replay
from game.store.csvexport import export_csv
from game.store.errors import StoreError
from game.store.leaderboard import Leaderboard, Listing, Version
from game.store.playthrough import PLAYER, Playthrough, engine_version
from game.store.rows import DamagedRow
from game.store.verification import KINDS, VerifyReport

MAX_TOP = 10_000


def _top(text: str) -> int:
    """``--top``: a whole number from 1 to :data:`MAX_TOP`."""
    if not (text.isascii() and text.strip().isdigit()) or len(text.strip()) > 6:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_TOP}")
    value = int(text)
    if not 1 <= value <= MAX_TOP:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_TOP}")
    return value


def register(subparsers: Any) -> None:
    """Add the ``leaderboard`` sub-command."""
    parser = subparsers.add_parser(
        "leaderboard",
        help="show the local leaderboard, export or verify it",
        description=(
            "Show the best playthroughs per scenario version (scores of different versions of "
            "a scenario, of different engine versions, and of people and policies are never "
            "mixed), a player's personal bests, or the latest plays. Exit 0 when all is well, "
            "1 when --verify finds a damaged, duplicated, forged or edited row, 2 for a usage "
            "or data-folder problem."
        ),
    )
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="scenario id")
    parser.add_argument(
        "--top", type=_top, default=10, metavar="N", help=f"rows per ranking, 1-{MAX_TOP} (10)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of rows")
    parser.add_argument(
        "--export",
        type=Path,
        metavar="FILE.csv",
        help="write every stored playthrough (of SCENARIO, or NAME's bests) to a CSV file",
    )
    parser.add_argument(
        "--verify",
        action="store_true",
        help="replay every stored playthrough and check its seal: score, ending, profile, "
        "scenario version, date, name, duration; exit 1 if a row was forged or edited",
    )
    parser.add_argument("--name", metavar="NAME", help="show this player's personal bests")
    parser.add_argument("--recent", action="store_true", help="show the latest playthroughs")
    parser.add_argument(
        "--all",
        dest="every_mode",
        action="store_true",
        help="also show runs played by a policy or from scripted --choices (ranked apart)",
    )
    parser.add_argument(
        "--version",
        dest="content_version",
        metavar="HASH",
        help="rank this scenario version (content-hash prefix)",
    )
    add_scenarios_option(parser)
    parser.set_defaults(func=run)


class _Usage(Exception):
    """A problem with the command line itself (exit 2)."""


def run(args: argparse.Namespace) -> int:
    """Run ``leadsim leaderboard``; returns the exit code."""
    try:
        with Leaderboard.open() as board:
            if board.notice:
                print(f"leadsim leaderboard: {line(board.notice)}", file=sys.stderr)
            return _dispatch(board, args)
    except (StoreError, _Usage) as exc:
        return _fail(str(exc))


def _fail(message: str) -> int:
    print(f"leadsim leaderboard: error: {line(message)}", file=sys.stderr)
    return 2


def _warn_damaged(damaged: Iterable[DamagedRow]) -> None:
    for row in damaged:
        print(f"leadsim leaderboard: {view.damaged_line(row)}", file=sys.stderr)


def _dispatch(board: Leaderboard, args: argparse.Namespace) -> int:
    if args.verify:
        return _verify(board, args)
    if args.export is not None:
        return _export(board, args)
    if args.name:
        bests = board.bests(args.name, args.scenario, every_mode=args.every_mode)
        columns = view.BEST_COLUMNS + ([view.MODE] if args.every_mode else [])
        _show(board, args, [("Personal bests of " + line(args.name), bests)], columns)
    elif args.recent:
        recent = board.latest(args.top, args.scenario, every_mode=args.every_mode)
        columns = view.RECENT_COLUMNS + ([view.MODE] if args.every_mode else [])
        _show(board, args, [("Latest playthroughs", recent)], columns)
    else:
        running = engine_version()
        boards = []
        for version, others in _chosen_versions(board, args):
            ranked = board.ranking(
                version.scenario_id,
                version.content_hash,
                args.top,
                engine=version.engine_version,
                mode=version.mode,
            )
            boards.append((view.title(version, others, running), ranked))
        _show(board, args, boards, view.TOP_COLUMNS)
    return 0


def _export(board: Leaderboard, args: argparse.Namespace) -> int:
    damaged: list[DamagedRow] = []
    if args.name:
        bests = board.bests(args.name, args.scenario, every_mode=args.every_mode)
        exported: Iterable[Playthrough] = bests.rows
        damaged = bests.damaged
    else:

        def readable() -> Iterable[Playthrough]:
            for row in board.rows(args.scenario):
                if isinstance(row, DamagedRow):
                    damaged.append(row)
                else:
                    yield row

        exported = readable()
    count = export_csv(exported, args.export)
    _warn_damaged(damaged)
    print(f"exported {count} playthrough{'s' if count != 1 else ''} to {line(args.export)}")
    return 0


def _installed_hashes(scenario: str | None, extra: Sequence[Path]) -> dict[str, str]:
    """Content hash of each installed scenario; empty when the library cannot be read."""
    try:
        if scenario is not None:
            bundle = load_bundle_by_id(scenario, extra)
            return {bundle.scenario.id: bundle.content_hash}
        entries = ScenarioLibrary(extra_dirs=extra).entries()
    except (ContentError, OSError):
        return {}  # the ranking still works from what is stored
    return {e.id: e.bundle.content_hash for e in entries if e.bundle is not None}


def _pick(group: list[Version], installed: str | None, running: str) -> tuple[str, str]:
    """The (content hash, engine version) to rank: the installed version played by the running
    engine, else the latest version the running engine played, else the latest of all."""
    people = [v for v in group if v.mode == PLAYER] or group
    for wanted in (
        lambda v: v.content_hash == installed and v.engine_version == running,
        lambda v: v.engine_version == running,
        lambda v: True,
    ):
        found = next((v for v in people if wanted(v)), None)
        if found is not None:
            return found.content_hash, found.engine_version
    raise AssertionError("a scenario group is never empty")


def _chosen_versions(
    board: Leaderboard, args: argparse.Namespace
) -> list[tuple[Version, list[Version]]]:
    """For each scenario, the rankings to show (players first, then each other mode with
    --all) and the other versions to mention."""
    by_scenario: dict[str, list[Version]] = {}
    for v in board.versions(args.scenario, every_engine=True, every_mode=args.every_mode):
        by_scenario.setdefault(v.scenario_id, []).append(v)  # most recently played first
    running = engine_version()
    picks: dict[str, tuple[str, str]] = {}
    if args.content_version:
        prefix = args.content_version.lower()
        for scenario_id, group in by_scenario.items():
            matching = [v for v in group if v.content_hash.lower().startswith(prefix)]
            if len({v.content_hash for v in matching}) > 1:
                raise _Usage(f"the version prefix {prefix} is ambiguous; give more characters")
            if matching:
                picks[scenario_id] = _pick(matching, matching[0].content_hash, running)
        if not picks:
            raise _Usage(f"no stored playthroughs of a scenario version starting with {prefix}")
    else:
        installed = _installed_hashes(args.scenario, args.scenarios) if by_scenario else {}
        for scenario_id, group in by_scenario.items():
            picks[scenario_id] = _pick(group, installed.get(scenario_id), running)
    chosen = []
    for scenario_id, (content_hash, engine) in picks.items():
        group = by_scenario[scenario_id]
        shown = [v for v in group if (v.content_hash, v.engine_version) == (content_hash, engine)]
        shown.sort(key=lambda v: (v.mode != PLAYER, v.mode))
        others = [v for v in group if v.mode == PLAYER and v not in shown]
        chosen += [(v, others if i == 0 else []) for i, v in enumerate(shown)]
    return chosen


def _show(
    board: Leaderboard,
    args: argparse.Namespace,
    boards: list[tuple[str, Listing]],
    columns: list[view.Column],
) -> None:
    if args.json:
        listed = [row.to_dict() for _, found in boards for row in found.rows]
        print(dumps(listed))
        _warn_damaged(row for _, found in boards for row in found.damaged)
        return
    if not any(found.rows or found.damaged for _, found in boards):
        where = f" for '{line(args.scenario)}'" if args.scenario else ""
        who = f" by '{line(args.name)}'" if args.name else ""
        print(f"No finished playthroughs{who}{where} yet.")
        _mention_other_modes(board, args)
        return
    for index, (heading, found) in enumerate(boards):
        if index:
            print()
        print(heading)
        print("\n".join(view.table(found.rows, columns)))
        for row in found.damaged:
            print(view.damaged_line(row))


def _mention_other_modes(board: Leaderboard, args: argparse.Namespace) -> None:
    if args.every_mode or args.name:
        return
    others = [
        v for v in board.versions(args.scenario, every_engine=True, every_mode=True)
        if v.mode != PLAYER
    ]  # fmt: skip
    runs = sum(v.plays for v in others)
    if runs:
        print(
            f"{runs} run{'s' if runs != 1 else ''} played by a policy or from scripted "
            "decisions are not ranked with people's runs; add --all to see them."
        )


_LABELS = {
    "verified": "verified",
    "damaged": "damaged",
    "duplicate": "duplicate",
    "forged": "forged (the replay disagrees)",
    "edited": "edited (the seal is broken)",
    "unavailable": "not checkable here (scenario version not installed)",
    "earlier_engine": "recorded by another engine version (not replayable here)",
    "unsealed": "unsealed, from an earlier version (the replay confirms them)",
}


def _verify(board: Leaderboard, args: argparse.Namespace) -> int:
    report = board.verify(engine_replay(args.scenarios))
    if args.json:
        print(dumps(_report_json(report)))
    else:
        _print_report(report)
    return 1 if report.failed else 0


def _report_json(report: VerifyReport) -> dict[str, object]:
    findings = []
    for f in report.findings:
        replayed = f.replayed.score if f.replayed is not None else None
        entry = {**f.row.to_dict(), "kind": f.kind, "reasons": list(f.reasons)}
        findings.append({**entry, "reason": "; ".join(f.reasons), "replayed_score": replayed})
    return {"checked": report.total, "counts": report.counts, "findings": findings}


def _print_report(report: VerifyReport) -> None:
    for f in report.findings:
        row = f.row
        if isinstance(row, DamagedRow):
            where = f"#{row.row_id} {line(row.name)} - {line(row.scenario_id)}"
        else:
            where = (
                f"#{row.row_id} {line(row.name)} - {line(row.scenario_id)} "
                f"{line(row.content_hash[:10])} ({line(view.date(row))})"
            )
        print(f"{where}: {_LABELS[f.kind]}: {line('; '.join(f.reasons))}")
    total = report.total
    plural = "s" if total != 1 else ""
    if report.counts.get("verified", 0) == total:
        print(
            f"All {total} playthrough{plural} verified: seals intact, and the replay confirms "
            "every score, ending and profile."
        )
        return
    counts = ", ".join(
        f"{report.counts[kind]} {_LABELS[kind]}" for kind in KINDS if report.counts.get(kind)
    )
    print(f"Checked {total} playthrough{plural}: {counts}.")
    if report.failed:
        print("Some rows are damaged, duplicated, forged or edited: do not trust them.")
