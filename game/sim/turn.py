"""One turn, for a set of runs: apply a decision, land delayed effects and open problems,
advance the dynamics.

Both engines call these, so one playthrough and a batch of ten thousand follow exactly the
same arithmetic.
"""

from __future__ import annotations

import numpy as np

from game.sim.context import Context
from game.sim.dynamics import clip01, step
from game.sim.effects import land
from game.sim.leadership import respond
from game.sim.program import CompiledChoice, Program


def decide(
    program: Program, ctx: Context, rows: np.ndarray, event: int, choice: CompiledChoice | None
) -> None:
    """Apply a decision at `event` (None = the time ran out) and count its principle tags in
    the world's tallies."""
    if choice is None:
        if program.timeout_response is not None:
            respond(ctx, rows, program.timeout_response)
        postpone(ctx, rows)
        program.timeout_tags.record(ctx, rows)
        effects = program.events[event].timeout_effects
    else:
        if choice.response is not None:
            respond(ctx, rows, choice.response)
        choice.tags.record(ctx, rows)
        effects = choice.effects
    for effect in effects:
        effect.apply(ctx, rows)


def postpone(ctx: Context, rows: np.ndarray) -> None:
    """Decisiveness: letting the clock decide is a decision. The team waits and worries, trust
    in the leader slips, stakeholders lose patience, and the leader's own stress grows."""
    world, p = ctx.world, ctx.consts.params
    mask = world.present[rows].astype(np.float64)
    land(ctx, rows, mask, "stress", p.timeout_stress)
    land(ctx, rows, mask, "trust", -p.timeout_trust)
    world.timeouts[rows] += 1
    world.leader_stress[rows] = clip01(world.leader_stress[rows] + p.timeout_leader_stress)
    if ctx.consts.stakeholders:
        world.stake_patience[rows] = clip01(world.stake_patience[rows] - p.timeout_patience)


def advance(program: Program, ctx: Context) -> np.ndarray:
    """End the turn for every run: count it, land due delayed effects and the costs of open
    problems, step the dynamics.

    Returns the (R, M) mask of members who left during the step.
    """
    world = ctx.world
    world.turn += 1
    due = [e for e in ctx.pending if e.due < world.turn]
    if due:
        # by identity: entries hold arrays, which `==` cannot compare
        ctx.pending = [e for e in ctx.pending if all(e is not d for d in due)]
    for entry in due:
        if entry.text is not None:
            ctx.say("later", entry.text)
        for effect in entry.effects:
            effect.apply(ctx, entry.rows)
    # Postponing costs: an open problem costs every turn until it is dealt with.
    for p, costs in enumerate(program.problem_costs):
        rows = np.flatnonzero(world.problems[:, p])
        if len(rows):
            for effect in costs:
                effect.apply(ctx, rows)
    return step(world, ctx.consts, program.scenario.workload)
