"""Verdict v2: each criterion with its numbers, measured on real playthroughs of a lab
scenario where ignoring the principles pays."""

from __future__ import annotations

import pytest

from game.sim.analysis.search import search
from game.sim.analysis.verdict import verdict_v2
from game.sim.playtest import play_many, summarise
from game.sim.policies import POLICY_NAMES
from tests.analysis.conftest import lab


@pytest.fixture(scope="module")
def measured():
    program = lab("known_best")
    summaries = {p: summarise(program, play_many(program, 1, 300, p)) for p in POLICY_NAMES}
    return summaries, search(program, 1, 16)


def test_every_criterion_carries_its_numbers_and_its_result(measured):
    summaries, found = measured
    verdict = verdict_v2(summaries, found)
    criteria = {c["id"]: c for c in verdict["criteria"]}
    assert list(criteria) == [
        "principled_beats_random",
        "principled_beats_first",
        "principled_beats_last",
        "principled_beats_longest",
        "principled_beats_never",
        "never_below_random",
        "unprincipled_below_principled",
    ]
    mean = {p: s["mean_score"] for p, s in summaries.items()}
    random = criteria["principled_beats_random"]
    assert random["values"] == {
        "principled": round(mean["principled"], 3),
        "random": round(mean["random"], 3),
    }
    assert random["margin"] == round(mean["principled"] - mean["random"] - 10, 3)
    assert random["ok"] is (mean["principled"] - mean["random"] >= 10)
    never = criteria["never_below_random"]
    assert never["ok"] is (mean["never"] < mean["random"])
    # here the best unprincipled sequence beats principled play: the lesson can be beaten
    unprincipled = criteria["unprincipled_below_principled"]
    assert unprincipled["values"]["best_unprincipled"] > unprincipled["values"]["principled"]
    assert unprincipled["ok"] is False
    assert verdict["ok"] is False
    assert verdict["version"] == 2


def test_criteria_that_were_not_measured_say_what_to_play(measured):
    summaries, _ = measured
    verdict = verdict_v2({"principled": summaries["principled"]}, None)
    assert verdict["ok"] is None
    first = verdict["criteria"][0]
    assert first["ok"] is None and first["note"] == "not measured: play the random policy"
    assert verdict["criteria"][-1]["note"] == "not measured: the search did not run"


def test_the_first_verdicts_gaps_are_kept_for_earlier_readers(measured):
    summaries, found = measured
    gaps = verdict_v2(summaries, found)["gaps"]
    assert [(g["better"], g["worse"]) for g in gaps] == [
        ("principled", "random"),
        ("random", "antiprincipled"),
        ("principled", "antiprincipled"),
    ]
