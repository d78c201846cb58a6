"""Terminal play through the game run layer: `--continue` goes on with a save of the first
engine with its decisions named by id and tells the store's messages in the player's
language; `--team` plays a scenario with another team."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from game.cli import main
from game.i18n import Strings
from game.store.saves import SaveStore
from tests.play.helpers import first_engine_save


def continue_game(monkeypatch, capsys, data: Path, typed: str) -> tuple[int, str, str]:
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(data))
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["play", "--text", "--continue", "--untimed"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_first_engine_save_goes_on_with_its_decisions_named_by_id(tmp_path, monkeypatch, capsys):
    first_engine_save(tmp_path)
    code, out, _ = continue_game(monkeypatch, capsys, tmp_path, "1\n")
    assert code == 0
    assert "was updated since this game was saved" in out
    newest = SaveStore(tmp_path).scan().saves[0]
    assert newest.record.decisions[:2] == ("ask_oleg", "one_goal")
    assert len(newest.record.decisions) == 3


def test_the_stores_messages_are_in_the_players_language(tmp_path, monkeypatch, capsys):
    first_engine_save(tmp_path, lang="ru")
    code, out, _ = continue_game(monkeypatch, capsys, tmp_path, "q\n")
    assert code == 0
    notice = Strings("ru")("store.resume_changed", scenario="example_release", count=2)
    assert notice in " ".join(out.split())


def test_a_scenario_plays_with_another_team(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    args = ["play", "promoted_from_within", "--team", "squad_south", "--policy", "random"]
    assert main([*args, "--json", "--seed", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["team"] == "squad_south"


def test_a_team_that_cannot_play_the_scenario_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    args = ["play", "promoted_from_within", "--team", "no_such_team", "--policy", "random"]
    assert main([*args, "--json"]) == 1
    assert "no team 'no_such_team' found" in capsys.readouterr().err
