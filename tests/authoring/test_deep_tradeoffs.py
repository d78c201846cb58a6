"""`check --deep` warns when fewer than a third of a scenario's events are real trade-offs."""

from __future__ import annotations

from pathlib import Path

from game.cli import main

LABS = Path(__file__).resolve().parents[1] / "analysis" / "files"


def deep_check(capsys, name: str) -> tuple[int, list[str]]:
    code = main(["check", "--deep", "-q", str(LABS / f"{name}.yaml"), str(LABS / "crew.yaml")])
    return code, capsys.readouterr().out.splitlines()


def test_a_scenario_with_no_real_trade_off_gets_one_warning_naming_the_free_choices(capsys):
    code, lines = deep_check(capsys, "known_best")
    assert code == 0
    assert lines == [
        f"{LABS / 'known_best.yaml'}:11:3: warning: events: 0 of 3 events are real trade-offs; "
        "in the others one option is at least as good as every other on delivery, team, "
        "retention: setup (rush), harvest (reap), close (tidy) (give the best option a cost the "
        "others do not have (time, the client's patience, the leader's energy); `leadsim "
        "playtest` shows the figures)",
        "      - id: setup",  # the line it is about, with a caret under the spot
        "      ^",
        "2 files checked: 0 errors in 0 files, 1 warning",
    ]


def test_a_scenario_where_half_the_events_are_trade_offs_passes(capsys):
    code, lines = deep_check(capsys, "dilemma")
    assert code == 0
    assert lines == ["2 files checked: 0 errors in 0 files, 0 warnings"]
