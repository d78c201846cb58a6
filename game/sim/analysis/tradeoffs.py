"""Is an event a real dilemma? Whether one option is best on every measured dimension.

From the states principled play reaches at an event (the same runs for every option), each
offered option is applied and play continues on principle for two more turns; the change of
each dimension the score counts (delivery, team health, stakeholders, retention) is measured.
An option *dominates* when, against every other option, it is no worse on any dimension (by
more than `TOLERANCE`, on the runs where both were on offer). An event where no option
dominates is a real trade-off: whatever the player picks costs something.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.analysis.probe import Deviations

TOLERANCE = 0.01
"""Differences this small (on the 0-1 scale of a dimension) count as equal."""


@dataclass(frozen=True)
class EventTradeoff:
    event: str
    runs: int  # runs of the sample that reach the event
    changes: dict[str, dict[str, float]]  # option -> dimension -> mean change
    dominant: tuple[str, ...]  # options no worse than any other on every dimension

    @property
    def tradeoff(self) -> bool:
        return not self.dominant

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "runs": self.runs,
            "tradeoff": self.tradeoff,
            "dominant": list(self.dominant),
            "changes": {
                option: {d: round(v, 4) for d, v in dims.items()}
                for option, dims in self.changes.items()
            },
        }


@dataclass(frozen=True)
class Tradeoffs:
    dims: tuple[str, ...]
    events: tuple[EventTradeoff, ...]

    @property
    def share(self) -> float | None:
        """The share of the events measured that are real trade-offs."""
        if not self.events:
            return None
        return sum(e.tradeoff for e in self.events) / len(self.events)

    def to_json(self) -> dict[str, Any]:
        share = self.share
        return {
            "dimensions": list(self.dims),
            "tolerance": TOLERANCE,
            "share": None if share is None else round(share, 4),
            "tradeoffs": sum(e.tradeoff for e in self.events),
            "events_measured": len(self.events),
            "events": [e.to_json() for e in self.events],
        }


def tradeoffs(dev: Deviations, tolerance: float = TOLERANCE) -> Tradeoffs:
    """The trade-off report of every event reached with at least two options to compare."""
    found = []
    events = dict.fromkeys(e for e, _ in dev.plans)
    for e in events:
        found_event = _event(dev, e, tolerance)
        if found_event is not None:
            found.append(found_event)
    return Tradeoffs(dev.dims, tuple(found))


def _event(dev: Deviations, e: int, tolerance: float) -> EventTradeoff | None:
    plans = dev.of_event(e)
    usable = {
        i: (dev.arrived[i] >= 0) & dev.honoured[i] & ~np.isnan(dev.after[i]).any(axis=1)
        for i in plans
    }
    plans = [i for i in plans if usable[i].any()]
    if len(plans) < 2:
        return None
    change = {i: dev.after[i] - dev.before[i] for i in plans}
    compiled = dev.program.events[e]

    def name(i: int) -> str:
        return compiled.choices[dev.plans[i][1]].id

    dominant = []
    for a in plans:
        beaten = False
        for b in plans:
            common = usable[a] & usable[b]
            if a == b or not common.any():
                continue
            diff = (change[a][common] - change[b][common]).mean(axis=0)
            beaten = beaten or bool((diff < -tolerance).any())
        if not beaten:
            dominant.append(name(a))
    reached = np.any([dev.arrived[i] >= 0 for i in plans], axis=0)
    return EventTradeoff(
        event=compiled.model.id,
        runs=int(reached.sum()),
        changes={
            name(i): {d: float(change[i][usable[i], j].mean()) for j, d in enumerate(dev.dims)}
            for i in plans
        },
        dominant=tuple(dominant),
    )
