"""The field and effect reference of docs/authoring.md, generated from the models.

`python -m game.content.reference` prints it; `--write docs/authoring.md` replaces the text
between the `<!-- reference:start -->` and `<!-- reference:end -->` markers. A test checks
that the copy in the document equals what this module generates, so it cannot drift.
"""

from __future__ import annotations

import argparse
import sys
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from game.content import fields, models
from game.content.principles import ARCHETYPES, PRINCIPLE_IDS, PRINCIPLES, TRAITS
from game.content.templates import CASES
from game.content.validate import (
    GROUPS,
    MEMBER_FIELDS,
    MEMBER_METRICS,
    SCENARIO_SINGLE,
    STAKEHOLDER_FIELDS,
    WHERE_NAMES,
)
from game.content.walk import FIELDS

START = "<!-- reference:start -->"
END = "<!-- reference:end -->"

# the order the reference presents the models in: a team, then a scenario from the top down
SECTIONS: tuple[type[BaseModel], ...] = (
    models.Team,
    models.Member,
    models.Traits,
    models.Relationship,
    models.NameCases,
    models.TeamValue,
    models.Scenario,
    models.Scoring,
    models.StakeholderDef,
    models.ProblemDef,
    models.LeaderStart,
    models.Event,
    models.Choice,
    models.Tag,
    models.Branch,
    models.Ending,
    models.CondText,
)
_ANCHORS = {m: m.__name__.lower() for m in SECTIONS}
_EFFECTS = set(models.EFFECT_TYPES.values())


def _bound(metadata: Sequence[Any], name: str) -> str:
    value = next((getattr(m, name) for m in metadata if getattr(m, name, None) is not None), None)
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _bounds(metadata: Sequence[Any]) -> str:
    ge, gt, le = (_bound(metadata, name) for name in ("ge", "gt", "le"))
    if ge and le:
        return f" {ge} … {le}"
    parts = [f"above {gt}" if gt else f"from {ge}" if ge else "", f"up to {le}" if le else ""]
    return "".join(f" {p}" for p in parts if p)


def _literal(values: tuple[Any, ...]) -> str:
    if set(values) == set(PRINCIPLES):
        return "principle id"
    if set(values) == set(ARCHETYPES):
        return "archetype"
    if set(values) == set(models.ACTIONS):
        return "act (see [the table of acts](#the-table-of-acts))"
    return "one of " + ", ".join(f"`{v}`" for v in values)


def type_name(annotation: Any, metadata: Sequence[Any] = ()) -> str:
    """How a field's type reads to an author: `text`, `id`, `number 0 … 1`, `list of Choice`."""
    if typing.get_origin(annotation) is Annotated:
        base, *extra = typing.get_args(annotation)
        return type_name(base, [*extra, *metadata])
    meta = [*metadata]
    for m in metadata:  # `Field(ge=0)` inside an alias keeps its bounds in its own metadata
        if isinstance(m, FieldInfo):
            meta += m.metadata
    validators = [getattr(m, "func", None) for m in meta]
    if any(m is models.TEXT for m in meta):
        parts = typing.get_args(annotation) if typing.get_origin(annotation) else ()
        if any(typing.get_origin(a) is list for a in parts):
            return "text, or a list of [text parts](#text-variables-and-conditional-text)"
        return "text"
    if fields._condition in validators:
        return "condition"
    if any(getattr(f, "__qualname__", "").startswith("_magnitude") for f in validators):
        return "number -1 … 1, or a range [low, high]"
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if all(a in _EFFECTS for a in options):
            return "[effect](#effects)"
        if options and all(typing.get_origin(a) is list for a in options[1:]) and len(options) > 1:
            return "event id or `end`, or a list of [Branch](#branch)"
        return " or ".join(type_name(a, meta) for a in options)
    if origin is Literal:
        values = typing.get_args(annotation)
        return f"`{values[0]}`" if len(values) == 1 else _literal(values)
    if origin is list:
        return "list of " + type_name(typing.get_args(annotation)[0])
    if origin is dict:
        key, value = typing.get_args(annotation)
        return f"map of {type_name(key)} to {type_name(value)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{_ANCHORS.get(annotation, 'effects')})"
    patterns = [str(getattr(m, "pattern", "") or "") for m in meta]
    if annotation is str and any("{2}" in p for p in patterns):
        return "language code (two letters)"
    if annotation is str:
        return "id" if any(p for p in patterns) else "text"
    names = {bool: "true or false", int: "whole number", float: "number"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation))) + _bounds(meta)


