"""Reading JSON that may come from anywhere: a save, a database column, an export.

:func:`loads` refuses, with a readable :class:`BadJSON`, what the standard parser would turn
into a crash or a trap further on: nesting too deep for the parser, integers of thousands of
digits (Python refuses to convert them back to text), and ``NaN``/``Infinity`` or numbers too
large for a float, which are not JSON and break every calculation they reach.
"""

from __future__ import annotations

import json
import math

from game.store.errors import BadJSON

MAX_NUMBER_CHARS = 40


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadJSON(f"it holds a number with {len(text)} digits, more than a save ever has")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS * 2:
        raise BadJSON(f"it holds a number written with {len(text)} characters")
    value = float(text)
    if not math.isfinite(value):
        raise BadJSON(f"it holds the number {text[:20]}, too large to be used")
    return value


def _parse_constant(name: str) -> object:
    raise BadJSON(f"it holds {name}, which is not a number JSON allows")


def loads(text: str) -> object:
    """Decode ``text``; :class:`BadJSON` says what is wrong and where."""
    try:
        return json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
        )
    except json.JSONDecodeError as exc:
        raise BadJSON(f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise BadJSON("its JSON is nested too deeply") from None
