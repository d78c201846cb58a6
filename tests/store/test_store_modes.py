"""Runs played by a policy or from scripted decisions carry their mode and are never ranked
with people's runs: rankings, personal bests and the report show players' runs unless --all
asks for the others, and then rank each mode on its own."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.sim.session import Session
from game.store.errors import InvalidPlaythrough
from game.store.leaderboard import Leaderboard, record_session
from game.store.playthrough import Playthrough, playthrough_from_session, policy_mode
from tests.store.conftest import RealPlays


@pytest.fixture
def mixed(data_dir: Path, real_plays: RealPlays) -> list[Playthrough]:
    people = real_plays(2, "random", seed=300)
    bots = [
        replace(row, name="Bot", mode=policy_mode("principled"))
        for row in real_plays(2, "principled", seed=310)
    ]
    scripted = [replace(real_plays(1, "greedy", seed=320)[0], name="Script", mode="scripted")]
    rows = people + bots + scripted
    with Leaderboard.open() as board:
        board.record_many(rows)
    return rows


def names(out: str) -> list[str]:
    return [row["name"] for row in json.loads(out)]


def test_rankings_show_only_people_by_default(
    mixed: list[Playthrough], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "example_release", "--json"]) == 0
    assert sorted(names(capsys.readouterr().out)) == ["P300", "P301"]
    with Leaderboard.open() as board:
        assert {r.name for r in board.top("example_release", mixed[0].content_hash)} == {
            "P300",
            "P301",
        }


def test_all_ranks_each_mode_on_its_own(
    mixed: list[Playthrough], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "example_release", "--all"]) == 0
    out = capsys.readouterr().out
    tables = out.split("\n\n")
    assert len(tables) == 3
    assert "P300" in tables[0] and "Bot" not in tables[0] and "Script" not in tables[0]
    assert "- policy principled, 2 plays" in tables[1] and "Bot" in tables[1]
    assert "- scripted runs, 1 play" in tables[2] and "Script" in tables[2]
    for table in tables:
        assert [line.split()[0] for line in table.splitlines()[3:]] == [
            str(n) for n in range(1, len(table.splitlines()) - 2)
        ]  # every table ranks from 1


def test_personal_bests_and_recent_leave_out_other_modes_unless_asked(
    mixed: list[Playthrough], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "--name", "Bot", "--json"]) == 0
    assert names(capsys.readouterr().out) == []
    assert main(["leaderboard", "--name", "Bot", "--json", "--all"]) == 0
    assert names(capsys.readouterr().out) == ["Bot"]
    assert main(["leaderboard", "--recent", "--json"]) == 0
    assert sorted(names(capsys.readouterr().out)) == ["P300", "P301"]


def test_a_board_of_only_policy_runs_says_where_they_are(
    data_dir: Path, real_plays: RealPlays, capsys: pytest.CaptureFixture[str]
) -> None:
    with Leaderboard.open() as board:
        board.record(replace(real_plays(1, seed=330)[0], mode=policy_mode("random")))
    assert main(["leaderboard"]) == 0
    out = capsys.readouterr().out
    assert "No finished playthroughs yet." in out
    assert "1 run played by a policy or from scripted decisions" in out and "--all" in out


def test_the_report_covers_people_unless_all_asks_for_the_others(
    mixed: list[Playthrough], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--out", str(tmp_path / "a")]) == 0
    html = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert "P300" in html and "Bot" not in html and "Script" not in html
    assert "3 runs played by a policy or from scripted decisions are left out" in html
    assert main(["report", "--all", "--out", str(tmp_path / "b")]) == 0
    html = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert html.count('<section class="scenario"') == 3
    assert "played by the policy “principled”" in html and "scripted runs" in html
    capsys.readouterr()


def test_record_session_takes_the_run_id_and_mode(data_dir: Path) -> None:
    session = Session(load_bundle("example_release"), seed=5)
    while not session.finished:
        session.choose(session.choices()[0].index)
    row_id, _ = record_session(session, "Ann", 60.0, run_id="game-1234", mode="scripted")
    with Leaderboard.open() as board:
        (row,) = board.all_rows()
    assert (row.row_id, row.run_id, row.mode) == (row_id, "game-1234", "scripted")
    fresh = playthrough_from_session(session, name="Ann", duration_s=1)
    assert fresh.mode == "player" and fresh.run_id is not None and len(fresh.run_id) == 32


@pytest.mark.parametrize("mode", ["robot", "policy:", "policy:Random", "Player", ""])
def test_an_unknown_mode_is_refused(data_dir: Path, real_plays: RealPlays, mode: str) -> None:
    row = replace(real_plays(1, seed=340)[0], mode=mode)
    with (
        Leaderboard.open() as board,
        pytest.raises(InvalidPlaythrough, match="mode must be player, scripted or policy"),
    ):
        board.record(row)