def _default(info: FieldInfo) -> str:
    if info.default_factory is not None:
        value: Any = info.default_factory()  # type: ignore[call-arg]
    elif info.default is PydanticUndefined:
        return "**required**"
    else:
        value = info.default
    if value is None:
        return "—"
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return f"`[{', '.join(map(str, value))}]`"
    if isinstance(value, float):
        return f"`{value:g}`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def field_table(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[str]:
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        key = info.alias or name
        shown = type_name(info.annotation, info.metadata)
        rows.append(
            f"| `{key}` | {_cell(shown)} | {_default(info)} | {_cell(info.description or '')} |"
        )
    return rows


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _models() -> list[str]:
    out: list[str] = []
    for model in SECTIONS:
        out += ["", f"### {model.__name__}", "", _doc(model), "", *field_table(model)]
    return out


def _effects() -> list[str]:
    out = [
        "",
        "## Effects",
        "",
        "An effect is a mapping with a `type` and named arguments, e.g.",
        "`{type: adjust, member: anna, stress: 0.1}`. Where a number may be *a range [low, high]*,",
        "the value is drawn at random (reproducibly) each time the effect happens.",
    ]
    for tag, model in models.EFFECT_TYPES.items():
        out += ["", f"### `{tag}`", "", _doc(model)]
        fields = [n for n in model.model_fields if n != "type"]
        if fields:
            out += ["", *field_table(model, skip=("type",))]
    return out


_SINGLE_HELP = {
    "turn": "decisions made so far",
    "progress": "share of the goal delivered, 0 … 1",
    "left": "members who have left the team, for any reason",
    "quit": "members who quit or burned out: a failure of leadership",
    "dismissed": "members who left because the leader decided it (`leave`, `reason: decided`)",
    "members": "members on the team now (not away, not gone, already joined)",
    "priorities": "how many priorities the team juggles",
    "timeouts": "decisions on which the time ran out",
}
_GROUP_HELP = {
    "team": "averages over the members present",
    "milestones": "milestones reached and missed so far",
    "leader": "the leader's own composure, stress and energy, 0 … 1",
    "applied": "times principle P (an id from the table below) was applied so far",
    "violated": "times principle P was violated so far; applying it later does not undo this",
}
_MEMBER_HELP = {
    "left": "true once the member has left, for any reason",
    "quit": "true once the member quit or burned out",
    "away": "true while the member is away (`away`)",
    "revealed": "true once the leader knows the member's true state",
}
_OTHER_NAMES = [
    ("`flags.NAME`", "true once an effect sets the flag, false before"),
    ("`counters.NAME`", "the counter's value: 0 until a `count` effect changes it"),
    ("`problems.ID`", "true while the problem is open"),
    (
        ", ".join(f"`stakeholders.ID.{n}`" for n in STAKEHOLDER_FIELDS),
        "a stakeholder's trust in you and patience, 0 … 1",
    ),
]


def _group_names(group: str, names: Sequence[str]) -> str:
    if tuple(names) == tuple(PRINCIPLE_IDS):
        return f"`{group}.P`"
    return ", ".join(f"`{group}.{n}`" for n in names)


def _conditions() -> list[str]:
    metrics = ", ".join(f"`MEMBER.{n}`" for n in MEMBER_METRICS)
    where = ", ".join(f"`{n}`" for n in WHERE_NAMES)
    rows = ["| name | meaning |", "|---|---|"]
    rows += [f"| `{name}` | {_SINGLE_HELP[name]} |" for name in SCENARIO_SINGLE]
    rows += [
        f"| {_group_names(group, names)} | {_GROUP_HELP[group]} |"
        for group, names in GROUPS.items()
    ]
    rows += [f"| {name} | {meaning} |" for name, meaning in _OTHER_NAMES]
    rows.append(f"| {metrics} | one member's state, by the member's id |")
    others = [n for n in MEMBER_FIELDS if n not in MEMBER_METRICS]
    rows += [f"| `MEMBER.{n}` | {_MEMBER_HELP[n]} |" for n in others if n in _MEMBER_HELP]
    traits = [n for n in others if n in TRAITS]
    if traits:
        shown = ", ".join(f"`MEMBER.{n}`" for n in traits)
        rows.append(f"| {shown} | the member's trait, 0 … 1 (see the archetypes below) |")
    archetypes = [n for n in others if n in ARCHETYPES]
    if archetypes:
        shown = ", ".join(f"`MEMBER.{n}`" for n in archetypes)
        rows.append(f"| {shown} | true if the member is of that archetype |")
    unknown = [n for n in others if n not in _MEMBER_HELP and n not in traits + archetypes]
    if unknown:
        raise ValueError(f"no explanation for the member names {unknown}")
    return [
        "",
        "## Conditions",
        "",
        "A condition is text such as `team.morale < 0.4 and not flags.asked`: names, numbers,",
        "`true`/`false`, comparisons `< <= > >= == !=`, arithmetic `+ - * /`, and `and`, `or`,",
        "`not`, with parentheses. Nothing else is accepted (no function calls, no quotes).",
        "",
        *rows,
        "",
        f"Inside `where` of an `adjust` or an `act`, a condition is read for each member: {where}.",
    ]


