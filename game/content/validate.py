"""Cross-reference checks: what a single model cannot know about itself.

The team a scenario names exists; member, event and flag names used anywhere exist; each
condition reads only names the engine provides; ids are unique; every playthrough has an ending.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.content.diagnostics import did_you_mean, one_of
from game.content.loader import FileResult, Loc
from game.content.models import (
    END,
    Adjust,
    Leave,
    Reveal,
    Scenario,
    Schedule,
    SetFlag,
    Team,
)
from game.content.principles import ARCHETYPE_IDS, PRINCIPLE_IDS, TRAITS
from game.content.references import check_format2, tag_ids
from game.content.walk import next_targets, parts_of

MEMBER_METRICS = ("morale", "stress", "trust", "fatigue", "skill", "productivity")
SCENARIO_SINGLE = ("turn", "progress", "left", "members", "priorities", "quit", "dismissed",
                   "timeouts")  # fmt: skip
GROUPS = {
    "team": MEMBER_METRICS,
    "milestones": ("reached", "missed"),
    "leader": ("composure", "stress", "energy"),
    "applied": tuple(PRINCIPLE_IDS),
    "violated": tuple(PRINCIPLE_IDS),
}
MEMBER_FIELDS = (*MEMBER_METRICS, "left", "revealed", "away", "quit", *TRAITS, *ARCHETYPE_IDS)
WHERE_NAMES = (*MEMBER_METRICS, *TRAITS)
STAKEHOLDER_FIELDS = ("trust", "patience")


def check_team(result: FileResult, require_langs: tuple[str, ...] = ()) -> None:
    """Checks inside a team file: unique members, sound relationships, languages."""
    team = result.model
    assert isinstance(team, Team)
    _unique(result, [(m.id, ("members", i, "id")) for i, m in enumerate(team.members)], "member")
    ids = {m.id for m in team.members}
    seen: set[frozenset[str]] = set()
    for r, rel in enumerate(team.relationships):
        for k, member in enumerate(rel.between):
            if member not in ids:
                result.add(("relationships", r, "between", k), f"no member '{member}' in this team",
                           did_you_mean(member, ids) or one_of(ids))  # fmt: skip
        pair = frozenset(rel.between)
        if len(pair) == 1:
            result.add(
                ("relationships", r, "between"), "a relationship needs two different members"
            )
        elif pair in seen:
            result.add(
                ("relationships", r), "this pair already has a relationship", severity="warning"
            )
        seen.add(pair)
    _languages(result, ("en",), require_langs)


def check_scenario(
    result: FileResult, team: Team | None, team_ids: set[str], require_langs: tuple[str, ...] = ()
) -> None:
    """Cross-reference checks of a scenario against itself and its team."""
    scenario = result.model
    assert isinstance(scenario, Scenario)
    if team is None:
        hint = did_you_mean(scenario.team, team_ids) or (
            f"put a file with 'kind: team' and 'id: {scenario.team}' next to this scenario"
        )
        result.add(("team",), f"no team '{scenario.team}' found", hint)
    members = {m.id for m in team.members} if team else set()
    archetypes: set[str] = {m.archetype for m in team.members} if team else set()
    events = [e.id for e in scenario.events]
    known = set(events)
    _unique(result, [(e.id, ("events", i, "id")) for i, e in enumerate(scenario.events)], "event")
    _unique(
        result, [(e.id, ("endings", i, "id")) for i, e in enumerate(scenario.endings)], "ending"
    )
    for i, event in enumerate(scenario.events):
        if event.id == END:
            result.add(("events", i, "id"), "'end' is reserved for finishing the scenario")
        choice_ids = [
            (c.id, ("events", i, "choices", k, "id")) for k, c in enumerate(event.choices)
        ]
        _unique(result, [(cid, loc) for cid, loc in choice_ids if cid], "choice")
        for k, choice in enumerate(event.choices):
            # applied under one condition and violated under another is fine; always both is not
            both = tag_ids(choice.applies, True) & tag_ids(choice.violates, True)
            if both:
                result.add(("events", i, "choices", k, "violates"),
                           f"'{sorted(both)[0]}' is both applied and violated")  # fmt: skip
    if scenario.start is not None and scenario.start not in known:
        result.add(("start",), f"no event '{scenario.start}'", did_you_mean(scenario.start, events))
    endings = {e.id for e in scenario.endings}
    for target, loc in next_targets(scenario):
        if target in known:
            continue
        if target in endings:
            result.add(loc, f"'{target}' is an ending, not an event",
                       "write `end` to finish: the endings' conditions then choose which "
                       "ending is reached")  # fmt: skip
            continue
        hint = did_you_mean(target, [*events, END]) or "use an event id or 'end'"
        result.add(loc, f"no event '{target}'", hint)
    flags_set = _check_effects(result, scenario, known, members, archetypes, team)
    names = Names(members, flags_set, *check_format2(result, scenario, team))
    _check_conditions(result, names, team is not None)
    last = scenario.endings[-1]
    if last.when is not None and not last.early:
        result.add(("endings", len(scenario.endings) - 1, "when"),
                   "the last ending has a condition, so a playthrough may match no ending",
                   "remove 'when' from the last ending to make it the fallback")  # fmt: skip
    _languages(result, tuple(scenario.languages), require_langs)


def _check_effects(
    result: FileResult, scenario: Scenario, events: set[str], members: set[str],
    archetypes: set[str], team: Team | None,
) -> set[str]:  # fmt: skip
    """Effects name members, archetypes and events that exist; returns the flags they set."""
    flags: set[str] = set()
    for effect, loc in parts_of(result).effects():
        if isinstance(effect, SetFlag):
            if effect.value:
                flags.add(effect.name)
        elif isinstance(effect, Schedule) and effect.event not in events:
            hint = did_you_mean(effect.event, events) or "use the id of an event in this scenario"
            result.add((*loc, "event"), f"no event '{effect.event}'", hint)
        elif isinstance(effect, (Adjust, Reveal, Leave)) and team is not None:
            member = effect.member
            if member and member not in members:
                hint = did_you_mean(member, members) or one_of(members)
                result.add((*loc, "member"), f"no member '{member}' in team '{team.id}'", hint)
            archetype = None if isinstance(effect, Leave) else effect.archetype
            if archetype and archetype not in archetypes:
                result.add((*loc, "archetype"), f"nobody in team '{team.id}' is {archetype}",
                           "this effect will change nothing", severity="warning")  # fmt: skip
    return flags


@dataclass(frozen=True)
class Names:
    """What conditions of one scenario may read besides the fixed names."""

    members: set[str]
    flags: set[str]
    counters: set[str]
    problems: set[str]
    stakeholders: set[str]


def _check_conditions(result: FileResult, names: Names, know_team: bool) -> None:
    for condition, loc, per_member in parts_of(result).conditions():
        for ref in condition.names:
            problem, hint = _name_problem(ref.parts, per_member, names, know_team)
            if problem:
                result.add(loc, problem, hint, offset=ref.offset)


def _name_problem(
    parts: tuple[str, ...], per_member: bool, names: Names, know_team: bool
) -> tuple[str, str]:
    members, flags = names.members, names.flags
    dotted = ".".join(parts)
    if per_member:
        if len(parts) == 1 and parts[0] in WHERE_NAMES:
            return "", ""
        return f"unknown name '{dotted}' in a member condition", (
            did_you_mean(dotted, WHERE_NAMES) or one_of(WHERE_NAMES, limit=13)
        )
    head = parts[0]
    if head == "stakeholders":
        return _stakeholder_problem(parts, names.stakeholders)
    if len(parts) == 1:
        if head in SCENARIO_SINGLE:
            return "", ""
        known = [*SCENARIO_SINGLE, *(f"{g}.{n}" for g, names in GROUPS.items() for n in names)]
        return f"unknown name '{dotted}'", did_you_mean(dotted, known) or one_of(known, limit=10)
    if len(parts) != 2:
        return f"unknown name '{dotted}'", "names have at most one dot, e.g. team.morale"
    name = parts[1]
    for group, known_set, how in (
        ("counters", names.counters, f"change it with {{type: count, name: {name}, add: 1}}"),
        ("problems", names.problems, "list it in the scenario's problems"),
    ):
        if head == group:
            if name in known_set:
                return "", ""
            return f"no {group[:-1]} '{name}' in this scenario", (
                did_you_mean(dotted, [f"{group}.{n}" for n in known_set]) or how
            )
    if head == "flags":
        if name in flags:
            return "", ""
        return f"flag '{name}' is read but never set", (
            did_you_mean(dotted, [f"flags.{f}" for f in flags])
            or f"set it with {{type: flag, name: {name}}}"
        )
    if head in GROUPS or head in members:
        known_names = GROUPS.get(head, MEMBER_FIELDS)
        if name in known_names:
            return "", ""
        hint = did_you_mean(dotted, [f"{head}.{n}" for n in known_names])
        return f"unknown name '{dotted}'", hint or one_of(known_names)
    if not know_team:
        return "", ""
    known = ["team", "flags", "counters", "problems", "stakeholders", *GROUPS, *sorted(members)]
    return f"unknown name '{head}' in '{dotted}'", did_you_mean(head, known) or (
        "use team, flags, counters, problems, stakeholders, milestones, leader, applied, "
        "violated or a member id"
    )


def _stakeholder_problem(parts: tuple[str, ...], stakeholders: set[str]) -> tuple[str, str]:
    dotted = ".".join(parts)
    if len(parts) != 3:
        return f"unknown name '{dotted}'", "write stakeholders.ID.trust or stakeholders.ID.patience"
    if parts[1] not in stakeholders:
        hint = did_you_mean(parts[1], stakeholders) or "list it in the scenario's stakeholders"
        return f"no stakeholder '{parts[1]}' in this scenario", hint
    if parts[2] not in STAKEHOLDER_FIELDS:
        return f"unknown name '{dotted}'", one_of(STAKEHOLDER_FIELDS)
    return "", ""


def _unique(result: FileResult, items: list[tuple[str, Loc]], what: str) -> None:
    counts = Counter(i for i, _ in items)
    seen: set[str] = set()
    for item, loc in items:
        if counts[item] > 1 and item in seen:
            result.add(loc, f"duplicate {what} id '{item}'", "ids must be unique")
        seen.add(item)


def _languages(result: FileResult, declared: tuple[str, ...], required: tuple[str, ...]) -> None:
    assert result.model is not None
    wanted = dict.fromkeys(declared, "warning")
    wanted.update(dict.fromkeys(required, "error"))
    default = declared[0] if declared else "en"
    for text, loc in parts_of(result).texts():
        have = set(text) if isinstance(text, dict) else {default}
        for lang, severity in wanted.items():
            if lang not in have:
                shape = ", ".join(f"{code}: ..." for code in sorted(have | {lang}))
                result.add(loc, f"text has no '{lang}' version", f"write it as {{{shape}}}",
                           severity="error" if severity == "error" else "warning")  # fmt: skip
