"""`leadsim leaderboard [SCENARIO]`: rankings, personal bests, CSV export and verification.

Every ranking is per scenario *version* (content hash): by default the version installed now,
or the most recently played one if that has no plays; ``--version PREFIX`` picks another.
Exit codes: 0 ok, 1 ``--verify`` found rows that do not replay to their score, 2 usage or
data-folder problems. Errors are printed as one readable line, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.store.csvexport import export_csv
from game.store.engine_replay import engine_score_replay
from game.store.errors import StoreError
from game.store.leaderboard import Leaderboard, Version
from game.store.playthrough import Playthrough


def register(subparsers: Any) -> None:
    """Add the ``leaderboard`` sub-command."""
    parser = subparsers.add_parser(
        "leaderboard",
        help="show the local leaderboard, export or verify it",
        description=(
            "Show the best playthroughs per scenario version (scores of different versions of "
            "a scenario are never mixed), a player's personal bests, or the latest plays. "
            "Exit 0 when all is well, 1 when --verify finds rows whose replay differs, 2 for "
            "a usage or data-folder problem."
        ),
    )
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="scenario id")
    parser.add_argument(
        "--top", type=int, default=10, metavar="N", help="rows per ranking (default 10)"
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
        help="replay every stored playthrough; exit 1 if any score differs",
    )
    parser.add_argument("--name", metavar="NAME", help="show this player's personal bests")
    parser.add_argument("--recent", action="store_true", help="show the latest playthroughs")
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
    if args.top < 1:
        return _fail("--top must be 1 or more")
    try:
        with Leaderboard.open() as board:
            if board.notice:
                print(f"leadsim leaderboard: {board.notice}", file=sys.stderr)
            return _dispatch(board, args)
    except (StoreError, _Usage) as exc:
        return _fail(str(exc))


def _fail(message: str) -> int:
    print(f"leadsim leaderboard: error: {message}", file=sys.stderr)
    return 2


def _dispatch(board: Leaderboard, args: argparse.Namespace) -> int:
    if args.verify:
        return _verify(board, args)
    if args.export is not None:
        if args.name:
            exported: Iterable[Playthrough] = board.personal_bests(args.name, args.scenario)
        else:
            exported = board.all_rows(args.scenario)
        count = export_csv(exported, args.export)
        print(f"exported {count} playthrough{'s' if count != 1 else ''} to {args.export}")
        return 0
    if args.name:
        bests = board.personal_bests(args.name, args.scenario)
        _show(args, [("Personal bests of " + args.name, bests)], _BEST_COLUMNS)
    elif args.recent:
        recent = board.recent(args.top, args.scenario)
        _show(args, [("Latest playthroughs", recent)], _RECENT_COLUMNS)
    else:
        boards = []
        for version, others in _chosen_versions(board, args):
            ranked = board.top(version.scenario_id, version.content_hash, args.top)
            title = f"{version.scenario_id} - version {version.content_hash[:10]}"
            title += f", {version.plays} play{'s' if version.plays != 1 else ''}"
            if others:
                title += "; other versions: " + ", ".join(v.content_hash[:10] for v in others)
            boards.append((title, ranked))
        _show(args, boards, _TOP_COLUMNS)
    return 0


def _current_hashes(scenario: str | None, extra: Sequence[Path]) -> dict[str, str]:
    """Content hash of each installed scenario; empty when the library cannot be read."""
    try:
        from game.content.library import ScenarioLibrary, load_bundle

        if scenario is not None:
            bundle = load_bundle(scenario, extra_dirs=extra)
            return {bundle.scenario.id: bundle.content_hash}
        entries = ScenarioLibrary(extra_dirs=extra).entries()
        return {e.id: e.bundle.content_hash for e in entries if e.bundle is not None}
    except Exception:  # the ranking still works from what is stored
        return {}


def _chosen_versions(
    board: Leaderboard, args: argparse.Namespace
) -> list[tuple[Version, list[Version]]]:
    versions = board.versions(args.scenario)
    by_scenario: dict[str, list[Version]] = {}
    for v in versions:  # most recently played first within a scenario
        by_scenario.setdefault(v.scenario_id, []).append(v)
    if args.content_version:
        prefix = args.content_version.lower()
        chosen = [
            (v, [o for o in group if o is not v])
            for group in by_scenario.values()
            for v in group
            if v.content_hash.lower().startswith(prefix)
        ]
        if not chosen:
            raise _Usage(f"no stored playthroughs of a scenario version starting with {prefix}")
        if len({v.scenario_id for v, _ in chosen}) != len(chosen):
            raise _Usage(f"the version prefix {prefix} is ambiguous; give more characters")
        return chosen
    current = _current_hashes(args.scenario, args.scenarios) if by_scenario else {}
    result = []
    for scenario_id, group in by_scenario.items():
        pick = next((v for v in group if v.content_hash == current.get(scenario_id)), group[0])
        result.append((pick, [v for v in group if v is not pick]))
    return result


# (heading, width, how to get the cell text)
_Column = tuple[str, int, Any]
_TOP_COLUMNS: list[_Column] = [
    ("#", 3, None), ("Name", 24, lambda r: r.name), ("Score", 6, lambda r: f"{r.score:.1f}"),
    ("Ending", 18, lambda r: r.ending_id or "-"), ("Date (UTC)", 16, lambda r: _date(r)),
    ("Time", 6, lambda r: _duration(r.duration_s)),
]  # fmt: skip
_BEST_COLUMNS: list[_Column] = [
    ("Scenario", 20, lambda r: r.scenario_id), ("Version", 10, lambda r: r.content_hash[:10]),
    ("Score", 6, lambda r: f"{r.score:.1f}"), ("Ending", 18, lambda r: r.ending_id or "-"),
    ("Date (UTC)", 16, lambda r: _date(r)),
]  # fmt: skip
_RECENT_COLUMNS: list[_Column] = [
    ("Date (UTC)", 16, lambda r: _date(r)), ("Name", 24, lambda r: r.name),
    ("Scenario", 20, lambda r: r.scenario_id), ("Score", 6, lambda r: f"{r.score:.1f}"),
    ("Ending", 18, lambda r: r.ending_id or "-"),
]  # fmt: skip


def _date(row: Playthrough) -> str:
    return row.played_at[:16].replace("T", " ")


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide East Asian characters count twice)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _cell(text: str, width: int, right: bool) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def _table(rows: list[Playthrough], columns: list[_Column]) -> list[str]:
    numeric = {"#", "Score", "Time"}
    lines = ["  ".join(_cell(h, w, h in numeric) for h, w, _ in columns).rstrip()]
    lines.append("  ".join("-" * w for _, w, _ in columns))
    for place, row in enumerate(rows, start=1):
        cells = [str(place) if get is None else str(get(row)) for _, _, get in columns]
        line = "  ".join(
            _cell(c, w, h in numeric) for c, (h, w, _) in zip(cells, columns, strict=True)
        )
        lines.append(line.rstrip())
    return lines


def _show(
    args: argparse.Namespace, boards: list[tuple[str, list[Playthrough]]], columns: list[_Column]
) -> None:
    if args.json:
        listed = [row.to_dict() for _, board_rows in boards for row in board_rows]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    if not any(rows for _, rows in boards):
        where = f" for '{args.scenario}'" if args.scenario else ""
        who = f" by '{args.name}'" if args.name else ""
        print(f"No finished playthroughs{who}{where} yet.")
        return
    for index, (title, rows) in enumerate(boards):
        if index:
            print()
        print(title)
        print("\n".join(_table(rows, columns)))


def _verify(board: Leaderboard, args: argparse.Namespace) -> int:
    replay = engine_score_replay(args.scenarios)
    total = board.count()
    mismatches = board.verify(replay)
    if args.json:
        report = [
            {**m.row.to_dict(), "replayed_score": m.replayed, "reason": m.reason}
            for m in mismatches
        ]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for m in mismatches:
            row = m.row
            print(
                f"#{row.row_id} {row.name} - {row.scenario_id} {row.content_hash[:10]} "
                f"({_date(row)}): {m.reason}"
            )
        plural = "s" if total != 1 else ""
        if mismatches:
            print(f"{len(mismatches)} of {total} playthrough{plural} could not be confirmed.")
        else:
            print(f"All {total} playthrough{plural} replay to their stored scores.")
    return 1 if mismatches else 0
