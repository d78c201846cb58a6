"""The state of one or many playthroughs as numpy arrays, and the team constants behind it.

Arrays have a leading "run" axis: shape (R, M) per member, (R,) per playthrough. One
playthrough is simply R = 1; the batch engine uses R = thousands with the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.content.models import Away, Count, Scenario, SetFlag, Team
from game.content.principles import ARCHETYPE_IDS, ARCHETYPES, PRINCIPLE_IDS, TRAITS
from game.content.walk import all_effects
from game.sim.params import PARAMS, Params

METRIC_NAMES = ("morale", "stress", "trust", "fatigue", "skill")
PRINCIPLE_INDEX = {pid: i for i, pid in enumerate(PRINCIPLE_IDS)}

# What became of each member (World.status)
PRESENT, QUIT, BURNOUT, DECIDED, AWAY, NOT_JOINED = 0, 1, 2, 3, 4, 5
STATUS_NAMES = ("present", "quit", "burnout", "decided", "away", "not_joined")
# status -> gone from the team for good (quit, burned out or let go), read as GONE[status]
GONE = np.isin(np.arange(len(STATUS_NAMES)), (QUIT, BURNOUT, DECIDED))


@dataclass(frozen=True, eq=False)
class TeamConstants:
    """What does not change during a playthrough: traits, baselines, relationships, names."""

    member_ids: tuple[str, ...]
    index: dict[str, int]
    archetype: np.ndarray  # (M,) int, index into ARCHETYPE_IDS
    traits: dict[str, np.ndarray]  # name -> (M,)
    start: dict[str, np.ndarray]  # metric -> (M,)
    base_morale: np.ndarray
    base_stress: np.ndarray
    bonds: np.ndarray  # (M, M) j's mood reaches i in proportion to bonds[i, j]
    conflict: np.ndarray  # (M, M) conflict strength
    flags: dict[str, int]
    counters: dict[str, int]
    problems: dict[str, int]
    stakeholders: dict[str, int]
    stake_decay: np.ndarray  # (S,) patience lost per turn
    stake_weight: np.ndarray  # (S,) weight in the score
    newcomers: np.ndarray  # (M,) bool: not on the team until they join
    has_away: bool  # some effect sends a member away
    params: Params

    def __post_init__(self) -> None:
        # derived once: the dynamics read these every turn
        p = self.params
        resilience = self.traits["resilience"]
        object.__setattr__(self, "stress_relax", p.stress_relax * (0.5 + 0.5 * resilience))
        object.__setattr__(self, "stress_sensitivity", 1.3 - p.stress_sensitivity * resilience)
        object.__setattr__(self, "focus_need", 0.5 + self.traits["structure"])
        object.__setattr__(self, "has_bonds", bool(self.bonds.any()))
        object.__setattr__(self, "has_conflict", bool(self.conflict.any()))
        # the friction each person feels with the whole team present (dynamics._along of a
        # row of ones, summed the same way)
        ones = np.ones((1, len(self.member_ids)))
        friction_all = (ones[:, None, :] * self.conflict[None, :, :]).sum(axis=2)
        object.__setattr__(self, "friction_all", friction_all)

    stress_relax: np.ndarray = field(init=False)
    stress_sensitivity: np.ndarray = field(init=False)  # how hard added stress lands
    focus_need: np.ndarray = field(init=False)  # how much split priorities cost each person
    has_bonds: bool = field(init=False)
    has_conflict: bool = field(init=False)
    friction_all: np.ndarray = field(init=False)  # (1, M)

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
    counters: dict[str, int] = {}
    has_away = False
    for effect, _ in all_effects(scenario):
        if isinstance(effect, SetFlag):
            flags.setdefault(effect.name, len(flags))
        elif isinstance(effect, Count):
            counters.setdefault(effect.name, len(counters))
        elif isinstance(effect, Away):
            has_away = True
    return TeamConstants(
        member_ids=tuple(m.id for m in members),
        index=index,
        archetype=np.array([ARCHETYPE_IDS.index(m.archetype) for m in members]),
        traits=traits,
        start=start,
        base_morale=np.clip(
            0.5 * start["morale"] + 0.5 * (0.25 + 0.6 * traits["engagement"]), 0, 1
        ),
        # below the strain threshold: a relieved person stops wearing out, however they began
        base_stress=np.clip(
            0.6 * start["stress"] + 0.15 * (1 - traits["resilience"]),
            0.0,
            params.fatigue_threshold - 0.05,
        ),
        bonds=bonds,
        conflict=conflict,
        flags=flags,
        counters=counters,
        problems={p.id: i for i, p in enumerate(scenario.problems)},
        stakeholders={s.id: i for i, s in enumerate(scenario.stakeholders)},
        stake_decay=np.array([s.decay for s in scenario.stakeholders] or [0.0]),
        stake_weight=np.array([s.weight for s in scenario.stakeholders] or [0.0]),
        newcomers=np.array([m.id in scenario.newcomers for m in members], dtype=bool),
        has_away=has_away,
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
    growth: np.ndarray  # (R, M) skill still to come from coaching and support
    present: np.ndarray  # (R, M) bool: status == PRESENT, kept for speed
    status: np.ndarray  # (R, M) int8, see STATUS_NAMES
    away_until: np.ndarray  # (R, M) int: the turn an away member is back
    revealed: np.ndarray  # (R, M) bool
    low_turns: np.ndarray  # (R, M) int
    progress: np.ndarray  # (R,)
    composure: np.ndarray  # (R,)
    leader_stress: np.ndarray  # (R,)
    leader_energy: np.ndarray  # (R,)
    reached: np.ndarray  # (R,) int
    missed: np.ndarray  # (R,) int
    priorities: np.ndarray  # (R,) int
    flags: np.ndarray  # (R, F) bool
    counters: np.ndarray  # (R, C) int
    problems: np.ndarray  # (R, P) bool: open problems
    stake_trust: np.ndarray  # (R, S)
    stake_patience: np.ndarray  # (R, S)
    applied: np.ndarray  # (R, 18) int: times each principle was applied
    violated: np.ndarray  # (R, 18) int: times each principle was violated
    timeouts: np.ndarray  # (R,) int: decisions left to the clock
    resume: np.ndarray  # (R,) int: event to return to after an interrupting event, -2 = none
    turn: int = 0

    @classmethod
    def start(cls, consts: TeamConstants, scenario: Scenario, runs: int) -> World:
        size = consts.size

        def tile(values: np.ndarray) -> np.ndarray:
            return np.tile(values.astype(np.float64), (runs, 1))

        def row(values: list[float]) -> np.ndarray:
            return np.tile(np.array(values, dtype=np.float64).reshape(1, -1), (runs, 1))

        status = np.where(consts.newcomers, NOT_JOINED, PRESENT).astype(np.int8)
        leader = scenario.leader
        principles = len(PRINCIPLE_INDEX)
        return cls(
            morale=tile(consts.start["morale"]),
            stress=tile(consts.start["stress"]),
            trust=tile(consts.start["trust"]),
            fatigue=tile(consts.start["fatigue"]),
            skill=tile(consts.start["skill"]),
            growth=np.zeros((runs, size)),
            present=np.tile(status == PRESENT, (runs, 1)),
            status=np.tile(status, (runs, 1)),
            away_until=np.zeros((runs, size), dtype=np.int64),
            revealed=np.zeros((runs, size), dtype=bool),
            low_turns=np.zeros((runs, size), dtype=np.int64),
            progress=np.zeros(runs),
            composure=np.full(runs, leader.composure),
            leader_stress=np.full(runs, leader.stress),
            leader_energy=np.full(runs, leader.energy),
            reached=np.zeros(runs, dtype=np.int64),
            missed=np.zeros(runs, dtype=np.int64),
            priorities=np.full(runs, scenario.priorities, dtype=np.int64),
            flags=np.zeros((runs, max(len(consts.flags), 1)), dtype=bool),
            counters=np.zeros((runs, max(len(consts.counters), 1)), dtype=np.int64),
            problems=np.tile(
                np.array([p.open for p in scenario.problems] or [False], dtype=bool), (runs, 1)
            ),
            stake_trust=row([s.trust for s in scenario.stakeholders] or [0.0]),
            stake_patience=row([s.patience for s in scenario.stakeholders] or [0.0]),
            applied=np.zeros((runs, principles), dtype=np.int64),
            violated=np.zeros((runs, principles), dtype=np.int64),
            timeouts=np.zeros(runs, dtype=np.int64),
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

    def set_status(self, rows: np.ndarray, member: int | np.ndarray, value: int) -> None:
        """Change members' status (and presence) for the given runs."""
        self.status[rows, member] = value
        self.present[rows, member] = value == PRESENT

    @property
    def runs(self) -> int:
        return int(self.progress.shape[0])
