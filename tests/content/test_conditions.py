"""The condition language: parsed safely, names and offsets known, evaluated without eval."""

from __future__ import annotations

import pytest

from game.content.conditions import ConditionSyntaxError, parse_condition


def values(**names: float) -> dict[tuple[str, ...], float]:
    return {tuple(k.split("__")): v for k, v in names.items()}


def test_condition_evaluates_comparisons_and_logic():
    condition = parse_condition("team.morale < 0.4 and not flags.asked or turn >= 3")
    state = values(team__morale=0.3, flags__asked=0.0, turn=1)
    assert condition.evaluate(state.__getitem__) is True
    state[("flags", "asked")] = 1.0
    assert condition.evaluate(state.__getitem__) is False


def test_condition_knows_its_names_and_where_they_are():
    condition = parse_condition("  team.morale > 0.5 and anna.stress < 0.2")
    assert [(n.dotted, n.offset) for n in condition.names] == [
        ("team.morale", 2),
        ("anna.stress", 24),
    ]


def test_offsets_count_characters_not_bytes():
    with pytest.raises(ConditionSyntaxError) as err:
        parse_condition("ёж.morale > 1 and x ** 2")
    assert err.value.offset == 20  # the `**`, after two two-byte letters


def test_arithmetic_and_true_false_are_allowed():
    condition = parse_condition("(progress * 2 - 0.5 > 0) == true")
    assert condition.evaluate({("progress",): 0.5}.__getitem__) is True


@pytest.mark.parametrize(
    ("source", "offset", "message"),
    [
        ("team.morale = 1", 12, "invalid condition syntax"),
        ("team.morale >> 1", 12, "the operator in 'team.morale >> 1' is not allowed"),
        ("a && b", 2, "'&&' is not an operator here"),
        ("!flags.x", 0, "'!' is not an operator here"),
        ("x is 1", 2, "this comparison is not allowed"),
        ("(a > 1", 0, "this '(' is never closed"),
        ("a > 1 and", 9, "the condition ends too early"),
        ("a > 0.4 and and b", 12, "unexpected 'and'"),
        ("a =< 1", 2, "invalid comparison"),
        ("'text' == flags.x", 0, "'text' is not allowed in a condition"),
        ("", 0, "the condition is empty"),
        ("-" * 1900 + "x", 0, "the condition is nested too deeply"),
        (
            " or ".join(["x"] * 500),
            0,
            "the condition is 2496 characters long; at most 2000 are allowed",
        ),
    ],
)
def test_syntax_errors_say_what_and_where(source, offset, message):
    with pytest.raises(ConditionSyntaxError) as err:
        parse_condition(source)
    assert (err.value.offset, err.value.message) == (offset, message)


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('echo owned')",
        "open('/etc/passwd')",
        "[x for x in flags]",
        "lambda: 1",
        "team.morale[0]",
        "(yield)",
    ],
)
def test_anything_but_the_language_is_refused(source):
    with pytest.raises(ConditionSyntaxError):
        parse_condition(source)
