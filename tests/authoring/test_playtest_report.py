"""`leadsim playtest`: every policy, the dilemma analysis, each person, the team report and
verdict v2, in text, JSON and charts; ids are also found as ID.yaml in the current folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.sim.policies import POLICY_NAMES

LABS = Path(__file__).resolve().parents[1] / "analysis" / "files"
QUICK = ["--runs", "200", "--analysis-runs", "8"]


def playtest(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["playtest", *args])
    out, err = capsys.readouterr()
    return code, out, err


def report_of(capsys, *args: str) -> dict:
    code, out, err = playtest(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_json_report_carries_every_policy_the_analysis_and_verdict_v2(capsys):
    report = report_of(capsys, str(LABS / "dilemma.yaml"), *QUICK)
    assert list(report["policies"]) == list(POLICY_NAMES)
    principled = report["policies"]["principled"]
    assert principled["choices"]["crunch"] == {"push": 0.0, "rest": 1.0}
    assert report["policies"]["never"]["timeouts"] == {
        "dominated": 1.0,
        "crunch": 1.0,
        "shield": 1.0,
        "same": 1.0,
    }
    assert set(principled["people"]) == {"ada", "ben", "cat"}
    assert principled["playing"][0] == 1.0
    analysis = report["analysis"]
    assert analysis["runs"] == 8
    assert analysis["search"]["method"] == "exhaustive"
    assert analysis["tradeoffs"]["share"] == 0.5
    assert analysis["deviations"]["costliest"]["event"] == "dominated"
    assert report["teams"] is None
    assert report["verdict"]["version"] == 2
    assert len(report["verdict"]["criteria"]) == 7
    assert report["team"] == "lab_crew"


def test_the_text_report_lays_out_each_part(capsys):
    code, out, _ = playtest(capsys, str(LABS / "dilemma.yaml"), *QUICK)
    assert code == 0
    for heading in (
        "Endings",
        "Who leaves, why, and after which decision on average",
        "Choices taken",
        "Team over time",
        "Each person over time (principled, random; --json has every policy)",
        "Best decision sequences (exhaustive,",
        "Mistakes: one decision made otherwise, the rest on principle (8 runs)",
        "Trade-offs: mean change over the decision and two more turns on principle",
        "Verdict",
    ):
        assert "\n" + heading in out, heading
    assert "  dominated: better dominates\n" in out
    assert "  crunch: a real trade-off\n" in out
    assert "  2 of 4 events are real trade-offs (50 %)\n" in out
    assert "    (time ran out)" in out


def test_the_team_report_runs_for_the_teams_a_scenario_lists(capsys):
    code, out, _ = playtest(capsys, str(LABS / "swap.yaml"), *QUICK)
    assert code == 0
    assert "\nTeams: best choices that change with the team (swap_a, swap_b)\n" in out
    assert "  brief: swap_a: checklist, swap_b: open_brief\n" in out


def test_teams_named_on_the_command_line_replace_the_scenarios_list(capsys):
    report = report_of(capsys, str(LABS / "swap.yaml"), *QUICK, "--teams", "swap_a")
    assert report["teams"] is None  # one team: nothing to compare


def test_team_plays_the_scenario_with_another_team(capsys):
    report = report_of(capsys, str(LABS / "swap.yaml"), *QUICK, "--team", "swap_b")
    assert report["team"] == "swap_b"
    assert report["teams"]["teams"] == ["swap_b", "swap_a"]
    assert report["policies"]["principled"]["people"]["lee"]["archetype"] == "erudite"


def test_a_team_that_lacks_a_member_is_refused_with_the_places_that_name_them(capsys):
    code, out, err = playtest(capsys, str(LABS / "swap.yaml"), "--team", "lab_crew")
    assert code == 1 and out == ""
    assert err.splitlines()[0] == f"leadsim playtest: cannot load '{LABS / 'swap.yaml'}':"
    assert "events[0].involves[0]: with team 'lab_crew': no member 'lee' in the team" in err


def test_an_id_is_found_as_a_file_in_the_current_folder(capsys, monkeypatch):
    monkeypatch.chdir(LABS)
    report = report_of(capsys, "swap", *QUICK, "--policies", "principled")
    assert report["file"] == str(LABS / "swap.yaml")
    assert report["scenario"] == "swap"


def test_an_unknown_id_is_an_error_wherever_it_is_looked_for(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, _, err = playtest(capsys, "swap", "--runs", "10")
    assert code == 1
    assert "no scenario with this id" in err


def test_without_analysis_runs_the_verdict_says_what_was_not_measured(capsys):
    report = report_of(capsys, str(LABS / "dilemma.yaml"), "--runs", "200", "--analysis-runs", "0")
    assert report["analysis"] is None
    last = report["verdict"]["criteria"][-1]
    assert last["ok"] is None and last["note"] == "not measured: the search did not run"


@pytest.mark.parametrize(
    "args",
    [
        ["--analysis-runs", "-1"],
        ["--runs", "0"],
        ["--policies", ""],
        ["--plot", str(LABS / "crew.yaml")],
    ],
)
def test_usage_errors_are_one_line_before_any_work(capsys, args):
    code, out, err = playtest(capsys, str(LABS / "dilemma.yaml"), *args)
    assert (code, out) == (2, "")
    assert err.startswith("leadsim playtest: ") and err.count("\n") == 1


def test_both_engines_give_the_same_report(capsys):
    reports = [
        report_of(
            capsys,
            str(LABS / "leaving.yaml"),
            "--runs",
            "120",
            "--analysis-runs",
            "0",
            "--policies",
            "random,never",
            "--engine",
            engine,
        )
        for engine in ("batch", "scalar")
    ]
    for policy in ("random", "never"):
        batch, scalar = (r["policies"][policy] for r in reports)
        assert batch["mean_score"] == pytest.approx(scalar["mean_score"])
        assert batch["people"] == scalar["people"]
        assert batch["choices"] == scalar["choices"]


def test_plot_writes_a_chart_per_idea(tmp_path, capsys):
    out = tmp_path / "plots"
    code, _, err = playtest(
        capsys,
        str(LABS / "leaving.yaml"),
        *QUICK,
        "--policies",
        "random,principled",
        "--plot",
        str(out),
    )
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "endings.png",
        "leaving.png",
        "people-principled.png",
        "people-random.png",
        "scores.png",
        "trajectory-principled.png",
        "trajectory-random.png",
    ]
    for path in out.iterdir():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000


def test_a_listed_team_that_cannot_be_played_is_reported_and_left_out(capsys, tmp_path):
    for name in ("swap_team_a.yaml", "swap_team_b.yaml"):
        (tmp_path / name).write_bytes((LABS / name).read_bytes())
    text = (LABS / "swap.yaml").read_text(encoding="utf-8")
    (tmp_path / "swap.yaml").write_text(
        text.replace("teams: [swap_b]", "teams: [swap_b, ghost]"), encoding="utf-8"
    )
    code, out, err = playtest(capsys, str(tmp_path / "swap.yaml"), *QUICK, "--json")
    assert code == 0
    assert json.loads(out)["teams"]["teams"] == ["swap_a", "swap_b"]
    assert err.splitlines()[0] == "leadsim playtest: team 'ghost' is left out of the team report:"
    assert "no team 'ghost' found" in err
