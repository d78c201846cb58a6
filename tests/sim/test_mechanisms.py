"""Each mechanism of the model, shown on a small lab scenario written as a real YAML file."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import numpy as np
import pytest

from game.content.library import load_bundle
from game.sim.batch import run_batch
from game.sim.program import Program
from game.sim.session import Session

FILES = Path(__file__).parent / "files"
HEADER = """\
kind: scenario
format: 2
id: lab
title: Lab
summary: A lab scenario.
team: mech_team
newcomers: [neo]
"""
CHOICE_B = """
      - id: nothing
        text: Nothing
"""


def lab(tmp_path: Path, body: str, extra: str = "") -> Session:
    """A scenario from `body` (events and endings, YAML), played with seed 1."""
    shutil.copy(FILES / "mech_team.yaml", tmp_path / "mech_team.yaml")
    path = tmp_path / "lab.yaml"
    path.write_text(HEADER + textwrap.dedent(extra) + textwrap.dedent(body), encoding="utf-8")
    return Session(load_bundle(path), seed=1)


def acting(how: str, member: str, repeat: int = 1) -> str:
    """Events that each apply one act to one member, then an ending."""
    events = "".join(
        f"""
  - id: e{i}
    text: Something happens.
    choices:
      - id: act
        text: Act
        effects: [{{type: act, how: {how}, member: {member}}}]{CHOICE_B}"""
        for i in range(repeat)
    )
    return f"events:{events}\nendings:\n  - {{id: done, title: Done, debrief: Done.}}\n"


def delta(tmp_path: Path, how: str, member: str, metric: str) -> float:
    """How one act changes one member's metric right away."""
    session = lab(tmp_path, acting(how, member))
    i = session.program.consts.index[member]
    before = float(getattr(session.world, metric)[0, i])
    session.program.events[0].choices[0].effects[0].apply(session.ctx, session.rows)
    return float(getattr(session.world, metric)[0, i]) - before


# --- people differ in what helps them -------------------------------------------------------


def test_an_open_brief_lifts_the_erudite_and_weighs_on_the_executor(tmp_path):
    assert delta(tmp_path, "open_brief", "ann", "morale") > 0.05
    assert delta(tmp_path, "open_brief", "eve", "morale") < 0
    assert delta(tmp_path, "open_brief", "eve", "stress") > delta(
        tmp_path, "open_brief", "ann", "stress"
    )


def test_a_checklist_suits_the_executor_and_irks_the_erudite(tmp_path):
    assert delta(tmp_path, "checklist", "eve", "morale") > 0.05
    assert delta(tmp_path, "checklist", "ann", "morale") < 0
    assert delta(tmp_path, "checklist", "ann", "trust") < 0


def test_a_stage_delights_the_show_off_and_strains_the_eager_to_please(tmp_path):
    assert delta(tmp_path, "stage", "oz", "morale") > 0.05
    assert delta(tmp_path, "stage", "bob", "morale") < 0


def test_explicit_responsibility_engages_the_indifferent_most(tmp_path):
    assert delta(tmp_path, "make_responsible", "ida", "morale") > delta(
        tmp_path, "make_responsible", "cid", "morale"
    )


# --- trust shapes candour -------------------------------------------------------------------


def test_a_one_on_one_reveals_a_trusting_person_and_not_a_distrustful_one(tmp_path):
    body = acting("one_on_one", "bob")
    trusting = lab(tmp_path, body)
    trusting.take("act")
    assert not next(m for m in trusting.view().members if m.id == "bob").estimated
    hurt = lab(tmp_path, body.replace("how: one_on_one", "how: criticise_public", 1))
    hurt_bob = hurt.program.consts.index["bob"]
    hurt.world.trust[0, hurt_bob] = 0.2  # after a public dressing-down
    asked = hurt.program.events[0].choices[0].effects[0]
    asked.spec = trusting.program.events[0].choices[0].effects[0].spec  # now ask him
    asked.apply(hurt.ctx, hurt.rows)
    assert not hurt.world.revealed[0, hurt_bob], "a person who distrusts the leader hides"


