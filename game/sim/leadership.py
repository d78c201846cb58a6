"""How a team responds to the *way* its leader acts, beyond a choice's own effects.

Every choice is tagged with the principles it applies or violates. People notice how they are
led: a tactful word builds trust, a public outburst costs it, and an impulsive choice costs more
when the leader is already rattled. The table below is that response; each entry is
(metric, change, trait that scales it or None). A trait scales the change by (0.5 + trait), so
an autonomous person minds micromanagement more and an executor minds split priorities more.
The changes are small next to authored effects: they make principles matter, not decide alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from game.sim.context import Context
from game.sim.dynamics import clip01
from game.sim.effects import land
from game.sim.world import TeamConstants

Entries = tuple[tuple[str, float, str | None], ...]

APPLIED: MappingProxyType[str, Entries] = MappingProxyType(
    {
        "planning": (("stress", -0.02, "structure"),),
        "organizing": (("stress", -0.015, None), ("morale", 0.01, None)),
        "motivating": (("morale", 0.04, "engagement"),),
        "controlling": (("trust", 0.01, "structure"),),
        "composure": (("stress", -0.02, None), ("trust", 0.02, None)),
        "emotional_balance": (("trust", 0.03, None),),
        "stress_resistance": (("stress", -0.03, None),),
        "decisiveness": (("trust", 0.02, None), ("stress", -0.02, "structure")),
        "strategic_thinking": (("morale", 0.01, None),),
        "objectivity": (("trust", 0.015, None),),
        "rational_thinking": (("trust", 0.01, "autonomy"),),
        "self_demand": (("trust", 0.03, None), ("morale", 0.015, None)),
        "expertise": (("trust", 0.02, "autonomy"),),
        "people_psychology": (("morale", 0.02, None),),
        "clear_priorities": (("stress", -0.03, "structure"),),
        "informed_decisions": (("trust", 0.02, None),),
        "know_your_people": (("trust", 0.03, None), ("morale", 0.02, "sociability")),
        "values_and_culture": (("trust", 0.03, None), ("morale", 0.01, None)),
    }
)

VIOLATED: MappingProxyType[str, Entries] = MappingProxyType(
    {
        "planning": (("stress", 0.025, "structure"),),
        "organizing": (("stress", 0.02, None),),
        "motivating": (("morale", -0.04, "engagement"),),
        "controlling": (("morale", -0.02, "autonomy"),),
        "composure": (("trust", -0.04, None), ("stress", 0.03, None)),
        "emotional_balance": (
            ("trust", -0.06, None),
            ("morale", -0.03, None),
            ("stress", 0.04, None),
        ),
        "stress_resistance": (("stress", 0.05, None),),
        "decisiveness": (("stress", 0.03, "structure"), ("trust", -0.02, None)),
        "strategic_thinking": (("morale", -0.01, None),),
        "objectivity": (("trust", -0.015, None),),
        "rational_thinking": (("trust", -0.01, None),),
        "self_demand": (("trust", -0.04, None),),
        "expertise": (("trust", -0.02, "autonomy"),),
        "people_psychology": (("morale", -0.03, None),),
        "clear_priorities": (("stress", 0.04, "structure"),),
        "informed_decisions": (("trust", -0.02, None),),
        "know_your_people": (("morale", -0.03, "sociability"), ("trust", -0.03, None)),
        "values_and_culture": (("trust", -0.07, None), ("morale", -0.04, None)),
    }
)

# The leader's own composure: calm choices steady it, outbursts shake it further.
COMPOSURE_STEADY = frozenset({"composure", "emotional_balance", "stress_resistance"})
COMPOSURE_GAIN = 0.05
COMPOSURE_LOSS = 0.08


@dataclass(frozen=True, eq=False)
class Response:
    """The team's response to one combination of tags, per metric and member.

    `calm` lands as it is; `rattled` is scaled per run by how rattled the leader is.
    """

    calm: dict[str, np.ndarray]
    rattled: dict[str, np.ndarray]
    composure: float


def compile_response(
    consts: TeamConstants, applied: tuple[str, ...], violated: tuple[str, ...]
) -> Response:
    calm: dict[str, np.ndarray] = {}
    rattled: dict[str, np.ndarray] = {}
    for table, principles, out in ((APPLIED, applied, calm), (VIOLATED, violated, rattled)):
        for principle in principles:
            for metric, change, trait in table[principle]:
                scale = 0.5 + consts.traits[trait] if trait is not None else 1.0
                out[metric] = out.get(metric, np.zeros(consts.size)) + change * scale
    steady = sum(1 for x in applied if x in COMPOSURE_STEADY)
    shaken = sum(1 for x in violated if x in COMPOSURE_STEADY)
    return Response(calm, rattled, COMPOSURE_GAIN * steady - COMPOSURE_LOSS * shaken)


def respond(ctx: Context, rows: np.ndarray, response: Response) -> None:
    """Apply the team's response to how a decision was made, for the given runs.

    Violations cost (1 + rattled_cost * (1 - composure)) times more: an impulsive choice
    costs more when the leader is already rattled.
    """
    world, p = ctx.world, ctx.consts.params
    mask = world.present[rows].astype(np.float64)
    rattled = (1.0 + p.rattled_cost * (1.0 - world.composure[rows]))[:, None]
    for metric in dict.fromkeys([*response.calm, *response.rattled]):
        delta = response.calm.get(metric, 0.0) + rattled * response.rattled.get(metric, 0.0)
        land(ctx, rows, mask, metric, delta)
    if response.composure:
        world.composure[rows] = clip01(world.composure[rows] + response.composure)
