"""How what the leader does lands on each person: the table behind the `act` effect.

Know your people: the same act helps one person and hurts another. Each act changes a
person's metrics by `base + sum(coef * (trait - 0.5))` over their traits (and their skill and
trust, read as traits here), so a team of executors and a team of experts want different
leaders. docs/model.md prints this table; a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

Terms = dict[str, tuple[float, dict[str, float]]]


@dataclass(frozen=True)
class ActSpec:
    """One act: per-person terms, what it costs the leader, what it reveals, bystanders."""

    terms: Terms
    energy: float = 0.0  # change of the leader's energy
    leader_stress: float = 0.0
    reveal: str | None = None  # "private": if trust allows; "public": only the candid
    bystanders: dict[str, float] = field(default_factory=dict)  # for everyone else present


ACTS: MappingProxyType[str, ActSpec] = MappingProxyType(
    {
        "praise_public": ActSpec(
            {
                "morale": (0.05, {"sociability": 0.10, "ego": 0.12}),
                "trust": (0.01, {"ego": 0.04}),
                "stress": (0.0, {"sociability": -0.08}),
            }
        ),
        "praise_private": ActSpec(
            {
                "morale": (0.04, {"ego": -0.06, "sociability": -0.04}),
                "trust": (0.03, {}),
            }
        ),
        "open_brief": ActSpec(
            {
                "morale": (0.02, {"autonomy": 0.16, "structure": -0.06}),
                "stress": (0.0, {"structure": 0.16, "autonomy": -0.06, "skill": -0.10}),
                "trust": (0.0, {"autonomy": 0.04}),
                "growth": (0.03, {"autonomy": 0.06}),
            }
        ),
        "checklist": ActSpec(
            {
                "morale": (0.0, {"structure": 0.14, "autonomy": -0.10}),
                "stress": (-0.03, {"structure": -0.08, "autonomy": 0.06}),
                "trust": (0.0, {"autonomy": -0.08}),
                "growth": (0.01, {}),
            }
        ),
        "pressure": ActSpec(
            {
                "stress": (0.08, {"resilience": -0.10, "engagement": 0.06, "candor": -0.04}),
                "morale": (-0.02, {"autonomy": -0.06}),
                "trust": (-0.01, {}),
                "fatigue": (0.02, {}),
            }
        ),
        "one_on_one": ActSpec(
            {
                "trust": (0.03, {}),
                "morale": (0.02, {"sociability": -0.04}),
                "stress": (-0.02, {"candor": -0.06}),
            },
            energy=-0.03,
            reveal="private",
        ),
        "ask_in_meeting": ActSpec(
            {"trust": (0.01, {}), "stress": (0.0, {"candor": -0.04})}, reveal="public"
        ),
        "criticise_public": ActSpec(
            {
                "morale": (-0.06, {"ego": -0.10, "sociability": -0.04}),
                "trust": (-0.08, {"ego": -0.06}),
                "stress": (0.06, {"resilience": -0.06}),
            },
            leader_stress=0.02,
            bystanders={"trust": -0.03, "stress": 0.02},
        ),
        "criticise_private": ActSpec(
            {
                "morale": (-0.02, {"ego": -0.05}),
                "trust": (0.0, {"trust": 0.08}),
                "stress": (0.02, {}),
                "growth": (0.02, {"ego": -0.03}),
            }
        ),
        "coach": ActSpec(
            {
                "growth": (0.06, {"structure": 0.04, "ego": -0.06, "skill": -0.08}),
                "morale": (0.02, {"ego": -0.08, "autonomy": -0.04}),
                "trust": (0.02, {}),
            },
            energy=-0.08,
        ),
        "delegate": ActSpec(
            {
                "morale": (0.03, {"autonomy": 0.10, "engagement": 0.06}),
                "stress": (0.02, {"skill": -0.12, "structure": 0.04}),
                "trust": (0.02, {}),
                "growth": (0.03, {"autonomy": 0.04, "engagement": 0.04}),
            },
            energy=0.03,
        ),
        "do_it_yourself": ActSpec(
            {"morale": (-0.02, {"autonomy": -0.06, "ego": -0.04})},
            energy=-0.12,
            leader_stress=0.04,
        ),
        "stage": ActSpec(
            {
                "morale": (0.02, {"ego": 0.16, "sociability": 0.04}),
                "stress": (0.01, {"ego": -0.06, "sociability": -0.06}),
                "trust": (0.01, {"ego": 0.03}),
                "growth": (0.02, {}),
            }
        ),
        "make_responsible": ActSpec(
            {
                "morale": (0.01, {"engagement": -0.12}),
                "stress": (0.02, {}),
                "trust": (0.01, {}),
                "growth": (0.01, {"engagement": -0.04}),
            }
        ),
        "overload": ActSpec(
            {
                "stress": (0.10, {"resilience": -0.08}),
                "fatigue": (0.05, {}),
                "morale": (-0.03, {"engagement": 0.04, "candor": -0.04}),
            }
        ),
        "unload": ActSpec(
            {
                "stress": (-0.10, {}),
                "fatigue": (-0.08, {}),
                "morale": (0.03, {}),
                "trust": (0.02, {}),
            }
        ),
        "shield": ActSpec(
            {"stress": (-0.05, {}), "trust": (0.04, {}), "morale": (0.02, {})},
            leader_stress=0.02,
        ),
        "involve": ActSpec(
            {
                "morale": (0.03, {"autonomy": 0.08, "ego": 0.04}),
                "trust": (0.03, {}),
                "stress": (0.0, {"structure": 0.04}),
            }
        ),
    }
)


def person_deltas(
    spec: ActSpec, traits: dict[str, np.ndarray], skill: np.ndarray, trust: np.ndarray
) -> dict[str, np.ndarray]:
    """Per metric, the change for each person: (R, M) arrays (traits broadcast over runs)."""
    out: dict[str, np.ndarray] = {}
    for metric, (base, coefficients) in spec.terms.items():
        value = np.full(skill.shape, base)
        for name, coef in coefficients.items():
            source = skill if name == "skill" else trust if name == "trust" else traits[name]
            value = value + coef * (source - 0.5)
        out[metric] = value
    return out
