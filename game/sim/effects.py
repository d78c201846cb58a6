"""Effects compiled from a scenario into small appliers that act on a set of runs.

Each applier has `apply(ctx, rows)`, where `rows` indexes the runs it applies to (one run in a
playthrough, thousands in the batch engine). Random magnitudes draw from the counter-based
generator with a key naming the effect's place in the scenario, so draws are reproducible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.content import models as m
from game.content.loader import Loc
from game.content.principles import ARCHETYPE_IDS
from game.sim.acts import ACTS, compile_terms, person_deltas
from game.sim.context import NUMPY_OPS, Context, Pending, Scheduled
from game.sim.dynamics import clip01
from game.sim.rng import key_of, uniform
from game.sim.world import AWAY, DECIDED, NOT_JOINED, PRESENT, QUIT, TeamConstants


@dataclass(frozen=True)
class Scope:
    """What effects are compiled against: the team, the events, and who the choice involves."""

    consts: TeamConstants
    events: dict[str, int]
    involved: np.ndarray  # (M,) bool

    @classmethod
    def of(cls, consts: TeamConstants, events: dict[str, int], involved: Any = ()) -> Scope:
        mask = np.zeros(consts.size, dtype=bool)
        for member in involved:
            if member in consts.index:
                mask[consts.index[member]] = True
        return cls(consts, events, mask)


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
    scalar = isinstance(delta, float)
    if metric == "morale" and (not scalar or delta > 0):
        boost = 0.75 + p.trust_gain * world.trust[rows]
        delta = delta * boost if scalar else np.where(delta > 0, delta * boost, delta)
    elif metric == "stress" and (not scalar or delta > 0):
        sensitivity = ctx.consts.stress_sensitivity[None, :]
        delta = delta * sensitivity if scalar else np.where(delta > 0, delta * sensitivity, delta)
    if metric == "growth":
        getattr(world, metric)[rows] = np.maximum(current + delta * mask, 0.0)
        return
    getattr(world, metric)[rows] = clip01(current + delta * mask)


class Targets:
    """Whom a member-directed effect reaches: a member, an archetype, a `where`, or `who`."""

    def __init__(self, effect: Any, scope: Scope, default: str = "team") -> None:
        consts = scope.consts
        self.where = effect.where
        self.columns: np.ndarray | None = None
        if effect.member:
            self.columns = np.arange(consts.size) == consts.index.get(effect.member, -1)
        elif effect.archetype:
            self.columns = consts.archetype == ARCHETYPE_IDS.index(effect.archetype)
        elif effect.where is None:
            who = effect.who or default
            if who == "involved" and not scope.involved.any():
                who = "team"
            if who == "involved":
                self.columns = scope.involved.copy()
            elif who == "others":
                self.columns = ~scope.involved
        self.width = consts.size

    def mask(self, ctx: Context, rows: np.ndarray) -> np.ndarray:
        mask = ctx.world.present[rows].astype(np.float64)
        if self.columns is not None:
            return mask * self.columns
        if self.where is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                chosen = self.where.evaluate(ctx.member_lookup(rows), NUMPY_OPS)
            return mask * np.broadcast_to(np.asarray(chosen, dtype=bool), mask.shape)
        return mask


class Adjust(Applier):
    def __init__(self, effect: m.Adjust, loc: Loc, scope: Scope) -> None:
        self.targets = Targets(effect, scope)
        self.width = scope.consts.size
        self.changes = [
            (name, getattr(effect, name), key_of(*loc, name))
            for name in m.METRICS
            if getattr(effect, name) is not None
        ]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        mask = self.targets.mask(ctx, rows)
        for name, value, key in self.changes:
            land(ctx, rows, mask, name, draw(ctx, rows, value, key, self.width))


class Act(Applier):
    """Know your people: an act lands through each person's traits (see game.sim.acts)."""

    def __init__(self, effect: m.Act, loc: Loc, scope: Scope) -> None:
        self.spec = ACTS[effect.how]
        self.strength = effect.strength
        self.targets = Targets(effect, scope, default="involved")
        self.traits = {k: v[None, :] for k, v in scope.consts.traits.items()}
        self.terms = compile_terms(self.spec, self.traits, self.strength)

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world, p = ctx.world, ctx.consts.params
        mask = self.targets.mask(ctx, rows)
        deltas = person_deltas(
            self.terms, self.traits, world.skill[rows], world.trust[rows], self.strength
        )
        # An exhausted leader's care lands weaker (self_demand).
        energy = world.leader_energy[rows]
        care = (0.6 + 0.4 * np.minimum(1.0, energy / p.exhausted_energy))[:, None]
        for metric, delta in deltas.items():
            if metric in ("morale", "trust", "growth"):
                delta = np.where(delta > 0, delta * care, delta)
            land(ctx, rows, mask, metric, delta)
        if self.spec.bystanders:
            others = world.present[rows] & (mask == 0)
            for metric, change in self.spec.bystanders.items():
                land(ctx, rows, others.astype(np.float64), metric, change * self.strength)
        if self.spec.energy:
            world.leader_energy[rows] = clip01(energy + self.spec.energy * self.strength)
        if self.spec.leader_stress:
            world.leader_stress[rows] = clip01(
                world.leader_stress[rows] + self.spec.leader_stress * self.strength
            )
        if self.spec.reveal is not None:
            self._reveal(ctx, rows, mask)

    def _reveal(self, ctx: Context, rows: np.ndarray, mask: np.ndarray) -> None:
        """Trust shapes candour: people tell a leader they trust; in public only the candid."""
        world, p = ctx.world, ctx.consts.params
        trust = world.trust[rows]
        if self.spec.reveal == "private":
            tells = trust >= p.reveal_trust
        else:
            candor = ctx.consts.traits["candor"][None, :]
            tells = candor * (1 - p.trust_candor * (1 - trust)) >= 0.45
        told = (mask > 0) & tells
        world.revealed[rows] |= told
        if told.any():
            members = np.flatnonzero(told.any(axis=0))
            ctx.say("reveal", [ctx.consts.member_ids[i] for i in members])


