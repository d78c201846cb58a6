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
from game.content.library import Bundle
from game.sim.context import Context
from game.sim.effects import Applier, compile_effects
from game.sim.leadership import Response, compile_response
from game.sim.world import TeamConstants, team_constants

END = -1
NONE = -2
MAX_TURNS = 200


@dataclass(frozen=True, eq=False)
class CompiledChoice:
    index: int  # 1-based
    model: m.Choice
    effects: list[Applier]
    applied: tuple[str, ...]
    violated: tuple[str, ...]
    response: Response


@dataclass(frozen=True, eq=False)
class CompiledEvent:
    index: int
    model: m.Event
    choices: tuple[CompiledChoice, ...]
    following: int  # default next (event index or END)
    timeout_effects: list[Applier]


class Program:
    """Everything static about a scenario, ready for either engine."""

    def __init__(self, bundle: Bundle) -> None:
        scenario = bundle.scenario
        self.bundle = bundle
        self.scenario = scenario
        self.consts: TeamConstants = team_constants(bundle.team, scenario)
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        events: list[CompiledEvent] = []
        for i, event in enumerate(scenario.events):
            choices = tuple(
                CompiledChoice(
                    index=k + 1,
                    model=choice,
                    effects=compile_effects(
                        choice.effects,
                        ("events", i, "choices", k, "effects"),
                        self.consts,
                        self.event_index,
                    ),
                    applied=tuple(dict.fromkeys(choice.applies)),
                    violated=tuple(dict.fromkeys(choice.violates)),
                    response=compile_response(
                        self.consts,
                        tuple(dict.fromkeys(choice.applies)),
                        tuple(dict.fromkeys(choice.violates)),
                    ),
                )
                for k, choice in enumerate(event.choices)
            )
            timeout = compile_effects(
                event.on_timeout, ("events", i, "on_timeout"), self.consts, self.event_index
            )
            events.append(CompiledEvent(i, event, choices, self._following(i), timeout))
        self.events = tuple(events)
        # Decisiveness: not deciding in time is itself a decision, and a poor one.
        self.timeout_violates: tuple[str, ...] = ("decisiveness",)
        self.timeout_response = compile_response(self.consts, (), self.timeout_violates)
        self.start = self.event_index[scenario.start] if scenario.start else 0
        self.endings = scenario.endings
        self.has_early = any(e.early for e in scenario.endings)

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
        """Apply scheduled interruptions and skip events whose `when` is false."""
        targets = self._interrupt(ctx, rows, targets)
        for _ in range(len(self.events) + 1):
            pending = np.flatnonzero(targets >= 0)
            checks = [(i, self.events[targets[i]].model.when) for i in pending]
            skip = np.zeros(len(rows), dtype=bool)
            for event in {int(targets[i]) for i, cond in checks if cond is not None}:
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
        for k, choice in enumerate(choices):
            if choice.model.if_ is not None:
                out[:, k] = ctx.holds(choice.model.if_, rows)
        none = ~out.any(axis=1)
        out[none] = True  # never leave a player without a choice
        return out
