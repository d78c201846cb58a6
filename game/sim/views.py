"""The team as the leader sees it: estimates for what nobody has told them.

Trust shapes candour: a person who trusts the leader little shows less of how they really are
(their stress looks lower and their mood higher than it is), and the estimate wanders further
from the truth. A one-on-one, a survey or the data reveals the true state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim.dynamics import productivity
from game.sim.records import MemberView, StakeholderView, TeamView
from game.sim.rng import key_of, uniform
from game.sim.world import STATUS_NAMES

if TYPE_CHECKING:
    from game.sim.session import Session

VISIBLE = ("morale", "stress", "trust")
_ESTIMATE_KEYS = {name: key_of("estimate", name) for name in VISIBLE}


def team_view(session: Session) -> TeamView:
    """What the leader sees of the team now: estimates until a member is revealed."""
    w, consts = session.world, session.program.consts
    p = consts.params
    prod = productivity(w, consts)[0]
    trust = w.trust[0]
    # the less a person trusts the leader, the less of themselves they show
    candor = consts.traits["candor"] * (1.0 - p.trust_candor * (1.0 - trust))
    spread = p.estimate_noise * (1.5 - trust)
    noise = {
        name: (uniform(session.seed, session.ctx.run_ids, w.turn, key, consts.size)[0] - 0.5)
        * 2
        * spread
        for name, key in _ESTIMATE_KEYS.items()
    }
    masked = {
        "stress": w.stress[0]
        - (1 - candor) * np.maximum(w.stress[0] - 0.3, 0) * p.candor_stress_mask,
        "morale": w.morale[0] + (1 - candor) * (0.7 - w.morale[0]) * p.candor_morale_mask,
        "trust": w.trust[0].copy(),
    }
    members = []
    for i, member in enumerate(session.bundle.team.members):
        shown = bool(w.revealed[0, i])
        value = {
            name: float(getattr(w, name)[0, i])
            if shown
            else float(np.clip(masked[name][i] + noise[name][i], 0.0, 1.0))
            for name in VISIBLE
        }
        members.append(
            MemberView(
                id=member.id,
                name=member.name,
                role=member.role,
                archetype=member.archetype,
                present=bool(w.present[0, i]),
                productivity=float(prod[i]),
                estimated=not shown,
                private=member.private if shown else None,
                status=STATUS_NAMES[int(w.status[0, i])],
                gender=member.gender,
                **value,
            )
        )
    present = [v for v in members if v.present]
    averages = {
        name: float(np.mean([getattr(v, name) for v in present])) if present else 0.0
        for name in (*VISIBLE, "productivity")
    }
    scenario = session.scenario
    stakeholders = tuple(
        StakeholderView(
            s.id, s.name, s.role, float(w.stake_trust[0, k]), float(w.stake_patience[0, k])
        )
        for k, s in enumerate(scenario.stakeholders)
    )
    problems = tuple(p.title for k, p in enumerate(scenario.problems) if w.problems[0, k])
    return TeamView(
        tuple(members),
        averages,
        float(w.progress[0]),
        w.turn,
        int(w.priorities[0]),
        float(w.composure[0]),
        float(w.leader_stress[0]),
        float(w.leader_energy[0]),
        stakeholders,
        problems,
    )
