"""Numbers too large for any value are refused where they stand, by every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.yamlload import load
from tests.content.checking import check

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
EXAMPLE = (SCENARIOS / "example_release.yaml").read_text(encoding="utf-8")
DELTA = "stress: 0.2, morale: -0.1"
WHEN = '"milestones.reached >= 1 and team.stress < 0.5"'
EFFECT = "events[0].choices[1].effects[0].effects[0].stress"


def _at(old: str, token: str) -> tuple[int, int]:
    """Line and column of `token` inside the first `old` of the example (1-based)."""
    start = EXAMPLE.index(old) + old.index(token)
    return EXAMPLE.count("\n", 0, start) + 1, start - EXAMPLE.rfind("\n", 0, start)


CASES = {
    # name: (text replaced, replacement, line, column, field, message)
    "int_5000_digits": (
        "difficulty: 1", "difficulty: " + "9" * 5000, *_at("difficulty: 1", "1"), "difficulty",
        "number too large: a whole number of 5,000 digits",
    ),
    "hex_5000_digits": (
        "difficulty: 1", "difficulty: 0x" + "f" * 5000, *_at("difficulty: 1", "1"), "difficulty",
        "number too large: a whole number of 5,000 digits",
    ),
    "delta_400_digits": (
        DELTA, "stress: " + "9" * 400 + ", morale: -0.1", *_at(DELTA, "0.2"), EFFECT,
        "number too large: a whole number of 400 digits",
    ),
    "delta_overflowing_float": (
        DELTA, "stress: 1e400, morale: -0.1", *_at(DELTA, "0.2"), EFFECT,
        "number too large: 1e400 is more than a number can hold",
    ),
    "condition_constant_400_digits": (
        WHEN, WHEN.replace("0.5", "9" * 400), *_at(WHEN, "0.5"), "endings[0].when",
        "condition: number too large",
    ),
    "condition_constant_overflowing_float": (
        WHEN, WHEN.replace("0.5", "1e400"), *_at(WHEN, "0.5"), "endings[0].when",
        "condition: number too large",
    ),
}  # fmt: skip


def scenario_with(tmp_path: Path, name: str) -> Path:
    old, new = CASES[name][:2]
    assert old in EXAMPLE
    path = tmp_path / f"{name}.yaml"
    path.write_text(EXAMPLE.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "example_team.yaml").write_bytes((SCENARIOS / "example_team.yaml").read_bytes())
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_points_at_the_number(tmp_path, name):
    line, column, field, message = CASES[name][2:]
    found = check(scenario_with(tmp_path, name), tmp_path / "example_team.yaml")
    assert [(d.line, d.column, d.severity, d.field) for d in found] == [
        (line, column, "error", field)
    ]
    assert found[0].message == message


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["play", "--json", "--policy", "random", "--seed", "1"],
        ["playtest", "--runs", "5"],
    ],
)
def test_commands_refuse_the_file_cleanly(tmp_path, capsys, name, command):
    path = scenario_with(tmp_path, name)
    code = main([command[0], str(path), *command[1:]])
    out, err = capsys.readouterr()
    assert code == 1, out + err
    assert "internal error" not in out + err
    assert "number too large" in out + err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("999999999999999999", 999_999_999_999_999_999),
        ("-999999999999999999", -999_999_999_999_999_999),
        ("0x7fffffffffffffff", 2**63 - 1),
        ("1.5e300", 1.5e300),
    ],
)
def test_numbers_up_to_the_limit_are_read(text, expected):
    document = load(f"a: {text}\n".encode())
    assert document.value == {"a": expected}
    assert document.problems == ()


@pytest.mark.parametrize("text", ["9999999999999999999", "0x8000000000000000", "-1e309"])
def test_numbers_past_the_limit_are_problems_and_reading_goes_on(text):
    document = load(f"a: {text}\nb: 2\n".encode())
    assert [(p.mark.line, p.mark.column, p.path) for p in document.problems] == [(1, 4, ("a",))]
    assert document.value["b"] == 2
