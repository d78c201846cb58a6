"""The model's parameters, each with the principle it encodes (see docs/model.md)."""
# Each parameter is read in one place of the dynamics or effects; docs/model.md shows it in
# its equation and charts drawn from the engine show its effect.

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

    overload_stress: float = 0.65
    """Above this stress people calm down less and less by themselves..."""
    overload_width: float = 0.15
    """...and not at all from overload_stress + overload_width on: neglect does not heal."""

    # Emotional contagion along relationships (stress_resistance, know_your_people)
    contagion: float = 0.45
    """Share of the gap to a more stressed close colleague that a person catches each turn."""
    bad_mood_spread: float = 0.25
    """Share of the gap to a gloomier close colleague that pulls a person's morale down."""
    good_mood_spread: float = 0.1
    """Good moods spread too, more slowly than bad ones (share of the gap upwards)."""
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

    trust_candor: float = 0.6
    """Low trust hides more: candour counts (1 - trust_candor * (1 - trust)) of itself."""
    reveal_trust: float = 0.35
    """A one-on-one reveals a person's true state only if their trust is at least this."""

    # Leader composure, stress and energy (composure, emotional_balance, self_demand)
    rattled_cost: float = 1.0
    """Violations cost (1 + rattled_cost * (1 - composure)) times more when rattled."""
    team_stress_composure: float = 0.08
    leader_stress_rest: float = 0.3
    leader_stress_relax: float = 0.15
    team_stress_leader: float = 0.15
    """The team's stress above 0.6 weighs on the leader each turn."""
    problem_stress_leader: float = 0.02
    """Each open problem adds this much to the leader's stress each turn."""
    panic_spread: float = 0.12
    """The leader's stress above 0.5 passes down, damped by their composure."""
    energy_recovery: float = 0.04
    """Energy the leader regains each turn while their stress is below 0.6."""
    energy_drain: float = 0.06
    """Energy lost each turn at full stress, in proportion to the leader's stress above 0.6."""
    exhausted_energy: float = 0.3
    """Below this energy, what the leader does for people lands weaker."""

    # People grow (expertise, organizing)
    growth_rate: float = 0.35
    """Share of pending growth that becomes skill each turn."""

    # Postponing costs (decisiveness)
    timeout_stress: float = 0.03
    timeout_trust: float = 0.03
    timeout_patience: float = 0.08
    timeout_leader_stress: float = 0.05

    # Stakeholders
    impatience_trust: float = 0.05
    """Trust a stakeholder loses each turn once their patience is gone."""

    # Values and culture
    value_trust: float = 0.05
    value_morale: float = 0.03


PARAMS = Params()
