"""Policies for automatic play: the same decisions in a playthrough and in the batch engine.

Players that read the situation:
* `random` picks uniformly among the choices on offer;
* `principled` picks the choice whose principle tags score highest (applied minus violated,
  conditional tags counted where their condition holds);
* `antiprincipled` picks the lowest;
* `greedy` tries each choice and keeps the best score one turn ahead.
Naive baselines, which a real dilemma must beat by a wide margin:
* `first` and `last` take the choice shown first or last (the order is shuffled per game);
* `longest` takes the choice with the longest text;
* `never` lets every decision time out.
Ties are broken by the counter-based generator, so a policy is a pure function of
(seed, run, turn, the state). Every policy decides for many runs at once; a playthrough is
the case of one run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.content.text import tr
from game.sim.context import Context
from game.sim.program import Program
from game.sim.rng import key_of, uniform
from game.sim.scoring import health, parts, total
from game.sim.turn import advance, decide

if TYPE_CHECKING:
    from game.sim.session import Session

PLAYERS = ("random", "principled", "antiprincipled", "greedy")
BASELINES = ("first", "last", "longest", "never")
POLICY_NAMES = (*PLAYERS, *BASELINES)
TIE = 1e-9
TIMEOUT = -1


@dataclass(frozen=True, eq=False)
class Situation:
    """A decision some runs face now: what is offered, in which order, and their tallies."""

    program: Program
    ctx: Context
    rows: np.ndarray  # runs of the world
    event: int
    offered: np.ndarray  # (n, C) bool, by file position
    order: np.ndarray  # (n, C) file positions in the order shown
    health_sum: np.ndarray  # (n,)
    turns: np.ndarray  # (n,)

    @classmethod
    def of(
        cls,
        program: Program,
        ctx: Context,
        rows: np.ndarray,
        event: int,
        health_sum: np.ndarray,
        turns: np.ndarray,
    ) -> Situation:
        return cls(
            program,
            ctx,
            rows,
            event,
            program.offered(ctx, rows, event),
            program.order(ctx, rows, event),
            health_sum,
            turns,
        )

    def noise(self, name: str) -> np.ndarray:
        width = self.offered.shape[1]
        return uniform(self.ctx.seed, self.ctx.run_ids[self.rows], self.ctx.turn, _key(name), width)


def _key(name: str) -> int:
    return key_of("policy", name)


def pick(values: np.ndarray, offered: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """Per run (row): the offered column with the highest value; ties go to the highest noise.

    `values`, `offered` and `noise` have shape (R, C); returns 0-based columns (R,).
    """
    rounded = np.round(values / TIE) * TIE
    masked = np.where(offered, rounded, -np.inf)
    best = masked.max(axis=1, keepdims=True)
    candidates = offered & (masked == best)
    return np.argmax(np.where(candidates, noise, -1.0), axis=1)


class Policy:
    """Decides for many runs at once: file positions (0-based), or TIMEOUT."""

    name = "policy"

    def decide(self, s: Situation) -> np.ndarray:
        return pick(self.values(s), s.offered, s.noise(self.name))

    def values(self, s: Situation) -> np.ndarray:
        return np.zeros(s.offered.shape)


class Random(Policy):
    name = "random"


class ByTags(Policy):
    """Principled (sign +1) or antiprincipled (-1): rank by the tags that hold for each run."""

    def __init__(self, name: str, sign: float) -> None:
        self.name = name
        self.sign = sign

    def values(self, s: Situation) -> np.ndarray:
        return self.sign * tag_values(s.program, s.ctx, s.rows, s.event)


def tag_values(program: Program, ctx: Context, rows: np.ndarray, event: int) -> np.ndarray:
    """(n, C): applied minus violated tags of each choice, conditional ones where they hold."""
    choices = program.events[event].choices
    values = np.zeros((len(rows), len(choices)))
    for k, choice in enumerate(choices):
        tags = choice.tags
        values[:, k] = len(tags.applied) - len(tags.violated)
        for _, applied, condition in tags.conditional:
            values[:, k] += np.where(ctx.holds(condition, rows), 1.0 if applied else -1.0, 0.0)
    return values


class Greedy(Policy):
    """Tries each choice on a copy of the runs and keeps the best score one turn ahead."""

    name = "greedy"

    def values(self, s: Situation) -> np.ndarray:
        program, ctx = s.program, s.ctx
        values = np.zeros(s.offered.shape)
        for k, choice in enumerate(program.events[s.event].choices):
            trial_world = ctx.world.take(s.rows)
            trial = ctx.copy(trial_world, s.rows)
            local = np.arange(len(s.rows))
            decide(program, trial, local, s.event, choice)
            advance(program, trial)
            part = parts(
                trial_world,
                program.consts,
                s.health_sum + health(trial_world, program.consts),
                s.turns + 1,
            )
            values[:, k] = total(part, program.scenario.scoring, program.consts)
        return values


class ByPosition(Policy):
    """The choice shown first (or last) among those offered."""

    def __init__(self, name: str, last: bool) -> None:
        self.name = name
        self.last = last

    def decide(self, s: Situation) -> np.ndarray:
        shown = np.take_along_axis(s.offered, s.order, axis=1)
        slot = shown.shape[1] - 1 - np.argmax(shown[:, ::-1], axis=1) if self.last else None
        if slot is None:
            slot = np.argmax(shown, axis=1)
        return s.order[np.arange(len(s.rows)), slot]


class Longest(Policy):
    """The choice with the longest text: wording alone, no reading of the situation."""

    name = "longest"

    def values(self, s: Situation) -> np.ndarray:
        lang = s.program.scenario.languages[0]
        lengths = [len(tr(c.model.text, lang)) for c in s.program.events[s.event].choices]
        return np.tile(np.array(lengths, dtype=np.float64), (len(s.rows), 1))


class Never(Policy):
    """Lets every decision time out: fear of deciding."""

    name = "never"

    def decide(self, s: Situation) -> np.ndarray:
        return np.full(len(s.rows), TIMEOUT)


class Plan(Policy):
    """Fixed choices at some events (file position, or TIMEOUT); `fallback` decides the rest."""

    def __init__(self, table: Mapping[int, int], fallback: Policy) -> None:
        self.table = dict(table)
        self.fallback = fallback
        self.name = fallback.name

    def decide(self, s: Situation) -> np.ndarray:
        fixed = self.table.get(s.event)
        if fixed is None:
            return self.fallback.decide(s)
        if fixed == TIMEOUT:
            return np.full(len(s.rows), TIMEOUT)
        chosen = self.fallback.decide(s)
        return np.where(s.offered[:, fixed], fixed, chosen)


POLICIES: dict[str, Policy] = {
    "random": Random(),
    "principled": ByTags("principled", 1.0),
    "antiprincipled": ByTags("antiprincipled", -1.0),
    "greedy": Greedy(),
    "first": ByPosition("first", last=False),
    "last": ByPosition("last", last=True),
    "longest": Longest(),
    "never": Never(),
}


def policy(name: str | Policy) -> Policy:
    if isinstance(name, Policy):
        return name
    if name not in POLICIES:
        raise ValueError(f"unknown policy '{name}' (choose from {', '.join(POLICY_NAMES)})")
    return POLICIES[name]


def choose(name: str | Policy, session: Session) -> str | None:
    """The choice id `name` picks in a playthrough (None: let the time run out)."""
    chosen = policy(name)
    s = Situation.of(
        session.program,
        session.ctx,
        session.rows,
        session.event_index,
        np.array([session.health_sum]),
        np.array([session.turns]),
    )
    k = int(chosen.decide(s)[0])
    if k == TIMEOUT:
        return None
    return session.program.events[session.event_index].choices[k].id
