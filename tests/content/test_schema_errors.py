"""Files that are YAML but not the format: each problem at its node, with a fix hint."""

from __future__ import annotations

from tests.content.checking import FILES, TEAM, check, single, where

SCHEMA = FILES / "schema"


def test_missing_kind_is_reported_at_the_document():
    d = single(SCHEMA / "missing_kind.yaml")
    assert (d.line, d.column, d.field) == (1, 1, "")
    assert d.message == "missing 'kind'"


def test_unknown_kind_gets_a_did_you_mean():
    d = single(SCHEMA / "unknown_kind.yaml")
    assert (d.line, d.column, d.field) == (1, 7, "kind")
    assert d.message == "unknown kind 'scenaro'"
    assert d.hint == "did you mean 'scenario'?"


def test_unknown_key_is_reported_at_the_key_with_a_did_you_mean():
    # the required 'summary' is missing too, but the misspelling says it all: one problem
    d = single(SCHEMA / "unknown_key.yaml", TEAM)
    assert (d.line, d.column, d.field) == (4, 1, "summry")
    assert d.message == "unknown key 'summry'"
    assert d.hint == "did you mean 'summary'?"


def test_missing_required_key_is_reported_at_the_mapping_that_lacks_it():
    d = single(SCHEMA / "missing_key.yaml", TEAM)
    assert (d.line, d.column, d.field) == (12, 9, "events[0].choices[1]")
    assert d.message == "missing required key 'text'"


def test_wrong_type_says_what_was_expected():
    d = single(SCHEMA / "wrong_type.yaml", TEAM)
    assert (d.line, d.column, d.field) == (6, 13, "difficulty")
    assert d.message == "expected a whole number, got the text '2'"


def test_out_of_range_number_gives_the_bound():
    d = single(SCHEMA / "out_of_range.yaml", TEAM)
    assert (d.line, d.column, d.field) == (6, 10, "minutes")
    assert d.message == "the number 900 is above the maximum 240"


def test_nan_and_infinity_are_refused():
    found = check(SCHEMA / "nan_inf.yaml", TEAM)
    assert where(found) == [(6, 21, "error", "scoring.delivery"), (6, 33, "error", "scoring.team")]
    assert [d.message for d in found] == [
        "the number nan is not allowed",
        "the number inf is not allowed",
    ]


def test_bad_id_explains_the_id_rules():
    d = single(SCHEMA / "bad_id.yaml", TEAM)
    assert (d.line, d.column, d.field) == (7, 9, "events[0].id")
    assert d.message == "the text 'Start-1' is not a valid id"
    assert d.hint == "use lower-case letters, digits and _, starting with a letter"


def test_unknown_principle_gets_a_did_you_mean():
    d = single(SCHEMA / "unknown_principle.yaml", TEAM)
    assert (d.line, d.column, d.field) == (11, 39, "events[0].choices[0].applies[1]")
    assert d.message == "the text 'planing' is not a principle id"
    assert d.hint == "did you mean 'planning'?"


def test_unknown_archetype_gets_a_did_you_mean():
    d = single(SCHEMA / "unknown_archetype.yaml")
    assert (d.line, d.column, d.field) == (8, 16, "members[0].archetype")
    assert d.message == "the text 'eruditee' is not an archetype"
    assert d.hint == "did you mean 'erudite'?"


def test_unknown_effect_type_is_reported_at_the_type_value():
    d = single(SCHEMA / "unknown_effect_type.yaml", TEAM)
    assert (d.line, d.column, d.field) == (13, 20, "events[0].choices[0].effects[0].type")
    assert d.message == "unknown effect type 'adjst'"
    assert d.hint == "did you mean 'adjust'?"


def test_reversed_range_is_refused():
    d = single(SCHEMA / "bad_range.yaml", TEAM)
    assert (d.line, d.column, d.field) == (13, 36, "events[0].choices[0].effects[0].stress")
    assert d.message == "the range [0.3, 0.1] is reversed; write [low, high]"


def test_condition_syntax_error_points_inside_the_condition():
    d = single(SCHEMA / "condition_syntax.yaml", TEAM)
    # `if: "team.morale > 0.4 and and flags.asked"`: the text starts at column 14, and the
    # second `and` is 22 characters into it
    assert (d.line, d.column, d.field) == (13, 36, "events[0].choices[1].if")
    assert d.message == "condition: unexpected 'and'"


def test_comma_inside_a_flow_text_is_explained():
    d = single(SCHEMA / "text_comma.yaml", TEAM)
    assert (d.line, d.column, d.field) == (3, 19, "title.again")
    assert d.message == "'again' is not a language code"
    assert d.hint == "inside { } a comma ends the text; put text that has commas in quotes"
