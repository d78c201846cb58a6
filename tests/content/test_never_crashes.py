"""Whatever a file holds, checking it reports problems; it never raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import read_file
from game.content.validate import check_scenario

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios" / "example_release.yaml"
).read_text(encoding="utf-8")
TEAM = read_file(
    Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios" / "example_team.yaml"
).model
PIECES = [": ", "- ", "[", "]", "{", "}", ",", '"', "'", "&a ", "*a", "<<: ", "!!str ", "\t", "#"]
PIECES += ["\n", "  ", "x", "0", "-1", "1e9", ".nan", "null", "true", "end", "type: when"]


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    lines = EXAMPLE.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "copy", "insert", "cut"]))
        line = lines[at]
        cut = draw(st.integers(0, len(line)))
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "copy":
            lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])
        elif action == "insert":
            lines[at] = line[:cut] + draw(st.sampled_from(PIECES)) + line[cut:]
        else:
            lines[at] = line[:cut] + line[cut + draw(st.integers(1, 5)) :]
    return "\n".join(lines)


def check_text(text: str) -> None:
    result = read_file(Path("fuzz.yaml"), text.encode("utf-8"))
    if result.kind == "scenario" and result.model is not None:
        check_scenario(result, TEAM, {"example_team"}, ("en", "ru"))
    for problem in result.diagnostics:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_example())
def test_any_edit_of_the_example_is_checked_without_raising(text):
    check_text(text)


WORDS = [*PIECES, "kind: scenario\n", "kind: team\n", "id: a\n", "é", "events:", "members:"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map("".join))
def test_any_yaml_shaped_text_is_checked_without_raising(text):
    check_text(text)
