"""Typing YAML scalars under the YAML 1.2 core schema, with safe tags and bounded numbers.

Only `true`/`false` are booleans (an answer such as `no` stays text), only the core tags are
allowed, and a number too large for any value becomes a `TooLarge` that the builder reports.
"""

from __future__ import annotations

import math
import re
from typing import Any

from game.content.yamlnodes import FieldPath, Mark, YamlError

MAX_DIGITS = 18  # a whole number of up to 18 digits; no scenario needs more
MAX_BITS = 63  # the same bound for hexadecimal and octal numbers

_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
CONTAINER_TAGS = {f"{_CORE}map", f"{_CORE}seq", f"{_CORE}omap"}


_WORDS: dict[str, Any] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_NUMBER_START = frozenset("+-.0123456789")


class TooLarge:
    """A number too large to be a LeadSim value (it stands in for it; the builder reports it).

    Python refuses to convert a decimal text of over 4,300 digits, and a whole number above
    about 1.8e308 cannot become a float; both used to crash the checker.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text if len(self.text) <= 20 else f"{self.text[:17]}..."

    def problem(self, mark: Mark, path: FieldPath) -> YamlError:
        if _FLOAT.match(self.text) and not _INT10.match(self.text):
            what, hint = f"{self} is more than a number can hold", "write an ordinary number"
        else:
            digits = self.text.lstrip("+-")
            digits = digits[2:] if digits[:2] in ("0x", "0o") else digits
            what = f"a whole number of {len(digits):,} digits"
            hint = f"LeadSim numbers have at most {MAX_DIGITS} digits"
        return YamlError(f"number too large: {what}", mark, hint, path)


def resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema."""
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_START:
        return text  # most scalars are words: skip the number patterns
    if _INT10.match(text):
        # counted before converting: Python refuses decimal texts over 4,300 digits
        if len(text) - (text[0] in "+-") > MAX_DIGITS:
            return TooLarge(text)
        return int(text)
    if _INT8.match(text) or _INT16.match(text):
        # powers of two convert in linear time, whatever the length
        whole = int(text[2:], 8 if text[1] == "o" else 16)
        return whole if whole.bit_length() <= MAX_BITS else TooLarge(text)
    if _FLOAT.match(text):
        number = float(text)
        return TooLarge(text) if math.isinf(number) else number
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def tagged_scalar(tag: str, text: str, mark: Mark, path: FieldPath) -> Any:
    if tag == f"{_CORE}str":
        return text
    value = resolve_plain(text)
    if isinstance(value, TooLarge):
        return value
    expected = {
        f"{_CORE}int": int,
        f"{_CORE}float": float,
        f"{_CORE}bool": bool,
        f"{_CORE}null": type(None),
    }[tag]
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not expected:
        raise YamlError(f"'{text}' is not a valid {tag.removeprefix(_CORE)}", mark, "", path)
    return value


def key_text(value: Any) -> str:
    if value is None:
        return "null"
    return str(value).lower() if isinstance(value, bool) else str(value)


def bad_tag(tag: str, mark: Mark, path: FieldPath) -> YamlError:
    shown = tag.replace(_CORE, "!!")
    return YamlError(
        f"tag {shown} is not allowed",
        mark,
        "LeadSim files use plain YAML values only; remove the tag",
        path,
    )
