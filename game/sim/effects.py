"""Effects compiled from a scenario into small appliers that act on a set of runs.

Each applier has `apply(ctx, rows)`, where `rows` indexes the runs it applies to (one run in a
playthrough, thousands in the batch engine). Random magnitudes draw from the counter-based
generator with a key naming the effect's place in the scenario, so draws are reproducible.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.content import models as m
from game.content.loader import Loc
from game.content.principles import ARCHETYPE_IDS
from game.sim.context import NUMPY_OPS, Context, Pending, Scheduled
from game.sim.dynamics import clip01
from game.sim.rng import key_of, uniform
from game.sim.world import METRIC_NAMES, TeamConstants


class Applier:
    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        raise NotImplementedError


def draw(ctx: Context, rows: np.ndarray, value: Any, key: int, width: int = 0) -> Any:
    """A fixed number, or a draw from a [low, high] range per run (and member, with width)."""
    if not isinstance(value, tuple):
        return value
    low, high = value
    return low + (high - low) * uniform(ctx.seed, ctx.run_ids[rows], ctx.turn, key, width)


def land(ctx: Context, rows: np.ndarray, mask: np.ndarray, metric: str, delta: Any) -> None:
    """Add a change to a metric of the masked members, as it lands on each person.

    Know your people: praise lands harder where trust is high; pressure lands harder on the
    less resilient.
    """
    world, p = ctx.world, ctx.consts.params
    current = getattr(world, metric)[rows]
    if metric == "morale":
        delta = np.where(delta > 0, delta * (0.75 + p.trust_gain * world.trust[rows]), delta)
    elif metric == "stress":
        sensitivity = 1.3 - p.stress_sensitivity * ctx.consts.traits["resilience"][None, :]
        delta = np.where(delta > 0, delta * sensitivity, delta)
    updated = clip01(current + delta * mask)
    getattr(world, metric)[rows] = updated


class Adjust(Applier):
    def __init__(self, effect: m.Adjust, loc: Loc, consts: TeamConstants) -> None:
        self.member = consts.index.get(effect.member) if effect.member else None
        self.archetype = (
            consts.archetype == ARCHETYPE_IDS.index(effect.archetype) if effect.archetype else None
        )
        self.where = effect.where
        self.width = consts.size
        self.changes = [
            (name, getattr(effect, name), key_of(*loc, name))
            for name in METRIC_NAMES
            if getattr(effect, name) is not None
        ]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        mask = ctx.world.present[rows].astype(np.float64)
        if self.member is not None:
            only = np.zeros(self.width)
            only[self.member] = 1.0
            mask = mask * only
        elif self.archetype is not None:
            mask = mask * self.archetype
        elif self.where is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                chosen = self.where.evaluate(ctx.member_lookup(rows), NUMPY_OPS)
            mask = mask * np.broadcast_to(np.asarray(chosen, dtype=bool), mask.shape)
        for name, value, key in self.changes:
            land(ctx, rows, mask, name, draw(ctx, rows, value, key, self.width))


class Later(Applier):
    def __init__(self, effect: m.Later, loc: Loc, consts: TeamConstants, events: dict[str, int]):
        self.turns = effect.turns
        self.text = effect.text
        self.effects = compile_effects(effect.effects, (*loc, "effects"), consts, events)

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.pending.append(Pending(ctx.turn + self.turns, self.effects, rows.copy(), self.text))


class Reveal(Applier):
    def __init__(self, effect: m.Reveal, consts: TeamConstants) -> None:
        columns = np.ones(consts.size, dtype=bool)
        if effect.member:
            columns = np.arange(consts.size) == consts.index[effect.member]
        elif effect.archetype:
            columns = consts.archetype == ARCHETYPE_IDS.index(effect.archetype)
        self.columns = columns

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.world.revealed[rows] |= self.columns[None, :]
        ctx.say("reveal", [ctx.consts.member_ids[i] for i in np.flatnonzero(self.columns)])


class Flag(Applier):
    def __init__(self, effect: m.SetFlag, consts: TeamConstants) -> None:
        self.index = consts.flags.get(effect.name)
        self.value = effect.value

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        if self.index is not None:
            ctx.world.flags[rows, self.index] = self.value


class Schedule(Applier):
    def __init__(self, effect: m.Schedule, events: dict[str, int]) -> None:
        self.event = events[effect.event]
        self.turns = effect.turns

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.scheduled.append(Scheduled(ctx.turn + self.turns, self.event, rows.copy()))


class Leave(Applier):
    def __init__(self, effect: m.Leave, consts: TeamConstants) -> None:
        self.member = consts.index[effect.member]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        if ctx.world.present[rows, self.member].any():
            ctx.say("left", ctx.consts.member_ids[self.member])
        ctx.world.present[rows, self.member] = False


class Milestone(Applier):
    """Wins matter: a visible win lifts the team; a defeat sinks it, whatever the pay."""

    def __init__(self, effect: m.Milestone) -> None:
        self.reached = effect.reached
        self.name = effect.name

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world, p = ctx.world, ctx.consts.params
        mask = world.present[rows].astype(np.float64)
        if self.reached:
            world.reached[rows] += 1
            land(ctx, rows, mask, "morale", p.win_morale)
            land(ctx, rows, mask, "trust", p.win_trust)
        else:
            world.missed[rows] += 1
            land(ctx, rows, mask, "morale", -p.loss_morale)
            land(ctx, rows, mask, "stress", p.loss_stress)
        ctx.say("milestone", (self.reached, self.name))


class Progress(Applier):
    def __init__(self, effect: m.Progress, loc: Loc) -> None:
        self.amount = effect.amount
        self.key = key_of(*loc, "amount")

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        amount = draw(ctx, rows, self.amount, self.key)
        ctx.world.progress[rows] = clip01(ctx.world.progress[rows] + amount)


class Priorities(Applier):
    def __init__(self, effect: m.Priorities) -> None:
        self.set = effect.set
        self.change = effect.change or 0

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        value = np.full(len(rows), self.set) if self.set else world.priorities[rows] + self.change
        world.priorities[rows] = np.clip(value, 1, 10)


class Leader(Applier):
    def __init__(self, effect: m.Leader, loc: Loc) -> None:
        self.amount = effect.composure
        self.key = key_of(*loc, "composure")

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        amount = draw(ctx, rows, self.amount, self.key)
        ctx.world.composure[rows] = clip01(ctx.world.composure[rows] + amount)


class Branching(Applier):
    """`chance` and `when`: split the runs and apply `then` or `else` to each part."""

    def __init__(
        self, effect: m.Chance | m.When, loc: Loc, consts: TeamConstants, events: dict[str, int]
    ) -> None:
        self.effect = effect
        self.key = key_of(*loc, "p")
        self.then = compile_effects(effect.then, (*loc, "then"), consts, events)
        self.otherwise = compile_effects(effect.else_, (*loc, "else"), consts, events)

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        if isinstance(self.effect, m.Chance):
            yes = uniform(ctx.seed, ctx.run_ids[rows], ctx.turn, self.key) < self.effect.p
        else:
            yes = ctx.holds(self.effect.if_, rows)
        for part, effects in ((rows[yes], self.then), (rows[~yes], self.otherwise)):
            if len(part):
                for effect in effects:
                    effect.apply(ctx, part)


def compile_effect(effect: Any, loc: Loc, consts: TeamConstants, events: dict[str, int]) -> Applier:
    if isinstance(effect, m.Adjust):
        return Adjust(effect, loc, consts)
    if isinstance(effect, m.Later):
        return Later(effect, loc, consts, events)
    if isinstance(effect, m.Reveal):
        return Reveal(effect, consts)
    if isinstance(effect, m.SetFlag):
        return Flag(effect, consts)
    if isinstance(effect, m.Schedule):
        return Schedule(effect, events)
    if isinstance(effect, m.Leave):
        return Leave(effect, consts)
    if isinstance(effect, m.Milestone):
        return Milestone(effect)
    if isinstance(effect, m.Progress):
        return Progress(effect, loc)
    if isinstance(effect, m.Priorities):
        return Priorities(effect)
    if isinstance(effect, m.Leader):
        return Leader(effect, loc)
    if isinstance(effect, (m.Chance, m.When)):
        return Branching(effect, loc, consts, events)
    raise TypeError(f"no applier for {type(effect).__name__}")


def compile_effects(
    effects: list[Any], loc: Loc, consts: TeamConstants, events: dict[str, int]
) -> list[Applier]:
    return [compile_effect(e, (*loc, i), consts, events) for i, e in enumerate(effects)]
