"""`leadsim leaderboard`: tables, --json, --export, --name, --recent, --verify, errors."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from game.commands import leaderboard as command
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough

MakePlay = Callable[..., Playthrough]


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="leadsim")
    command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["leaderboard", *argv])
    return int(args.func(args))


@pytest.fixture
def filled(data_dir: Path, make_play: MakePlay) -> Path:
    with Leaderboard.open() as board:
        board.record_many(
            [
                make_play(name="Анна", score=81.5, played_at="2024-05-01T09:00:00Z"),
                make_play(name="Boris", score=64, played_at="2024-05-02T09:00:00Z"),
                make_play(name="=cmd|calc", score=12, played_at="2024-05-03T09:00:00Z"),
                make_play(
                    name="Old", score=99, content_hash="v0hash", played_at="2023-01-01T00:00Z"
                ),
                make_play(name="Eve", score=70, scenario="team_tandem", content_hash="t1"),
            ]
        )
    return data_dir


def test_json_lists_rows_best_first_with_required_fields(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("missed_deadline", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["Анна", "Boris", "=cmd|calc"]  # newest version only
    for row in rows:
        assert {"name", "scenario", "score", "ending", "date"} <= set(row)
        assert row["scenario"] == "missed_deadline" and row["content_hash"] == "v1hash"
    assert rows[0]["score"] == 81.5 and rows[0]["ending"] == "steady"
    assert rows[0]["date"] == "2024-05-01T09:00:00.000000Z"


def test_json_top_and_version_options(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("missed_deadline", "--json", "--top", "1") == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["Анна"]
    assert run("missed_deadline", "--json", "--version", "v0") == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["Old"]


def test_json_without_scenario_lists_each_scenario_best_first(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["scenario"], r["name"]) for r in rows] == [
        ("missed_deadline", "Анна"),
        ("missed_deadline", "Boris"),
        ("missed_deadline", "=cmd|calc"),
        ("team_tandem", "Eve"),
    ]


def test_human_output_is_a_table_naming_the_version(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("missed_deadline") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("missed_deadline - version v1hash, 3 plays; other versions: v0hash")
    assert lines[1].split() == ["#", "Name", "Score", "Ending", "Date", "(UTC)", "Time"]
    assert lines[3].split() == ["1", "Анна", "81.5", "steady", "2024-05-01", "09:00", "10:12"]


def test_personal_bests_by_name(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--name", "анна", "--json") == 0
    assert [(r["name"], r["score"]) for r in json.loads(capsys.readouterr().out)] == [
        ("Анна", 81.5)
    ]
    assert run("--name", "nobody") == 0
    assert "No finished playthroughs by 'nobody' yet." in capsys.readouterr().out


def test_recent(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--recent", "--top", "2", "--json") == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["=cmd|calc", "Boris"]


def test_csv_export_has_every_row_and_safe_cells(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "class.csv"
    assert run("missed_deadline", "--export", str(target)) == 0
    assert "exported 4 playthroughs" in capsys.readouterr().out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["Old", "Анна", "Boris", "'=cmd|calc"]
    assert rows[1]["decisions"] == "[1, 2, 0, 3]" and rows[1]["score"] == "81.5"
    assert json.loads(rows[1]["profile"]) == {"clarity": -1, "psych_safety": 2}
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8


def test_export_to_missing_folder_is_a_clear_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--export", str(tmp_path / "no" / "x.csv")) == 2
    err = capsys.readouterr().err
    assert err.startswith("leadsim leaderboard: error: could not write") and "Traceback" not in err


def test_empty_board_says_so(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run() == 0
    assert "No finished playthroughs yet." in capsys.readouterr().out
    assert run("--json") == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--name", "bad\tname"), "control character"),
        (("--name", "x" * 33), "33 characters"),
        (("missed_deadline", "--version", "zz"), "no stored playthroughs"),
    ],
)
def test_usage_problems_exit_2_without_traceback(
    filled: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("top", ["0", "-3", "10001", str(10**30), "1e3", "ten"])
def test_absurd_top_is_refused_with_a_clear_message(
    filled: Path, capsys: pytest.CaptureFixture[str], top: str
) -> None:
    from game.cli import main

    assert main(["leaderboard", "--top", top]) == 2
    err = capsys.readouterr().err
    assert "--top: expected a whole number from 1 to 10000" in err
    assert "Traceback" not in err and "internal error" not in err


def test_damaged_database_is_reported_and_replaced(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    (data_dir / "leaderboard.sqlite3").write_bytes(b"garbage" * 100)
    assert run("--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "was damaged" in captured.err and "corrupt-" in captured.err


def test_verify_counts_versions_that_are_not_installed_apart_and_exits_0(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--verify") == 0
    out = capsys.readouterr().out
    assert "Checked 5 playthroughs: 5 not checkable here (scenario version not installed)." in out
    assert "scenario 'team_tandem' is not available here" in out
    assert "version v1hash of scenario 'missed_deadline' is not installed here" in out


def test_verify_with_real_engine_finds_the_tampered_row(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_module = pytest.importorskip("game.sim.session")
    from game.content.library import load_bundle
    from game.store.playthrough import playthrough_from_session

    bundle = load_bundle("missed_deadline")
    rows = []
    for seed in (1, 2, 3):
        session = session_module.Session(bundle, seed=seed)
        while not session.finished:
            session.choose(session.choices()[0].index)
        rows.append(playthrough_from_session(session, name=f"p{seed}", duration_s=60))
    with Leaderboard.open() as board:
        board.record_many(rows)
    assert run("--verify") == 0
    assert "All 3 playthroughs verified" in capsys.readouterr().out
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    conn.execute("UPDATE playthroughs SET score = score + 5 WHERE name = 'p2'")
    conn.commit()
    conn.close()
    assert run("--verify", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["checked"] == 3 and report["counts"] == {"forged": 1, "verified": 2}
    (finding,) = report["findings"]
    assert finding["name"] == "p2" and finding["kind"] == "forged"
    assert "score: stored" in finding["reason"]


def test_leadsim_entry_point_runs_the_command(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import game

    if getattr(game, "__file__", None) is None:
        pytest.skip("`game` imported as a namespace package: stale editable install")
    cli = pytest.importorskip("game.cli")
    assert cli.main(["leaderboard", "team_tandem", "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["Eve"]
