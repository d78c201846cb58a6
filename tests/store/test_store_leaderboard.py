"""The SQLite leaderboard: rankings per version, bests, recent, names, verify, corruption."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from game.store.decisions import Decision
from game.store.errors import InvalidName, InvalidPlaythrough
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from game.store.verification import Replayed, VersionUnavailable

MakePlay = Callable[..., Playthrough]


@pytest.fixture
def board(data_dir: Path) -> Iterator[Leaderboard]:
    opened = Leaderboard.open()
    yield opened
    opened.close()


def test_file_lives_in_the_data_folder_in_wal_mode(board: Leaderboard, data_dir: Path) -> None:
    assert board.path == data_dir / "leaderboard.sqlite3"
    conn = sqlite3.connect(board.path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    assert board.notice is None


def test_row_round_trip_keeps_every_field(board: Leaderboard, make_play: MakePlay) -> None:
    original = make_play(name="Анна", seed=2**64 - 1)
    row_id = board.record(original)
    (stored,) = board.top("missed_deadline", "v1hash")
    assert stored.row_id == row_id
    assert stored.name == "Анна" and stored.seed == 2**64 - 1
    assert stored.profile == {"clarity": -1, "psych_safety": 2}
    assert stored.decisions == (1, 2, 0, 3) and stored.duration_s == 612.5
    assert stored.played_at == "2024-05-01T10:00:00.000000Z"
    assert stored.engine_version == original.engine_version


def test_top_n_is_per_scenario_and_content_hash(board: Leaderboard, make_play: MakePlay) -> None:
    board.record_many(
        [
            make_play(name="old-version", score=99, content_hash="v1hash"),
            make_play(name="a", score=60, content_hash="v2hash"),
            make_play(name="b", score=80, content_hash="v2hash"),
            make_play(name="c", score=70, content_hash="v2hash"),
            make_play(name="other", score=95, scenario="other", content_hash="v2hash"),
        ]
    )
    assert [r.name for r in board.top("missed_deadline", "v2hash", 2)] == ["b", "c"]
    assert [r.name for r in board.top("missed_deadline", "v1hash")] == ["old-version"]
    assert [r.name for r in board.top("other", "v2hash")] == ["other"]
    assert board.top("missed_deadline", "v3hash") == []


def test_ties_go_to_the_earlier_score(board: Leaderboard, make_play: MakePlay) -> None:
    board.record(make_play(name="late", score=50, played_at="2024-05-02T00:00:00Z"))
    board.record(make_play(name="early", score=50, played_at="2024-05-01T00:00:00Z"))
    assert [r.name for r in board.top("missed_deadline", "v1hash")] == ["early", "late"]


def test_personal_bests_one_per_version_case_insensitive(
    board: Leaderboard, make_play: MakePlay
) -> None:
    board.record_many(
        [
            make_play(name="Анна", score=40),
            make_play(name="АННА", score=75),
            make_play(name="анна", score=55, content_hash="v2hash"),
            make_play(name="Boris", score=99),
        ]
    )
    bests = board.personal_bests("  анна ")
    assert sorted((r.content_hash, r.score) for r in bests) == [("v1hash", 75), ("v2hash", 55)]
    assert board.personal_bests("Анна", scenario_id="other") == []


def test_recent_is_newest_first(board: Leaderboard, make_play: MakePlay) -> None:
    for day in (3, 1, 2):
        board.record(make_play(name=f"d{day}", played_at=f"2024-05-0{day}T00:00:00Z"))
    board.record(make_play(name="x", scenario="other", played_at="2024-05-09T00:00:00Z"))
    assert [r.name for r in board.recent(3)] == ["x", "d3", "d2"]
    assert [r.name for r in board.recent(10, "missed_deadline")] == ["d3", "d2", "d1"]


def test_versions_summarise_each_scenario_version(board: Leaderboard, make_play: MakePlay) -> None:
    board.record(make_play(score=10, content_hash="v1hash", played_at="2024-01-01T00:00:00Z"))
    board.record(make_play(score=30, content_hash="v2hash", played_at="2024-02-01T00:00:00Z"))
    board.record(make_play(score=20, content_hash="v2hash", played_at="2024-03-01T00:00:00Z"))
    versions = board.versions("missed_deadline")
    assert [(v.content_hash, v.plays, v.best) for v in versions] == [
        ("v2hash", 2, 30.0),
        ("v1hash", 1, 10.0),
    ]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 33, "tab\there", "new\nline"])
def test_bad_names_are_refused_and_nothing_is_written(
    board: Leaderboard, make_play: MakePlay, bad: str
) -> None:
    with pytest.raises(InvalidName):
        board.record(make_play(name=bad))
    assert board.count() == 0


def test_batch_with_one_bad_row_writes_nothing(board: Leaderboard, make_play: MakePlay) -> None:
    with pytest.raises(InvalidPlaythrough):
        board.record_many([make_play(), make_play(score=float("inf"))])
    assert board.count() == 0


def test_sql_in_names_is_stored_literally(board: Leaderboard, make_play: MakePlay) -> None:
    name = "x'); DROP TABLE playthroughs;--"
    board.record(make_play(name=name))
    assert [r.name for r in board.personal_bests(name)] == [name]
    assert board.count() == 1


def test_all_rows_streams_every_row_ranked(board: Leaderboard, make_play: MakePlay) -> None:
    board.record_many([make_play(name=f"p{n}", score=n) for n in range(25)])
    assert [r.score for r in board.all_rows(batch=7)] == [float(n) for n in range(24, -1, -1)]


def _score_replay(
    scenario_id: str, content_hash: str, seed: int, decisions: Sequence[Decision]
) -> Replayed:
    """A deterministic stand-in engine: score = seed + sum of decisions, ending "steady"."""
    if content_hash == "gone":
        raise VersionUnavailable("this scenario version is not available")
    total = sum(d for d in decisions if isinstance(d, int))
    return Replayed(float(seed + total), "steady", {"clarity": -1, "psych_safety": 2})


def test_verify_finds_a_tampered_score(board: Leaderboard, make_play: MakePlay) -> None:
    rows = [make_play(name=f"p{n}", seed=n, score=n + 6.0) for n in range(5)]  # 1+2+0+3 = 6
    board.record_many(rows)
    report = board.verify(_score_replay)
    assert report.counts == {"verified": 5} and not report.failed
    conn = sqlite3.connect(board.path)
    conn.execute("UPDATE playthroughs SET score = 100 WHERE name = 'p3'")
    conn.commit()
    conn.close()
    report = board.verify(_score_replay)
    (finding,) = report.findings
    assert finding.kind == "forged" and report.failed
    assert finding.row.name == "p3" and finding.replayed is not None
    assert "score: stored 100 but the replay scores 9" in finding.reasons
    assert any("seal does not match" in reason for reason in finding.reasons)


def test_verify_reports_rows_that_cannot_be_replayed(
    board: Leaderboard, make_play: MakePlay
) -> None:
    board.record(make_play(content_hash="gone"))
    board.record(make_play(seed=0, score=6))
    conn = sqlite3.connect(board.path)
    conn.execute("UPDATE playthroughs SET decisions = '[1, ' WHERE seed = '0'")
    conn.commit()
    conn.close()
    report = board.verify(_score_replay)
    assert report.counts == {"unavailable": 1, "damaged": 1}
    kinds = {f.kind: f.reasons[0] for f in report.findings}
    assert kinds["unavailable"].startswith("cannot be replayed: this scenario version is not")
    assert kinds["damaged"].startswith("the stored row is unreadable: the decisions cannot be read")


def _scribble(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda p: p.write_bytes(b"this is not a database" * 50), "not a SQLite database"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00abc"), "cut off"),
        (lambda p: _scribble(p, 4096 * 3, os.urandom(4096) * 4), "was damaged"),
        (lambda p: os.truncate(p, os.path.getsize(p) // 2), "malformed"),
    ],
    ids=["garbage", "cut-header", "scribbled-pages", "truncated"],
)
def test_damaged_database_is_moved_aside_and_game_goes_on(
    data_dir: Path, make_play: MakePlay, damage: Callable[[Path], object], expected: str
) -> None:
    with Leaderboard.open() as board:
        board.record_many([make_play(name=f"p{n}", score=n) for n in range(3000)])
        board._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir / "leaderboard.sqlite3"
    damage(path)
    with Leaderboard.open() as board:
        assert board.notice is not None and expected in board.notice
        assert board.moved_to is not None and board.moved_to.exists()
        assert board.moved_to.name.startswith("leaderboard.sqlite3.corrupt-")
        assert board.moved_to.name in board.notice
        assert board.count() == 0
        board.record(make_play(name="after"))
        assert [r.name for r in board.top("missed_deadline", "v1hash")] == ["after"]
    with Leaderboard.open() as again:
        assert again.notice is None and again.count() == 1


def test_empty_database_file_is_accepted(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "leaderboard.sqlite3").write_bytes(b"")
    with Leaderboard.open() as board:
        assert board.notice is None and board.count() == 0


def test_unopenable_folder_gives_readable_error(tmp_path: Path) -> None:
    from game.store.errors import StoreError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Leaderboard.open(blocker / "data")


def test_record_session_stores_a_real_finished_game(data_dir: Path) -> None:
    session_module = pytest.importorskip("game.sim.session")
    from game.content.library import load_bundle
    from game.store.leaderboard import record_session

    bundle = load_bundle("missed_deadline")
    session = session_module.Session(bundle, seed=11)
    while not session.finished:
        session.choose(session.choices()[0].index)
    row_id, notice = record_session(session, " Мария ", 420.0)
    assert notice is None
    with Leaderboard.open() as board:
        (row,) = board.top("missed_deadline", bundle.content_hash)
    assert row.row_id == row_id and row.name == "Мария" and row.seed == 11
    assert row.score == pytest.approx(session.score().total)
    assert row.decisions == tuple(session.decisions) and row.duration_s == 420.0


def test_a_busy_database_is_never_mistaken_for_a_damaged_one() -> None:
    from game.store.dbfile import is_busy, is_corruption

    locked = sqlite3.OperationalError("database is locked")
    assert is_busy(locked) and not is_corruption(locked)
    damaged = sqlite3.DatabaseError("database disk image is malformed")
    assert is_corruption(damaged) and not is_busy(damaged)
