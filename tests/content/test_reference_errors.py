"""Cross-references and languages: what one file's shape cannot show, checked against the rest."""

from __future__ import annotations

from pathlib import Path

from tests.content.checking import FILES, REFS, TEAM, check, single, where

LANGS = FILES / "langs"


def test_the_base_scenario_is_clean():
    assert check(REFS / "good.yaml", TEAM) == []


def test_unknown_name_in_a_condition_points_at_the_name():
    d = single(REFS / "unknown_name.yaml", TEAM)
    # `if: "flags.asked and team.moral > 0.3"`: the text starts at column 14
    assert (d.line, d.column, d.field) == (24, 30, "events[1].choices[0].if")
    assert d.message == "unknown name 'team.moral'"
    assert d.hint == "did you mean 'team.morale'?"


def test_flag_read_but_never_set():
    d = single(REFS / "flag_never_set.yaml", TEAM)
    assert (d.line, d.column, d.field) == (24, 13, "events[1].choices[0].if")
    assert d.message == "flag 'askd' is read but never set"
    assert d.hint == "did you mean 'flags.asked'?"


def test_team_not_found_suggests_a_known_team():
    d = single(REFS / "team_not_found.yaml", TEAM)
    assert (d.line, d.column, d.field) == (6, 7, "team")
    assert d.message == "no team 'crow' found"
    assert d.hint == "did you mean 'crew'?"


def test_team_not_found_alone_says_where_to_put_it():
    d = single(REFS / "team_not_found.yaml")
    assert d.hint == "put a file with 'kind: team' and 'id: crow' next to this scenario"


def test_unknown_member_in_an_effect():
    d = single(REFS / "unknown_member.yaml", TEAM)
    assert (d.line, d.column, d.field) == (19, 36, "events[0].choices[1].effects[0].member")
    assert d.message == "no member 'anya' in team 'crew'"
    assert d.hint == "did you mean 'anna'?"


def test_next_event_not_found_gets_a_did_you_mean():
    d = single(REFS / "next_not_found.yaml", TEAM)
    assert (d.line, d.column, d.field) == (18, 15, "events[0].choices[1].next")
    assert d.message == "no event 'finsh'"
    assert d.hint == "did you mean 'finish'?"


def test_duplicate_event_id_is_reported_at_the_second():
    d = single(REFS / "duplicate_event.yaml", TEAM)
    assert (d.line, d.column, d.field) == (20, 9, "events[1].id")
    assert d.message == "duplicate event id 'start'"


def test_last_ending_with_a_condition():
    d = single(REFS / "last_ending_condition.yaml", TEAM)
    assert (d.line, d.column, d.field) == (37, 11, "endings[1].when")
    assert d.message == "the last ending has a condition, so a playthrough may match no ending"
    assert d.hint == "remove 'when' from the last ending to make it the fallback"


def test_declared_language_missing_is_a_warning():
    found = check(LANGS / "scenario.yaml", LANGS / "team.yaml")
    assert where(found) == [(14, 15, "warning", "events[0].choices[1].text")]
    assert found[0].message == "text has no 'ru' version"
    assert found[0].hint == "write it as {en: ..., ru: ...}"


def test_required_language_missing_is_an_error_in_every_file():
    found = check(LANGS / "scenario.yaml", LANGS / "team.yaml", langs=("en", "ru"))
    assert [(Path(d.path).name, *w) for d, w in zip(found, where(found), strict=True)] == [
        ("scenario.yaml", 14, 15, "error", "events[0].choices[1].text"),
        ("team.yaml", 11, 11, "error", "members[1].role"),
    ]


def test_all_problems_of_all_files_are_reported_at_once_and_sorted():
    files = [
        REFS / "unknown_member.yaml",
        FILES / "schema" / "nan_inf.yaml",
        REFS / "flag_never_set.yaml",
        FILES / "yaml" / "duplicate_key.yaml",
        TEAM,
    ]
    found = check(*files)
    assert found == sorted(found)
    assert [(Path(d.path).name, d.line, d.column) for d in found] == [
        ("flag_never_set.yaml", 24, 13),
        ("unknown_member.yaml", 19, 36),
        ("nan_inf.yaml", 6, 21),
        ("nan_inf.yaml", 6, 33),
        ("duplicate_key.yaml", 8, 5),
    ]
