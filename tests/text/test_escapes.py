"""Control characters from a scenario or a file name never reach the terminal raw."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.sim.debrief import debrief
from game.sim.session import Session
from game.text.debrief import DebriefText

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
# what a hostile author can put in a double-quoted YAML text: set the window title, ring the
# bell, clear the screen, return to the start of the line, reverse the text's direction
OSC, BEL, CLEAR, CSI8, RLO = "\x1b]0;owned\x07", "\x07", "\x1b[2J", "\x9b", "\u202e"
RAW = (OSC, BEL, CLEAR, CSI8, RLO, "\r")
YAML_ESCAPES = "\\e]0;owned\\a \\a \\e[2J \\x9b \\u202e \\r"
SHOWN = "\\x1b]0;owned\\x07 \\x07 \\x1b[2J \\x9b \\u202e \\x0d"

REPLACE = {
    "example_release.yaml": [
        ("title: {en: Friday release,", f'title: {{en: "Friday release {YAML_ESCAPES}",'),
        (
            'en: Three days to the release. {oleg} says testing is "almost done". {maria} frowns.',
            f'en: "Three days {YAML_ESCAPES} to the release."',
        ),
        (
            'text: {en: "Hold the client\'s report and go through the test list with {oleg}",',
            f'text: {{en: "Talk {YAML_ESCAPES} to Oleg",',
        ),
        ("title: {en: A calm release,", f'title: {{en: "Calm {YAML_ESCAPES}",'),
        ("title: {en: The release slipped,", f'title: {{en: "Slipped {YAML_ESCAPES}",'),
        ('title: {en: "Shipped, but tired",', f'title: {{en: "Tired {YAML_ESCAPES}",'),
    ],
    "example_team.yaml": [("name: {en: Oleg,", f'name: {{en: "Oleg {YAML_ESCAPES}",')],
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The example scenario with control characters in its title, texts, names and endings."""
    for name, edits in REPLACE.items():
        text = (SCENARIOS / name).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "example_release.yaml"


def assert_shown_escaped(output: str) -> None:
    for raw in RAW:
        assert raw not in output, repr(raw)
    assert SHOWN in output


def test_the_hostile_scenario_is_valid_and_keeps_its_characters(hostile):
    bundle = load_bundle(hostile)
    assert OSC in bundle.scenario.title["en"]  # type: ignore[index]


def test_play_in_the_terminal_shows_story_choices_names_and_ending_escaped(
    hostile, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\nh\n1\n1\n"))
    assert main(["play", str(hostile), "--text", "--seed", "2", "--untimed"]) == 0
    out, err = capsys.readouterr()
    assert_shown_escaped(out)
    assert "Talk " + SHOWN in out and "Oleg " + SHOWN in out and "Calm " + SHOWN in out
    assert all(raw not in err for raw in RAW)


def test_a_policy_run_in_the_terminal_is_escaped_too(hostile, capsys):
    assert main(["play", str(hostile), "--policy", "antiprincipled", "--seed", "2"]) == 0
    assert_shown_escaped(capsys.readouterr().out)


def test_playtest_report_shows_the_title_escaped(hostile, capsys):
    assert main(["playtest", str(hostile), "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert_shown_escaped(out)
    assert "Playtest of example_release (Friday release " + SHOWN + ")" in out


def test_debrief_lines_are_escaped(hostile):
    session = Session.replay(load_bundle(hostile), 2, [1, 1, 1])
    lines = DebriefText(debrief(session), "en").lines()
    assert_shown_escaped("\n".join(lines))


def test_check_shows_a_hostile_key_escaped_and_cannot_fake_an_ok(tmp_path, capsys):
    bad = tmp_path / "team.yaml"
    bad.write_text('kind: team\n"\\e[2J\\rtotally_fine.yaml: ok\\n": 1\n', encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "unknown key '\\x1b[2J\\x0dtotally_fine.yaml: ok\\x0a'" in out
    assert [line for line in out.splitlines() if line.endswith(": ok")] == []


def test_check_shows_a_file_name_escaped(tmp_path, capsys):
    named = tmp_path / f"team{CLEAR}{BEL}.yaml"
    named.write_bytes((SCENARIOS / "example_team.yaml").read_bytes())
    assert main(["check", str(named)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}/team\\x1b[2J\\x07.yaml: ok" in out
    assert "\x1b" not in out and BEL not in out


def test_check_json_escapes_what_a_terminal_would_act_on(tmp_path, capsys):
    bad = tmp_path / "team.yaml"
    bad.write_text('kind: team\n"\\x9b\\u202e\\x7f": 1\n', encoding="utf-8")
    assert main(["check", str(bad), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert all(raw not in out for raw in (CSI8, RLO, "\x7f"))
    problems = json.loads(out)
    assert f"unknown key '{CSI8}{RLO}\x7f'" in [p["message"] for p in problems]


def test_new_shows_the_folder_escaped(tmp_path, capsys):
    folder = tmp_path / f"x{CLEAR}"
    assert main(["new", "demo", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "x\\x1b[2J" in out
