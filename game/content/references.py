"""Checks of what format 2 adds: choice ids, stakeholders, problems, counters, newcomers, the
people a choice involves, the team values it upholds or breaks, and variables in texts."""

from __future__ import annotations

from collections.abc import Iterable

from game.content.diagnostics import did_you_mean, one_of
from game.content.loader import FileResult, Loc
from game.content.models import (
    Act,
    Away,
    Back,
    Count,
    Join,
    Problem,
    Scenario,
    Stakeholder,
    Tag,
    Team,
    TeamValue,
)
from game.content.templates import CASES, scan
from game.content.walk import parts_of


def tag_ids(tags: Iterable[object], plain_only: bool = False) -> set[str]:
    """The principle ids of a list of tags (plain ids or conditional tags; `plain_only`
    leaves the conditional ones out)."""
    return {
        tag.principle if isinstance(tag, Tag) else str(tag)
        for tag in tags
        if not (plain_only and isinstance(tag, Tag))
    }


def check_format2(
    result: FileResult, scenario: Scenario, team: Team | None
) -> tuple[set[str], set[str], set[str]]:
    """Add problems; returns the counters, problems and stakeholders conditions may read."""
    _choice_ids(result, scenario)
    stakeholders = _unique_ids(result, "stakeholders", [s.id for s in scenario.stakeholders])
    problems = _unique_ids(result, "problems", [p.id for p in scenario.problems])
    members = {m.id for m in team.members} if team else None
    counters = _effects(result, scenario, stakeholders, problems, members)
    if members is not None:
        _people(result, scenario, members)
        _values(result, scenario, team)
    if scenario.scoring.principles > 0:
        result.add(
            ("scoring", "principles"),
            "the score counts principle tags, so the playtest verdict partly measures the tags "
            "you wrote rather than what happened to the team",
            "leave it at 0: the debrief shows the principle profile anyway",
            severity="warning",
        )
    if scenario.format >= 2:
        _texts(result, scenario, team)
    return counters, problems, stakeholders


def _choice_ids(result: FileResult, scenario: Scenario) -> None:
    missing = [
        (e, c)
        for e, event in enumerate(scenario.events)
        for c, choice in enumerate(event.choices)
        if choice.id is None
    ]
    if not missing:
        return
    # format 1 files may name choices by position: `leadsim check` lists them as format 1
    if scenario.format >= 2:
        for e, c in missing:
            hint = "format 2 names every choice: saves and replays refer to it by id"
            result.add(("events", e, "choices", c), "this choice has no id", hint)


def _unique_ids(result: FileResult, key: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            result.add((key, i, "id"), f"duplicate id '{ident}'", "ids must be unique")
        seen.add(ident)
    return seen


def _effects(
    result: FileResult,
    scenario: Scenario,
    stakeholders: set[str],
    problems: set[str],
    members: set[str] | None,
) -> set[str]:
    counters: set[str] = set()
    newcomers = set(scenario.newcomers)
    for effect, loc in parts_of(result).effects():
        if isinstance(effect, Count):
            counters.add(effect.name)
        elif isinstance(effect, Stakeholder) and effect.id not in stakeholders:
            hint = did_you_mean(effect.id, stakeholders) or "list it in the scenario's stakeholders"
            result.add((*loc, "id"), f"no stakeholder '{effect.id}' in this scenario", hint)
        elif isinstance(effect, Problem) and effect.id not in problems:
            hint = did_you_mean(effect.id, problems) or "list it in the scenario's problems"
            result.add((*loc, "id"), f"no problem '{effect.id}' in this scenario", hint)
        elif isinstance(effect, (Act, Join, Away, Back)) and members is not None:
            member = effect.member
            if member and member not in members:
                hint = did_you_mean(member, members) or one_of(members)
                result.add((*loc, "member"), f"no member '{member}' in the team", hint)
            elif isinstance(effect, Join) and member not in newcomers:
                hint = "list them in the scenario's newcomers to have them join later"
                result.add((*loc, "member"), f"'{member}' is on the team from the start", hint)
    return counters


def _people(result: FileResult, scenario: Scenario, members: set[str]) -> None:
    def check(ids: list[str], loc: Loc) -> None:
        for k, member in enumerate(ids):
            if member not in members:
                hint = did_you_mean(member, members) or one_of(members)
                result.add((*loc, k), f"no member '{member}' in the team", hint)

    check(scenario.newcomers, ("newcomers",))
    for e, event in enumerate(scenario.events):
        check(event.involves, ("events", e, "involves"))
        for c, choice in enumerate(event.choices):
            check(choice.involves or [], ("events", e, "choices", c, "involves"))


def _values(result: FileResult, scenario: Scenario, team: Team | None) -> None:
    assert team is not None
    known = {v.id for v in team.values if isinstance(v, TeamValue)}
    for e, event in enumerate(scenario.events):
        for c, choice in enumerate(event.choices):
            for key, ids in (("upholds", choice.upholds), ("breaks", choice.breaks)):
                for k, value in enumerate(ids):
                    if value not in known:
                        hint = did_you_mean(value, known) or (
                            f"give the value an id in team '{team.id}': {{id: {value}, text: ...}}"
                        )
                        result.add(("events", e, "choices", c, key, k),
                                   f"team '{team.id}' has no value '{value}'", hint)  # fmt: skip


def _texts(result: FileResult, scenario: Scenario, team: Team | None) -> None:
    names = {s.id for s in scenario.stakeholders}
    if team is not None:
        names |= {m.id for m in team.members}
    stakeholders = {s.id for s in scenario.stakeholders}
    for text, loc in parts_of(result).texts():
        versions = text.values() if isinstance(text, dict) else [text]
        for version in versions:
            variables, problems = scan(version)
            for problem in problems:
                result.add(loc, problem.message, problem.hint)
            for var in variables:
                if team is not None and var.name not in names:
                    hint = did_you_mean(var.name, names) or "name a member or a stakeholder"
                    result.add(loc, f"'{{{var.name}}}' names nobody in this scenario", hint)
                elif var.name in stakeholders and var.attribute in CASES:
                    result.add(loc, f"'{{{var.name}.{var.attribute}}}': stakeholders have no "
                               "case forms", "write the name as the sentence needs it")  # fmt: skip