class Later(Applier):
    def __init__(self, effect: m.Later, loc: Loc, scope: Scope) -> None:
        self.turns = effect.turns
        self.text = effect.text
        self.effects = compile_effects(effect.effects, (*loc, "effects"), scope)

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.pending.append(Pending(ctx.turn + self.turns, self.effects, rows.copy(), self.text))


class Reveal(Applier):
    def __init__(self, effect: m.Reveal, loc: Loc, scope: Scope) -> None:
        consts = scope.consts
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
    def __init__(self, effect: m.SetFlag, loc: Loc, scope: Scope) -> None:
        self.index = scope.consts.flags.get(effect.name)
        self.value = effect.value

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        if self.index is not None:
            ctx.world.flags[rows, self.index] = self.value


class Count(Applier):
    def __init__(self, effect: m.Count, loc: Loc, scope: Scope) -> None:
        self.index = scope.consts.counters[effect.name]
        self.add, self.set = effect.add, effect.set

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        counters = ctx.world.counters
        if self.set is not None:
            counters[rows, self.index] = self.set
        else:
            counters[rows, self.index] += self.add or 0


class Schedule(Applier):
    def __init__(self, effect: m.Schedule, loc: Loc, scope: Scope) -> None:
        self.event = scope.events[effect.event]
        self.turns = effect.turns

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.scheduled.append(Scheduled(ctx.turn + self.turns, self.event, rows.copy()))


class Leave(Applier):
    def __init__(self, effect: m.Leave, loc: Loc, scope: Scope) -> None:
        self.member = scope.consts.index[effect.member]
        self.status = QUIT if effect.reason == "quit" else DECIDED

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        status = world.status[rows, self.member]
        here = rows[(status == PRESENT) | (status == AWAY)]
        if len(here):
            ctx.say("left", ctx.consts.member_ids[self.member])
        world.set_status(here, self.member, self.status)


class Join(Applier):
    def __init__(self, effect: m.Join, loc: Loc, scope: Scope) -> None:
        self.member = scope.consts.index[effect.member]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        waiting = rows[world.status[rows, self.member] == NOT_JOINED]
        if len(waiting):
            world.set_status(waiting, self.member, PRESENT)
            ctx.say("joined", ctx.consts.member_ids[self.member])


class Away(Applier):
    def __init__(self, effect: m.Away, loc: Loc, scope: Scope) -> None:
        self.member = scope.consts.index[effect.member]
        self.turns = effect.turns

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        here = rows[world.present[rows, self.member]]
        if len(here):
            world.set_status(here, self.member, AWAY)
            world.away_until[here, self.member] = ctx.turn + self.turns
            ctx.say("away", ctx.consts.member_ids[self.member])


