"""Debriefs: what-if replays with the same dice, key moments, profiles, people, `replay`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.i18n import Strings
from game.play.lessons import member_line, moment_lines, points
from game.sim.debrief import (
    CLEAR_GAIN,
    KEY_MOMENTS,
    MIN_SWING,
    MISTAKES,
    all_moments,
    debrief,
    what_if,
)
from game.sim.policies import choose
from game.sim.session import Session
from game.text.debrief import DebriefText

LAB = Path(__file__).resolve().parents[1] / "sim" / "files" / "lab.yaml"


def played(name: str, policy: str, seed: int) -> Session:
    session = Session(load_bundle(name), seed)
    while not session.finished:
        session.take(choose(policy, session))
    return session


def test_what_if_with_the_same_choice_is_the_same_playthrough():
    session = played("missed_deadline", "random", 3)
    for turn in (0, 4, len(session.decisions) - 1):
        same = what_if(session, turn, session.decisions[turn])
        assert same.decisions == session.decisions
        assert same.score().total == session.score().total


def test_alternatives_found_by_forking_match_a_replay_from_the_start():
    session = played("missed_deadline", "antiprincipled", 2)
    moments = all_moments(session)
    assert len(moments) >= len(session.decisions) - 1
    for moment in moments[:4]:
        for alt in moment.alternatives:
            trial = what_if(session, moment.turn, alt.choice_id)
            assert alt.score == trial.score().total
            assert alt.ending is trial.ending
            assert alt.violated == trial.history[moment.turn].violated
            assert alt.applied == trial.history[moment.turn].applied
        taken = {a.choice_id for a in moment.alternatives} | {moment.record.choice_id}
        assert len(taken) == len(moment.alternatives) + 1


@pytest.mark.parametrize("name", ["missed_deadline", "turnaround", "client_escalation"])
@pytest.mark.parametrize("policy", ["antiprincipled", "random", "principled"])
def test_no_key_moment_or_alternative_changes_nothing(name, policy):
    session = played(name, policy, 4)
    result = debrief(session)
    assert 1 <= len(result.moments) <= KEY_MOMENTS
    turns = [k.turn for k in result.moments]
    assert turns == sorted(turns)
    for moment in result.moments:
        assert moment.swing >= MIN_SWING
        assert moment.shown, "a moment always shows the alternative that made it one"
        for alt in moment.shown:
            assert abs(alt.score - moment.actual_score) >= MIN_SWING
            assert points(alt.score) != points(moment.actual_score)


def test_an_antiprincipled_play_is_shown_its_costliest_mistakes_first():
    session = played("missed_deadline", "antiprincipled", 2)
    result = debrief(session)
    every = [k for k in all_moments(session) if k.swing >= MIN_SWING]
    mistakes = sorted((k for k in every if k.kind == "mistake"), key=lambda k: -k.cost)
    assert len(mistakes) >= 2
    shown = {k.turn for k in result.moments}
    assert {k.turn for k in mistakes[:MISTAKES]} <= shown
    for moment in result.moments:
        if moment.kind == "mistake":
            assert moment.gain >= CLEAR_GAIN or moment.violation_cost >= MIN_SWING


def test_a_principled_play_hears_of_its_good_calls():
    result = debrief(played("new_team_lead", "principled", 4))
    good = [k for k in result.moments if k.kind == "good"]
    assert good
    for moment in good:
        assert moment.gain < MIN_SWING
        assert all(a.score < moment.actual_score for a in moment.shown)


def test_the_debrief_names_the_principles_an_alternative_breaks():
    session = played("missed_deadline", "antiprincipled", 2)
    result = debrief(session)
    breaking = [(k, a) for k in result.moments for a in k.shown if a.violated]
    assert breaking, "this play's better options include some that break principles"
    for lang, words in (("en", "But that choice breaks"), ("ru", "Но при этом")):
        s = Strings(lang)
        for moment, alt in breaking:
            number = result.moments.index(moment) + 1
            lines = [line.text for line in moment_lines(moment, number, session, s)]
            said = session.text(alt.choice.text, lang)
            at = next(i for i, text in enumerate(lines) if said in text)
            assert words in lines[at + 1]
            for pid in alt.violated:
                assert s.principle(pid) in lines[at + 1]


def test_the_terminal_debrief_never_says_a_score_instead_of_the_same_score():
    for name, policy in (("missed_deadline", "antiprincipled"), ("turnaround", "random")):
        result = debrief(played(name, policy, 4))
        for lang in ("en", "ru"):
            text = "\n".join(DebriefText(result, lang).lines())
            same = re.findall(r"(?:score|итог) (\d+)\s+(?:instead of|вместо) \1\b", text)
            assert same == []


def test_profile_and_functions_follow_the_ledger():
    good = debrief(played("missed_deadline", "principled", 1), moments=False)
    bad = debrief(played("missed_deadline", "antiprincipled", 1), moments=False)
    assert sum(good.profile.values()) > 0 > sum(bad.profile.values())
    assert set(good.functions) == {"planning", "organizing", "motivating", "controlling"}
    assert len(good.profile) == 18


def test_member_stories_record_who_left_and_when():
    session = Session(load_bundle(LAB), 1)
    for choice in (1, 1, 2):
        session.world.morale[0, 3] = 0.0
        session.choose(choice)
    stories = {s.member.id: s for s in debrief(session, moments=False).members}
    assert stories["dan"].left_at == 3
    assert stories["dan"].status == "quit"
    assert stories["ann"].left_at is None
    assert stories["ann"].status == "present"


TEAM = """kind: team
id: fates
name: Fates
members:
  - {id: ann, name: Ann, role: Analyst, archetype: erudite, gender: female}
  - {id: bo, name: Bo, role: Builder, archetype: executive, stress: 1.0, fatigue: 0.97}
  - {id: cy, name: Cy, role: Writer, archetype: friendly, gender: male, trust: 0.2}
