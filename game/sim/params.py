"""The model's parameters, each with the principle it encodes (see docs/model.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    # Productivity (what effective leadership produces)
    stress_optimum: float = 0.35
    """Stress level at which output peaks: a little pressure helps (Yerkes-Dodson)."""
    stress_penalty: float = 0.9
    """How far output falls at the extremes of stress (inverted U)."""
    morale_floor: float = 0.35
    """Output factor at zero morale; morale lifts it to 1 (motivating)."""
    fatigue_penalty: float = 0.6
    """Output lost at full fatigue (burnout)."""
    focus_penalty: float = 0.15
    """Output lost per extra priority, scaled by the need for structure (clear_priorities)."""

    # Relaxation towards each person's baseline (people_psychology)
    morale_relax: float = 0.15
    stress_relax: float = 0.2
    composure_relax: float = 0.1
    composure_rest: float = 0.7

    # Emotional contagion along relationships (stress_resistance, know_your_people)
    contagion: float = 0.3
    friction: float = 0.03

    # Burnout (stress_resistance)
    fatigue_gain: float = 0.35
    fatigue_threshold: float = 0.55
    fatigue_recovery: float = 0.06
    burnout_fatigue: float = 0.8
    burnout_morale: float = 0.05
    strain_morale: float = 0.15
    """Morale lost per turn per unit of stress above the fatigue threshold: chronic strain."""

    # Wins matter: milestones and progress (motivating, controlling)
    win_morale: float = 0.09
    win_trust: float = 0.03
    loss_morale: float = 0.15
    loss_stress: float = 0.05
    record_shift: float = 0.04
    """Each net win raises (each net loss lowers) the baseline morale people return to."""
    record_cap: float = 0.15
    pace_morale: float = 0.04
    """Morale follows the team's own output: idle weeks drain it even at unchanged pay."""

    # Leaving (retention)
    leave_morale: float = 0.22
    leave_turns: int = 3
    """Consecutive turns below leave_morale after which a member leaves."""

    # How an action lands on a person (know_your_people)
    trust_gain: float = 0.5
    """Positive morale changes land (0.75 + trust_gain * trust) times as strongly."""
    stress_sensitivity: float = 0.6
    """Added stress lands (1.3 - stress_sensitivity * resilience) times as strongly."""

    # Hidden information (informed_decisions)
    candor_stress_mask: float = 0.8
    candor_morale_mask: float = 0.6
    estimate_noise: float = 0.08

    # Leader composure (composure, emotional_balance)
    rattled_cost: float = 1.0
    """Violations cost (1 + rattled_cost * (1 - composure)) times more when rattled."""
    team_stress_composure: float = 0.08


PARAMS = Params()
