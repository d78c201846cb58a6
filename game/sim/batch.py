"""Many playthroughs at once: numpy across runs, runs on the same event advancing together.

Run r of a batch with seed S is exactly `Session(bundle, seed=S, run=r)` played by the same
policy: both engines use the same kernels (effects, dynamics, flow, scoring, policies) and the
same counter-based dice, and a test checks that they agree run for run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.sim.context import Context
from game.sim.dynamics import productivity, team_average
from game.sim.policies import TIMEOUT, Policy, Situation, policy
from game.sim.program import END, MAX_TURNS, NONE, Program
from game.sim.scoring import PARTS, health, parts, total
from game.sim.turn import advance, decide
from game.sim.world import AWAY, PRESENT, World

TRACKED = ("morale", "stress", "productivity", "trust", "progress")


@dataclass
class BatchResult:
    """Everything a playtest reports, per run and aggregated per turn."""

    seed: int
    policy: str
    scores: np.ndarray  # (R,)
    parts: dict[str, np.ndarray]  # name -> (R,)
    endings: np.ndarray  # (R,) ending index
    decisions: np.ndarray  # (R, T) 1-based choice, 0 = timed out, -1 = no decision
    turns: np.ndarray  # (R,) decisions made
    left: np.ndarray  # (R, M) bool: member gone at the end
    status: np.ndarray  # (R, M) int8: what became of each member (world.STATUS_NAMES)
    left_turn: np.ndarray  # (R, M) int: the decision after which they left, -1 = stayed
    applied: np.ndarray  # (R, 18) principles applied
    violated: np.ndarray  # (R, 18) principles violated
    choice_counts: dict[tuple[int, int], int] = field(default_factory=dict)
    series: dict[str, np.ndarray] = field(default_factory=dict)
    """name -> (R, turns + 1) team averages after each turn (index 0 = start), NaN once ended."""
    members: dict[str, np.ndarray] = field(default_factory=dict)
    """metric -> (R, turns + 1, M) each person's morale and stress, NaN once ended or gone."""

    def decisions_of(self, run: int) -> list[int]:
        return [int(x) for x in self.decisions[run, : self.turns[run]]]


class _Tallies:
    def __init__(self, runs: int) -> None:
        self.health_sum = np.zeros(runs)
        self.turns = np.zeros(runs, dtype=np.int64)


