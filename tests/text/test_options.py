"""What `leadsim play` refuses before playing in the terminal: one line, exit 2."""

from __future__ import annotations

import pytest

from game.cli import main


@pytest.mark.parametrize(
    ("given", "named"),
    [
        (["--text", "--size", "1280x720"], "--size is for the game window"),
        (["--text", "--screenshots", "shots"], "--screenshots is for the game window"),
        (["--json", "--choices", "1,1,1", "--fullscreen"], "--fullscreen is for the game window"),
        (["--policy", "random", "--autoplay", "random"], "--autoplay is for the game window"),
        (
            ["--text", "--size", "800x600", "--screenshots", "shots"],
            "--size and --screenshots are for the game window",
        ),
    ],
)
def test_window_options_with_a_terminal_game_are_refused_in_one_line(
    given, named, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert main(["play", "example_release", *given]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"leadsim play: {named}")
    assert captured.err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing played, saved or made
