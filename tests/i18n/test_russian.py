"""Russian that reads as Russian: plural forms, names in their cases, words that agree with a
principle's or a person's gender, decimal commas, rendered by the real catalogs."""

from __future__ import annotations

import pytest

from game.content import models as m
from game.content.library import load_bundle
from game.i18n import Noun, Strings, person


@pytest.fixture
def ru():
    return Strings("ru", strict=True)


@pytest.fixture
def team():
    """The Lighthouse team of missed_deadline: its file gives every Russian case form."""
    members = load_bundle("missed_deadline").team.members
    return {member.id: member for member in members}


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "после 1 решения"),
        (2, "после 2 решений"),
        (5, "после 5 решений"),
        (11, "после 11 решений"),
        (21, "после 21 решения"),
    ],
)
def test_decisions_take_the_plural_form_of_their_number(ru, count, words):
    assert words in ru("text.eof", count=count)


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 решение повторено"), (3, "3 решения повторены"), (5, "5 решений повторено")],
)
def test_verbs_agree_with_the_number_of_decisions(ru, count, words):
    assert words in ru("text.reloaded", count=count)


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "игра ждёт"), (2, "2 игры ждут"), (5, "5 игр ждут"), (21, "21 игра ждёт")],
)
def test_runs_waiting_for_the_class_are_counted_with_their_number(ru, count, words):
    assert words in ru("class.queued", count=count)


def test_no_decisions_at_all_is_said_in_words(ru):
    assert ru("text.quit", count=0) == "Вы вышли из сценария, не приняв ни одного решения."


def test_a_name_takes_its_genitive_from_the_team_file(ru, team):
    katya, nadia = person(team["katya"], "ru"), person(team["nadia"], "ru")
    assert ru("msg.revealed", names=[katya]) == (
        "Теперь вы знаете, как на самом деле обстоят дела у Кати."
    )
    assert ru("msg.revealed", names=[katya, nadia]).endswith("у Кати и Нади.")


def test_without_case_forms_the_sentence_needs_none(ru):
    vera = m.Member(id="vera", name={"en": "Vera", "ru": "Вера"}, role="QA", archetype="friendly")
    said = ru("msg.revealed", names=[person(vera, "ru")])
    assert said == "Теперь вы знаете, как на самом деле чувствует себя Вера."
    assert "у Вера" not in said


@pytest.mark.parametrize(
    ("pid", "applied", "violated"),
    [
        ("composure", "+ Выдержка — применена", "− Выдержка — нарушена"),
        ("controlling", "+ Контроль — применён", "− Контроль — нарушен"),
        ("planning", "+ Планирование — применено", "− Планирование — нарушено"),
        ("clear_priorities", "+ Чёткие приоритеты — применены", "− Чёткие приоритеты — нарушены"),
    ],
)
def test_participles_agree_with_the_principles_gender(ru, pid, applied, violated):
    name = ru.principle(pid)
    assert ru("principle.applied", name=name) == applied
    assert ru("principle.violated", name=name) == violated


def test_a_principle_given_as_plain_text_still_reads_correctly(ru):
    assert ru("principle.applied", name="Выдержка") == "+ Выдержка — принцип применён"


def test_decisiveness_has_fallback_plans_in_cyrillic(ru):
    assert ru.principle("decisiveness") == "Решительность, план Б, В, Г"
    assert ru.principle("decisiveness").gender == "feminine"


def test_an_alternatives_broken_principle_agrees_with_it(ru):
    feminine = Noun("«Выдержка»", gender="feminine")
    masculine = Noun("«Контроль»", gender="masculine")
    assert ru("text.debrief.alt_breaks", principles=[feminine]) == (
        "Но при этом была бы нарушена «Выдержка»."
    )
    assert ru("text.debrief.alt_breaks", principles=[masculine]) == (
        "Но при этом был бы нарушен «Контроль»."
    )
    both = ru("text.debrief.alt_breaks", principles=[feminine, masculine])
    assert both == "Но при этом были бы нарушены «Выдержка» и «Контроль»."


def test_a_persons_type_and_departure_agree_with_them(ru, team):
    katya, sergey = person(team["katya"], "ru"), person(team["sergey"], "ru")
    assert ru("archetype.executive", name=katya) == "Исполнительная"
    assert ru("archetype.executive", name=sergey) == "Исполнительный"
    assert ru("text.debrief.quit", name=katya, turn=4).startswith("ушла")
    assert ru("text.debrief.quit", name=sergey, turn=4).startswith("ушёл")
    nobody = Noun("Саша")  # gender not given: a wording that fits anyone
    assert ru("text.debrief.quit", name=nobody, turn=4) == (
        "уход по собственному желанию после решения 4"
    )


def test_decimals_take_a_comma_in_russian_and_a_point_in_english():
    args = {"plays": 3, "mean": 94.2, "median": 90.0, "low": 71.25, "high": 99.0}
    russian = Strings("ru", strict=True)("report.score_summary", **args)
    english = Strings("en", strict=True)("report.score_summary", **args)
    assert "3 прохождения · среднее 94,2 · медиана 90,0" in russian
    assert "3 plays · mean 94.2 · median 90.0" in english
    assert Strings("ru", strict=True)("text.debrief.trend", start=0.456, end=0.5) == "0,46 → 0,50"


def test_english_counts_one_and_many(team):
    en = Strings("en", strict=True)
    assert en("text.time_limit", seconds=1).startswith("You have 1 second to decide")
    assert en("text.time_limit", seconds=30).startswith("You have 30 seconds to decide")
    katya = person(team["katya"], "en")
    assert en("msg.revealed", names=[katya]) == ("You now know how things really stand with Katya.")
