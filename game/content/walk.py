"""Walking a scenario's parts with their paths: effects, conditions, texts, next-event links.

What each field of each model holds (text, a condition, nested models) is worked out once, at
import, from the models' annotations; walking a scenario of thousands of events then only
reads attributes.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from game.content.conditions import Condition
from game.content.loader import Loc
from game.content.models import (
    END,
    TEXT,
    Branch,
    Chance,
    Effect,
    Later,
    Scenario,
    Team,
    When,
)


def iter_effects(effects: list[Effect], loc: Loc) -> Iterator[tuple[Effect, Loc]]:
    """Every effect in a list, nested ones (later, chance, when) included, with its path."""
    for i, effect in enumerate(effects):
        here = (*loc, i)
        yield effect, here
        if isinstance(effect, Later):
            yield from iter_effects(effect.effects, (*here, "effects"))
        elif isinstance(effect, (Chance, When)):
            yield from iter_effects(effect.then, (*here, "then"))
            yield from iter_effects(effect.else_, (*here, "else"))


def scenario_effects(scenario: Scenario) -> Iterator[tuple[Effect, Loc]]:
    """All effects of a scenario: choices' and time-outs'."""
    for e, event in enumerate(scenario.events):
        yield from iter_effects(event.on_timeout, ("events", e, "on_timeout"))
        for c, choice in enumerate(event.choices):
            yield from iter_effects(choice.effects, ("events", e, "choices", c, "effects"))


@dataclass(frozen=True)
class FieldInfo:
    """What one field of a model holds, as far as walking is concerned."""

    name: str
    key: str  # the name in YAML (`if` for `if_`)
    text: bool  # player-facing text (or a list of texts)
    condition: bool
    models: bool  # may hold nested models (directly or in a list)
    per_member: bool  # a condition evaluated for each member (`where`)


def _has_marker(annotation: Any, marker: object) -> bool:
    return any(arg is marker or _has_marker(arg, marker) for arg in typing.get_args(annotation))


def _model_types(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _model_types(arg)]


def _mentions(annotation: Any, kind: type) -> bool:
    if annotation is kind:
        return True
    return any(_mentions(arg, kind) for arg in typing.get_args(annotation))


def _field_table(
    roots: tuple[type[BaseModel], ...],
) -> dict[type[BaseModel], tuple[FieldInfo, ...]]:
    table: dict[type[BaseModel], tuple[FieldInfo, ...]] = {}
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model in table:
            continue
        fields = []
        for name, info in model.model_fields.items():
            nested = _model_types(info.annotation)
            todo.extend(nested)
            text = TEXT in info.metadata or _has_marker(info.annotation, TEXT)
            condition = _mentions(info.annotation, Condition)
            fields.append(
                FieldInfo(name, info.alias or name, text, condition, bool(nested), name == "where")
            )
        table[model] = tuple(fields)
    return table


FIELDS = MappingProxyType(_field_table((Scenario, Team)))


def iter_models(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[BaseModel, Loc]]:
    """The model and every model nested in it, with paths."""
    yield model, loc
    for f in FIELDS[type(model)]:
        if not f.models:
            continue
        value = getattr(model, f.name)
        if isinstance(value, BaseModel):
            yield from iter_models(value, (*loc, f.key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_models(item, (*loc, f.key, i))


def iter_texts(model: BaseModel) -> Iterator[tuple[str | dict[str, str], Loc]]:
    """Every player-facing text in a scenario or team, with its path."""
    for part, loc in iter_models(model):
        for f in FIELDS[type(part)]:
            if not f.text:
                continue
            value = getattr(part, f.name)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    yield item, (*loc, f.key, i)
            elif value is not None:
                yield value, (*loc, f.key)


def iter_conditions(model: BaseModel) -> Iterator[tuple[Condition, Loc, bool]]:
    """Every condition with its path; the flag says it is evaluated per member (`where`)."""
    for part, loc in iter_models(model):
        for f in FIELDS[type(part)]:
            if f.condition:
                value = getattr(part, f.name)
                if isinstance(value, Condition):
                    yield value, (*loc, f.key), f.per_member


def next_targets(scenario: Scenario) -> Iterator[tuple[str, Loc]]:
    """Every event id that a `next` or `goto` names, with its path (`end` excluded)."""
    for e, event in enumerate(scenario.events):
        owners: list[tuple[Any, Loc]] = [(event.next, ("events", e, "next"))]
        owners += [
            (c.next, ("events", e, "choices", i, "next")) for i, c in enumerate(event.choices)
        ]
        for value, loc in owners:
            if isinstance(value, str):
                if value != END:
                    yield value, loc
            elif isinstance(value, list):
                for b, branch in enumerate(value):
                    assert isinstance(branch, Branch)
                    if branch.goto != END:
                        yield branch.goto, (*loc, b, "goto")
