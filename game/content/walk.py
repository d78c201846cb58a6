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
from game.content.loader import FileResult, Loc
from game.content.models import (
    EFFECT_TYPES,
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
from game.content.models import Problem as ProblemEffect


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
    """The effects events own: as they begin, choices' and time-outs' (loc[1] is the event)."""
    for e, event in enumerate(scenario.events):
        yield from iter_effects(event.effects, ("events", e, "effects"))
        yield from iter_effects(event.on_timeout, ("events", e, "on_timeout"))
        for c, choice in enumerate(event.choices):
            yield from iter_effects(choice.effects, ("events", e, "choices", c, "effects"))


def all_effects(scenario: Scenario) -> Iterator[tuple[Effect, Loc]]:
    """Every effect of a scenario: the events' and the open problems' per-turn costs."""
    yield from scenario_effects(scenario)
    for p, problem in enumerate(scenario.problems):
        yield from iter_effects(problem.cost, ("problems", p, "cost"))


def opened_problems(scenario: Scenario) -> set[str]:
    """Ids of the problems that are open at the start or opened by some effect."""
    opened = {p.id for p in scenario.problems if p.open}
    for effect, _ in all_effects(scenario):
        if isinstance(effect, ProblemEffect) and effect.open:
            opened.add(effect.id)
    return opened


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
_NESTING = MappingProxyType(
    {model: tuple((f.name, f.key) for f in fields if f.models) for model, fields in FIELDS.items()}
)
_TEXTS = MappingProxyType(
    {model: tuple((f.name, f.key) for f in fields if f.text) for model, fields in FIELDS.items()}
)
_CONDITIONS = MappingProxyType(
    {
        model: tuple((f.name, f.key, f.per_member) for f in fields if f.condition)
        for model, fields in FIELDS.items()
    }
)


def iter_models(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[BaseModel, Loc]]:
    """The model and every model nested in it, with paths, parents before children."""
    # a stack rather than recursion: a scenario has tens of thousands of parts, and each
    # level of nested generators would pass every one of them up again
    stack = [(model, loc)]
    while stack:
        part, here = stack.pop()
        yield part, here
        children: list[tuple[BaseModel, Loc]] = []
        for name, key in _NESTING[type(part)]:
            value = getattr(part, name)
            if isinstance(value, list):
                children += [
                    (item, (*here, key, i))
                    for i, item in enumerate(value)
                    if isinstance(item, BaseModel)
                ]
            elif isinstance(value, BaseModel):
                children.append((value, (*here, key)))
        stack += reversed(children)


def iter_texts(model: BaseModel) -> Iterator[tuple[str | dict[str, str], Loc]]:
    """Every player-facing text in a scenario or team, with its path."""
    for part, loc in iter_models(model):
        for name, key in _TEXTS[type(part)]:
            value = getattr(part, name)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if not isinstance(item, BaseModel):  # a conditional part: walked as a model
                        yield item, (*loc, key, i)
            elif value is not None:
                yield value, (*loc, key)


def iter_conditions(model: BaseModel) -> Iterator[tuple[Condition, Loc, bool]]:
    """Every condition with its path; the flag says it is evaluated per member (`where`)."""
    for part, loc in iter_models(model):
        for name, key, per_member in _CONDITIONS[type(part)]:
            value = getattr(part, name)
            if value is not None:
                yield value, (*loc, key), per_member


_EFFECT_CLASSES = tuple(EFFECT_TYPES.values())


class Parts:
    """Every part of a scenario or team with its path, found in one walk.

    The checks and the lint each look at every condition, text and effect; walking tens of
    thousands of parts once and keeping the lists keeps a big scenario's check fast.
    """

    def __init__(self, model: BaseModel) -> None:
        self.models = list(iter_models(model))
        self._effects: list[tuple[Effect, Loc]] | None = None
        self._conditions: list[tuple[Condition, Loc, bool]] | None = None

    def effects(self) -> list[tuple[Effect, Loc]]:
        """Like `scenario_effects`: choices' and time-outs' effects, nested ones included."""
        if self._effects is None:
            classes = _EFFECT_CLASSES
            self._effects = [(p, loc) for p, loc in self.models if isinstance(p, classes)]  # type: ignore[misc]
        return self._effects

    def conditions(self) -> list[tuple[Condition, Loc, bool]]:
        """Like `iter_conditions`."""
        if self._conditions is None:
            self._conditions = [
                (value, (*loc, key), per_member)
                for part, loc in self.models
                for name, key, per_member in _CONDITIONS[type(part)]
                if (value := getattr(part, name)) is not None
            ]
        return self._conditions

    def texts(self) -> Iterator[tuple[str | dict[str, str], Loc]]:
        """Like `iter_texts`."""
        for part, loc in self.models:
            for name, key in _TEXTS[type(part)]:
                value = getattr(part, name)
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if not isinstance(item, BaseModel):
                            yield item, (*loc, key, i)
                elif value is not None:
                    yield value, (*loc, key)


def parts_of(result: FileResult) -> Parts:
    """The parts of a file's model, walked on first use and kept with the file's result."""
    if result.parts is None:
        result.parts = Parts(result.model)
    parts: Parts = result.parts
    return parts


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
