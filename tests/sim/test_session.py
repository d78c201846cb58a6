"""The engine on a real scenario file: flow, mechanisms, determinism, replay."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.content.library import ScenarioLibrary, load_bundle
from game.sim.dynamics import productivity
from game.sim.effects import draw
from game.sim.policies import POLICY_NAMES, choose
from game.sim.rng import key_of, uniform
from game.sim.session import InvalidChoice, ReplayError, Session

FILES = Path(__file__).parent / "files"


@pytest.fixture(scope="module")
def lab():
    return load_bundle(FILES / "lab.yaml")


def member(session, member_id):
    return next(m for m in session.view().members if m.id == member_id)


def test_flow_follows_the_file_order_then_ends_with_an_ending(lab):
    session = Session(lab, seed=1)
    seen = []
    for choice in (1, 2, 2, 1):
        seen.append(session.event.id)
        session.choose(choice)
    assert session.finished
    assert seen == ["first", "second", "third", "fourth"]
    assert session.ending is not None


def test_explicit_next_and_scheduled_interruption_resume_the_flow(lab):
    session = Session.replay(lab, 1, [1, 1])
    assert session.event.id == "third"
    session.choose(1)  # schedule the audit one turn from now
    assert session.event.id == "audit"
    session.choose(1)
    assert session.event.id == "fourth", "after the interruption play resumes where it was"


def test_event_whose_condition_fails_is_skipped(lab):
    session = Session.replay(lab, 1, [2, 3])  # morale crushed to zero
    assert session.world.morale.max() < 0.2
    session.choose(2)
    assert session.finished, "fourth needs team.morale > 0.2, so the flow ends"


def test_a_choice_is_offered_only_when_its_condition_holds(lab):
    asked = Session.replay(lab, 1, [1])
    not_asked = Session.replay(lab, 1, [3])
    assert sorted(o.index for o in asked.choices()) == [1, 2, 3]
    assert sorted(o.index for o in not_asked.choices()) == [2, 3]
    with pytest.raises(InvalidChoice, match="not on offer"):
        not_asked.choose(1)


def test_hidden_overload_shows_only_after_asking(lab):
    session = Session(lab, seed=3)
    bob = member(session, "bob")
    assert bob.estimated
    assert bob.stress < session.world.stress[0, 1] - 0.1, "an eager-to-please member looks calmer"
    session.choose(1)
    bob = member(session, "bob")
    assert not bob.estimated
    assert bob.stress == pytest.approx(session.world.stress[0, 1])


def test_wins_lift_morale_and_defeats_sink_it(lab):
    win = Session.replay(lab, 5, [3])
    loss = Session.replay(lab, 5, [4])
    assert win.trajectory[-1]["morale"] > loss.trajectory[-1]["morale"] + 0.15


def test_split_priorities_lower_productivity(lab):
    focused = Session.replay(lab, 5, [1])
    scattered = Session.replay(lab, 5, [2])
    assert scattered.world.priorities[0] == 4
    assert productivity(scattered.world, scattered.program.consts).sum() < (
        productivity(focused.world, focused.program.consts).sum() - 0.2
    )


def test_stress_spreads_along_close_relationships(lab):
    session = Session(lab, seed=1)
    world = session.world
    world.stress[0, 0] = 0.95  # Ann is overloaded; Cid is close to her, Dan is not
    session.choose(1)
    assert world.stress[0, 2] > world.stress[0, 3] + 0.03


def test_people_leave_after_long_low_morale(lab):
    session = Session(lab, seed=1)
    left = []
    for choice in (1, 1, 2):
        session.world.morale[0, 3] = 0.0  # Dan stays miserable turn after turn
        left += session.choose(choice).left
    assert left == ["dan"]
    assert not member(session, "dan").present
    assert session.score().retention == 0.75


def test_everyone_leaving_reaches_the_early_ending(tmp_path):
    team = (FILES / "lab_team.yaml").read_text()
    scenario = (
        (FILES / "lab.yaml")
        .read_text()
        .replace(
            "effects: [{type: milestone, reached: false}]",
            "effects: [{type: leave, member: ann}, {type: leave, member: bob},"
            " {type: leave, member: cid}, {type: leave, member: dan}]",
        )
    )
    (tmp_path / "t.yaml").write_text(team)
    (tmp_path / "s.yaml").write_text(scenario)
    session = Session.replay(load_bundle(tmp_path / "s.yaml"), 1, [4])
    assert session.finished and session.ending.id == "collapse"
    assert session.history[-1].left == ("ann", "bob", "cid", "dan")


def test_time_running_out_violates_decisiveness_and_applies_on_timeout(lab):
    session = Session(lab, seed=2)
    assert session.time_limit == 30
    before = session.world.stress.copy()
    record = session.timeout()
    assert record.choice_index == 0
    assert record.violated == ("decisiveness",)
    assert session.decisions == [None]
    assert record.choice_id is None
    assert (session.world.stress >= before - 0.1).all()


def test_delayed_effect_lands_later_with_its_message(lab):
    session = Session.replay(lab, 1, [1])
    first = session.choose(2)
    assert not any(kind == "later" for kind, _ in first.messages)
    third = session.choose(2)
    assert ("later", "Later lands") in third.messages


def test_same_seed_and_decisions_give_identical_results(lab):
    a = Session.replay(lab, 42, [1, 2, 1])
    b = Session.replay(lab, 42, [1, 2, 1])
    assert a.to_json() == b.to_json()


def test_random_ranges_depend_on_the_seed(lab):
    a = Session.replay(lab, 1, [1, 2])
    b = Session.replay(lab, 2, [1, 2])
    assert a.world.morale[0, 0] != b.world.morale[0, 0]


def test_replay_refuses_a_decision_that_does_not_fit(lab):
    with pytest.raises(ReplayError, match="decision 2"):
        Session.replay(lab, 1, [3, 1])
    with pytest.raises(ReplayError, match="ended"):
        Session.replay(lab, 1, [1, 3, 2, 2, 1, 1])


def test_draws_are_a_pure_function_of_seed_run_turn_and_key():
    runs = np.arange(4)
    key = key_of("events", 1, "morale")
    assert np.array_equal(uniform(9, runs, 3, key), uniform(9, runs, 3, key))
    assert uniform(9, runs[2:3], 3, key)[0] == uniform(9, runs, 3, key)[2]
    assert not np.array_equal(uniform(9, runs, 3, key), uniform(9, runs, 4, key))


def test_changing_an_early_decision_keeps_later_dice(lab):
    """Common random numbers: after different first decisions, turn 1 draws the same dice."""
    a = Session.replay(lab, 7, [1])
    b = Session.replay(lab, 7, [3])
    assert a.world.morale.tolist() != b.world.morale.tolist()
    key = key_of("events", 1, "choices", 1, "effects", 0, "morale")
    dice_a = draw(a.ctx, a.rows, (-0.2, 0.2), key, 4)
    dice_b = draw(b.ctx, b.rows, (-0.2, 0.2), key, 4)
    assert np.array_equal(dice_a, dice_b)
    assert not np.array_equal(dice_a, draw(Session(lab, 8).ctx, a.rows, (-0.2, 0.2), key, 4))


def test_principled_policy_prefers_applied_tags(lab):
    session = Session(lab, seed=1)
    ids = [c.id for c in session.program.events[session.event_index].choices]
    assert choose("principled", session) == ids[0]
    assert choose("antiprincipled", session) in (ids[1], ids[3])


@pytest.mark.parametrize("policy", POLICY_NAMES)
def test_every_bundled_scenario_plays_to_an_ending(policy):
    entries = ScenarioLibrary().entries()
    assert entries, "there are bundled scenarios"
    for entry in entries:
        assert entry.bundle is not None, f"{entry.path}: {entry.error}"
        for seed in (1, 2, 3):
            session = Session(entry.bundle, seed)
            while not session.finished:
                session.take(choose(policy, session))
            assert session.ending is not None
            assert 0 <= session.score().total <= 100
