"""`leadsim replay FILE` on hostile files: every problem is one readable line and exit 1 or 2,
never a traceback, a hang or a file opened because a field named it."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.resources import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]


def replay(path: Path, *extra: str) -> tuple[int, str, str]:
    """Run `leadsim replay` in a child process: a hang or a runaway read fails the test
    instead of stalling the suite or the machine."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    done = subprocess.run(
        [sys.executable, "-c", "import sys; from game.cli import main; sys.exit(main())",
         "replay", str(path), *extra],
        capture_output=True, text=True, timeout=60, cwd=ROOT, preexec_fn=limit_memory,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def one_clear_line(code: int, err: str, words: str) -> None:
    assert code in (1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    assert words in err, err
    assert len(err.strip().splitlines()) == 1, err


def play_json(**changes: object) -> str:
    data = {"scenario": "example_release", "seed": 2, "decisions": [2, 3, 2]} | changes
    return json.dumps(data)


CASES = {
    "deep.json": ("[" * 200_000, "nested too deeply"),
    "infinite-seed.json": (play_json().replace('"seed": 2', '"seed": Infinity'), "Infinity"),
    "infinite-decision.json": (
        play_json().replace("[2, 3, 2]", "[2, Infinity, 2]"),
        "Infinity, which is not a number JSON allows",
    ),
    "nan-seed.json": (
        play_json().replace('"seed": 2', '"seed": NaN'),
        "NaN, which is not a number JSON allows",
    ),
    "long-seed.json": (play_json().replace('"seed": 2', '"seed": ' + "9" * 5000), "5000 digits"),
    "long-seed.csv": (
        f"scenario,seed,decisions\nexample_release,{'9' * 5000},[1]\n",
        "the seed must be a whole number",
    ),
    "huge-field.csv": ("scenario,seed,decisions\n" + "x" * 200_000 + ",1,[1]\n", "field limit"),
    "bad-decision.json": (play_json(decisions=[2, "Not An Id"]), "decision 2 is the text"),
    "passwd.json": (play_json(scenario="/etc/passwd"), "must be an id"),
    "escape.json": (play_json(scenario="\x1b]0;owned\x07"), "must be an id"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_content_gets_one_clear_line(tmp_path: Path, name: str) -> None:
    content, words = CASES[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = replay(path)
    one_clear_line(code, err, words)
    assert "root:" not in out + err and "\x1b" not in err and "\x07" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    code, _, err = replay(tmp_path / "pipe.json")
    one_clear_line(code, err, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_at_once() -> None:
    code, _, err = replay(Path("/dev/zero"))
    one_clear_line(code, err, "not a regular file")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    code, _, err = replay(tmp_path)
    one_clear_line(code, err, "it is a folder")


def test_a_scenario_field_naming_a_file_is_looked_up_as_an_id_never_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "example_release.yaml"
    shutil.copy(SCENARIOS / "example_release.yaml", copy)
    shutil.copy(SCENARIOS / "example_team.yaml", tmp_path / "example_team.yaml")
    path = tmp_path / "run.json"
    for scenario in (str(copy), "../x.yaml", "example_release.yaml"):
        path.write_text(play_json(scenario=scenario), encoding="utf-8")
        assert main(["replay", str(path)]) == 1
        err = capsys.readouterr().err
        assert "must be an id" in err and "Debrief" not in err


def test_scenario_text_with_control_characters_prints_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SCENARIOS / "example_team.yaml", folder / "example_team.yaml")
    text = (SCENARIOS / "example_release.yaml").read_text(encoding="utf-8")
    text = text.replace("{en: Friday release,", '{en: "Friday \\e[2J\\e]0;owned\\a release",', 1)
    (folder / "example_release.yaml").write_text(text, encoding="utf-8")
    path = tmp_path / "run.json"
    path.write_text(play_json(), encoding="utf-8")
    assert main(["replay", str(path), "--scenarios", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Friday \\x1b[2J\\x1b]0;owned\\x07 release" in out
    assert "\x1b" not in out and "\x07" not in out
    assert main(["replay", str(path), "--scenarios", str(folder), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and json.loads(out)["scenario"] == "example_release"
