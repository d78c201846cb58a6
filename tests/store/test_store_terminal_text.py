"""Text from the database reaches the terminal escaped: a name holding an escape sequence, a
bell or a direction override prints as visible text in `leaderboard` and `report`, and as a
JSON escape in --json output."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from game.cli import main
from game.store.leaderboard import Leaderboard
from tests.store.conftest import RealPlays

HOSTILE = "Eve\x1b[2J\x1b]0;owned\x07\u202eevil\x9b"


@pytest.fixture
def hostile(data_dir: Path, real_plays: RealPlays) -> Path:
    with Leaderboard.open() as board:
        board.record_many(real_plays(2, seed=500))
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    conn.execute("UPDATE playthroughs SET name = ? WHERE id = 1", (HOSTILE,))
    conn.execute("UPDATE playthroughs SET scenario_id = ? WHERE id = 2", ("x\x1b[31mred",))
    conn.commit()
    conn.close()
    return data_dir


def raw_controls(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\x07\x9b\u202e"]


@pytest.mark.parametrize(
    "argv",
    [
        ["leaderboard"],
        ["leaderboard", "--recent"],
        ["leaderboard", "--verify"],
        ["leaderboard", "--name", "P500", "--json"],  # the row keeps its name key: found
        ["report", "no_such_scenario", "--out", "{tmp}/r"],
    ],
)
def test_stored_text_prints_escaped(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main([part.format(tmp=tmp_path) for part in argv])
    out, err = capsys.readouterr()
    assert code != 3 and "internal error" not in err, err
    assert raw_controls(out) == [] and raw_controls(err) == [], (out, err)


def test_the_table_shows_the_escapes_as_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "--recent"]) == 0
    out = capsys.readouterr().out
    assert "Eve\\x1b[2J" in out


def test_json_keeps_the_text_with_json_escapes(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "--recent", "--json"]) == 0
    out = capsys.readouterr().out
    assert raw_controls(out) == [] and "\\u001b[2J" in out and "\\u202e" in out
    (row,) = json.loads(out)
    assert row["name"] == HOSTILE  # any JSON reader gets the stored text back
