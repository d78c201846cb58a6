"""A team file given where a scenario is expected is said to be one, in both ways of opening."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.diagnostics import ContentError
from game.content.library import load_bundle

TEAM = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios" / "team_hawks.yaml"


def test_loading_a_team_file_as_a_scenario_is_a_content_error() -> None:
    with pytest.raises(ContentError) as caught:
        load_bundle(TEAM)
    [said] = caught.value.diagnostics
    assert said.message == "this is a team file, not a scenario"
    assert said.line == 1


def test_playing_a_team_file_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--text", str(TEAM)]) == 1
    err = capsys.readouterr().err
    assert "this is a team file, not a scenario" in err
    assert "Traceback" not in err
