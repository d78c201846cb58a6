"""What a single mistake costs: one decision made otherwise, the rest played on principle.

For each event and each choice that is not principled there (its principle tags do not score
best among the options on offer), the cost is principled play's mean score minus the mean
score of principled play with that one choice, over the runs in which the mistake is actually
made (the event is reached and the choice is on offer), on the same dice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.analysis.probe import Deviations


@dataclass(frozen=True)
class Mistake:
    event: str
    choice: str
    cost: float  # points lost on average where the mistake is made
    runs: int  # runs of the sample in which it is made

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "choice": self.choice,
            "cost": round(self.cost, 3),
            "runs": self.runs,
        }


@dataclass(frozen=True)
class Costs:
    runs: int
    mistakes: tuple[Mistake, ...]  # costliest first

    @property
    def median(self) -> float | None:
        if not self.mistakes:
            return None
        return float(np.median([m.cost for m in self.mistakes]))

    @property
    def costliest(self) -> Mistake | None:
        return self.mistakes[0] if self.mistakes else None

    def to_json(self) -> dict[str, Any]:
        median, worst = self.median, self.costliest
        return {
            "runs": self.runs,
            "median_cost": None if median is None else round(median, 3),
            "costliest": None if worst is None else worst.to_json(),
            "mistakes": [m.to_json() for m in self.mistakes],
        }


def deviation_costs(dev: Deviations) -> Costs:
    """The cost of every single mistake of the sample, costliest first."""
    program = dev.program
    found = []
    for i, (e, k) in enumerate(dev.plans):
        made = (dev.arrived[i] >= 0) & dev.honoured[i] & ~dev.principled[i]
        if not made.any():
            continue
        event = program.events[e]
        cost = float(np.mean(dev.baseline[made] - dev.scores[i][made]))
        found.append(Mistake(event.model.id, event.choices[k].id, cost, int(made.sum())))
    found.sort(key=lambda m: (-m.cost, m.event, m.choice))
    return Costs(dev.runs, tuple(found))
