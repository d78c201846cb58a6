"""How a team responds to the *way* its leader acts, beyond a choice's own effects.

Every choice is tagged with the principles it applies or violates. People notice how they are
led: a tactful word builds trust, a public outburst costs it, and an impulsive choice costs more
when the leader is already rattled. The table below is that response; each entry is
(metric, change, trait that scales it or None). A trait scales the change by (0.5 + trait), so
an autonomous person minds micromanagement more and an executor minds split priorities more.
The changes are small next to authored effects: they make principles matter, not decide alone.
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np

from game.sim.context import Context
from game.sim.effects import land

Response = tuple[tuple[str, float, str | None], ...]

APPLIED: MappingProxyType[str, Response] = MappingProxyType(
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

VIOLATED: MappingProxyType[str, Response] = MappingProxyType(
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


def respond(ctx: Context, rows: np.ndarray, applied: tuple[str, ...], violated: tuple[str, ...]):
    """Apply the team's response to how a decision was made, for the given runs."""
    world, consts, p = ctx.world, ctx.consts, ctx.consts.params
    mask = world.present[rows].astype(np.float64)
    rattled = (1.0 + p.rattled_cost * (1.0 - world.composure[rows]))[:, None]
    for table, principles, scale in ((APPLIED, applied, None), (VIOLATED, violated, rattled)):
        for principle in principles:
            for metric, change, trait in table[principle]:
                delta = np.full(mask.shape, change)
                if trait is not None:
                    delta = delta * (0.5 + consts.traits[trait])[None, :]
                if scale is not None:
                    delta = delta * scale
                land(ctx, rows, mask, metric, delta)
    steady = sum(1 for x in applied if x in COMPOSURE_STEADY)
    shaken = sum(1 for x in violated if x in COMPOSURE_STEADY)
    if steady or shaken:
        change = COMPOSURE_GAIN * steady - COMPOSURE_LOSS * shaken
        world.composure[rows] = np.clip(world.composure[rows] + change, 0.0, 1.0)