def test_low_trust_makes_the_estimate_hide_more(tmp_path):
    body = acting("praise_private", "bob")
    trusting, distrustful = lab(tmp_path, body), lab(tmp_path, body)
    bob = trusting.program.consts.index["bob"]
    trusting.world.trust[0, bob] = 0.9
    distrustful.world.trust[0, bob] = 0.1
    true = float(trusting.world.stress[0, bob])
    seen_trusting = next(m for m in trusting.view().members if m.id == "bob").stress
    seen_distrustful = next(m for m in distrustful.view().members if m.id == "bob").stress
    assert abs(true - seen_distrustful) > abs(true - seen_trusting) + 0.05


# --- the leader is a person -----------------------------------------------------------------


def test_doing_it_yourself_costs_the_leader_energy_and_delegating_does_not(tmp_path):
    assert lab(tmp_path, acting("do_it_yourself", "eve")).world.leader_energy[0] == 0.8
    diy = lab(tmp_path, acting("do_it_yourself", "eve", repeat=3))
    for _ in range(3):
        diy.take("act")
    delegated = lab(tmp_path, acting("delegate", "eve", repeat=3))
    for _ in range(3):
        delegated.take("act")
    assert diy.world.leader_energy[0] < delegated.world.leader_energy[0] - 0.2


def test_an_exhausted_leaders_care_lands_weaker(tmp_path):
    rested = lab(tmp_path, acting("praise_private", "cid"))
    tired = lab(tmp_path, acting("praise_private", "cid"))
    tired.world.leader_energy[0] = 0.05
    cid = rested.program.consts.index["cid"]
    rested.take("act")
    tired.take("act")
    assert rested.world.morale[0, cid] > tired.world.morale[0, cid] + 0.005


def test_a_panicking_leader_passes_stress_down(tmp_path):
    calm = lab(tmp_path, acting("praise_private", "cid"))
    panicked = lab(tmp_path, acting("praise_private", "cid"))
    panicked.world.leader_stress[0] = 0.95
    calm.take("nothing")
    panicked.take("nothing")
    assert panicked.trajectory[-1]["stress"] > calm.trajectory[-1]["stress"] + 0.03


# --- moods spread; neglect does not heal ----------------------------------------------------


def wait(tmp_path: Path, turns: int) -> Session:
    session = lab(tmp_path, acting("unload", "bob", repeat=turns))
    for _ in range(turns):
        session.take("nothing")
    return session


def test_an_overloaded_person_left_alone_stays_overloaded(tmp_path):
    session = wait(tmp_path, 5)
    bob = session.program.consts.index["bob"]
    assert session.world.stress[0, bob] > 0.75, "neglect does not heal"


def test_two_stressed_friends_do_not_pump_each_other_without_bound(tmp_path):
    session = lab(tmp_path, acting("unload", "bob", repeat=8))
    consts = session.program.consts
    bob, cid = consts.index["bob"], consts.index["cid"]
    session.world.stress[0, cid] = 0.8  # both stressed, closely bonded
    for _ in range(8):
        session.take("nothing")
    assert session.world.stress[0, cid] <= 0.8 + 1e-9
    assert session.world.stress[0, bob] <= 0.8 + 1e-9


def test_stress_spreads_to_a_close_colleague_and_is_not_absorbed(tmp_path):
    session = wait(tmp_path, 5)
    consts = session.program.consts
    cid, ida = consts.index["cid"], consts.index["ida"]
    start = consts.start["stress"]
    assert session.world.stress[0, cid] - start[cid] > 0.05, "bob's close colleague caught it"
    assert session.world.stress[0, cid] > session.world.stress[0, ida] + 0.05


def test_bad_moods_spread_faster_than_good_ones(tmp_path):
    low = lab(tmp_path, acting("unload", "bob"))
    high = lab(tmp_path, acting("unload", "bob"))
    consts = low.program.consts
    bob, cid = consts.index["bob"], consts.index["cid"]
    base = float(low.world.morale[0, cid])
    low.world.morale[0, bob] = 0.1
    high.world.morale[0, bob] = 1.0
    low.take("nothing")
    high.take("nothing")
    fell = base - float(low.world.morale[0, cid])
    rose = float(high.world.morale[0, cid]) - base
    assert fell > rose


