"""The class board on SQLite and on PostgreSQL: one schema, idempotent submissions, classes,
rounds, hidden rows, kept versions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.play.verify import engine_replay
from game.store import board_schema
from game.store.classboard import ClassBoard, StoredVersion
from game.store.errors import DuplicatePlaythrough, InvalidName
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough, policy_mode


def row(n: int, score: float = 10.0, **extra: object) -> Playthrough:
    fields: dict[str, object] = dict(
        name=f"Player {n}", scenario_id="example_release", content_hash="v1", score=score,
        ending_id="shipped", seed=n, decisions=("ask_oleg", None), submission_id=f"sub{n}",
        run_id=f"run{n}",
    )  # fmt: skip
    fields.update(extra)
    return Playthrough(**fields)  # type: ignore[arg-type]


@pytest.fixture
def board(db_target: str):
    opened = ClassBoard.open(db_target)
    yield opened
    opened.close()


def test_a_submission_id_is_stored_once_and_the_second_time_returns_the_first_row(board):
    first = board.record(row(1))
    again = board.record(replace(row(1), score=99.0))
    assert first.created and not again.created
    assert again.row.row_id == first.row.row_id and again.row.score == 10.0
    assert board.count() == 1


def test_the_same_run_under_another_submission_id_is_refused_and_not_stored(board):
    board.record(row(1))
    with pytest.raises(DuplicatePlaythrough, match="already on the class board"):
        board.record(replace(row(1), submission_id="other"))
    with pytest.raises(DuplicatePlaythrough):  # the same log under a fresh run id
        board.record(replace(row(1), submission_id="other", run_id="other"))
    assert board.count() == 1


def test_a_name_that_breaks_the_rules_is_refused(board):
    with pytest.raises(InvalidName):
        board.record(row(1, name="Eve\x1b[2J"))
    assert board.count() == 0


def test_the_board_ranks_visible_people_runs_of_the_current_class(board):
    for n, score in enumerate((30.0, 50.0, 40.0), start=1):
        board.record(row(n, score))
    board.record(row(4, 90.0, mode=policy_mode("greedy")))
    board.record(row(5, 70.0, content_hash="v2"))
    hidden = board.record(row(6, 80.0)).row
    assert board.hide(hidden.row_id)
    ranked = board.board(limit=2)
    assert [r.score for r in ranked[("example_release", "v1")].rows] == [50.0, 40.0]
    assert ranked[("example_release", "v1")].plays == 3
    assert ranked[("example_release", "v2")].plays == 1
    board.hide(hidden.row_id, hidden=False)
    assert board.board(limit=1)[("example_release", "v1")].rows[0].score == 80.0


def test_a_reset_starts_a_new_class_and_keeps_the_old_runs(board):
    board.record(row(1))
    state = board.reset()
    assert (state.class_no, state.round_no, state.round_open) == (2, 1, True)
    assert board.board() == {}
    assert board.rows() == []
    assert [r.class_no for r in board.rows(every_class=True)] == [1]
    board.record(row(2))
    assert [r.row.name for r in board.rows()] == ["Player 2"]


def test_closing_and_opening_rounds_numbers_them_and_rows_carry_their_round(board):
    board.record(row(1))
    assert board.set_round(False).round_open is False
    assert board.set_round(False).round_no == 1
    reopened = board.set_round(True)
    assert (reopened.round_no, reopened.round_open) == (2, True)
    board.record(row(2))
    assert [r.round_no for r in board.rows()] == [1, 2]


def test_secrets_are_made_once_and_kept_across_openings(db_target):
    first = ClassBoard.open(db_target)
    pin = first.secret("pin", lambda: "123456")
    first.close()
    again = ClassBoard.open(db_target)
    assert again.secret("pin", lambda: "999999") == pin == "123456"
    again.close()


def test_versions_are_kept_byte_for_byte(board):
    version = StoredVersion("h1", "example_release", "a.yaml", b"\x00\xffscenario", "t.yaml", b"t")
    board.keep_versions([version, version])
    board.keep_versions([replace(version, scenario_data=b"changed")])  # a version never changes
    assert board.version("h1") == version
    assert board.version("h2") is None


def test_both_databases_get_the_same_schema_version_and_columns(board):
    def columns(conn: object) -> list[str]:
        sql = (
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'playthroughs' "
            "ORDER BY ordinal_position"
            if board.postgres
            else "SELECT name FROM pragma_table_info('playthroughs') ORDER BY cid"
        )
        return [r[0] for r in conn.execute(sql).fetchall()]  # type: ignore[attr-defined]

    version_sql = "PRAGMA user_version"  # rewritten for PostgreSQL by the dialect
    assert board.backend.read(lambda c: c.execute(version_sql).fetchone()[0]) == (
        board_schema.SCHEMA_VERSION
    )
    assert board.backend.read(columns) == [
        "id", "name", "name_key", "scenario_id", "content_hash", "score", "ending_id", "profile",
        "seed", "decisions", "played_at", "duration_s", "engine_version", "mode", "run_id",
        "log_key", "seal", "submission_id",
    ]  # fmt: skip


def test_the_local_leaderboard_reads_and_verifies_a_sqlite_class_board(tmp_path, example):
    from tests.serve.conftest import a_run

    folder = tmp_path / "class"
    board = ClassBoard.open(str(folder))
    run = a_run(example, 5)
    replayed = engine_replay()(run.scenario_id, run.content_hash, run.seed, run.decisions)
    board.record(
        row(1, replayed.score, content_hash=example.content_hash, seed=5,
            decisions=run.decisions, ending_id=replayed.ending_id, profile=replayed.profile)
    )  # fmt: skip
    board.close()
    with Leaderboard.open(Path(folder)) as local:
        report = local.verify(engine_replay())
        assert report.counts == {"verified": 1}
        assert [r.name for r in local.top("example_release", example.content_hash)] == ["Player 1"]
