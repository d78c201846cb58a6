"""Walking a scenario's parts with their paths: effects, conditions, texts, next-event links."""

from __future__ import annotations

import typing
from collections.abc import Iterator
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


def _has_marker(annotation: Any, marker: object) -> bool:
    return any(arg is marker or _has_marker(arg, marker) for arg in typing.get_args(annotation))


def _key(model: BaseModel, name: str) -> str:
    info = type(model).model_fields[name]
    return info.alias or name


def iter_models(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[BaseModel, Loc]]:
    """The model and every model nested in it, with paths."""
    yield model, loc
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = _key(model, name)
        if isinstance(value, BaseModel):
            yield from iter_models(value, (*loc, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_models(item, (*loc, key, i))


def iter_texts(model: BaseModel) -> Iterator[tuple[str | dict[str, str], Loc]]:
    """Every player-facing text in a scenario or team, with its path."""
    for part, loc in iter_models(model):
        for name, info in type(part).model_fields.items():
            value = getattr(part, name)
            if value is None or not (TEXT in info.metadata or _has_marker(info.annotation, TEXT)):
                continue
            key = _key(part, name)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    yield item, (*loc, key, i)
            else:
                yield value, (*loc, key)


def iter_conditions(model: BaseModel) -> Iterator[tuple[Condition, Loc, bool]]:
    """Every condition with its path; the flag says it is evaluated per member (`where`)."""
    for part, loc in iter_models(model):
        for name in type(part).model_fields:
            value = getattr(part, name)
            if isinstance(value, Condition):
                yield value, (*loc, _key(part, name)), name == "where"


def next_targets(scenario: Scenario) -> Iterator[tuple[str, Loc]]:
    """Every event id that a `next` or `goto` names, with its path (`end` excluded)."""
    for e, event in enumerate(scenario.events):
        owners: list[tuple[Any, Loc]] = [(event.next, ("events", e, "next"))]
        owners += [(c.next, ("events", e, "choices", i, "next")) for i, c in enumerate(event.choices)]
        for value, loc in owners:
            if isinstance(value, str):
                if value != END:
                    yield value, loc
            elif isinstance(value, list):
                for b, branch in enumerate(value):
                    assert isinstance(branch, Branch)
                    if branch.goto != END:
                        yield branch.goto, (*loc, b, "goto")
