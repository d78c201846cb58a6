"""A scenario played with another team: the team must have every member the scenario names,
and the team report lists the events whose best choice changes with the team."""

from __future__ import annotations

import pytest

from game.content.diagnostics import ContentError
from game.content.library import load_bundle, load_bundle_with_team
from game.sim.analysis.teams import team_report
from tests.analysis.conftest import FILES


@pytest.fixture(scope="module")
def swap():
    return load_bundle(FILES / "swap.yaml")


def test_the_same_scenario_loads_with_another_team_that_has_its_members(swap):
    other = load_bundle_with_team(swap, "swap_b")
    assert other.scenario == swap.scenario
    assert other.team.id == "swap_b" and other.team_path == FILES / "swap_team_b.yaml"
    assert [m.archetype for m in other.team.members] == ["erudite", "friendly"]
    assert other.content_hash != swap.content_hash
    assert load_bundle_with_team(swap, "swap_a") is swap


def test_a_team_without_a_member_the_scenario_names_is_refused_with_every_place(swap):
    with pytest.raises(ContentError) as err:
        load_bundle_with_team(FILES / "swap.yaml", "lab_crew")
    found = [(d.line, d.field, d.message) for d in err.value.diagnostics]
    assert found == [
        (14, "events[0].involves[0]", "with team 'lab_crew': no member 'lee' in the team"),
        (26, "events[1].involves[0]", "with team 'lab_crew': no member 'lee' in the team"),
        (
            35,
            "events[1].choices[1].effects[0].member",
            "no member 'lee' in team 'lab_crew'",
        ),
    ]


def test_an_unknown_team_is_named_with_a_suggestion(swap):
    with pytest.raises(ContentError) as err:
        load_bundle_with_team(swap, "swap_c")
    (problem,) = err.value.diagnostics
    assert problem.message == "no team 'swap_c' found"
    assert problem.hint == "did you mean 'swap_b'?"


def test_the_team_report_lists_the_event_whose_best_choice_changes(swap):
    report = team_report([swap, load_bundle_with_team(swap, "swap_b")], 1, 16)
    (difference,) = report.differences
    assert difference.event == "brief"
    # an executor wants the checklist, an erudite the free hand
    assert difference.choices == {"swap_a": "checklist", "swap_b": "open_brief"}
    assert all(cost > 1.0 for cost in difference.costs.values())
    best = report.to_json()["best"]
    assert best["swap_a"]["plan"]["review"] == best["swap_b"]["plan"]["review"] == "together"
