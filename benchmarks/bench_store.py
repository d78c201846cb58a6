"""Store benchmarks: leaderboard queries and inserts, save writes.

Run ``python -m benchmarks.bench_store`` (optionally ``--rows N`` to size the big board, and
``--json`` for machine-readable output). Each ``bench_*`` function returns
``{name: {"value": float, "unit": str, "target": float, "ok": bool}}``; lower is better.
Everything happens in a temporary folder; the real data folder is never touched.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore

Result = dict[str, dict[str, Any]]
SCENARIOS = ("missed_deadline", "team_tandem", "release", "merger")
VERSIONS = ("v1", "v2", "v3")


def _result(name: str, value: float, unit: str, target: float) -> Result:
    return {name: {"value": round(value, 4), "unit": unit, "target": target, "ok": value < target}}


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _rows(count: int, start: int = 0) -> Iterator[Playthrough]:
    """Synthetic playthroughs; half of them in the ranked version, the rest spread out."""
    for n in range(start, start + count):
        if n % 2:
            scenario, version = SCENARIOS[0], VERSIONS[0]
        else:
            scenario, version = SCENARIOS[n % len(SCENARIOS)], VERSIONS[n % len(VERSIONS)]
        yield Playthrough(
            name=f"Игрок {n % 5000}",
            scenario_id=scenario,
            content_hash=version,
            score=(n * 7919 % 100_000) / 1000,
            ending_id="steady",
            seed=n,
            decisions=(1, 2, 3, 1, 2, 0, 1, 3),
            profile={"clarity": 2, "psych_safety": -1},
            played_at=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00Z",
            duration_s=900.0,
        )


def bench_top10(rows: int = 1_000_000) -> Result:
    """Top-10 of one scenario version on a board of ``rows`` playthroughs (target < 5 ms);
    also reports opening that board with its integrity check."""
    with tempfile.TemporaryDirectory() as folder:
        with Leaderboard.open(Path(folder)) as board:
            for start in range(0, rows, 100_000):
                board.record_many(_rows(min(100_000, rows - start), start))
        open_ms = _median_ms(lambda: Leaderboard.open(Path(folder)).close(), 3)
        with Leaderboard.open(Path(folder), check=False) as board:
            top = _median_ms(lambda: board.top(SCENARIOS[0], VERSIONS[0], 10), 200)
            bests = _median_ms(lambda: board.personal_bests("Игрок 42"), 50)
            recent = _median_ms(lambda: board.recent(10), 200)
    label = f"{rows:,}".replace(",", "_")
    return {
        **_result(f"leaderboard_top10_{label}_rows", top, "ms", 5.0),
        **_result(f"leaderboard_personal_bests_{label}_rows", bests, "ms", 50.0),
        **_result(f"leaderboard_recent10_{label}_rows", recent, "ms", 5.0),
        **_result(f"leaderboard_open_checked_{label}_rows", open_ms, "ms", 5000.0),
    }


def bench_insert(rows: int = 10_000) -> Result:
    """Inserting ``rows`` playthroughs with :meth:`Leaderboard.record_many` (target < 2 s)."""
    with tempfile.TemporaryDirectory() as folder, Leaderboard.open(Path(folder)) as board:
        batch = list(_rows(rows))
        start = time.perf_counter()
        board.record_many(batch)
        elapsed = time.perf_counter() - start
        fresh = _rows(50, start=rows)  # the board refuses a playthrough it already holds
        single = _median_ms(lambda: board.record(next(fresh)), 50)
    return {
        **_result(f"leaderboard_insert_{rows}_rows", elapsed, "s", 2.0),
        **_result("leaderboard_insert_one_row", single, "ms", 50.0),
    }


def bench_save_write(snapshot_kb: int = 20) -> Result:
    """One autosave (atomic write, fsync, backup) with a snapshot of about ``snapshot_kb`` KB."""
    with tempfile.TemporaryDirectory() as folder:
        store = SaveStore(Path(folder))
        members = [{"morale": 0.5 + i / 1000, "stress": 0.25} for i in range(400)]
        padding = "x" * max(0, snapshot_kb * 1024 - len(json.dumps(members)))
        snapshot = {"members": members, "padding": padding}
        record = SaveRecord.start("missed_deadline", "h" * 64, 42).advanced([1] * 20, snapshot)
        write = _median_ms(lambda: store.autosave(record), 50)
        scan = _median_ms(store.scan, 20)
    return {
        **_result(f"save_write_{snapshot_kb}kb", write, "ms", 50.0),
        **_result("save_scan_one_game", scan, "ms", 50.0),
    }


def run_all(rows: int = 1_000_000) -> Result:
    """Every store benchmark, merged."""
    return {**bench_save_write(), **bench_insert(), **bench_top10(rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="size of the big board")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results = run_all(args.rows)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in results.items():
            verdict = "ok" if r["ok"] else "TOO SLOW"
            print(
                f"{name:45} {r['value']:>10.3f} {r['unit']:<3} (target < {r['target']}) {verdict}"
            )
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
