"""A leaderboard written by the first release is upgraded in place, and its rows stay readable,
ranked and verifiable: unsealed (from an earlier version), never reported as forged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from game.cli import main
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from tests.store.conftest import RealPlays

V1_SCHEMA = """
CREATE TABLE playthroughs (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL,
    scenario_id TEXT NOT NULL, content_hash TEXT NOT NULL, score REAL NOT NULL, ending_id TEXT,
    profile TEXT NOT NULL, seed TEXT NOT NULL, decisions TEXT NOT NULL, played_at TEXT NOT NULL,
    duration_s REAL NOT NULL, engine_version TEXT NOT NULL
);
CREATE INDEX playthroughs_ranking
    ON playthroughs (scenario_id, content_hash, score DESC, played_at);
CREATE INDEX playthroughs_by_name
    ON playthroughs (name_key, scenario_id, content_hash, score DESC, played_at);
CREATE INDEX playthroughs_by_date ON playthroughs (played_at);
PRAGMA user_version = 1;
"""


def write_v1_board(folder: Path, rows: list[Playthrough], engine: str = "0.1.0") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "leaderboard.sqlite3")
    conn.executescript(V1_SCHEMA)
    for row in rows:
        conn.execute(
            "INSERT INTO playthroughs (name, name_key, scenario_id, content_hash, score, "
            "ending_id, profile, seed, decisions, played_at, duration_s, engine_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row.name, row.name.casefold(), row.scenario_id, row.content_hash, row.score,
             row.ending_id, json.dumps(dict(row.profile)), str(row.seed),
             json.dumps(list(row.decisions)), "2024-05-01T10:00:00.000000Z", row.duration_s,
             engine),
        )  # fmt: skip
    conn.commit()
    conn.close()


def test_old_rows_get_player_mode_no_run_id_and_no_seal(
    data_dir: Path, real_plays: RealPlays
) -> None:
    write_v1_board(data_dir, real_plays(3, seed=70))
    with Leaderboard.open() as board:
        rows = list(board.all_rows())
        assert board.count() == 3
    assert {(r.mode, r.run_id, r.seal) for r in rows} == {("player", None, None)}
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(playthroughs)")}
    assert {"mode", "run_id", "seal", "submission_id", "log_key"} <= columns
    indexes = {row[1]: row[2] for row in conn.execute("PRAGMA index_list(playthroughs)")}
    assert indexes["playthroughs_by_submission"] == 1  # unique
    conn.execute("UPDATE playthroughs SET submission_id = 'class-7' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE playthroughs SET submission_id = 'class-7' WHERE id = 2")
    conn.close()


def test_old_rows_verify_as_unsealed_from_an_earlier_version(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    write_v1_board(data_dir, real_plays(3, seed=80))
    assert main(["leaderboard", "--verify"]) == 0
    out = capsys.readouterr().out
    assert "3 unsealed, from an earlier version (the replay confirms them)" in out
    assert "forged" not in out and "edited" not in out


def test_old_rows_are_still_replayed_and_a_forged_score_is_caught(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = real_plays(2, seed=90)
    write_v1_board(data_dir, [rows[0], Playthrough(**{**rows[1].__dict__, "score": 100.0})])
    assert main(["leaderboard", "--verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"forged": 1, "unsealed": 1}


def test_old_rows_of_the_first_engine_are_not_replayable_here_and_not_forged(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    write_v1_board(data_dir, real_plays(2, seed=95), engine="0.0.3")
    assert main(["leaderboard", "--verify", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"earlier_engine": 2}
    assert report["findings"][0]["reasons"] == [
        "recorded by an earlier engine (version 0.0.3), not replayable here",
        "unsealed, from an earlier version",
    ]


def test_new_rows_after_the_upgrade_are_sealed_and_an_unsealed_newcomer_is_edited(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = real_plays(2, seed=100)
    write_v1_board(data_dir, [old])
    with Leaderboard.open() as board:
        board.record(new)
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    conn.execute("UPDATE playthroughs SET seal = NULL WHERE id = 2")
    conn.commit()
    conn.close()
    assert main(["leaderboard", "--verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"edited": 1, "unsealed": 1}
    edited = next(f for f in report["findings"] if f["kind"] == "edited")
    assert edited["reasons"] == ["it carries no seal, but every row recorded since has one"]


def test_moving_the_boundary_of_unsealed_rows_is_detected(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = real_plays(2, seed=110)
    write_v1_board(data_dir, [old])
    with Leaderboard.open() as board:
        board.record(new)
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    conn.execute("UPDATE board_meta SET value = '99' WHERE name = 'sealed_from'")
    conn.commit()
    conn.close()
    assert main(["leaderboard", "--verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "record of which rows predate seals is missing or was edited" in " ".join(
        report["findings"][0]["reasons"]
    )


def test_the_seal_key_is_private_to_its_owner(data_dir: Path, real_plays: RealPlays) -> None:
    with Leaderboard.open() as board:
        board.record(real_plays(1, seed=120)[0])
    key = data_dir / "leaderboard.sqlite3.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(bytes.fromhex(key.read_text().strip())) == 32
    before = key.read_bytes()
    with Leaderboard.open() as board:
        board.record(real_plays(1, seed=121)[0])
    assert key.read_bytes() == before  # never replaced
