"""Size and seed arguments have bounds, and a file where a folder belongs gets a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.commands.play import MAX_SEED
from game.commands.playtest import MAX_RUNS

SCENARIO = (
    Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios" / "example_release.yaml"
)


@pytest.mark.parametrize("runs", [0, -3, MAX_RUNS + 1, 1_000_000_000, 10**40])
def test_playtest_refuses_runs_outside_the_bounds_before_playing(runs, capsys):
    assert main(["playtest", str(SCENARIO), "--runs", str(runs)]) == 2
    assert capsys.readouterr().err == f"leadsim playtest: --runs must be from 1 to {MAX_RUNS:,}\n"


@pytest.mark.parametrize("seed", [-1, MAX_SEED + 1, 10**4000])
@pytest.mark.parametrize("command", [["playtest", "--runs", "5"], ["play", "--json"]])
def test_seeds_outside_what_a_save_holds_are_refused(seed, command, capsys):
    assert main([command[0], str(SCENARIO), *command[1:], "--seed", str(seed)]) == 2
    err = capsys.readouterr().err
    assert f"--seed must be a whole number from 0 to {MAX_SEED}" in err


def test_the_largest_seed_plays(capsys):
    assert (
        main(["play", str(SCENARIO), "--json", "--policy", "random", "--seed", str(MAX_SEED)]) == 0
    )
    assert f'"seed": {MAX_SEED}' in capsys.readouterr().out


def test_plot_naming_a_file_is_a_usage_error(tmp_path, capsys):
    existing = tmp_path / "chart.png"
    existing.write_bytes(b"")
    assert main(["playtest", str(SCENARIO), "--runs", "5", "--plot", str(existing)]) == 2
    assert capsys.readouterr().err == (
        f"leadsim playtest: --plot names a folder for the charts, and {existing} is a file\n"
    )
    assert existing.read_bytes() == b""


def test_plot_below_a_file_says_why_it_cannot_write(tmp_path, capsys):
    existing = tmp_path / "chart.png"
    existing.write_bytes(b"")
    assert main(["playtest", str(SCENARIO), "--runs", "5", "--plot", str(existing / "sub")]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"leadsim playtest: cannot write the charts into {existing / 'sub'}: Not a directory\n"
    )


def test_plot_into_a_new_folder_writes_the_charts(tmp_path, capsys):
    folder = tmp_path / "charts"
    assert main(["playtest", str(SCENARIO), "--runs", "20", "--plot", str(folder)]) == 0
    charts = list(folder.iterdir())
    assert len(charts) >= 2
    assert all(chart.suffix == ".png" and chart.stat().st_size > 0 for chart in charts)
