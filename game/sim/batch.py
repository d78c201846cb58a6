"""Many playthroughs at once: numpy across runs, runs on the same event advancing together.

Run r of a batch with seed S is exactly `Session(bundle, seed=S, run=r)` played by the same
policy: both engines use the same kernels (effects, dynamics, flow, scoring) and the same
counter-based dice, and a test checks that they agree run for run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.sim.context import Context
from game.sim.dynamics import productivity, team_average
from game.sim.policies import noise, pick, tag_score
from game.sim.program import END, MAX_TURNS, NONE, Program
from game.sim.scoring import health, parts, total
from game.sim.turn import advance, decide
from game.sim.world import World

TRACKED = ("morale", "stress", "productivity")
PARTS = ("delivery", "team", "retention", "principles")


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
    choice_counts: dict[tuple[int, int], int] = field(default_factory=dict)
    series: dict[str, np.ndarray] = field(default_factory=dict)
    """name -> (R, turns + 1) team averages after each turn (index 0 = start), NaN once ended."""

    def decisions_of(self, run: int) -> list[int]:
        return [int(x) for x in self.decisions[run, : self.turns[run]]]


class _Tallies:
    def __init__(self, runs: int) -> None:
        self.applied = np.zeros(runs)
        self.violated = np.zeros(runs)
        self.health_sum = np.zeros(runs)
        self.turns = np.zeros(runs, dtype=np.int64)


def _choice_values(
    program: Program,
    ctx: Context,
    rows: np.ndarray,
    event: int,
    policy: str,
    tallies: _Tallies,
) -> np.ndarray:
    """(n, C) values a policy ranks the choices of `event` by, for the given runs."""
    choices = program.events[event].choices
    values = np.zeros((len(rows), len(choices)))
    if policy in ("principled", "antiprincipled"):
        sign = 1.0 if policy == "principled" else -1.0
        for k, choice in enumerate(choices):
            values[:, k] = sign * tag_score(choice.applied, choice.violated)
    elif policy == "greedy":
        for k, choice in enumerate(choices):
            trial_world = ctx.world.take(rows)
            trial = ctx.copy(trial_world, rows)
            local = np.arange(len(rows))
            applied, violated = decide(program, trial, local, event, choice)
            advance(program, trial)
            part = parts(
                trial_world,
                program.consts,
                tallies.applied[rows] + len(applied),
                tallies.violated[rows] + len(violated),
                tallies.health_sum[rows] + health(trial_world, program.consts),
                tallies.turns[rows] + 1,
            )
            values[:, k] = total(part, program.scenario.scoring)
    elif policy != "random":
        raise ValueError(f"unknown policy '{policy}'")
    return values


def run_batch(
    program: Program, seed: int, runs: int, policy: str, first_run: int = 0
) -> BatchResult:
    """Play runs first_run .. first_run + runs - 1 of `seed` with `policy`."""
    consts, scenario = program.consts, program.scenario
    world = World.start(consts, scenario, runs)
    run_ids = np.arange(first_run, first_run + runs, dtype=np.uint64)
    ctx = Context(world, consts, int(seed), run_ids, scenario.workload)
    everyone = np.arange(runs)
    event = program.arrive(ctx, everyone, np.full(runs, program.start, dtype=np.int64))
    ending = np.full(runs, NONE, dtype=np.int64)
    score_parts = {name: np.zeros(runs) for name in PARTS}
    tallies = _Tallies(runs)
    decisions = np.full((runs, MAX_TURNS), -1, dtype=np.int16)
    counts: dict[tuple[int, int], int] = {}
    tracks: dict[str, list[np.ndarray]] = {name: [] for name in TRACKED}
    _track(tracks, world, program, everyone)

    left = np.zeros((runs, consts.size), dtype=bool)

    def finish(rows: np.ndarray, endings: np.ndarray) -> None:
        ending[rows] = endings
        left[rows] = ~world.present[rows]
        event[rows] = END
        done = parts(
            world.take(rows),
            consts,
            tallies.applied[rows],
            tallies.violated[rows],
            tallies.health_sum[rows],
            tallies.turns[rows],
        )
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
        groups: list[tuple[int, int, np.ndarray]] = []
        for e in np.unique(event[active]):
            rows = active[event[active] == e]
            compiled = program.events[int(e)]
            offered = program.offered(ctx, rows, int(e))
            values = _choice_values(program, ctx, rows, int(e), policy, tallies)
            dice = noise(ctx.seed, ctx.run_ids[rows], turn, policy, len(compiled.choices))
            picked = pick(values, offered, dice)
            for k in np.unique(picked):
                chosen = rows[picked == k]
                choice = compiled.choices[int(k)]
                applied, violated = decide(program, ctx, chosen, int(e), choice)
                tallies.applied[chosen] += len(applied)
                tallies.violated[chosen] += len(violated)
                decisions[chosen, turn] = int(k) + 1
                counts[(int(e), int(k) + 1)] = counts.get((int(e), int(k) + 1), 0) + len(chosen)
                groups.append((int(e), int(k), chosen))
        advance(program, ctx)
        tallies.health_sum[active] += health(world, consts)[active]
        tallies.turns[active] += 1
        _track(tracks, world, program, active)

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
        for e, k, chosen in groups:
            moving = chosen[event[chosen] >= 0]
            if not len(moving):
                continue
            targets = program.after_choice(ctx, moving, e, program.events[e].choices[k])
            event[moving] = targets
            ended = moving[targets == END]
            if len(ended):
                finish(ended, program.final_ending(ctx, ended))

    scores = total(score_parts, scenario.scoring)
    return BatchResult(
        seed=int(seed),
        policy=policy,
        scores=scores,
        parts=score_parts,
        endings=ending,
        decisions=decisions[:, : max(int(tallies.turns.max(initial=0)), 1)],
        turns=tallies.turns,
        left=left,
        choice_counts=counts,
        series={name: np.stack(values, axis=1) for name, values in tracks.items()},
    )


def _track(
    tracks: dict[str, list[np.ndarray]], world: World, program: Program, rows: np.ndarray
) -> None:
    """Each tracked team average of the given runs now (NaN for the other runs)."""
    prod = productivity(world, program.consts)
    for name in TRACKED:
        values = prod if name == "productivity" else getattr(world, name)
        column = np.full(world.runs, np.nan)
        column[rows] = team_average(values[rows], world.present[rows])
        tracks[name].append(column)
