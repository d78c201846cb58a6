"""One decision made otherwise: principled play everywhere except one choice at one event.

For every event principled play reaches and every choice offered there, the probe plays
"principled play, but this choice at this event" over the same runs as principled play itself,
and measures what the deviation analyses need: the score of every run, and the measured
dimensions (delivery, team health, stakeholders, retention) when the event is first reached
and `HORIZON` turns after the decision (or at the end, when the run ends sooner).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.analysis.plans import UNSET, PlanBook, evaluate, run_book
from game.sim.batch import BatchResult
from game.sim.policies import Situation, policy
from game.sim.program import Program
from game.sim.scoring import parts, weights
from game.sim.world import World

HORIZON = 2
"""Turns played on principle after the decision before its effect is measured."""
DIMENSIONS = ("delivery", "team", "stakeholders", "retention")


def dimensions(program: Program) -> tuple[str, ...]:
    """The dimensions the scenario's score counts (stakeholders only when it has some)."""
    w = weights(program.scenario.scoring, program.consts)
    return tuple(d for d in DIMENSIONS if w[d] > 0)


def measure(world: World, program: Program, rows: np.ndarray, dims: tuple[str, ...]) -> np.ndarray:
    """(n, D): the dimensions of the given runs now (team = the team's health now)."""
    part = parts(world.take(rows), program.consts, np.zeros(len(rows)), np.zeros(len(rows)))
    return np.stack([part[d] for d in dims], axis=1)


def measure_end(result: BatchResult, dims: tuple[str, ...]) -> np.ndarray:
    """(R, D): the dimensions of each run at its end, from a batch result."""
    rows = np.arange(len(result.scores))
    last = result.turns
    series = {name: result.series[name][rows, last] for name in ("morale", "stress")}
    output = result.series["productivity"][rows, last]
    health = 0.4 * series["morale"] + 0.3 * (1.0 - series["stress"]) + 0.3 * output
    health = np.where(result.left.all(axis=1), 0.0, health)  # nobody left: no health at all
    columns = {name: result.parts[name] for name in ("delivery", "retention", "stakeholders")}
    columns["team"] = health
    return np.stack([columns[d] for d in dims], axis=1)


class Probe(PlanBook):
    """Plays single-deviation plans and measures around each plan's deviation."""

    def __init__(
        self, program: Program, tables: np.ndarray, runs: int, dims: tuple[str, ...]
    ) -> None:
        super().__init__(program, tables, runs, policy("principled"))
        self.program = program
        self.dims = dims
        fixed = self.tables != UNSET
        self.event_of = np.where(fixed.any(axis=1), fixed.argmax(axis=1), -1)
        rows = len(self.tables) * runs
        self.arrived = np.full(rows, -1, dtype=np.int64)
        self.honoured = np.zeros(rows, dtype=bool)
        self.principled = np.zeros(rows, dtype=bool)
        self.before = np.full((rows, len(dims)), np.nan)
        self.after = np.full((rows, len(dims)), np.nan)

    def observe(
        self, s: Situation, best: np.ndarray, first: np.ndarray, honoured: np.ndarray
    ) -> None:
        turn = s.ctx.turn
        plan = s.rows // self.runs
        mine = first & (self.event_of[plan] == s.event)
        if mine.any():
            rows = s.rows[mine]
            fixed = self.tables[plan[mine], s.event]
            self.arrived[rows] = turn
            self.honoured[rows] = honoured[mine]
            self.principled[rows] = best[np.flatnonzero(mine), np.maximum(fixed, 0)] & (fixed >= 0)
            self.before[rows] = measure(s.ctx.world, self.program, rows, self.dims)
        due = s.rows[(self.arrived[s.rows] >= 0) & (self.arrived[s.rows] + HORIZON + 1 == turn)]
        if len(due):
            self.after[due] = measure(s.ctx.world, self.program, due, self.dims)


@dataclass(frozen=True)
class Deviations:
    """Single-deviation plans and what they did over the same runs as principled play."""

    program: Program
    dims: tuple[str, ...]
    runs: int
    baseline: np.ndarray  # (runs,) principled play's scores
    plans: list[tuple[int, int]]  # (event, 0-based choice) per plan
    scores: np.ndarray  # (P, runs)
    arrived: np.ndarray  # (P, runs) turn of the first arrival at the event, -1 = never
    honoured: np.ndarray  # (P, runs) the choice was on offer there
    principled: np.ndarray  # (P, runs) the choice is one principled play may make there
    before: np.ndarray  # (P, runs, D)
    after: np.ndarray  # (P, runs, D)

    def of_event(self, event: int) -> list[int]:
        return [i for i, (e, _) in enumerate(self.plans) if e == event]


def deviate(program: Program, seed: int, runs: int = 32) -> Deviations:
    """Play every single deviation from principled play over runs 0..runs-1 of `seed`."""
    run_ids = np.arange(runs)
    events = len(program.events)
    root = evaluate(program, seed, run_ids, np.full((1, events), UNSET, dtype=np.int64))
    plans = [
        (int(e), int(k))
        for e in np.flatnonzero(root.reached(0))
        for k in np.flatnonzero(root.offered[e])
    ]
    tables = np.full((len(plans), events), UNSET, dtype=np.int64)
    for i, (e, k) in enumerate(plans):
        tables[i, e] = k
    dims = dimensions(program)
    shape = (len(plans), runs)
    if not plans:
        empty = np.zeros(shape, dtype=np.int64)
        return Deviations(program, dims, runs, root.scores[0], plans, empty.astype(float),
                          empty - 1, empty.astype(bool), empty.astype(bool),
                          np.zeros((*shape, len(dims))), np.zeros((*shape, len(dims))))  # fmt: skip
    probe, result = run_book(program, seed, run_ids, Probe(program, tables, runs, dims))
    ended = np.isnan(probe.after).any(axis=1) & (probe.arrived >= 0)
    probe.after[ended] = measure_end(result, dims)[ended]
    return Deviations(
        program=program,
        dims=dims,
        runs=runs,
        baseline=root.scores[0],
        plans=plans,
        scores=result.scores.reshape(shape),
        arrived=probe.arrived.reshape(shape),
        honoured=probe.honoured.reshape(shape),
        principled=probe.principled.reshape(shape),
        before=probe.before.reshape((*shape, len(dims))),
        after=probe.after.reshape((*shape, len(dims))),
    )
