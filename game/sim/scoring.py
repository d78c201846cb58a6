"""The 0-100 score: the scenario's weights over delivery, team health, retention and principles.

* delivery  = 0.6 * progress + 0.4 * (milestones reached / milestones decided), or progress
  alone when the scenario has had no milestone;
* team      = half the team's health at the end, half its average health over the turns, where
  health = 0.4 * morale + 0.3 * (1 - stress) + 0.3 * productivity over the members present;
* retention = members still on the team / members at the start;
* principles = principle tags applied / (applied + violated), 0.5 with no tag at all.
The total is the weighted mean of the four parts, times 100.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.content.models import Scoring
from game.sim.dynamics import productivity, team_average
from game.sim.world import TeamConstants, World


def health(world: World, consts: TeamConstants, prod: np.ndarray | None = None) -> np.ndarray:
    """Team health per run in [0, 1]: morale, calm and output of the members present."""
    if prod is None:
        prod = productivity(world, consts)
    per_member = 0.4 * world.morale + 0.3 * (1.0 - world.stress) + 0.3 * prod
    return team_average(per_member, world.present)


def parts(
    world: World,
    consts: TeamConstants,
    applied: np.ndarray,
    violated: np.ndarray,
    health_sum: np.ndarray,
    turns: np.ndarray,
) -> dict[str, np.ndarray]:
    """The four parts of the score in [0, 1], one value per run."""
    decided = world.reached + world.missed
    ratio = world.reached / np.maximum(decided, 1)
    delivery = np.where(decided > 0, 0.6 * world.progress + 0.4 * ratio, world.progress)
    now = health(world, consts)
    mean = np.where(turns > 0, health_sum / np.maximum(turns, 1), now)
    tags = applied + violated
    return {
        "delivery": np.clip(delivery, 0.0, 1.0),
        "team": np.clip(0.5 * now + 0.5 * mean, 0.0, 1.0),
        "retention": world.present.sum(axis=1) / consts.size,
        "principles": np.where(tags > 0, applied / np.maximum(tags, 1), 0.5),
    }


def total(part: dict[str, np.ndarray], weights: Scoring) -> np.ndarray:
    w = {
        "delivery": weights.delivery,
        "team": weights.team,
        "retention": weights.retention,
        "principles": weights.principles,
    }
    weighted = sum(w[k] * part[k] for k in w)
    return 100.0 * np.asarray(weighted) / sum(w.values())


@dataclass(frozen=True)
class Score:
    """One playthrough's score: total in [0, 100] and its four parts in [0, 1]."""

    total: float
    delivery: float
    team: float
    retention: float
    principles: float

    def to_json(self) -> dict[str, float]:
        return {k: round(v, 6) for k, v in vars(self).items()}
