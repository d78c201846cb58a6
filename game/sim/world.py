"""The state of one or many playthroughs as numpy arrays, and the team constants behind it.

Arrays have a leading "run" axis: shape (R, M) per member, (R,) per playthrough. One
playthrough is simply R = 1; the batch engine uses R = thousands with the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.content.models import Scenario, SetFlag, Team
from game.content.principles import ARCHETYPE_IDS, ARCHETYPES, TRAITS
from game.content.walk import scenario_effects
from game.sim.params import PARAMS, Params

METRIC_NAMES = ("morale", "stress", "trust", "fatigue", "skill")


@dataclass(frozen=True, eq=False)
class TeamConstants:
    """What does not change during a playthrough: traits, baselines, relationships."""

    member_ids: tuple[str, ...]
    index: dict[str, int]
    archetype: np.ndarray  # (M,) int, index into ARCHETYPE_IDS
    traits: dict[str, np.ndarray]  # name -> (M,)
    start: dict[str, np.ndarray]  # metric -> (M,)
    base_morale: np.ndarray
    base_stress: np.ndarray
    bonds: np.ndarray  # (M, M) positive closeness weighted by the source's sociability
    friction: np.ndarray  # (M,) stress added per turn by conflicts with present peers
    conflict: np.ndarray  # (M, M) conflict strength
    flags: dict[str, int]
    params: Params

    @property
    def size(self) -> int:
        return len(self.member_ids)


def team_constants(team: Team, scenario: Scenario, params: Params = PARAMS) -> TeamConstants:
    members = team.members
    size = len(members)
    traits = {t: np.empty(size) for t in TRAITS}
    for i, m in enumerate(members):
        defaults = ARCHETYPES[m.archetype].traits
        for t in TRAITS:
            override = getattr(m.traits, t)
            traits[t][i] = defaults[t] if override is None else override
    start = {name: np.array([getattr(m, name) for m in members]) for name in METRIC_NAMES}
    index = {m.id: i for i, m in enumerate(members)}
    closeness = np.zeros((size, size))
    conflict = np.zeros((size, size))
    for rel in team.relationships:
        a, b = (index[x] for x in rel.between)
        if a == b:
            continue
        if rel.bond >= 0:
            closeness[a, b] = closeness[b, a] = rel.bond
        else:
            conflict[a, b] = conflict[b, a] = -rel.bond
    # j's mood reaches i in proportion to their bond and j's sociability
    bonds = closeness * traits["sociability"][None, :]
    ego = traits["ego"]
    conflict = conflict * (0.5 + 0.5 * np.maximum(ego[:, None], ego[None, :]))
    flags: dict[str, int] = {}
    for effect, _ in scenario_effects(scenario):
        if isinstance(effect, SetFlag):
            flags.setdefault(effect.name, len(flags))
    return TeamConstants(
        member_ids=tuple(m.id for m in members),
        index=index,
        archetype=np.array([ARCHETYPE_IDS.index(m.archetype) for m in members]),
        traits=traits,
        start=start,
        base_morale=np.clip(
            0.5 * start["morale"] + 0.5 * (0.25 + 0.6 * traits["engagement"]), 0, 1
        ),
        base_stress=np.clip(0.6 * start["stress"] + 0.15 * (1 - traits["resilience"]), 0, 1),
        bonds=bonds,
        friction=conflict.sum(axis=1),
        conflict=conflict,
        flags=flags,
        params=params,
    )


@dataclass(eq=False)
class World:
    """Mutable state of R playthroughs."""

    morale: np.ndarray
    stress: np.ndarray
    trust: np.ndarray
    fatigue: np.ndarray
    skill: np.ndarray
    present: np.ndarray  # (R, M) bool
    revealed: np.ndarray  # (R, M) bool
    low_turns: np.ndarray  # (R, M) int
    progress: np.ndarray  # (R,)
    composure: np.ndarray  # (R,)
    reached: np.ndarray  # (R,) int
    missed: np.ndarray  # (R,) int
    priorities: np.ndarray  # (R,) int
    flags: np.ndarray  # (R, F) bool
    resume: np.ndarray  # (R,) int: event to return to after an interrupting event, -2 = none
    turn: int = 0

    @classmethod
    def start(cls, consts: TeamConstants, scenario: Scenario, runs: int) -> World:
        size = consts.size

        def tile(values: np.ndarray) -> np.ndarray:
            return np.tile(values.astype(np.float64), (runs, 1))

        return cls(
            morale=tile(consts.start["morale"]),
            stress=tile(consts.start["stress"]),
            trust=tile(consts.start["trust"]),
            fatigue=tile(consts.start["fatigue"]),
            skill=tile(consts.start["skill"]),
            present=np.ones((runs, size), dtype=bool),
            revealed=np.zeros((runs, size), dtype=bool),
            low_turns=np.zeros((runs, size), dtype=np.int64),
            progress=np.zeros(runs),
            composure=np.full(runs, consts.params.composure_rest),
            reached=np.zeros(runs, dtype=np.int64),
            missed=np.zeros(runs, dtype=np.int64),
            priorities=np.full(runs, scenario.priorities, dtype=np.int64),
            flags=np.zeros((runs, max(len(consts.flags), 1)), dtype=bool),
            resume=np.full(runs, -2, dtype=np.int64),
        )

    def arrays(self) -> dict[str, np.ndarray]:
        return {k: v for k, v in vars(self).items() if isinstance(v, np.ndarray)}

    def take(self, rows: np.ndarray) -> World:
        """A copy holding only the given runs."""
        copy = World(**{k: v[rows].copy() for k, v in self.arrays().items()})
        copy.turn = self.turn
        return copy

    def copy(self) -> World:
        copy = World(**{k: v.copy() for k, v in self.arrays().items()})
        copy.turn = self.turn
        return copy

    @property
    def runs(self) -> int:
        return int(self.progress.shape[0])
