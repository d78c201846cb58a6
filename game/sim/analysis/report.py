"""The whole dilemma analysis of one scenario: search, deviation costs and trade-offs.

Every figure comes from the same runs (0..runs-1 of the playtest's seed): what differs between
two plans is the decisions, never the dice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.analysis.deviations import Costs, deviation_costs
from game.sim.analysis.probe import deviate
from game.sim.analysis.search import SearchResult, search
from game.sim.analysis.tradeoffs import Tradeoffs, tradeoffs
from game.sim.program import Program

ANALYSIS_RUNS = 32


@dataclass(frozen=True)
class Analysis:
    runs: int
    search: SearchResult
    costs: Costs
    tradeoffs: Tradeoffs

    def to_json(self, program: Program) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "search": self.search.to_json(program),
            "deviations": self.costs.to_json(),
            "tradeoffs": self.tradeoffs.to_json(),
        }


def analyse(program: Program, seed: int, runs: int = ANALYSIS_RUNS) -> Analysis:
    """Search the best sequences, cost every single mistake and find the real trade-offs."""
    single = deviate(program, seed, runs)
    return Analysis(
        runs=runs,
        search=search(program, seed, runs),
        costs=deviation_costs(single),
        tradeoffs=tradeoffs(single),
    )
