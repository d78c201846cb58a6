"""A scenario compiled for play, and the flow rules both engines share.

Flow rules, for a set of runs at once:
* after a choice, the next event is the choice's `next`, else the event's `next`, else the
  event listed after it (skipping `interrupt` events), else the end;
* a conditional `next` takes the first branch whose `if` holds;
* an event whose `when` is false on arrival is skipped (its own default next is taken);
* a scheduled event that is due interrupts the flow; after it, play resumes where it was
  (unless the event or choice names its own next); `interrupt: true` keeps an event out of
  the ordinary flow, so it is reached only by a schedule or an explicit link;
* endings: `early` endings are checked after every decision; at the end, the first ending
  whose `when` holds is reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.content import models as m
from game.content.conditions import Condition
from game.content.library import Bundle
from game.sim.context import Context
from game.sim.effects import Applier, Scope, compile_effects, land
from game.sim.leadership import Response, compile_response
from game.sim.rng import key_of, uniform
from game.sim.world import PRINCIPLE_INDEX, TeamConstants, team_constants

END = -1
NONE = -2
MAX_TURNS = 200


@dataclass(frozen=True)
class Tags:
    """A choice's principle tags: always, and only where a condition holds."""

    applied: tuple[str, ...]
    violated: tuple[str, ...]
    conditional: tuple[tuple[str, bool, Condition], ...]  # (principle, applied?, condition)

    @classmethod
    def of(cls, choice: m.Choice) -> Tags:
        def plain(tags: list[Any]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(t for t in tags if isinstance(t, str)))

        conditional = tuple(
            (t.principle, applied, t.if_)
            for applied, tags in ((True, choice.applies), (False, choice.violates))
            for t in tags
            if isinstance(t, m.Tag)
        )
        return cls(plain(choice.applies), plain(choice.violates), conditional)

    def best_case(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Every tag the choice can carry (for policies and reports that rank by tags)."""
        applied = (*self.applied, *(p for p, a, _ in self.conditional if a))
        violated = (*self.violated, *(p for p, a, _ in self.conditional if not a))
        return tuple(dict.fromkeys(applied)), tuple(dict.fromkeys(violated))

    def record(self, ctx: Context, rows: np.ndarray) -> None:
        """Count the tags that hold for each run in the world's principle tallies."""
        world = ctx.world
        for pid in self.applied:
            world.applied[rows, PRINCIPLE_INDEX[pid]] += 1
        for pid in self.violated:
            world.violated[rows, PRINCIPLE_INDEX[pid]] += 1
        for pid, applied, condition in self.conditional:
            holds = ctx.holds(condition, rows)
            tally = world.applied if applied else world.violated
            tally[rows[holds], PRINCIPLE_INDEX[pid]] += 1


class Values(Applier):
    """Values and culture: living up to the team's stated values builds trust; breaking them
    costs trust and morale, most with the people who care most (engagement)."""

    def __init__(self, upheld: bool) -> None:
        self.sign = 1.0 if upheld else -1.0

    def apply(self, ctx: Context, rows: np.ndarray) -> None:
        p, world = ctx.consts.params, ctx.world
        mask = world.present[rows].astype(np.float64)
        care = 0.5 + ctx.consts.traits["engagement"][None, :]
        scale = 0.5 if self.sign > 0 else 1.0
        land(ctx, rows, mask, "trust", self.sign * scale * p.value_trust * care)
        land(ctx, rows, mask, "morale", self.sign * scale * p.value_morale * care)


def choice_id(choice: m.Choice, index: int) -> str:
    """The id logs use: the author's id, or the choice's position for id-less format 1."""
    return choice.id if choice.id is not None else str(index)


@dataclass(frozen=True, eq=False)
class CompiledChoice:
    index: int  # 1-based position in the file
    id: str
    model: m.Choice
    effects: list[Applier]
    tags: Tags
    response: Response | None  # format 1 only: the team's response to the tags

    @property
    def applied(self) -> tuple[str, ...]:
        return self.tags.best_case()[0]

    @property
    def violated(self) -> tuple[str, ...]:
        return self.tags.best_case()[1]


@dataclass(frozen=True, eq=False)
class CompiledEvent:
    index: int
    model: m.Event
    choices: tuple[CompiledChoice, ...]
    following: int  # default next (event index or END)
    enter_effects: list[Applier]
    timeout_effects: list[Applier]
    order_key: int | None  # None: shown as written
    by_id: dict[str, CompiledChoice]


class Program:
    """Everything static about a scenario, ready for either engine."""

    def __init__(self, bundle: Bundle) -> None:
        scenario = bundle.scenario
        self.bundle = bundle
        self.scenario = scenario
        self.consts: TeamConstants = team_constants(bundle.team, scenario)
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        # Format 1 kept a fixed response of the team to each principle tag; format 2 lets the
        # lesson come from what the choices do to people (DESIGN.md).
        self.tag_responses = scenario.format < 2
        values = [v.id for v in bundle.team.values if isinstance(v, m.TeamValue)]
        self.upheld = {v: Values(True) for v in values}
        self.broken = {v: Values(False) for v in values}
        self.events = tuple(self._event(i, event) for i, event in enumerate(scenario.events))
        # per event: whether it is skipped when its `when` is false on arrival, and whether
        # it has effects of its own as it begins
        self.has_when = np.array([e.when is not None for e in scenario.events] or [False])
        self.any_when = bool(self.has_when.any())
        self.entering = np.array([bool(e.enter_effects) for e in self.events] or [False])
        self.any_entering = bool(self.entering.any())
        # Decisiveness: not deciding in time is itself a decision, and a poor one.
        self.timeout_violates: tuple[str, ...] = ("decisiveness",)
        self.timeout_tags = Tags((), self.timeout_violates, ())
        self.timeout_response = (
            compile_response(self.consts, (), self.timeout_violates) if self.tag_responses else None
        )
        scope = Scope.of(self.consts, self.event_index)
        self.problem_costs = [
            compile_effects(p.cost, ("problems", i, "cost"), scope)
            for i, p in enumerate(scenario.problems)
        ]
        self.start = self.event_index[scenario.start] if scenario.start else 0
        self.endings = scenario.endings
        self.has_early = any(e.early for e in scenario.endings)

    def _event(self, i: int, event: m.Event) -> CompiledEvent:
        choices = []
        for k, choice in enumerate(event.choices):
            tags = Tags.of(choice)
            scope = Scope.of(self.consts, self.event_index, choice.involves or event.involves)
            effects = compile_effects(choice.effects, ("events", i, "choices", k, "effects"), scope)
            effects += [self.upheld[v] for v in choice.upholds if v in self.upheld]
            effects += [self.broken[v] for v in choice.breaks if v in self.broken]
            response = None
            if self.tag_responses:
                applied, violated = tags.best_case()
                response = compile_response(self.consts, applied, violated)
            ident = choice_id(choice, k + 1)
            choices.append(CompiledChoice(k + 1, ident, choice, effects, tags, response))
        scope = Scope.of(self.consts, self.event_index, event.involves)
        shuffled = (event.order or ("shuffled" if self.scenario.shuffle else "fixed")) == "shuffled"
        return CompiledEvent(
            index=i,
            model=event,
            choices=tuple(choices),
            following=self._following(i),
            enter_effects=compile_effects(event.effects, ("events", i, "effects"), scope),
            timeout_effects=compile_effects(event.on_timeout, ("events", i, "on_timeout"), scope),
            order_key=key_of("order", event.id) if shuffled else None,
            by_id={c.id: c for c in choices},
        )

    def order(self, ctx: Context, rows: np.ndarray, event: int) -> np.ndarray:
        """(R, C): the file positions (0-based) of the choices in the order they are shown."""
        compiled = self.events[event]
        count = len(compiled.choices)
        if compiled.order_key is None:
            return np.tile(np.arange(count), (len(rows), 1))
        dice = uniform(ctx.seed, ctx.run_ids[rows], 0, compiled.order_key, count)
        return np.argsort(dice, axis=1, kind="stable")

    def _following(self, i: int) -> int:
        events = self.scenario.events
        for j in range(i + 1, len(events)):
            if not events[j].interrupt:
                return j
        return END

    def _target(self, name: str) -> int:
        return END if name == m.END else self.event_index[name]

    def time_limit(self, event: int) -> int | None:
        limit = self.events[event].model.time_limit
        if limit is None:
            limit = self.scenario.time_limit
        return limit or None

    # --- flow -------------------------------------------------------------------------------

    def _link(self, ctx: Context, rows: np.ndarray, link: Any, fallback: np.ndarray) -> np.ndarray:
        """Targets of a `next` value for the given runs; `fallback` where it gives none."""
        if link is None:
            return fallback.copy()
        if isinstance(link, str):
            return np.full(len(rows), self._target(link), dtype=np.int64)
        out = np.full(len(rows), NONE, dtype=np.int64)
        for branch in link:
            open_ = out == NONE
            if not open_.any():
                break
            target = self._target(branch.goto)
            if branch.if_ is None:
                out[open_] = target
            else:
                holds = ctx.holds(branch.if_, rows[open_])
                out[np.flatnonzero(open_)[holds]] = target
        return np.where(out == NONE, fallback, out)

    def after_choice(
        self, ctx: Context, rows: np.ndarray, event: int, choice: CompiledChoice | None
    ) -> np.ndarray:
        """Where each run goes after a decision (or a time-out) at `event`."""
        compiled = self.events[event]
        # an event that interrupted the flow (a scheduled one) hands play back to where it was
        resume = ctx.world.resume[rows]
        fallback = np.where(resume != NONE, resume, compiled.following)
        ctx.world.resume[rows] = NONE
        targets = self._link(ctx, rows, compiled.model.next, fallback)
        if choice is not None:
            targets = self._link(ctx, rows, choice.model.next, targets)
        return self.arrive(ctx, rows, targets)

    def arrive(self, ctx: Context, rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Settle where each run goes next and begin those events (their `effects`)."""
        targets = self._settle(ctx, rows, targets)
        if self.any_entering:
            arriving = targets[targets >= 0]
            for event in np.unique(arriving[self.entering[arriving]]).tolist():
                here = rows[targets == event]
                for effect in self.events[event].enter_effects:
                    effect.apply(ctx, here)
        return targets

    def _settle(self, ctx: Context, rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Apply scheduled interruptions and skip events whose `when` is false."""
        targets = self._interrupt(ctx, rows, targets)
        if not self.any_when:
            return targets
        for _ in range(len(self.events) + 1):
            arriving = targets[targets >= 0]
            skip = np.zeros(len(rows), dtype=bool)
            for event in np.unique(arriving[self.has_when[arriving]]).tolist():
                cond = self.events[event].model.when
                assert cond is not None
                where = np.flatnonzero(targets == event)
                skip[where[~ctx.holds(cond, rows[where])]] = True
            if not skip.any():
                return targets
            for event in {int(targets[i]) for i in np.flatnonzero(skip)}:
                where = np.flatnonzero(skip & (targets == event))
                compiled = self.events[event]
                resume = ctx.world.resume[rows[where]]
                fallback = np.where(resume != NONE, resume, compiled.following)
                ctx.world.resume[rows[where]] = NONE
                targets[where] = self._link(ctx, rows[where], compiled.model.next, fallback)
        return np.where(targets >= 0, END, targets)  # a cycle of skipped events ends the game

    def _interrupt(self, ctx: Context, rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        targets = targets.copy()
        taken = np.zeros(len(rows), dtype=bool)
        for entry in list(ctx.scheduled):
            if entry.due > ctx.turn:
                continue
            hit = np.isin(rows, entry.rows) & ~taken & (targets != END)
            if not hit.any():
                continue
            where = np.flatnonzero(hit)
            ctx.world.resume[rows[where]] = targets[where]
            targets[where] = entry.event
            taken[where] = True
            entry.rows = entry.rows[~np.isin(entry.rows, rows[where])]
            if not len(entry.rows):
                ctx.scheduled = [e for e in ctx.scheduled if e is not entry]  # `==` compares arrays
        return targets

    def early_ending(self, ctx: Context, rows: np.ndarray) -> np.ndarray:
        """Index of the first early ending that holds per run, or NONE."""
        out = np.full(len(rows), NONE, dtype=np.int64)
        if not self.has_early:
            return out
        for i, ending in enumerate(self.endings):
            if not ending.early:
                continue
            open_ = out == NONE
            if ending.when is None:
                out[open_] = i
                break
            holds = ctx.holds(ending.when, rows[open_])
            out[np.flatnonzero(open_)[holds]] = i
        return out

    def final_ending(self, ctx: Context, rows: np.ndarray) -> np.ndarray:
        """Index of the ending each run reaches at the end (the last one as a fallback)."""
        out = np.full(len(rows), NONE, dtype=np.int64)
        for i, ending in enumerate(self.endings):
            open_ = out == NONE
            if not open_.any():
                break
            if ending.when is None:
                out[open_] = i
                continue
            holds = ctx.holds(ending.when, rows[open_])
            out[np.flatnonzero(open_)[holds]] = i
        return np.where(out == NONE, len(self.endings) - 1, out)

    def offered(self, ctx: Context, rows: np.ndarray, event: int) -> np.ndarray:
        """(R, C) bool: which choices of an event are offered to each run."""
        choices = self.events[event].choices
        out = np.ones((len(rows), len(choices)), dtype=bool)
        conditional = False
        for k, choice in enumerate(choices):
            if choice.model.if_ is not None:
                out[:, k] = ctx.holds(choice.model.if_, rows)
                conditional = True
        if conditional:
            out[~out.any(axis=1)] = True  # never leave a player without a choice
        return out
