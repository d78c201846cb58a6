"""`leadsim new` writes a scenario that checks, plays and playtests cleanly; playtest reports."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.sim.playtest import play_many, summarise, verdict
from game.sim.program import Program


@pytest.mark.parametrize("langs", ["en", "en,ru"])
def test_new_scenario_checks_plays_and_teaches(tmp_path, capsys, langs):
    assert (
        main(["new", "fresh_case", "--setting", "product", "--lang", langs, "--dir", str(tmp_path)])
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "fresh_case.yaml",
        "leadsim.schema.json",
        "team_fresh_case.yaml",
    ]
    capsys.readouterr()
    assert main(["check", "--require-lang", langs, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out and "0 warnings" in out
    assert main(["play", str(tmp_path / "fresh_case.yaml"), "--policy", "random", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ending"] is not None
    program = Program(load_bundle(tmp_path / "fresh_case.yaml"))
    summaries = {
        p: summarise(program, play_many(program, 1, 1000, p))
        for p in ("principled", "random", "antiprincipled")
    }
    assert verdict(summaries)["ok"] is True


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    assert main(["new", "case", "--dir", str(tmp_path)]) == 0
    assert main(["new", "case", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "Bad Id", "--dir", str(tmp_path)]) == 2
    assert main(["new", "case2", "--lang", "de", "--dir", str(tmp_path)]) == 2


def test_playtest_json_reports_every_policy_and_a_verdict(capsys):
    assert main(["playtest", "example_release", "--runs", "300", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["policies"]) == {"random", "principled", "antiprincipled", "greedy"}
    random = report["policies"]["random"]
    assert random["runs"] == 300
    assert random["p5"] <= random["p50"] <= random["p95"]
    assert abs(sum(random["endings"].values()) - 1) < 1e-9
    assert set(random["trajectory"]) == {"morale", "stress", "productivity"}
    mean, low, high = random["trajectory"]["morale"][0]
    assert low - 1e-9 <= mean <= high + 1e-9
    assert report["verdict"]["ok"] is True
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
    assert names == [
        "endings.png",
        "scores.png",
        "trajectory-antiprincipled.png",
        "trajectory-greedy.png",
        "trajectory-principled.png",
        "trajectory-random.png",
    ]
    for path in out.iterdir():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000
