"""The field types scenario and team files are made of: ids, numbers, texts, conditions.

Every type is strict: a number written as text, an unknown language code or an empty text is an
error with a precise message, never silently converted.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
)

from game.content.conditions import Condition, ConditionSyntaxError, parse_condition

Id = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Lang = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z]{2}$")]
Unit = Annotated[float, Strict(), Field(ge=0.0, le=1.0)]
Int = Annotated[int, Strict()]
Number = Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True
    )


class ConditionValueError(ValueError):
    """Raised by the condition field validator; keeps the offset inside the text."""

    def __init__(self, err: ConditionSyntaxError) -> None:
        super().__init__(err.message)
        self.syntax = err


# every two-letter code: a set lookup is the fastest test, and texts are most of a scenario
_LANGS = frozenset(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase)


class TextKeyError(ValueError):
    """Raised by the text validator for one language of a text: points at its key or value."""

    def __init__(self, message: str, key: str, at_key: bool, hint: str = "") -> None:
        super().__init__(f"{message} ({hint})" if hint else message)
        self.message = message
        self.hint = hint
        self.key = key
        self.at_key = at_key


def _text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value or value.isspace():
            raise ValueError("text is empty")
        return value
    if isinstance(value, Mapping):
        if not value:
            raise ValueError("text has no language")
        out: dict[str, str] = {}
        for lang, item in value.items():
            if lang not in _LANGS:
                # `{en: Late, again, ru: ...}` reads `again` as a key with no value
                split = item is None or (isinstance(lang, str) and " " in lang.strip())
                hint = (
                    "inside { } a comma ends the text; put text that has commas in quotes"
                    if split
                    else "use two letters, e.g. en, ru"
                )
                raise TextKeyError(f"'{lang}' is not a language code", str(lang), True, hint)
            if not isinstance(item, str) or not item or item.isspace():
                raise TextKeyError(f"the '{lang}' text is empty or not text", lang, False)
            out[lang] = item
        return out
    raise ValueError("expected text, or a map of languages such as {en: ..., ru: ...}")


class TextMarker:
    """Marks a field as player-facing text (checked for languages)."""


TEXT = TextMarker()
_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ],
    "description": "Text: a string, or one string per language: {en: ..., ru: ...}",
}
Text = Annotated[str | dict[str, str], TEXT, PlainValidator(_text), WithJsonSchema(_TEXT_SCHEMA)]


def _condition(value: Any) -> Condition:
    if isinstance(value, Condition):
        return value
    if not isinstance(value, str):
        raise ValueError('expected a condition as text, e.g. "team.morale < 0.4"')
    try:
        return parse_condition(value)
    except ConditionSyntaxError as err:
        raise ConditionValueError(err) from None


Cond = Annotated[
    Condition,
    PlainValidator(_condition),
    WithJsonSchema(
        {"type": "string", "description": 'A condition, e.g. "team.morale < 0.4 and flags.x"'}
    ),
]


def _magnitude(limit: float) -> Any:
    def check(value: Any) -> float | tuple[float, float]:
        def number(v: Any) -> float:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError("expected a number or a range [low, high]")
            if not math.isfinite(v):
                raise ValueError(f"{v} is not allowed (write an ordinary number)")
            if abs(v) > limit:
                raise ValueError(f"{v} is outside [-{limit:g}, {limit:g}]")
            return float(v)

        if isinstance(value, (list, tuple)):
            if len(value) != 2:
                raise ValueError("a range has exactly two numbers: [low, high]")
            low, high = number(value[0]), number(value[1])
            if low > high:
                raise ValueError(f"the range [{low:g}, {high:g}] is reversed; write [low, high]")
            return (low, high)
        return number(value)

    return check


_NUMBER = {"type": "number", "minimum": -1.0, "maximum": 1.0}
Delta = Annotated[
    float | tuple[float, float],
    PlainValidator(_magnitude(1.0)),
    WithJsonSchema(
        {
            "anyOf": [_NUMBER, {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2}],
            "description": "A number in [-1, 1], or a range [low, high] drawn at random",
        }
    ),
]


class CondText(Model):
    """A sentence shown only when its condition holds (`else`: shown otherwise)."""

    if_: Cond = Field(alias="if", description="Checked when the text is shown.")
    text: Text = Field(description="Shown when the condition holds.")
    else_: Text | None = Field(None, alias="else", description="Shown when it does not.")


def _part_kind(value: Any) -> str:
    if isinstance(value, CondText) or (isinstance(value, Mapping) and "if" in value):
        return "when"
    return "text"


TextPart = Annotated[
    Annotated[Text, Tag("text")] | Annotated[CondText, Tag("when")],
    Discriminator(_part_kind),
]
RichText = Annotated[
    Text | list[TextPart],
    TEXT,
    Field(union_mode="left_to_right"),
]
"""A text, or a list of parts joined with spaces, some shown only when a condition holds:

    debrief:
      - {en: You kept the client., ru: Вы сохранили клиента.}
      - if: violated.composure == 0
        text: {en: You never lost your temper., ru: Вы ни разу не сорвались.}
"""
