"""Property tests: on any valid scenario, the analysis and the per-person figures stay in range,
finite, and consistent with each other."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim.analysis.report import analyse
from game.sim.playtest import play_many, summarise
from game.sim.program import Program
from tests.sim.strategies import bundles

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(bundles(), st.integers(0, 2**32))
def test_the_analysis_of_any_scenario_is_in_range_and_finite(bundle, seed):
    program = Program(bundle)
    analysis = analyse(program, seed, runs=4)
    report = json.loads(json.dumps(analysis.to_json(program), allow_nan=False))
    search = analysis.search
    found = [search.best, *([search.unprincipled] if search.unprincipled else [])]
    for sequence in found:
        assert 0 <= sequence.score <= 100
        assert 0 <= sequence.agreement <= 1
    if search.unprincipled is not None:
        assert search.unprincipled.agreement <= 0.5
        assert search.unprincipled.score <= search.best.score
    share = report["tradeoffs"]["share"]
    assert share is None or 0 <= share <= 1
    for event in report["tradeoffs"]["events"]:
        assert event["tradeoff"] == (event["dominant"] == [])
        for changes in event["changes"].values():
            assert all(-1 <= v <= 1 for v in changes.values())
    for mistake in report["deviations"]["mistakes"]:
        assert -100 <= mistake["cost"] <= 100 and 1 <= mistake["runs"] <= 4


@SETTINGS
@given(bundles(), st.integers(0, 2**32), st.sampled_from(["random", "never", "principled"]))
def test_each_persons_figures_are_in_range_and_finite(bundle, seed, policy):
    program = Program(bundle)
    summary = summarise(program, play_many(program, seed, 30, policy))
    json.dumps(summary, allow_nan=False)
    assert summary["playing"][0] == 1.0
    assert all(0 < share <= 1 for share in summary["playing"])
    for person in summary["people"].values():
        assert 0 <= person["left"] <= 1
        assert abs(sum(person["reasons"].values()) - person["left"]) < 1e-5  # rounded to 6 places
        for value in (*person["morale"], *person["stress"], *person["present"]):
            assert 0 <= value <= 1
        for reason, after in person["left_after"].items():
            if person["reasons"][reason] == 0:
                assert after is None
            assert after is None or after >= 1