def run_batch(
    program: Program,
    seed: int,
    runs: int,
    name: str | Policy,
    first_run: int = 0,
    *,
    run_ids: np.ndarray | None = None,
) -> BatchResult:
    """Play runs first_run .. first_run + runs - 1 of `seed` with the policy `name`.

    `run_ids`, when given, names the run each row plays instead (`runs` is then its length);
    rows may repeat a run, so that many plans meet the same dice (common random numbers).
    """
    chosen = policy(name)
    consts, scenario = program.consts, program.scenario
    if run_ids is None:
        run_ids = np.arange(first_run, first_run + runs, dtype=np.uint64)
    else:
        run_ids = np.asarray(run_ids, dtype=np.uint64)
        runs = len(run_ids)
    world = World.start(consts, scenario, runs)
    ctx = Context(world, consts, int(seed), run_ids, scenario.workload)
    everyone = np.arange(runs)
    event = program.arrive(ctx, everyone, np.full(runs, program.start, dtype=np.int64))
    ending = np.full(runs, NONE, dtype=np.int64)
    score_parts = {name: np.zeros(runs) for name in PARTS}
    tallies = _Tallies(runs)
    decisions = np.full((runs, MAX_TURNS), -1, dtype=np.int16)
    counts: dict[tuple[int, int], int] = {}
    tracks: dict[str, list[np.ndarray]] = {name: [] for name in TRACKED}
    people: dict[str, list[np.ndarray]] = {"morale": [], "stress": []}
    _track(tracks, people, world, program, everyone)
    left = np.zeros((runs, consts.size), dtype=bool)
    status = np.zeros((runs, consts.size), dtype=np.int8)
    left_turn = np.full((runs, consts.size), -1, dtype=np.int64)
    applied = np.zeros_like(world.applied)
    violated = np.zeros_like(world.violated)

    def finish(rows: np.ndarray, endings: np.ndarray) -> None:
        ending[rows] = endings
        left[rows] = ~world.present[rows]
        status[rows] = world.status[rows]
        applied[rows] = world.applied[rows]
        violated[rows] = world.violated[rows]
        event[rows] = END
        done = parts(world.take(rows), consts, tallies.health_sum[rows], tallies.turns[rows])
        for name in PARTS:
            score_parts[name][rows] = done[name]

    start_done = np.flatnonzero(event == END)
    if len(start_done):
        finish(start_done, program.final_ending(ctx, start_done))

    while True:
        active = np.flatnonzero(event >= 0)
        if not len(active):
            break
        turn = world.turn
        was_present = world.present.copy()
        groups: list[tuple[int, int, np.ndarray]] = []
        for e in np.unique(event[active]):
            rows = active[event[active] == e]
            situation = Situation.of(
                program, ctx, rows, int(e), tallies.health_sum[rows], tallies.turns[rows]
            )
            picked = chosen.decide(situation)
            for k in np.unique(picked):
                here = rows[picked == k]
                choice = None if k == TIMEOUT else program.events[int(e)].choices[int(k)]
                decide(program, ctx, here, int(e), choice)
                decisions[here, turn] = int(k) + 1 if choice is not None else 0
                key = (int(e), int(k) + 1 if choice is not None else 0)
                counts[key] = counts.get(key, 0) + len(here)
                groups.append((int(e), int(k), here))
        advance(program, ctx)
        gone_now = was_present[active] & (world.status[active] != PRESENT)
        gone_now &= world.status[active] != AWAY
        left_turn[active] = np.where(gone_now & (left_turn[active] < 0), turn, left_turn[active])
        tallies.health_sum[active] += health(world, consts)[active]
        tallies.turns[active] += 1
        _track(tracks, people, world, program, active)

        early = program.early_ending(ctx, active)
        stop = early != NONE
        if stop.any():
            finish(active[stop], early[stop])
        gone = ~world.present[active].any(axis=1) & ~stop
        if world.turn >= MAX_TURNS:
            gone[:] = ~stop
        if gone.any():
            rows = active[gone]
            finish(rows, program.final_ending(ctx, rows))
        for e, k, here in groups:
            moving = here[event[here] >= 0]
            if not len(moving):
                continue
            choice = None if k == TIMEOUT else program.events[e].choices[k]
            targets = program.after_choice(ctx, moving, e, choice)
            event[moving] = targets
            ended = moving[targets == END]
            if len(ended):
                finish(ended, program.final_ending(ctx, ended))

    scores = total(score_parts, scenario.scoring, consts)
    return BatchResult(
        seed=int(seed),
        policy=chosen.name,
        scores=scores,
        parts=score_parts,
        endings=ending,
        decisions=decisions[:, : max(int(tallies.turns.max(initial=0)), 1)],
        turns=tallies.turns,
        left=left,
        status=status,
        left_turn=left_turn,
        applied=applied,
        violated=violated,
        choice_counts=counts,
        series={name: np.stack(values, axis=1) for name, values in tracks.items()},
        members={name: np.stack(values, axis=1) for name, values in people.items()},
    )


def _track(
    tracks: dict[str, list[np.ndarray]],
    people: dict[str, list[np.ndarray]],
    world: World,
    program: Program,
    rows: np.ndarray,
) -> None:
    """Each tracked team average (and each person's morale and stress) of the given runs now;
    NaN for the other runs."""
    prod = productivity(world, program.consts)
    present = world.present[rows]
    for name in TRACKED:
        column = np.full(world.runs, np.nan)
        if name == "progress":
            column[rows] = world.progress[rows]
        else:
            values = prod if name == "productivity" else getattr(world, name)
            column[rows] = team_average(values[rows], present)
        tracks[name].append(column)
    for name in people:
        grid = np.full((world.runs, program.consts.size), np.nan)
        grid[rows] = np.where(present, getattr(world, name)[rows], np.nan)
        people[name].append(grid)
