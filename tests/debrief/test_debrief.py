"""Debriefs: what-if replays with the same dice, key moments, profiles, people, `replay`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.sim.debrief import debrief, what_if
from game.sim.policies import choose
from game.sim.session import Session

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


def test_key_moments_are_the_decisions_with_the_largest_swing():
    session = played("missed_deadline", "antiprincipled", 2)
    result = debrief(session)
    assert 1 <= len(result.moments) <= 3
    turns = [k.turn for k in result.moments]
    assert turns == sorted(turns)
    actual = session.score().total
    for moment in result.moments:
        assert moment.actual_score == actual
        assert moment.record.choice_index not in [a.choice_index for a in moment.alternatives]
        assert moment.best.score > actual, "a poor run always had a better option"
    all_swings = []
    for turn in range(len(session.decisions)):
        before = Session.replay(session.program, session.seed, session.decisions[:turn])
        scores = [
            what_if(session, turn, o.index).score().total
            for o in before.choices()
            if o.index != session.decisions[turn]
        ]
        if scores:
            all_swings.append(max(abs(s - actual) for s in scores))
    top = sorted(all_swings, reverse=True)[: len(result.moments)]
    assert sorted(k.swing for k in result.moments) == pytest.approx(sorted(top))


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
    assert stories["ann"].left_at is None


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
