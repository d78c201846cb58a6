"""What a decision in a playthrough log may be.

A log names each decision by its choice id (a string like ``call_the_client``) or holds None
when the time ran out. Logs made by the first engine hold 1-based choice positions instead
(``0`` = the time ran out); both shapes are accepted everywhere a log is stored or read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from game.store.errors import InvalidDecisions

Decision = str | int | None

CHOICE_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
# An event offers at most five choices; 0 is a decision whose time ran out.
MAX_CHOICE_POSITION = 5
MAX_DECISIONS = 10_000


def _describe(item: object) -> str:
    if isinstance(item, str):
        shown = repr(item) if len(item) <= 40 else repr(item[:37]) + "..."
        return f"the text {shown}"
    if isinstance(item, bool):
        return f"the flag {str(item).lower()}"
    if isinstance(item, int):
        return f"the number {item}" if abs(item) < 10**12 else "a very large number"
    if isinstance(item, float):
        return f"the number {item!r}"
    if isinstance(item, list):
        return "a list"
    if isinstance(item, dict):
        return "an object"
    return type(item).__name__


def check_decision(item: object, position: int) -> Decision:
    """``item`` when it is a decision; :class:`InvalidDecisions` naming ``position`` if not."""
    if item is None:
        return None
    if isinstance(item, str):
        if CHOICE_ID.fullmatch(item):
            return item
    elif type(item) is int and 0 <= item <= MAX_CHOICE_POSITION:
        return item
    raise InvalidDecisions(
        f"decision {position} is {_describe(item)}, which is neither a choice id (lower-case "
        f"letters, digits and _), a choice number 0-{MAX_CHOICE_POSITION} nor null"
    )


def check_decisions(items: object) -> tuple[Decision, ...]:
    """The decisions as a tuple, or :class:`InvalidDecisions` saying which one is wrong."""
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidDecisions(f"the decisions must be a list, not {_describe(items)}")
    checked = []
    for position, item in enumerate(items, start=1):
        if position > MAX_DECISIONS:
            raise InvalidDecisions(f"a log holds at most {MAX_DECISIONS} decisions")
        checked.append(check_decision(item, position))
    return tuple(checked)


def timed_out(decision: Decision) -> bool:
    """True for a decision whose time ran out (None, or 0 in logs of the first engine)."""
    return decision is None or decision == 0