def test_overload_can_tip_a_close_colleague_into_overload_and_strain(tmp_path):
    session = lab(tmp_path, acting("unload", "bob", repeat=10))
    consts = session.program.consts
    bob, cid = consts.index["bob"], consts.index["cid"]
    session.world.stress[0, cid] = 0.55  # already under some pressure
    peak = 0.0
    for _ in range(10):
        if session.world.present[0, bob]:
            session.world.stress[0, bob] = 1.0  # the overload keeps coming
        session.take("nothing")
        peak = max(peak, float(session.world.stress[0, cid]))
    assert peak > consts.params.overload_stress + 0.08, "a cascade: the colleague is overloaded"
    assert session.world.fatigue[0, cid] > 0.3, "and wearing down towards burnout"


# --- people grow ----------------------------------------------------------------------------


def test_coaching_grows_skill_over_turns_and_doing_it_for_them_does_not(tmp_path):
    coached = lab(tmp_path, acting("coach", "eve", repeat=4))
    done_for = lab(tmp_path, acting("do_it_yourself", "eve", repeat=4))
    eve = coached.program.consts.index["eve"]
    for session in (coached, done_for):
        for _ in range(4):
            session.take("act")
    assert coached.world.skill[0, eve] > 0.5 + 0.05
    assert done_for.world.skill[0, eve] == pytest.approx(0.5)


# --- postponing costs -----------------------------------------------------------------------

PROBLEM = """
problems:
  - id: backlog
    title: The backlog grows
    open: true
    cost: [{type: adjust, stress: 0.04}, {type: stakeholder, id: boss, patience: -0.05}]
stakeholders:
  - {id: boss, name: The boss, trust: 0.6, patience: 0.5}
"""


def test_an_open_problem_costs_every_turn_until_it_is_closed(tmp_path):
    body = acting("unload", "eve", repeat=4).replace(
        "effects: [{type: act, how: unload, member: eve}]",
        "effects: [{type: problem, id: backlog, open: false}]",
    )
    left = lab(tmp_path, body, PROBLEM)
    fixed = lab(tmp_path, body, PROBLEM)
    fixed.take("act")
    left.take("nothing")
    for _ in range(3):
        left.take("nothing")
        fixed.take("nothing")
    assert left.world.stake_patience[0, 0] < fixed.world.stake_patience[0, 0] - 0.1
    assert left.trajectory[-1]["stress"] > fixed.trajectory[-1]["stress"]


def test_letting_the_clock_decide_costs_trust_and_patience(tmp_path):
    session = lab(tmp_path, acting("unload", "eve"), PROBLEM)
    decided = lab(tmp_path, acting("unload", "eve"), PROBLEM)
    session.timeout()
    decided.take("nothing")
    assert session.trajectory[-1]["trust"] < decided.trajectory[-1]["trust"]
    assert session.world.stake_patience[0, 0] < decided.world.stake_patience[0, 0]
    assert session.world.timeouts[0] == 1
    assert session.principle_counts()["decisiveness"] == (0, 1)


def test_never_deciding_scores_below_random_play(tmp_path):
    session = lab(tmp_path, acting("unload", "bob", repeat=6), PROBLEM)
    program = Program(session.bundle)
    never = run_batch(program, 5, 200, "never").scores.mean()
    random = run_batch(program, 5, 200, "random").scores.mean()
    assert never < random


# --- outcomes, not labels -------------------------------------------------------------------


def test_retention_counts_people_who_quit_not_departures_the_leader_decided(tmp_path):
    body = acting("unload", "eve").replace(
        "effects: [{type: act, how: unload, member: eve}]",
        "effects: [{type: leave, member: ida, reason: decided}]",
    )
    dismissed = lab(tmp_path, body)
    quit_ = lab(tmp_path, body.replace("reason: decided", "reason: quit"))
    dismissed.take("act")
    quit_.take("act")
    assert dismissed.score().retention == 1.0
    assert quit_.score().retention < 1.0


