"""One turn, for a set of runs: apply a decision, land delayed effects, advance the dynamics.

Both engines call these, so one playthrough and a batch of ten thousand follow exactly the
same arithmetic.
"""

from __future__ import annotations

import numpy as np

from game.sim.context import Context
from game.sim.dynamics import step
from game.sim.leadership import respond
from game.sim.program import CompiledChoice, Program


def decide(
    program: Program, ctx: Context, rows: np.ndarray, event: int, choice: CompiledChoice | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Apply a decision at `event` (None = the time ran out); returns (applied, violated)."""
    if choice is None:
        respond(ctx, rows, program.timeout_response)
        effects = program.events[event].timeout_effects
        applied: tuple[str, ...] = ()
        violated = program.timeout_violates
    else:
        respond(ctx, rows, choice.response)
        effects = choice.effects
        applied, violated = choice.applied, choice.violated
    for effect in effects:
        effect.apply(ctx, rows)
    return applied, violated


def advance(program: Program, ctx: Context) -> np.ndarray:
    """End the turn for every run: count it, land due delayed effects, step the dynamics.

    Returns the (R, M) mask of members who left during the step.
    """
    ctx.world.turn += 1
    for entry in [e for e in ctx.pending if e.due < ctx.world.turn]:
        ctx.pending.remove(entry)
        if entry.text is not None:
            ctx.say("later", entry.text)
        for effect in entry.effects:
            effect.apply(ctx, entry.rows)
    return step(ctx.world, ctx.consts, program.scenario.workload)
