"""Each person over many playthroughs: who leaves, when and why, and their morale and stress.

A person leaves by quitting, by burning out (both count against retention) or because the
leader decided it. Their morale and stress per turn are averaged over the runs in which they
are still on the team and the run is still playing: after early endings and departures, the
averages cover fewer runs (`present` says how many), and the people still there are often the
ones who fared better.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.batch import BatchResult
from game.sim.program import Program
from game.sim.world import BURNOUT, DECIDED, QUIT

REASONS = {"quit": QUIT, "burnout": BURNOUT, "decided": DECIDED}


def playing(result: BatchResult) -> list[float]:
    """Per turn (0 = the start), the share of runs still playing."""
    alive = ~np.isnan(next(iter(result.series.values())))
    return [round(float(v), 6) for v in alive.mean(axis=0) if v > 0]


def people(program: Program, result: BatchResult) -> dict[str, dict[str, Any]]:
    """Per member id: how often and when they left for each reason, and their mean morale and
    stress per turn (over the runs where they are still there)."""
    out: dict[str, dict[str, Any]] = {}
    runs = max(len(result.scores), 1)
    for j, member in enumerate(program.bundle.team.members):
        status = result.status[:, j]
        after = result.left_turn[:, j] + 1  # left after this decision (1-based)
        left = {name: float(np.mean(status == code)) for name, code in REASONS.items()}
        when = {}
        for name, code in REASONS.items():
            gone = (status == code) & (after > 0)
            when[name] = float(after[gone].mean()) if gone.any() else None
        morale = result.members["morale"][:, :, j]
        there = ~np.isnan(morale)
        turns = [t for t in range(morale.shape[1]) if there[:, t].any()]
        out[member.id] = {
            "archetype": member.archetype,
            "left": round(sum(left.values()), 6),
            "reasons": {k: round(v, 6) for k, v in left.items()},
            "left_after": {k: None if v is None else round(v, 3) for k, v in when.items()},
            "present": [round(float(there[:, t].sum()) / runs, 6) for t in turns],
            "morale": _means(morale, turns),
            "stress": _means(result.members["stress"][:, :, j], turns),
        }
    return out


def _means(values: np.ndarray, turns: list[int]) -> list[float]:
    return [round(float(np.nanmean(values[:, t])), 6) for t in turns]
