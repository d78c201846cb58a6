"""Leaving a terminal game says truly what was saved; a run that was not recorded fails."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.i18n import Strings
from game.play.run import GameRun
from game.store.leaderboard import Leaderboard
from game.store.saves import SaveStore
from game.text.autosave import save_note

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
SCENARIO = SCENARIOS / "example_release.yaml"
EN = Strings("en")


def play(monkeypatch, capsys, data: Path, typed: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(data))
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["play", str(SCENARIO), "--text", "--seed", "3", "--untimed", *args])
    out, err = capsys.readouterr()
    return code, out, err


def unwritable(tmp_path: Path) -> Path:
    """A data folder that cannot be made: its parent is a file."""
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    return blocker / "data"


def test_leaving_after_saved_decisions_says_how_to_go_on(tmp_path, monkeypatch, capsys):
    code, _, err = play(monkeypatch, capsys, tmp_path, "1\n")
    assert code == 0
    assert err.splitlines()[-2:] == [
        EN("text.eof", count=1),
        EN("text.saved"),
    ]
    (entry,) = SaveStore(tmp_path).scan().saves
    assert len(entry.record.decisions) == 1


def test_when_no_save_could_be_written_it_says_so_and_why(tmp_path, monkeypatch, capsys):
    code, _, err = play(monkeypatch, capsys, unwritable(tmp_path), "1\n2\n")
    assert code == 0
    assert "Nothing was lost" not in err
    last = err.splitlines()[-1]
    assert last.startswith("Your 2 decisions are not saved: cannot create the data folder")


def test_scripted_decisions_are_said_to_be_unsaved(tmp_path, monkeypatch, capsys):
    code, _, err = play(monkeypatch, capsys, tmp_path, "", "--choices", "1")
    assert code == 0
    assert err.splitlines()[-1] == EN("text.not_saved_scripted")
    assert SaveStore(tmp_path).scan().saves == ()


def test_quitting_before_any_decision_has_nothing_to_save(tmp_path, monkeypatch, capsys):
    code, out, _ = play(monkeypatch, capsys, tmp_path, "q\n")
    assert code == 0
    assert out.splitlines()[-1] == EN("text.nothing_to_save")


def test_a_save_that_fails_after_good_ones_is_told_apart(tmp_path):
    data = tmp_path / "data"
    run = GameRun.start(load_bundle(SCENARIO), "en", seed=3, saves=SaveStore(data))
    told: list[str] = []
    run.on_problem = told.append
    run.take(run.session.choices()[0].id)
    for path in data.iterdir():
        path.unlink()
    data.rmdir()
    data.write_text("", encoding="utf-8")  # the folder is gone: the next save fails
    run.take(run.session.choices()[0].id)
    run.take(run.session.choices()[0].id)
    assert len(told) == 1, "a failure is told once, not at every decision"
    assert save_note(run) == EN("text.partly_saved", saved=1, count=2, error=run.problem)
    assert run.problem is not None and "cannot create the data folder" in run.problem


@pytest.mark.parametrize(
    "args",
    [["--json", "--policy", "random"], ["--choices", "1,1,1", "--json"]],
)
def test_a_run_that_cannot_be_recorded_exits_with_a_failure(tmp_path, monkeypatch, capsys, args):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(unwritable(tmp_path)))
    code = main(["play", str(SCENARIO), "--seed", "3", "--name", "Eve", *args])
    assert code == 1
    assert "The result could not be recorded" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "typed", "mode"),
    [
        (["--policy", "random"], "", "policy:random"),
        (["--choices", "1,1,1"], "", "scripted"),
        (["--text", "--untimed"], "1\n1\n1\n", "player"),
    ],
)
def test_a_recorded_run_says_who_played_it(tmp_path, monkeypatch, capsys, args, typed, mode):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    assert main(["play", str(SCENARIO), "--seed", "3", "--name", "Eve", *args]) == 0
    assert "Recorded on the leaderboard for Eve" in capsys.readouterr().out
    with Leaderboard.open(tmp_path) as board:
        (row,) = list(board.all_rows())
    assert row.mode == mode


def test_a_player_run_keeps_the_id_of_its_save(tmp_path, monkeypatch, capsys):
    play(monkeypatch, capsys, tmp_path, "1\n1\n1\n", "--name", "Eve")
    (entry,) = SaveStore(tmp_path).scan().saves
    with Leaderboard.open(tmp_path) as board:
        (row,) = list(board.all_rows())
    assert row.run_id == entry.record.game_id


def test_leaving_early_with_a_name_says_it_was_not_recorded(tmp_path, monkeypatch, capsys):
    code, _, err = play(monkeypatch, capsys, tmp_path, "1\nq\n", "--name", "Eve")
    assert code == 0
    assert EN("text.not_recorded_unfinished") in err