def _rich_fields() -> list[str]:
    """Where a text may have conditional parts: `key` of Model, from the models."""
    found = []
    for model, infos in FIELDS.items():
        for info in infos:
            field = model.model_fields[info.name]
            shown = type_name(field.annotation, field.metadata)
            if info.text and "text parts" in shown:
                found.append(f"`{info.key}` of [{model.__name__}]({_anchor(model)})")
    return sorted(set(found))


def _anchor(model: type[BaseModel]) -> str:
    if model in _ANCHORS:
        return f"#{_ANCHORS[model]}"
    tag = next(k for k, v in models.EFFECT_TYPES.items() if v is model)
    return f"#{tag}"


def _variables() -> list[str]:
    cases = ", ".join(f"`{{ID.{c}}}`" for c in CASES)
    return [
        "",
        "## Text variables and conditional text",
        "",
        "In a format 2 scenario a text can name people by id, so that it reads right with",
        "every team that has those ids, whatever the people are called:",
        "",
        "| variable | becomes |",
        "|---|---|",
        "| `{ID}` | the name of the member or stakeholder `ID`, in the player's language |",
        "| `{ID.role}` | their role |",
        f"| {cases} | the member's name in that grammatical case, as the team's `cases` give it "
        "(the plain name where they give none; stakeholders have no cases) |",
        "| `{{`, `}}` | a literal brace |",
        "",
        "Some texts can also be a list of parts, joined with spaces when shown: a part that is",
        "a text is always shown; a part written as `{if: CONDITION, text: ..., else: ...}`",
        "([CondText](#condtext)) shows `text` when the condition holds at that moment and",
        "`else` (if given) when it does not. Texts that take parts: "
        + ", ".join(_rich_fields())
        + ".",
    ]


_GROUPS = {
    "function": "a manager's function",
    "quality": "a leader's quality",
    "mistake": "against a common mistake",
}


def _ids() -> list[str]:
    principles = ["| id | principle |", "|---|---|"]
    principles += [
        f"| `{p.id}` | {p.name['en']} ({_GROUPS[p.group]}): {p.explain['en']} |"
        for p in PRINCIPLES.values()
    ]
    archetypes = ["| archetype | " + " | ".join(TRAITS) + " |", "|---" * (len(TRAITS) + 1) + "|"]
    for a in ARCHETYPES.values():
        values = " | ".join(f"{a.traits[t]:g}" for t in TRAITS)
        archetypes.append(f"| `{a.id}` ({a.name['en']}) | {values} |")
    return [
        "",
        "## Principle ids",
        "",
        "For a choice's `applies` and `violates`.",
        "",
        *principles,
        "",
        "## Archetypes and their default traits",
        "",
        *archetypes,
    ]


def reference_text() -> str:
    """The whole reference as Markdown."""
    lines = [
        "## Fields",
        "",
        "Every key a file may hold. Any other key is an error. *text* is a string or a",
        "per-language map such as `{en: ..., ru: ...}`.",
        *_models(),
        *_effects(),
        *_conditions(),
        *_variables(),
        *_ids(),
    ]
    return "\n".join(lines) + "\n"


def embed(document: str, reference: str, start: str = START, end: str = END) -> str:
    """The document with the text between the markers replaced by `reference`."""
    head, found, rest = document.partition(start)
    _, found_end, tail = rest.partition(end)
    if not found or not found_end:
        raise ValueError(f"the document has no {start} ... {end} markers")
    return f"{head}{start}\n{reference}{end}{tail}"


def embedded(document: str, start: str = START, end: str = END) -> str:
    """The text the document holds between the markers."""
    return document.partition(start)[2].partition(end)[0].removeprefix("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.content.reference", description=__doc__)
    parser.add_argument("--write", metavar="DOC", type=Path, help="update this document")
    args = parser.parse_args(argv)
    text = reference_text()
    if args.write is None:
        sys.stdout.write(text)
        return 0
    document = args.write.read_text(encoding="utf-8")
    args.write.write_text(embed(document, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
