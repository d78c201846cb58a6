"""`leaderboard --verify` against rows edited with sqlite3: every derived field is replayed,
every stored field is sealed, each row is tied to its own log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from game.cli import main
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from tests.store.conftest import RealPlays


def edit(folder: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(folder / "leaderboard.sqlite3")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["leaderboard", "--verify", "--json"])
    return code, json.loads(capsys.readouterr().out)


def finding(report: dict[str, object], name: str) -> dict[str, object]:
    findings = report["findings"]
    assert isinstance(findings, list)
    (found,) = [f for f in findings if f["name"] == name]
    return found


@pytest.fixture
def board(data_dir: Path, real_plays: RealPlays) -> Iterator[list[Playthrough]]:
    rows = real_plays(4, "random", seed=10)
    with Leaderboard.open() as opened:
        opened.record_many(rows)
    yield rows


def test_untouched_rows_verify_and_exit_0(
    board: list[Playthrough], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = verify(capsys)
    assert code == 0 and report["counts"] == {"verified": 4} and report["findings"] == []


def test_rewritten_ending_is_forged_with_both_values(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = board[1]
    other = "slipped" if target.ending_id != "slipped" else "smooth"
    edit(data_dir, "UPDATE playthroughs SET ending_id = ? WHERE name = ?", other, target.name)
    code, report = verify(capsys)
    assert code == 1 and report["counts"] == {"forged": 1, "verified": 3}
    found = finding(report, target.name)
    assert found["kind"] == "forged"
    assert f"ending: stored {other} but the replay reaches {target.ending_id}" in found["reasons"]


def test_rewritten_profile_is_forged_naming_the_principle(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = board[2]
    forged = dict(target.profile) | {"composure": 9}
    edit(
        data_dir,
        "UPDATE playthroughs SET profile = ? WHERE name = ?",
        json.dumps(forged),
        target.name,
    )
    code, report = verify(capsys)
    assert code == 1
    reasons = finding(report, target.name)["reasons"]
    expected = f"composure +9 (replay {target.profile.get('composure', 0):+d})"
    assert any(r.startswith("profile: stored") and expected in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("played_at", "2020-01-01T00:00:00.000000Z"),
        ("duration_s", 1.0),
        ("name", "Somebody Else"),
        ("mode", "player"),  # unchanged value: the seal must still hold
    ],
)
def test_rewritten_date_duration_or_name_breaks_the_seal(
    board: list[Playthrough],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    column: str,
    value: object,
) -> None:
    target = board[0]
    edit(data_dir, f"UPDATE playthroughs SET {column} = ? WHERE name = ?", value, target.name)
    code, report = verify(capsys)
    if column == "mode":
        assert code == 0 and report["counts"] == {"verified": 4}
        return
    assert code == 1 and report["counts"] == {"edited": 1, "verified": 3}
    (found,) = report["findings"]
    assert found["kind"] == "edited" and found["id"] == 1
    assert any("seal does not match" in r for r in found["reasons"])


def test_another_runs_seed_decisions_and_score_are_a_duplicate(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    best = max(board, key=lambda r: r.score)
    worst = min(board, key=lambda r: r.score)
    edit(
        data_dir,
        "UPDATE playthroughs SET seed = ?, decisions = ?, score = ?, ending_id = ?, profile = ? "
        "WHERE name = ?",
        str(best.seed),
        json.dumps(list(best.decisions)),
        best.score,
        best.ending_id,
        json.dumps(dict(best.profile)),
        worst.name,
    )
    code, report = verify(capsys)
    assert code == 1 and report["counts"] == {"duplicate": 1, "verified": 3}
    found = finding(report, worst.name)  # the genuine run it copied stays verified
    best_id = board.index(best) + 1
    assert found["kind"] == "duplicate" and found["reasons"][0] == (
        f"duplicate of #{best_id} (the same scenario version, seed and decisions)"
    )
    assert any("seal does not match" in r for r in found["reasons"])


def test_a_duplicated_run_id_is_a_duplicate_of_the_first_row(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = board[0]
    edit(data_dir, "UPDATE playthroughs SET run_id = ? WHERE id = 3", first.run_id)
    code, report = verify(capsys)
    assert code == 1
    (found,) = [f for f in report["findings"] if f["kind"] == "duplicate"]
    assert found["id"] == 3 and "duplicate of #1 (the same run id)" in found["reasons"]


def test_a_row_inserted_without_a_seal_is_edited(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        data_dir,
        "INSERT INTO playthroughs (name, name_key, scenario_id, content_hash, score, ending_id, "
        "profile, seed, decisions, played_at, duration_s, engine_version, mode) "
        "SELECT 'Mallory', 'mallory', scenario_id, content_hash, score, ending_id, profile, "
        "'999', decisions, played_at, duration_s, engine_version, mode FROM playthroughs "
        "WHERE id = 1",
    )
    code, report = verify(capsys)
    assert code == 1
    found = finding(report, "Mallory")
    assert found["kind"] in {"forged", "edited"}
    assert any("carries no seal" in r for r in found["reasons"])


def test_a_row_of_an_earlier_engine_is_reported_as_such_and_ranked_apart(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    now, old = real_plays(2, "principled", seed=40)
    old = replace(old, engine_version="0.0.9", score=old.score + 7.5)
    with Leaderboard.open() as opened:
        opened.record_many([now, old])
    code, report = verify(capsys)
    assert code == 0, report
    assert report["counts"] == {"earlier_engine": 1, "verified": 1}
    (found,) = report["findings"]
    assert found["reasons"] == [
        "recorded by an earlier engine (version 0.0.9), not replayable here"
    ]
    assert main(["leaderboard", "example_release", "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == [now.name]
    assert main(["leaderboard", "example_release"]) == 0
    out = capsys.readouterr().out
    assert "other versions: " in out and "(engine 0.0.9)" in out


def test_editing_the_engine_version_to_dodge_the_replay_breaks_the_seal(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(data_dir, "UPDATE playthroughs SET engine_version = '0.0.1', score = 99 WHERE id = 2")
    code, report = verify(capsys)
    assert code == 1 and report["counts"]["edited"] == 1


def test_human_summary_counts_each_category(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(data_dir, "UPDATE playthroughs SET duration_s = 5 WHERE id = 1")
    edit(data_dir, "UPDATE playthroughs SET content_hash = 'elsewhere' WHERE id = 2")
    assert main(["leaderboard", "--verify"]) == 1
    out = capsys.readouterr().out
    assert "Checked 4 playthroughs: 2 edited (the seal is broken), 2 verified." in out
    assert "#1 P10 - example_release" in out
    assert "do not trust them" in out


def test_a_whole_row_copied_with_its_seal_is_a_duplicate(
    board: list[Playthrough], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        data_dir,
        "INSERT INTO playthroughs (name, name_key, scenario_id, content_hash, score, ending_id, "
        "profile, seed, decisions, played_at, duration_s, engine_version, mode, run_id, "
        "log_key, seal) SELECT name, name_key, scenario_id, content_hash, score, ending_id, "
        "profile, seed, decisions, played_at, duration_s, engine_version, mode, run_id, "
        "log_key, seal FROM playthroughs WHERE id = 2",
    )
    code, report = verify(capsys)
    assert code == 1 and report["counts"] == {"duplicate": 1, "verified": 4}
    (found,) = report["findings"]
    assert found["id"] == 5 and found["reasons"] == ["duplicate of #2 (the same run id)"]


def test_recording_the_same_run_or_log_twice_is_refused(
    board: list[Playthrough], capsys: pytest.CaptureFixture[str]
) -> None:
    from game.store.errors import DuplicatePlaythrough

    with Leaderboard.open() as opened:
        with pytest.raises(DuplicatePlaythrough, match=r"already on the leaderboard \(#2\)"):
            opened.record(replace(board[1], name="Again"))
        with pytest.raises(DuplicatePlaythrough, match=r"already on the leaderboard \(#3\)"):
            opened.record(replace(board[2], run_id="another-run", name="Copycat"))
        assert opened.count() == 4


def test_a_damaged_key_stops_recording_and_leaves_seals_unchecked(
    board: list[Playthrough],
    data_dir: Path,
    real_plays: RealPlays,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from game.store.errors import LeaderboardError

    (data_dir / "leaderboard.sqlite3.key").write_text("not a key\n")
    with Leaderboard.open() as opened, pytest.raises(LeaderboardError, match=r"key .* is damaged"):
        opened.record(real_plays(1, seed=60)[0])
    code, report = verify(capsys)
    assert code == 1 and report["counts"] == {"edited": 4}
    assert "its seal cannot be checked: the leaderboard key" in report["findings"][0]["reason"]


def test_a_submission_id_is_recorded_once(board: list[Playthrough], real_plays: RealPlays) -> None:
    from game.store.errors import DuplicatePlaythrough

    first, second = real_plays(2, seed=65)
    with Leaderboard.open() as opened:
        row_id = opened.record(replace(first, submission_id="class-a-17"))
        with pytest.raises(DuplicatePlaythrough, match=rf"\(#{row_id}\)"):
            opened.record(replace(second, submission_id="class-a-17"))
        assert opened.count() == 5