class Back(Applier):
    def __init__(self, effect: m.Back, loc: Loc, scope: Scope) -> None:
        self.member = scope.consts.index[effect.member]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        away = rows[world.status[rows, self.member] == AWAY]
        if len(away):
            world.set_status(away, self.member, PRESENT)
            ctx.say("back", ctx.consts.member_ids[self.member])


class Milestone(Applier):
    """Wins matter: a visible win lifts the team; a defeat sinks it, whatever the pay."""

    def __init__(self, effect: m.Milestone, loc: Loc, scope: Scope) -> None:
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
    def __init__(self, effect: m.Progress, loc: Loc, scope: Scope) -> None:
        self.amount = effect.amount
        self.key = key_of(*loc, "amount")

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        amount = draw(ctx, rows, self.amount, self.key)
        ctx.world.progress[rows] = clip01(ctx.world.progress[rows] + amount)


class Priorities(Applier):
    def __init__(self, effect: m.Priorities, loc: Loc, scope: Scope) -> None:
        self.set = effect.set
        self.change = effect.change or 0

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        world = ctx.world
        value = np.full(len(rows), self.set) if self.set else world.priorities[rows] + self.change
        world.priorities[rows] = np.clip(value, 1, 10)


class Leader(Applier):
    def __init__(self, effect: m.Leader, loc: Loc, scope: Scope) -> None:
        self.changes = [
            (name, value, key_of(*loc, name))
            for name, value in (
                ("composure", effect.composure),
                ("leader_stress", effect.stress),
                ("leader_energy", effect.energy),
            )
            if value is not None
        ]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        for name, value, key in self.changes:
            column = getattr(ctx.world, name)
            column[rows] = clip01(column[rows] + draw(ctx, rows, value, key))


class Stakeholder(Applier):
    def __init__(self, effect: m.Stakeholder, loc: Loc, scope: Scope) -> None:
        self.index = scope.consts.stakeholders[effect.id]
        self.changes = [
            (name, value, key_of(*loc, name))
            for name, value in (("stake_trust", effect.trust), ("stake_patience", effect.patience))
            if value is not None
        ]

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        for name, value, key in self.changes:
            column = getattr(ctx.world, name)
            column[rows, self.index] = clip01(
                column[rows, self.index] + draw(ctx, rows, value, key)
            )


class Problem(Applier):
    def __init__(self, effect: m.Problem, loc: Loc, scope: Scope) -> None:
        self.index = scope.consts.problems[effect.id]
        self.open = effect.open

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        ctx.world.problems[rows, self.index] = self.open


class Branching(Applier):
    """`chance` and `when`: split the runs and apply `then` or `else` to each part."""

    def __init__(self, effect: m.Chance | m.When, loc: Loc, scope: Scope) -> None:
        self.effect = effect
        self.key = key_of(*loc, "p")
        self.then = compile_effects(effect.then, (*loc, "then"), scope)
        self.otherwise = compile_effects(effect.else_, (*loc, "else"), scope)

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        if isinstance(self.effect, m.Chance):
            yes = uniform(ctx.seed, ctx.run_ids[rows], ctx.turn, self.key) < self.effect.p
        else:
            yes = ctx.holds(self.effect.if_, rows)
        for part, effects in ((rows[yes], self.then), (rows[~yes], self.otherwise)):
            if len(part):
                for effect in effects:
                    effect.apply(ctx, part)


_APPLIERS: dict[type, Callable[[Any, Loc, Scope], Applier]] = {
    m.Adjust: Adjust, m.Act: Act, m.Later: Later, m.Reveal: Reveal, m.SetFlag: Flag,
    m.Count: Count, m.Schedule: Schedule, m.Leave: Leave, m.Join: Join, m.Away: Away,
    m.Back: Back, m.Milestone: Milestone, m.Progress: Progress, m.Priorities: Priorities,
    m.Leader: Leader, m.Stakeholder: Stakeholder, m.Problem: Problem, m.Chance: Branching,
    m.When: Branching,
}  # fmt: skip


def compile_effect(effect: Any, loc: Loc, scope: Scope) -> Applier:
    return _APPLIERS[type(effect)](effect, loc, scope)


def compile_effects(effects: list[Any], loc: Loc, scope: Scope) -> list[Applier]:
    return [compile_effect(e, (*loc, i), scope) for i, e in enumerate(effects)]
