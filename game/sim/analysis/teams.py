"""How the best decisions change with the team: the search, once per team.

Two teams with the same member ids but different people (archetypes, traits, bonds) can call
for different decisions: what helps an executor can hurt an erudite. The team report searches
the best sequence with each team and lists the events where the best choices differ, with
what each team would lose by making another team's choice there (the rest of its own best
sequence unchanged, on the same runs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.content.library import Bundle
from game.sim.analysis.plans import evaluate
from game.sim.analysis.search import SearchResult, search
from game.sim.program import Program


@dataclass(frozen=True)
class Difference:
    event: str
    choices: dict[str, str | None]  # team -> its best choice (None: let the time run out)
    costs: dict[str, float]  # team -> points lost making another team's choice here

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "choices": self.choices,
            "costs": {team: round(cost, 3) for team, cost in self.costs.items()},
        }


@dataclass(frozen=True)
class TeamReport:
    searches: dict[str, tuple[Program, SearchResult]]
    differences: tuple[Difference, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "teams": list(self.searches),
            "best": {
                team: found.best.to_json(program)
                for team, (program, found) in self.searches.items()
            },
            "differences": [d.to_json() for d in self.differences],
        }


def team_report(bundles: Sequence[Bundle], seed: int, runs: int = 32) -> TeamReport:
    """Search the best sequence of the same scenario with each team and compare them."""
    searches: dict[str, tuple[Program, SearchResult]] = {}
    for bundle in bundles:
        program = Program(bundle)
        searches[bundle.team.id] = (program, search(program, seed, runs))
    differences = []
    for e in range(len(next(iter(searches.values()))[0].events)):
        picks = {
            team: int(found.best.table[e])
            for team, (_, found) in searches.items()
            if e in found.best.order
        }
        if len(set(picks.values())) < 2:
            continue
        program = next(iter(searches.values()))[0]
        event = program.events[e]
        differences.append(
            Difference(
                event=event.model.id,
                choices={team: None if k < 0 else event.choices[k].id for team, k in picks.items()},
                costs={
                    team: _cost(
                        searches[team], e, [k for k in set(picks.values()) if k != own], seed
                    )
                    for team, own in picks.items()
                },
            )
        )
    differences.sort(key=lambda d: -max(d.costs.values()))
    return TeamReport(searches, tuple(differences))


def _cost(
    searched: tuple[Program, SearchResult], event: int, others: list[int], seed: int
) -> float:
    """What a team loses, at the least, by making one of `others` at `event` instead of its own
    best choice, the rest of its best sequence unchanged."""
    program, found = searched
    tables = np.tile(found.best.table, (len(others), 1))
    tables[:, event] = others
    tried = evaluate(program, seed, np.arange(found.runs), tables)
    return float(found.best.score - tried.means.max())