"""
SCENARIO = """kind: scenario
format: 2
id: fates
title: Fates
summary: Who leaves, and why
team: fates
workload: 6
events:
  - id: one
    text: One
    choices:
      - id: let_ann_go
        text: Let Ann go
        effects:
          - {type: leave, member: ann, reason: decided}
          - {type: adjust, member: cy, trust: 0.5}
      - id: keep
        text: Keep everyone
  - id: two
    text: Two
    choices:
      - {id: wait, text: Wait}
      - {id: also_wait, text: Also wait}
endings:
  - {id: done, title: Done, debrief: Done}
"""


def test_each_persons_end_comes_from_the_engines_status(tmp_path):
    (tmp_path / "team.yaml").write_text(TEAM, encoding="utf-8")
    (tmp_path / "fates.yaml").write_text(SCENARIO, encoding="utf-8")
    session = Session.replay(load_bundle(tmp_path / "fates.yaml"), 1, ["let_ann_go", "wait"])
    stories = {s.member.id: s for s in debrief(session, moments=False).members}
    assert (stories["ann"].status, stories["ann"].left_at) == ("decided", 1)
    assert stories["bo"].status == "burnout" and stories["bo"].burned_out
    assert stories["cy"].status == "present" and stories["cy"].trust_change >= 0.4
    en, ru = Strings("en"), Strings("ru")
    assert member_line(stories["ann"], en, "en") == "Ann: let go by you after decision 1"
    assert member_line(stories["ann"], ru, "ru") == "Ann: вы расстались с ней после решения 1"
    assert member_line(stories["bo"], ru, "ru").startswith("Bo: выгорание и уход после решения")
    assert "trust in you rose (+" in member_line(stories["cy"], en, "en")


def test_replay_prints_the_debrief_of_a_play_json(tmp_path, capsys):
    assert main(["play", "example_release", "--seed", "2", "--choices", "2,3,2", "--json"]) == 0
    (tmp_path / "run.json").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["replay", str(tmp_path / "run.json")]) == 0
    out = capsys.readouterr().out
    assert "Debrief: Friday release" in out
    assert "Key moments" in out
    assert "Had you chosen" in out
    assert main(["replay", str(tmp_path / "run.json"), "--lang", "ru"]) == 0
    assert "Ключевые моменты" in capsys.readouterr().out


def test_replay_reads_saves_and_leaderboard_exports(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    for seed in (1, 2):
        assert (
            main(
                [
                    "play",
                    "example_release",
                    "--seed",
                    str(seed),
                    "--policy",
                    "random",
                    "--text",
                    "--name",
                    f"P{seed}",
                ]
            )
            == 0
        )
    capsys.readouterr()
    # runs a policy played are ranked apart from people's: --all lists them
    assert main(["leaderboard", "example_release", "--json", "--all"]) == 0
    export = tmp_path / "board.json"
    export.write_text(capsys.readouterr().out, encoding="utf-8")
    rows = json.loads(export.read_text())
    assert main(["replay", str(export), "--row", str(rows[1]["id"]), "--json"]) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert replayed["score"]["total"] == pytest.approx(rows[1]["score"])
    assert main(["leaderboard", "example_release", "--export", str(tmp_path / "b.csv")]) == 0
    capsys.readouterr()
    assert main(["replay", str(tmp_path / "b.csv"), "--row", str(rows[0]["id"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"]["total"] == pytest.approx(rows[0]["score"])


def test_replay_explains_unreadable_files(tmp_path, capsys):
    cases = {
        "missing.json": None,
        "garbage.json": "{not json",
        "foreign.json": '{"hello": "world"}',
        "empty.csv": "",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content, encoding="utf-8")
        assert main(["replay", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"leadsim replay: {path}: ")
        assert "Traceback" not in err
