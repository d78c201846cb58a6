"""`leadsim map`: the whole map (graph, 300 runs per player policy, layout, page and PNG).

Target: a map an author can redraw after each edit, under 10 s for a 40-event scenario (the
largest the map is laid out to read well). Run: `python -m benchmarks.bench_map`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_sim import write_scenario

Result = dict[str, dict[str, Any]]
TARGET_SECONDS = 10.0


def _seconds(ref: str | Path, out: Path, runs: int) -> float:
    from game.report.storymap.build import MapOptions, load_source, write_map

    start = time.perf_counter()
    write_map(load_source(ref), out, MapOptions(runs=runs))
    return time.perf_counter() - start


def _entry(seconds: float, what: str) -> dict[str, Any]:
    return {
        "value": round(seconds, 2),
        "unit": f"s ({what})",
        "target": f"< {TARGET_SECONDS:g}",
        "ok": seconds < TARGET_SECONDS,
    }


def run(quick: bool = False) -> Result:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    runs = 50 if quick else 300
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated = write_scenario(folder, decisions=40)
        return {
            "map.generated_40": _entry(_seconds(generated, folder / "g.html", runs), "40 events"),
            "map.missed_deadline": _entry(
                _seconds("missed_deadline", folder / "m.html", runs), "18 events"
            ),
        }


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    for key, figure in run(quick).items():
        print(f"{key:34} {figure['value']:>8} {figure['unit']:18} {figure['target']:>6}")
