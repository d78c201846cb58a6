"""`leadsim new` writes a format 2 scenario that checks, plays and playtests cleanly; playtest
reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.content.models import SETTINGS, Act, CondText
from game.content.scaffold import PLACEHOLDERS
from tests.test_neutral_wording import MARGIN, _random_mean, _wording_mean


def _new(tmp_path: Path, *options: str) -> Path:
    assert main(["new", "fresh_case", *options, "--dir", str(tmp_path)]) == 0
    return tmp_path / "fresh_case.yaml"


@pytest.mark.parametrize("langs", ["en", "ru", "en,ru"])
def test_new_scenario_checks_plays_and_teaches(tmp_path, capsys, langs):
    scenario = _new(tmp_path, "--lang", langs)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "fresh_case.yaml",
        "leadsim.schema.json",
        "team_fresh_case.yaml",
    ]
    capsys.readouterr()
    # a team file declares no languages (its plain texts read as English), so a Russian-only
    # pair is checked without --require-lang
    required = ["--require-lang", langs] if "en" in langs else []
    assert main(["check", "--deep", *required, str(tmp_path)]) == 0
    assert capsys.readouterr().out.endswith("0 errors in 0 files, 0 warnings\n")
    assert main(["play", str(scenario), "--policy", "random", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ending"] is not None
    assert main(["playtest", str(scenario), "--runs", "1000", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    failed = [c for c in report["verdict"]["criteria"] if not c["ok"]]
    assert report["verdict"]["ok"] is True, failed


def test_new_scenario_shows_what_format_2_adds(tmp_path):
    bundle = load_bundle(_new(tmp_path, "--lang", "en,ru"))
    scenario = bundle.scenario
    assert scenario.format == 2
    assert all(c.id for event in scenario.events for c in event.choices)
    assert scenario.stakeholders and scenario.problems
    effects = [e for event in scenario.events for c in event.choices for e in c.effects]
    assert any(isinstance(e, Act) for e in effects)
    assert all(event.on_timeout for event in scenario.events)
    assert any(isinstance(part, CondText) for part in scenario.endings[0].debrief)
    assert "{tester}" in str(scenario.events[0].text)
    assert bundle.team.members[1].cases["ru"].ins == "Сэмом"


@pytest.mark.parametrize("setting", SETTINGS)
def test_every_setting_gives_a_scenario_that_passes_the_deep_check(tmp_path, capsys, setting):
    scenario = _new(tmp_path, "--setting", setting, "--lang", "en,ru")
    assert load_bundle(scenario).scenario.setting == setting
    capsys.readouterr()
    assert main(["check", "--deep", "--require-lang", "en,ru", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert ": warning:" not in out and out.endswith("0 errors in 0 files, 0 warnings\n"), out


def test_new_scenario_options_do_not_give_the_answer_away(tmp_path):
    # the template is where authors copy their wording from: a player who reads only the
    # wording (virtue words up, confessed bad motives down) must do no better than chance
    bundle = load_bundle(_new(tmp_path, "--lang", "en,ru"))
    wording, chance = _wording_mean(bundle), _random_mean(bundle)
    assert wording <= chance + MARGIN, f"wording-only {wording:.1f}, random {chance:.1f}"


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    assert main(["new", "case", "--dir", str(tmp_path)]) == 0
    assert main(["new", "case", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "case", "--force", "--dir", str(tmp_path)]) == 0
    assert main(["new", "Bad Id", "--dir", str(tmp_path)]) == 2
    assert main(["new", "case2", "--lang", "de", "--dir", str(tmp_path)]) == 2
    assert main(["new", "case3", "--setting", "space", "--dir", str(tmp_path)]) == 2


def test_placeholders_exist_in_every_language_for_every_key():
    keys = [set(texts) for texts in PLACEHOLDERS.values()]
    assert all(k == keys[0] for k in keys)


def test_playtest_json_reports_every_policy_and_a_verdict(capsys):
    assert main(["playtest", "example_release", "--runs", "300", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"random", "principled", "antiprincipled", "greedy"} <= set(report["policies"])
    random = report["policies"]["random"]
    assert random["runs"] == 300
    assert random["p5"] <= random["p50"] <= random["p95"]
    assert abs(sum(random["endings"].values()) - 1) < 1e-9
    assert {"morale", "stress", "productivity"} <= set(random["trajectory"])
    mean, low, high = random["trajectory"]["morale"][0]
    assert low - 1e-9 <= mean <= high + 1e-9
    assert isinstance(report["verdict"]["ok"], bool)
    assert report["policies"]["principled"]["mean_score"] > random["mean_score"]


def test_playtest_engines_agree(capsys):
    reports = []
    for engine in ("batch", "scalar"):
        assert (
            main(
                [
                    "playtest",
                    "example_release",
                    "--runs",
                    "150",
                    "--engine",
                    engine,
                    "--policies",
                    "random,greedy",
                    "--json",
                ]
            )
            == 0
        )
        reports.append(json.loads(capsys.readouterr().out)["policies"])
    for policy in ("random", "greedy"):
        assert reports[0][policy]["mean_score"] == pytest.approx(reports[1][policy]["mean_score"])
        assert reports[0][policy]["endings"] == reports[1][policy]["endings"]
        assert reports[0][policy]["choices"] == reports[1][policy]["choices"]


def test_playtest_usage_errors(capsys):
    assert main(["playtest", "example_release", "--policies", "cunning"]) == 2
    assert "unknown policy 'cunning'" in capsys.readouterr().err
    assert main(["playtest", "example_release", "--runs", "0"]) == 2


def test_playtest_plot_writes_the_charts(tmp_path, capsys):
    out = tmp_path / "plots"
    assert main(["playtest", "example_release", "--runs", "200", "--plot", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert {"endings.png", "scores.png", "trajectory-principled.png"} <= set(names)
    for path in out.iterdir():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000
