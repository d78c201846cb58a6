"""Lint on real files: each problem reported at its node, with the right severity."""

from __future__ import annotations

from pathlib import Path

from game.cli import main

FILES = Path(__file__).parent / "files"


def problems(capsys, *paths: Path) -> tuple[int, list[str]]:
    code = main(["check", "-q", *map(str, paths)])
    lines = capsys.readouterr().out.splitlines()
    prefix = str(FILES / "flawed.yaml") + ":"
    return code, [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


def test_lint_reports_every_problem_of_a_flawed_scenario(capsys):
    code, found = problems(capsys, FILES)
    assert code == 1
    assert found == [
        "13:19: warning: events[0].choices[0].effects[0]: this effect changes nothing: "
        "every change is 0",
        "15:9: warning: events[0].choices[1]: choice has no principle tag (add the principles "
        "it applies or violates: the debrief needs them)",
        "16:38: warning: events[0].choices[1].effects[0].name: flag 'never_read' is set but "
        "never read (read it in a condition (flags.NAME) or remove it)",
        "18:9: error: events[1].id: event 'orphan' can never be reached (link to it with next, "
        "goto or a schedule effect, or remove it)",
        "23:9: error: events[2].id: dead end: no ending can be reached from event 'loop_a' "
        "(give some path from here a next that leads to 'end' (a loop needs an exit whose "
        "condition can hold))",
        "27:23: warning: events[2].choices[1].if: this condition can never hold (check the "
        "comparison and its numbers)",
        "28:9: error: events[3].id: dead end: no ending can be reached from event 'loop_b' "
        "(give some path from here a next that leads to 'end' (a loop needs an exit whose "
        "condition can hold))",
        "36:50: warning: events[4].choices[0].effects[0]: this effect changes nothing: p is 0, "
        "so 'then' never happens",
        "40:10: error: endings[1].id: ending 'shadowed' can never be reached: 'fallback_first' "
        "before it has no condition and always wins (move the fallback ending last)",
    ]


def test_bundled_scenarios_lint_clean(capsys):
    root = Path(__file__).resolve().parents[2]
    code = main(["check", "--require-lang", "en,ru", str(root / "game" / "data" / "scenarios")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert ": warning:" not in out and ": error:" not in out


def test_deep_check_warns_about_endings_no_playthrough_reaches(capsys):
    lab = Path(__file__).resolve().parents[1] / "sim" / "files"
    assert main(["check", "--deep", "-q", str(lab)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{lab / 'lab.yaml'}:64:9: warning: endings[0].id: no automatic playthrough reached "
        "ending 'collapse' (2,400 runs)" in out
    )


def test_bundled_scenarios_pass_the_deep_check(capsys):
    root = Path(__file__).resolve().parents[2]
    assert main(["check", "--deep", "-q", str(root / "game" / "data" / "scenarios")]) == 0
    assert ": warning:" not in capsys.readouterr().out
