"""The debrief's what-if replays: every alternative of every decision played to its end.

Target from the window issue: the debrief of a 15-decision scenario in < 2 s (it runs off the
window's frame, but a trainee waits for it). Measured on a generated 15-decision scenario and
on the bundled scenario with the longest play found. Run: `python -m benchmarks.bench_debrief`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_sim import write_scenario
from game.content.library import load_bundle
from game.sim.debrief import debrief
from game.sim.policies import choose
from game.sim.program import Program
from game.sim.session import Session

Result = dict[str, dict[str, Any]]
TARGET_SECONDS = 2.0
BUNDLED = ("missed_deadline", "turnaround", "promoted_from_within", "new_team_lead")


def _played(program: Program, seed: int, policy: str) -> Session:
    session = Session(program, seed)
    while not session.finished:
        session.take(choose(policy, session))
    return session


def _seconds(session: Session, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        debrief(session)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _entry(seconds: float, decisions: int) -> dict[str, Any]:
    return {
        "value": round(seconds, 3),
        "unit": f"s ({decisions} decisions)",
        "target": f"< {TARGET_SECONDS:g}",
        "ok": seconds < TARGET_SECONDS,
    }


def run(quick: bool = False) -> Result:
    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        program = Program(load_bundle(write_scenario(Path(tmp), decisions=15)))
        generated = _played(program, 7, "random")
    result = {"debrief.generated_15": _entry(_seconds(generated, repeat), len(generated.decisions))}
    longest = max(
        (_played(Program(load_bundle(name)), 4, policy) for name in BUNDLED
         for policy in ("random", "principled", "antiprincipled")),
        key=lambda s: len(s.decisions),
    )  # fmt: skip
    name = f"debrief.{longest.scenario.id}"
    result[name] = _entry(_seconds(longest, repeat), len(longest.decisions))
    return result


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    for key, figure in run(quick).items():
        print(f"{key:34} {figure['value']:>8} {figure['unit']:18} {figure['target']:>6}")
