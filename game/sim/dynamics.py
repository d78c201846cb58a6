"""What happens to people between decisions, and how much they get done.

Each term names the principle it encodes; docs/model.md gives the equations.
"""

from __future__ import annotations

import numpy as np

from game.sim.world import AWAY, BURNOUT, PRESENT, QUIT, TeamConstants, World


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
    focus_factor = 1.0 / (1.0 + p.focus_penalty * extra * consts.focus_need)
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
    everyone = bool(present.all())
    pf = present.astype(np.float64)
    prod = productivity(world, consts)
    count = pf.sum(axis=1)
    share = np.where(count > 0, 1.0 / np.maximum(count, 1.0), 0.0)[:, None] * pf

    # Delivery: the team's output moves the work forward (planning, organizing).
    output = (prod * (0.5 + 0.5 * world.skill)).sum(axis=1) / consts.size
    world.progress = clip01(world.progress + output / workload)

    # People grow: coaching and support become skill over the next turns (expertise).
    if world.growth.any():
        grown = p.growth_rate * world.growth * pf
        world.skill = clip01(world.skill + grown)
        world.growth = world.growth - grown

    # Wins matter: the track record shifts where morale settles; idle output drains it.
    record = p.record_shift * (world.reached - world.missed)
    record = np.minimum(np.maximum(record, -p.record_cap), p.record_cap)
    base_morale = clip01(consts.base_morale[None, :] + record[:, None])
    pace = (prod * share).sum(axis=1)
    morale = world.morale + p.morale_relax * (base_morale - world.morale)
    morale = morale + p.pace_morale * (pace - 0.5)[:, None]

    # Stress settles towards each person's baseline, but an overloaded person does not calm
    # down by themselves: neglect does not heal (stress_resistance, people_psychology).
    overload = clip01((world.stress - p.overload_stress) / p.overload_width)
    stress = world.stress + consts.stress_relax * (1.0 - overload) * (
        consts.base_stress - world.stress
    )

    # Emotional contagion: moods flow along close bonds from the one who feels it more to the
    # one who feels it less — stress from the more stressed, low morale from the lower —
    # bad moods faster than good ones. A calm colleague absorbs nobody's stress, and two
    # stressed friends do not pump each other past where the more stressed one stands.
    if consts.has_bonds:
        weights = consts.bonds[None, :, :] if everyone else consts.bonds[None] * pf[:, None, :]
        stress = stress + p.contagion * _rise(world.stress, weights)
        up, down = _flow(world.morale, weights)
        morale = morale + p.bad_mood_spread * down + p.good_mood_spread * up
    if consts.has_conflict:
        friction = consts.friction_all if everyone else _along(pf, consts.conflict)
        stress = stress + p.friction * friction

    # A leader who panics passes it down; composure damps it (stress_resistance).
    panic = np.maximum(world.leader_stress - 0.5, 0.0) * (1.0 - 0.5 * world.composure)
    stress = stress + p.panic_spread * panic[:, None]

    # Burnout: sustained high stress accumulates fatigue; burnt-out people lose heart.
    strain = np.maximum(world.stress - p.fatigue_threshold, 0.0)
    fatigue = world.fatigue + p.fatigue_gain * strain
    fatigue = fatigue - p.fatigue_recovery * np.maximum(0.5 - world.stress, 0.0)
    morale = morale - p.strain_morale * strain - p.burnout_morale * (fatigue > p.burnout_fatigue)

    team_stress = (world.stress * share).sum(axis=1)
    _leader(world, consts, team_stress)
    if consts.stakeholders:
        _stakeholders(world, consts)

    if everyone:
        world.morale, world.stress, world.fatigue = clip01(morale), clip01(stress), clip01(fatigue)
    else:
        world.morale = np.where(present, clip01(morale), world.morale)
        world.stress = np.where(present, clip01(stress), world.stress)
        world.fatigue = np.where(present, clip01(fatigue), world.fatigue)

    # Retention: long low morale, or full burnout, and people leave.
    low = present & (world.morale < p.leave_morale)
    world.low_turns = np.where(low, world.low_turns + 1, 0)
    burnt = present & (world.fatigue >= 1.0)
    quits = present & (world.low_turns >= p.leave_turns) & ~burnt
    leaving = burnt | quits
    changed = bool(leaving.any())
    if changed:
        world.status = np.where(burnt, BURNOUT, np.where(quits, QUIT, world.status)).astype(np.int8)
    # Members who were away come back when their time is up.
    if consts.has_away:
        back = (world.status == AWAY) & (world.away_until <= world.turn)
        if back.any():
            world.status = np.where(back, PRESENT, world.status).astype(np.int8)
            changed = True
    if changed:
        world.present = world.status == PRESENT
    return leaving


def _weighted(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(R, M, M): weights[i, j] times values[j] - values[i], for each run r at [r, i, j]."""
    weighted = values[:, None, :] - values[:, :, None]
    weighted *= weights  # in place: the arrays are R x M x M, the biggest of a turn
    return weighted


def _flow(values: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(R, M) each: for each person i, the sums over j of weights[i, j] times the positive
    part (first) and the negative part (second) of values[j] - values[i]. Weights are >= 0,
    and absent people have weight 0. Summed the same way whatever the number of runs."""
    weighted = _weighted(values, weights)
    rising = np.maximum(weighted, 0.0)
    up = rising.sum(axis=2)
    weighted -= rising
    return up, weighted.sum(axis=2)


def _rise(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The first of `_flow` alone."""
    weighted = _weighted(values, weights)
    return np.maximum(weighted, 0.0, out=weighted).sum(axis=2)


def _along(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(R, M): for each person i, sum over j of weights[i, j] * values[r, j].

    Summed the same way whatever the number of runs (a matrix product may not be), so that a
    run played alone and in a batch of thousands agree to the last bit.
    """
    return (values[:, None, :] * weights[None, :, :]).sum(axis=2)


def _leader(world: World, consts: TeamConstants, team_stress: np.ndarray) -> None:
    """The leader is a person too: stress from the team and open problems, energy that drains
    under stress and recovers when calm, composure that erodes with both (self_demand)."""
    p = consts.params
    open_problems = world.problems.sum(axis=1) if consts.problems else 0.0
    stress = world.leader_stress + p.leader_stress_relax * (
        p.leader_stress_rest - world.leader_stress
    )
    stress = stress + p.team_stress_leader * np.maximum(team_stress - 0.6, 0.0)
    stress = stress + p.problem_stress_leader * open_problems
    energy = world.leader_energy + p.energy_recovery * (world.leader_stress < 0.6)
    energy = energy - p.energy_drain * np.maximum(world.leader_stress - 0.6, 0.0) / 0.4
    composure = world.composure + p.composure_relax * (p.composure_rest - world.composure)
    composure = composure - p.team_stress_composure * np.maximum(team_stress - 0.6, 0.0)
    composure = composure - 0.5 * p.team_stress_composure * np.maximum(stress - 0.6, 0.0)
    world.leader_stress = clip01(stress)
    world.leader_energy = clip01(energy)
    world.composure = clip01(composure)


def _stakeholders(world: World, consts: TeamConstants) -> None:
    """Stakeholders lose patience as turns pass; once it is gone, their trust goes too."""
    p = consts.params
    world.stake_patience = clip01(world.stake_patience - consts.stake_decay[None, :])
    gone = world.stake_patience <= 0.0
    world.stake_trust = clip01(world.stake_trust - p.impatience_trust * gone)
