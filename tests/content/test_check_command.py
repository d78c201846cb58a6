"""`leadsim check` as authors run it: exit codes, the two output formats, internal errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from game.commands import check as check_command
from tests.content.checking import FILES, REFS, TEAM

LANGS = FILES / "langs"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_files_exit_0_and_are_listed_as_ok(capsys):
    code, out, _ = run(capsys, REFS / "good.yaml", TEAM)
    assert code == 0
    assert out.splitlines() == [
        f"{REFS / 'good.yaml'}: ok",
        f"{TEAM}: ok",
        "2 files checked: 0 errors in 0 files, 0 warnings",
        FORMAT_1_NOTE,
    ]


FORMAT_1_NOTE = (
    "1 scenario file is in format 1 (good.yaml): it plays as written; `leadsim upgrade FILE` "
    "moves a file to format 2 (choice ids, names in texts)"
)


def test_format_2_files_get_no_format_note(capsys):
    bundled = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
    code, out, _ = run(capsys, bundled / "example_release.yaml", bundled / "example_team.yaml")
    assert code == 0
    assert "format 1" not in out


def test_warnings_alone_exit_0(capsys):
    code, out, _ = run(capsys, LANGS)
    assert code == 0
    assert "1 warning" in out


def test_any_error_exits_1_with_the_exact_line(capsys):
    code, out, _ = run(capsys, REFS / "next_not_found.yaml", TEAM)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{REFS / 'next_not_found.yaml'}:18:15: error: events[0].choices[1].next: "
        "no event 'finsh' (did you mean 'finish'?)"
    )


def test_team_is_found_next_to_a_scenario_named_alone(capsys):
    code, _, _ = run(capsys, REFS / "good.yaml")
    assert code == 0


def test_team_saved_as_utf16_is_found_next_to_a_scenario(capsys, tmp_path):
    (tmp_path / "team.yaml").write_bytes((FILES / "yaml" / "utf16_bom.yaml").read_bytes())
    scenario = (REFS / "good.yaml").read_text(encoding="utf-8")
    scenario = scenario.replace("team: crew", "team: utf16_crew").replace("boris", "anna")
    (tmp_path / "scenario.yaml").write_text(scenario, encoding="utf-8")
    code, out, _ = run(capsys, tmp_path / "scenario.yaml")
    assert code == 0, out


def test_quiet_lists_only_problems(capsys):
    code, out, _ = run(capsys, "-q", REFS / "good.yaml", TEAM)
    assert code == 0
    assert out.splitlines() == ["2 files checked: 0 errors in 0 files, 0 warnings", FORMAT_1_NOTE]


def test_require_lang_turns_missing_languages_into_errors(capsys):
    code, out, _ = run(capsys, "--require-lang", "en,ru", LANGS)
    assert code == 1
    assert "members[1].role: text has no 'ru' version" in out


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "nope.yaml")
    assert code == 2
    assert out == ""
    assert "no such file or folder" in err


def test_folder_without_yaml_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path)
    assert code == 2
    assert "no *.yaml or *.yml files" in err


def test_bad_language_code_is_a_usage_error(capsys):
    code, _, err = run(capsys, "--require-lang", "english", TEAM)
    assert code == 2
    assert "'english' is not a language code" in err


def test_no_path_at_all_is_a_usage_error(capsys):
    code, _, err = run(capsys)
    assert code == 2
    assert "PATH" in err


def test_json_format_gives_every_field_of_every_problem(capsys):
    code, out, _ = run(capsys, "--format", "json", REFS / "unknown_member.yaml", TEAM)
    assert code == 1
    problems = json.loads(out)
    assert problems == [
        {
            "path": str(REFS / "unknown_member.yaml"),
            "line": 19,
            "column": 36,
            "severity": "error",
            "field": "events[0].choices[1].effects[0].member",
            "message": "no member 'anya' in team 'crew'",
            "hint": "did you mean 'anna'?",
            "source": "          - {type: adjust, member: anya, morale: -0.1}",
            "caret": " " * 35 + "^",
        }
    ]


def test_json_format_of_clean_files_is_an_empty_list(capsys):
    code, out, _ = run(capsys, "--format", "json", REFS / "good.yaml", TEAM)
    assert (code, json.loads(out)) == (0, [])


def test_bug_in_the_checker_is_an_internal_error_without_traceback(capsys, monkeypatch, tmp_path):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the checker broke")

    monkeypatch.setattr(check_command, "check_files", broken)
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    code, out, err = run(capsys, TEAM)
    assert code == 3
    assert "internal error: RuntimeError: the checker broke" in err
    assert "please report it" in err
    assert "Traceback" not in out + err
    # the details are kept for the report, not shown
    (report,) = (tmp_path / "crash-reports").glob("leadsim-crash-*.txt")
    assert "Traceback" in report.read_text(encoding="utf-8")
    assert str(report) in err


def test_bundled_examples_are_clean_in_both_languages(capsys, repo_root):
    scenarios = repo_root / "game" / "data" / "scenarios"
    code, out, _ = run(
        capsys,
        "--require-lang",
        "en,ru",
        scenarios / "example_release.yaml",
        scenarios / "example_team.yaml",
    )
    assert code == 0, out


def test_whole_yaml_test_suite_in_one_call_names_every_file(shared_dir, repo_root):
    corpus = shared_dir / "corpora" / "yaml-test-suite"
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".yaml", ".yml"))
    assert len(files) == 402
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "game", "check", str(corpus)],
        capture_output=True,
        text=True,
        cwd=repo_root,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    # each problem's line is followed by the source line and the caret (indented)
    lines = [line for line in done.stdout.splitlines() if not line.startswith("    ")]
    rest = re.compile(r"(:\d+:\d+: .*|: ok|: the rest of this file is checked once .*)$")
    named = {rest.sub("", line) for line in lines[:-1]}
    assert named == {str(f) for f in files}
    assert lines[-1].startswith("402 files checked: ")
    assert elapsed < 10
