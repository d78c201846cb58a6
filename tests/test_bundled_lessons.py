"""The bundled scenarios, as a set, teach what PRINCIPLES.md says, and each teaches its lesson."""

from __future__ import annotations

import pytest

from game.content.library import ScenarioLibrary
from game.content.principles import PRINCIPLE_IDS
from game.sim.playtest import play_many, summarise, verdict
from game.sim.program import Program

RUNS = 2_000


def _bundles():
    return [e.bundle for e in ScenarioLibrary().entries() if e.bundle is not None]


def test_every_principle_is_both_applied_and_violated_across_the_set():
    applied: set[str] = set()
    violated: set[str] = set()
    for bundle in _bundles():
        for event in bundle.scenario.events:
            for choice in event.choices:
                applied.update(choice.applies)
                violated.update(choice.violates)
    assert set(PRINCIPLE_IDS) - applied == set()
    assert set(PRINCIPLE_IDS) - violated == set()


def test_there_are_at_least_six_scenarios_and_two_teams():
    bundles = _bundles()
    workshop = [b for b in bundles if not b.scenario.id.startswith("example")]
    assert len(workshop) >= 6
    assert len({b.team.id for b in workshop}) >= 2


@pytest.mark.parametrize("bundle", _bundles(), ids=lambda b: b.scenario.id)
def test_principled_beats_random_beats_antiprincipled(bundle):
    program = Program(bundle)
    summaries = {
        policy: summarise(program, play_many(program, 7, RUNS, policy))
        for policy in ("principled", "random", "antiprincipled")
    }
    result = verdict(summaries)
    assert result["ok"], result
    decisions = summaries["random"]["mean_decisions"]
    if not bundle.scenario.id.startswith("example"):
        assert 8 <= decisions <= 15, f"a typical play has {decisions:.1f} decisions"
        assert len(bundle.scenario.endings) >= 3
