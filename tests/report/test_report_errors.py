"""`leadsim report` problems: one readable line and a non-zero exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

from game.store.leaderboard import Leaderboard
from tests.report.conftest import Report


def assert_one_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("leadsim report: "), err
    assert "Traceback" not in err


def test_missing_leaderboard_exits_1_without_creating_it(
    data_dir: Path, tmp_path: Path, report: Report
) -> None:
    result = report("--out", str(tmp_path / "r"))
    assert result.code == 1 and "no leaderboard" in result.err
    assert_one_line(result.err)
    assert not data_dir.exists() and not (tmp_path / "r").exists()


def test_empty_leaderboard_exits_1(data_dir: Path, tmp_path: Path, report: Report) -> None:
    Leaderboard.open().close()
    result = report("--out", str(tmp_path / "r"))
    assert result.code == 1 and "no finished playthroughs" in result.err
    assert_one_line(result.err)


def test_unknown_scenario_names_the_scenarios_with_plays(
    filled: Path, tmp_path: Path, report: Report
) -> None:
    result = report("no_such_scenario", "--out", str(tmp_path / "r"))
    assert result.code == 1
    assert "'no_such_scenario'" in result.err and "example_release, missed_deadline" in result.err
    assert_one_line(result.err)


def test_no_plays_since_the_date_exits_1(filled: Path, tmp_path: Path, report: Report) -> None:
    result = report("--since", "2030-01-01", "--out", str(tmp_path / "r"))
    assert result.code == 1 and "2030-01-01" in result.err
    assert_one_line(result.err)


def test_malformed_date_exits_2(filled: Path, tmp_path: Path, report: Report) -> None:
    for bad in ("yesterday", "2024-13-01", "20240501"):
        result = report("--since", bad, "--out", str(tmp_path / "r"))
        assert result.code == 2 and "YYYY-MM-DD" in result.err, bad
        assert_one_line(result.err)


def test_unwritable_folder_exits_2(filled: Path, tmp_path: Path, report: Report) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = report("--out", str(blocker / "report"))
    assert result.code == 2 and "cannot write the report" in result.err
    assert_one_line(result.err)


def test_errors_are_translated(data_dir: Path, tmp_path: Path, report: Report) -> None:
    result = report("--lang", "ru", "--out", str(tmp_path / "r"))
    assert result.code == 1 and "таблицы лидеров" in result.err
    assert_one_line(result.err)


def test_damaged_leaderboard_is_reported_in_one_line(
    data_dir: Path, tmp_path: Path, report: Report
) -> None:
    data_dir.mkdir()
    (data_dir / "leaderboard.sqlite3").write_bytes(b"this is not a database" * 100)
    result = report("--out", str(tmp_path / "r"))
    assert result.code == 2 and "damaged" in result.err and "Nothing to report" in result.err
    assert_one_line(result.err)
