"""A damaged or edited leaderboard row never breaks `leaderboard`, `--json`, `--export`,
`--verify` or `report`: it is shown as damaged, with its id and what is wrong, and every
other row is shown as usual."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from game.cli import main
from game.store.leaderboard import Leaderboard
from tests.store.conftest import RealPlays

# (SQL that damages row 2, words the report of that row must contain)
DAMAGE = {
    "deep-json-profile": ("profile = ?", "[" * 100_000, "profile cannot be read as JSON"),
    "nan-score": ("score = ?", "NaN", "score is 'NaN', not a number"),
    "infinite-score": ("score = 9e999", None, "score is not a finite number (inf)"),
    "minus-infinite-score": ("score = -9e999", None, "score is not a finite number (-inf)"),
    "infinite-duration": ("duration_s = 9e999", None, "duration is not a finite number"),
    "nan-duration": ("duration_s = ?", "NaN", "duration is 'NaN', not a number"),
    "blob-name": ("name = X'00ff'", None, "name is binary data, not text"),
    "garbage-date": ("played_at = ?", "last tuesday", "date is not usable"),
    "list-profile": ("profile = ?", "[1, 2]", "profile is list, not an object"),
    "undecodable-name": ("name = CAST(X'fffe41' AS TEXT)", None, "name is not valid UTF-8"),
    "huge-seed": ("seed = ?", "9" * 5000, "seed is"),
    "path-scenario": ("scenario_id = ?", "/etc/passwd", "scenario id must be an id"),
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, data_dir: Path, real_plays: RealPlays) -> str:
    """A board of four real plays whose row 2 is damaged; returns the expected problem."""
    rows = real_plays(4, seed=200)
    with Leaderboard.open() as board:
        board.record_many(rows)
    assignment, value, problem = DAMAGE[request.param]
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    params = () if value is None else (value,)
    conn.execute(f"UPDATE playthroughs SET {assignment} WHERE id = 2", params)
    conn.commit()
    conn.close()
    return problem


OTHERS = ("P200", "P202", "P203")


def no_crash(code: int, err: str) -> None:
    assert code != 3 and "internal error" not in err and "Traceback" not in err, err


def test_rankings_show_the_damaged_row_and_the_rest(
    damaged: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["leaderboard"])
    out, err = capsys.readouterr()
    no_crash(code, err)
    assert code == 0
    assert "row #2" in out and "is damaged and not shown" in out and damaged in out
    assert all(name in out for name in OTHERS)


def test_json_lists_the_rest_and_names_the_damaged_row(
    damaged: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["leaderboard", "--json"])
    out, err = capsys.readouterr()
    no_crash(code, err)
    assert code == 0
    names = [row["name"] for row in json.loads(out)]
    assert sorted(names) == sorted(OTHERS)
    assert "row #2" in err and damaged in err


def test_export_writes_the_rest_and_names_the_damaged_row(
    damaged: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "board.csv"
    code = main(["leaderboard", "--export", str(target)])
    out, err = capsys.readouterr()
    no_crash(code, err)
    assert code == 0 and "exported 3 playthroughs" in out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert sorted(r["name"] for r in csv.DictReader(handle)) == sorted(OTHERS)
    assert "row #2" in err and damaged in err


def test_verify_reports_the_damaged_row_and_checks_the_rest(
    damaged: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["leaderboard", "--verify", "--json"])
    out, err = capsys.readouterr()
    no_crash(code, err)
    assert code == 1
    report = json.loads(out)
    assert report["counts"] == {"damaged": 1, "verified": 3}
    (found,) = report["findings"]
    assert found["id"] == 2 and damaged in found["reason"]


def test_report_names_the_damaged_row_and_covers_the_rest(
    damaged: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "--out", str(tmp_path / "r")])
    out, err = capsys.readouterr()
    no_crash(code, err)
    assert code == 0 and "3 plays" in out
    assert "Row #2 of the leaderboard is damaged and left out" in err and damaged in err
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "Row #2 of the leaderboard is damaged and left out" in html
    assert all(name in html for name in OTHERS)
