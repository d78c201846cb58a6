"""What happens to people between decisions, and how much they get done.

Each term names the principle it encodes; docs/model.md gives the equations.
"""

from __future__ import annotations

import numpy as np

from game.sim.world import TeamConstants, World


def clip01(values: np.ndarray) -> np.ndarray:
    """Clamp to [0, 1] (two ufuncs: much cheaper than np.clip on small arrays)."""
    return np.minimum(np.maximum(values, 0.0), 1.0)


def productivity_of(
    morale: np.ndarray,
    stress: np.ndarray,
    fatigue: np.ndarray,
    priorities: np.ndarray,
    present: np.ndarray,
    consts: TeamConstants,
) -> np.ndarray:
    """Output of each member in [0, 1] (R, M), derived from the rest of the state."""
    p = consts.params
    # Yerkes-Dodson: output peaks at moderate stress and collapses at the extremes.
    stress_factor = (
        1.0 - p.stress_penalty * ((stress - p.stress_optimum) / (1.0 - p.stress_optimum)) ** 2
    )
    # Motivating: morale lifts output.
    morale_factor = p.morale_floor + (1.0 - p.morale_floor) * morale
    # Burnout: fatigue drains it.
    fatigue_factor = 1.0 - p.fatigue_penalty * fatigue
    # Clear priorities: every extra priority splits focus, worst for those who need structure.
    extra = np.maximum(priorities - 1, 0)[:, None]
    focus_factor = 1.0 / (1.0 + p.focus_penalty * extra * (0.5 + consts.traits["structure"]))
    out = stress_factor * morale_factor * fatigue_factor * focus_factor
    return clip01(out) * present


def productivity(world: World, consts: TeamConstants) -> np.ndarray:
    """Output of each member of every run (R, M)."""
    return productivity_of(
        world.morale, world.stress, world.fatigue, world.priorities, world.present, consts
    )


def team_average(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Mean over present members per run; 0 when nobody is left."""
    count = present.sum(axis=1)
    total = (values * present).sum(axis=1)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)


def step(world: World, consts: TeamConstants, workload: float) -> np.ndarray:
    """Advance one turn in place; returns the (R, M) mask of members who left this turn."""
    p = consts.params
    present = world.present
    pf = present.astype(np.float64)
    prod = productivity(world, consts)

    # Delivery: the team's output moves the work forward (planning, organizing).
    output = (prod * (0.5 + 0.5 * world.skill)).sum(axis=1) / consts.size
    world.progress = clip01(world.progress + output / workload)

    # Wins matter: the track record shifts where morale settles; idle output drains it.
    record = np.clip(p.record_shift * (world.reached - world.missed), -p.record_cap, p.record_cap)
    base_morale = clip01(consts.base_morale[None, :] + record[:, None])
    pace = team_average(prod, present)
    morale = world.morale + p.morale_relax * (base_morale - world.morale)
    morale = morale + p.pace_morale * (pace - 0.5)[:, None]

    # Emotional contagion: stress flows along close relationships; conflicts add friction.
    relax = p.stress_relax * (0.5 + 0.5 * consts.traits["resilience"])
    stress = world.stress + relax * (consts.base_stress - world.stress)
    if consts.bonds.any():
        weight = np.einsum("rj,ij->ri", pf, consts.bonds)
        pulled = np.einsum("rj,ij->ri", pf * world.stress, consts.bonds)
        stress = stress + p.contagion * (pulled - weight * world.stress) / (1.0 + weight)
    if consts.conflict.any():
        stress = stress + p.friction * np.einsum("rj,ij->ri", pf, consts.conflict)

    # Burnout: sustained high stress accumulates fatigue; burnt-out people lose heart.
    fatigue = world.fatigue + p.fatigue_gain * np.maximum(world.stress - p.fatigue_threshold, 0.0)
    # (chronic strain: the same excess stress also wears morale down, below)
    fatigue = fatigue - p.fatigue_recovery * np.maximum(0.5 - world.stress, 0.0)
    strain = np.maximum(world.stress - p.fatigue_threshold, 0.0)
    morale = morale - p.strain_morale * strain - p.burnout_morale * (fatigue > p.burnout_fatigue)

    # The leader's composure recovers with time but erodes with the team's stress.
    team_stress = team_average(world.stress, present)
    composure = world.composure + p.composure_relax * (p.composure_rest - world.composure)
    composure = composure - p.team_stress_composure * np.maximum(team_stress - 0.6, 0.0)

    if present.all():
        world.morale, world.stress, world.fatigue = clip01(morale), clip01(stress), clip01(fatigue)
    else:
        world.morale = np.where(present, clip01(morale), world.morale)
        world.stress = np.where(present, clip01(stress), world.stress)
        world.fatigue = np.where(present, clip01(fatigue), world.fatigue)
    world.composure = clip01(composure)

    # Retention: long low morale, or full burnout, and people leave.
    low = present & (world.morale < p.leave_morale)
    world.low_turns = np.where(low, world.low_turns + 1, 0)
    leaving = present & ((world.low_turns >= p.leave_turns) | (world.fatigue >= 1.0))
    world.present = present & ~leaving
    return leaving