def test_repenting_later_does_not_erase_a_violation(tmp_path):
    body = acting("unload", "eve", repeat=3).replace(
        "        text: Act\n", "        text: Act\n        applies: [composure]\n"
    )
    body = body.replace(
        "        text: Nothing\n", "        text: Nothing\n        violates: [composure]\n", 1
    )
    session = lab(tmp_path, body)
    session.take("nothing")
    session.take("act")
    session.take("act")
    assert session.principle_counts()["composure"] == (2, 1)


def test_a_conditional_tag_counts_only_when_its_condition_holds(tmp_path):
    body = acting("one_on_one", "bob", repeat=2).replace(
        "        text: Act\n",
        "        text: Act\n        applies: [{principle: know_your_people, if: bob.revealed}]\n",
    )
    session = lab(tmp_path, body)
    session.take("act")  # bob is not yet revealed when this is decided
    assert "know_your_people" not in session.principle_counts()
    session.take("act")
    assert session.principle_counts()["know_your_people"] == (1, 0)


def test_breaking_a_team_value_costs_trust(tmp_path):
    body = acting("unload", "eve").replace(
        "effects: [{type: act, how: unload, member: eve}]", "breaks: [candour]"
    )
    session = lab(tmp_path, body)
    before = session.trajectory[-1]["trust"]
    session.take("act")
    assert session.trajectory[-1]["trust"] < before - 0.03


# --- format 2 --------------------------------------------------------------------------------


def test_texts_fill_in_names_cases_and_conditional_parts(tmp_path):
    body = acting("unload", "ann").replace(
        "    text: Something happens.\n",
        "    text:\n"
        "      - {en: '{ann} asks for time.', ru: '{ann} просит времени у {ann.gen}.'}\n"
        "      - {if: ann.revealed, text: 'She told you why.'}\n",
    )
    session = lab(tmp_path, body)
    event = session.event
    assert session.text(event.text, "en") == "Ann asks for time."
    assert session.text(event.text, "ru") == "Аня просит времени у Ани."
    session.world.revealed[0, 0] = True
    assert session.text(event.text, "en") == "Ann asks for time. She told you why."


def test_a_newcomer_joins_and_someone_away_comes_back(tmp_path):
    body = acting("unload", "eve", repeat=3).replace(
        "effects: [{type: act, how: unload, member: eve}]",
        "effects: [{type: join, member: neo}, {type: away, member: oz, turns: 2}]",
        1,
    )
    session = lab(tmp_path, body)
    neo, oz = session.program.consts.index["neo"], session.program.consts.index["oz"]
    assert not session.world.present[0, neo]
    session.take("act")
    assert session.world.present[0, neo] and not session.world.present[0, oz]
    session.take("nothing")
    session.take("nothing")
    assert session.world.present[0, oz], "back after two turns"


def test_an_event_begins_with_its_effects(tmp_path):
    body = acting("unload", "eve").replace(
        "    text: Something happens.\n",
        "    text: Something happens.\n    effects: [{type: leader, stress: 0.3}]\n",
    )
    assert lab(tmp_path, body).world.leader_stress[0] == pytest.approx(0.6)


def test_choices_are_shown_in_a_per_game_order_unless_pinned(tmp_path):
    body = acting("unload", "eve").replace(
        CHOICE_B,
        CHOICE_B + "      - {id: third, text: Third}\n      - {id: fourth, text: Fourth}\n",
    )
    orders = set()
    for seed in range(12):
        session = Session(lab(tmp_path, body).program, seed)
        orders.add(tuple(o.id for o in session.choices()))
    assert len(orders) > 3
    pinned = lab(tmp_path, body.replace("    choices:", "    order: fixed\n    choices:"))
    assert [o.id for o in pinned.choices()] == ["act", "nothing", "third", "fourth"]


def test_property_every_metric_stays_in_range_under_random_play(tmp_path):
    session = lab(tmp_path, acting("pressure", "bob", repeat=8), PROBLEM)
    result = run_batch(Program(session.bundle), 11, 300, "random")
    assert np.isfinite(result.scores).all()
    assert ((result.scores >= 0) & (result.scores <= 100)).all()
    for series in result.series.values():
        finite = series[np.isfinite(series)]
        assert ((finite >= 0) & (finite <= 1)).all()
