"""The 0-100 score: the scenario's weights over what happened, not over principle labels.

* delivery  = 0.6 * progress + 0.4 * (milestones reached / milestones decided), or progress
  alone when the scenario has had no milestone;
* team      = half the team's health at the end, half its average health over the turns, where
  health = 0.4 * morale + 0.3 * (1 - stress) + 0.3 * productivity over the members present;
* retention = 1 - (members who quit or burned out) / (members who were ever on the team);
  a departure the leader decided does not count here (it has its own consequences);
* stakeholders = the weighted mean of 0.7 * trust + 0.3 * patience over the stakeholders
  (the part is left out when the scenario has none);
* principles = principle tags applied / (applied + violated), 0.5 with no tag at all: weight 0
  unless the author sets it, since it scores the labels rather than the outcome.
The total is the weighted mean of the parts, times 100.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.content.models import Scoring
from game.sim.dynamics import productivity, team_average
from game.sim.world import BURNOUT, NOT_JOINED, QUIT, TeamConstants, World

PARTS = ("delivery", "team", "retention", "stakeholders", "principles")


def health(world: World, consts: TeamConstants, prod: np.ndarray | None = None) -> np.ndarray:
    """Team health per run in [0, 1]: morale, calm and output of the members present."""
    if prod is None:
        prod = productivity(world, consts)
    per_member = 0.4 * world.morale + 0.3 * (1.0 - world.stress) + 0.3 * prod
    return team_average(per_member, world.present)


def parts(
    world: World, consts: TeamConstants, health_sum: np.ndarray, turns: np.ndarray
) -> dict[str, np.ndarray]:
    """The parts of the score in [0, 1], one value per run."""
    decided = world.reached + world.missed
    ratio = world.reached / np.maximum(decided, 1)
    delivery = np.where(decided > 0, 0.6 * world.progress + 0.4 * ratio, world.progress)
    now = health(world, consts)
    mean = np.where(turns > 0, health_sum / np.maximum(turns, 1), now)
    status = world.status
    ever = (status != NOT_JOINED).sum(axis=1)
    lost = ((status == QUIT) | (status == BURNOUT)).sum(axis=1)
    applied = world.applied.sum(axis=1)
    tags = applied + world.violated.sum(axis=1)
    if consts.stakeholders:
        standing = 0.7 * world.stake_trust + 0.3 * world.stake_patience
        stakeholders = (standing * consts.stake_weight).sum(axis=1) / consts.stake_weight.sum()
    else:
        stakeholders = np.zeros(world.runs)
    return {
        "delivery": np.clip(delivery, 0.0, 1.0),
        "team": np.clip(0.5 * now + 0.5 * mean, 0.0, 1.0),
        "retention": 1.0 - lost / np.maximum(ever, 1),
        "stakeholders": np.clip(stakeholders, 0.0, 1.0),
        "principles": np.where(tags > 0, applied / np.maximum(tags, 1), 0.5),
    }


def weights(scoring: Scoring, consts: TeamConstants) -> dict[str, float]:
    """The weight of each part; stakeholders weigh nothing in a scenario without any."""
    out = {name: float(getattr(scoring, name)) for name in PARTS}
    if not consts.stakeholders:
        out["stakeholders"] = 0.0
    return out


def total(part: dict[str, np.ndarray], scoring: Scoring, consts: TeamConstants) -> np.ndarray:
    w = weights(scoring, consts)
    weighted = sum(w[k] * part[k] for k in PARTS)
    return 100.0 * np.asarray(weighted) / max(sum(w.values()), 1e-9)


@dataclass(frozen=True)
class Score:
    """One playthrough's score: total in [0, 100] and its parts in [0, 1]."""

    total: float
    delivery: float
    team: float
    retention: float
    stakeholders: float
    principles: float

    def to_json(self) -> dict[str, float]:
        return {k: round(v, 6) for k, v in vars(self).items()}
