"""What effects and conditions act on: the world, its constants and the turn's bookkeeping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.content.conditions import Condition, Ops
from game.content.principles import ARCHETYPE_IDS
from game.sim.dynamics import productivity_of, team_average
from game.sim.world import (
    AWAY,
    BURNOUT,
    DECIDED,
    METRIC_NAMES,
    PRINCIPLE_INDEX,
    QUIT,
    TeamConstants,
    World,
)

Message = tuple[str, Any]
_LEADER: dict[str, Callable[[World], np.ndarray]] = {
    "composure": lambda w: w.composure,
    "stress": lambda w: w.leader_stress,
    "energy": lambda w: w.leader_energy,
}
NUMPY_OPS = Ops(np.logical_and, np.logical_or, np.logical_not, np.divide)


def _number(flags: np.ndarray) -> np.ndarray:
    """Yes/no state as 1.0/0.0, so that `flags.a + flags.b` counts in the engine as it does in
    the checker (numpy would add booleans as a logical or)."""
    return flags.astype(np.float64)


@dataclass(eq=False)  # entries are removed from lists by identity: their arrays do not compare
class Pending:
    """Delayed effects (from `later`) waiting to land on some runs."""

    due: int
    effects: list[Any]
    rows: np.ndarray
    text: Any = None


@dataclass(eq=False)
class Scheduled:
    """An event that will interrupt the flow of some runs."""

    due: int
    event: int
    rows: np.ndarray


def _renumber(entry_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Positions in `rows` of the entry's runs that are among `rows` (rows is sorted)."""
    where = np.searchsorted(rows, entry_rows)
    where = np.minimum(where, len(rows) - 1)
    return where[rows[where] == entry_rows]


@dataclass
class Context:
    """Everything an effect may touch. `rows` passed to effects index the world's runs."""

    world: World
    consts: TeamConstants
    seed: int
    run_ids: np.ndarray
    workload: float
    pending: list[Pending] = field(default_factory=list)
    scheduled: list[Scheduled] = field(default_factory=list)
    messages: list[Message] | None = None

    @property
    def turn(self) -> int:
        return self.world.turn

    def copy(self, world: World, rows: np.ndarray | None = None) -> Context:
        """The same bookkeeping over another world; with `rows`, only those runs, renumbered."""
        if rows is None:
            pending = [Pending(e.due, e.effects, e.rows.copy(), e.text) for e in self.pending]
            scheduled = [Scheduled(e.due, e.event, e.rows.copy()) for e in self.scheduled]
            run_ids = self.run_ids
        else:
            pending = [
                Pending(e.due, e.effects, _renumber(e.rows, rows), e.text) for e in self.pending
            ]
            scheduled = [Scheduled(e.due, e.event, _renumber(e.rows, rows)) for e in self.scheduled]
            run_ids = self.run_ids[rows]
        return Context(
            world,
            self.consts,
            self.seed,
            run_ids,
            self.workload,
            pending,
            scheduled,
            [] if self.messages is not None else None,
        )

    def say(self, kind: str, payload: Any) -> None:
        if self.messages is not None:
            self.messages.append((kind, payload))

    def lookup(self, rows: np.ndarray) -> Callable[[tuple[str, ...]], Any]:
        """Resolves the names a scenario-level condition reads, for the given runs."""
        w, c = self.world, self.consts

        def get(parts: tuple[str, ...]) -> Any:
            head = parts[0]
            if len(parts) == 1:
                return self._single(head, rows)
            name = parts[1]
            if head == "flags":
                index = c.flags.get(name)
                return 0.0 if index is None else _number(w.flags[rows, index])
            if head == "counters":
                index = c.counters.get(name)
                return 0.0 if index is None else w.counters[rows, index].astype(np.float64)
            if head == "problems":
                return _number(w.problems[rows, c.problems[name]])
            if head == "stakeholders":
                column = w.stake_trust if parts[2] == "trust" else w.stake_patience
                return column[rows, c.stakeholders[name]]
            if head in ("applied", "violated"):
                tally = w.applied if head == "applied" else w.violated
                return tally[rows, PRINCIPLE_INDEX[name]].astype(np.float64)
            if head == "team":
                return team_average(self.metric(name, rows), w.present[rows])
            if head == "milestones":
                return (w.reached if name == "reached" else w.missed)[rows].astype(np.float64)
            if head == "leader":
                return _LEADER[name](w)[rows]
            m = c.index[head]
            status = w.status[rows, m]
            if name == "left":
                return _number((status == QUIT) | (status == BURNOUT) | (status == DECIDED))
            if name == "quit":
                return _number((status == QUIT) | (status == BURNOUT))
            if name == "away":
                return _number(status == AWAY)
            if name == "revealed":
                return _number(w.revealed[rows, m])
            if name in c.traits:
                return float(c.traits[name][m])
            if name in ARCHETYPE_IDS:
                return bool(c.archetype[m] == ARCHETYPE_IDS.index(name))
            return self.metric(name, rows)[:, m]

        return get

    def _single(self, head: str, rows: np.ndarray) -> Any:
        w = self.world
        if head == "turn":
            return float(w.turn)
        if head == "progress":
            return w.progress[rows]
        if head == "members":
            return w.present[rows].sum(axis=1).astype(np.float64)
        if head == "priorities":
            return w.priorities[rows].astype(np.float64)
        if head == "timeouts":
            return w.timeouts[rows].astype(np.float64)
        status = w.status[rows]
        if head == "left":
            gone = (status == QUIT) | (status == BURNOUT) | (status == DECIDED)
            return gone.sum(axis=1).astype(np.float64)
        if head == "quit":
            return ((status == QUIT) | (status == BURNOUT)).sum(axis=1).astype(np.float64)
        if head == "dismissed":
            return (status == DECIDED).sum(axis=1).astype(np.float64)
        raise KeyError(head)

    def member_lookup(self, rows: np.ndarray) -> Callable[[tuple[str, ...]], Any]:
        """Resolves the names of a per-member condition (`where`): arrays of shape (R, M)."""

        def get(parts: tuple[str, ...]) -> Any:
            name = parts[0]
            if name in self.consts.traits:
                return self.consts.traits[name][None, :]
            return self.metric(name, rows)

        return get

    def metric(self, name: str, rows: np.ndarray) -> np.ndarray:
        w = self.world
        if name == "productivity":
            return productivity_of(
                w.morale[rows],
                w.stress[rows],
                w.fatigue[rows],
                w.priorities[rows],
                w.present[rows],
                self.consts,
            )
        if name not in METRIC_NAMES:
            raise KeyError(name)
        values: np.ndarray = getattr(w, name)[rows]
        return values

    def holds(self, condition: Condition, rows: np.ndarray) -> np.ndarray:
        """A bool per given run."""
        with np.errstate(divide="ignore", invalid="ignore"):
            value = condition.evaluate(self.lookup(rows), NUMPY_OPS)
        result = np.asarray(value, dtype=bool)
        if result.shape == (len(rows),):
            return result
        return np.broadcast_to(result, (len(rows),))
