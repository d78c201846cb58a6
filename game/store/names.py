"""Rules for player names (and manual save-slot names).

A name is trimmed of surrounding whitespace and normalised to Unicode NFC, then must be 1-32
characters long (counted in code points) and free of control characters: ASCII/C1 controls
(tabs, newlines, escape, ...), line/paragraph separators and the invisible bidirectional
overrides that can make a name display as something else. Any script is welcome
("Анна Петрова", "李雷", "Zoë").
"""

from __future__ import annotations

import unicodedata

from game.store.errors import InvalidName

MAX_NAME_LENGTH = 32

# Bidi embeddings, overrides and isolates: invisible, and able to reorder what is displayed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def normalize_name(raw: object, *, what: str = "name", max_length: int = MAX_NAME_LENGTH) -> str:
    """Return the cleaned name, or raise :class:`InvalidName` saying what is wrong.

    ``what`` names the field in messages ("name", "slot name").
    """
    if not isinstance(raw, str):
        raise InvalidName(f"the {what} must be text, not {type(raw).__name__}", "name_not_text")
    name = unicodedata.normalize("NFC", raw.strip())
    if not name:
        raise InvalidName(f"the {what} is empty; type at least one visible character", "name_empty")
    for position, char in enumerate(name, start=1):
        if unicodedata.category(char) in _REFUSED_CATEGORIES or char in _BIDI_CONTROLS:
            raise InvalidName(
                f"the {what} contains a control character ({_describe(char)}) at position "
                f"{position}; use only visible characters and spaces",
                "name_control",
                position=position,
                char=_describe(char),
            )
    if len(name) > max_length:
        raise InvalidName(
            f"the {what} is {len(name)} characters long; at most {max_length} are allowed",
            "name_too_long",
            length=len(name),
            max=max_length,
        )
    return name


def name_key(name: str) -> str:
    """The key under which personal bests are grouped: case-insensitive in every script."""
    return unicodedata.normalize("NFC", name.casefold())
