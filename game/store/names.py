"""Rules for player names (and manual save-slot names).

A name is normalised to Unicode NFC; characters that print as nothing (zero-width space and
joiner, word joiner, byte-order mark, soft hyphen, tag characters, direction marks, Hangul
filler, Braille blank, ...; see :func:`game.safe_text.is_invisible`) are left out, every kind of
space becomes one ordinary space, and the ends are trimmed. What remains must be 1-32
characters long (counted in code points) and free of control characters: ASCII/C1 controls
(tabs, newlines, escape, ...), line/paragraph separators and the bidirectional overrides that
can make a name display as something else. A name made only of invisible characters is
refused. Any script is welcome ("Анна Петрова", "李雷", "Zoë").

Leaving invisible characters out (rather than refusing the name) means "Eve" typed with a
stray zero-width joiner is simply Eve: it cannot become a second Eve that looks the same.
"""

from __future__ import annotations

import unicodedata

from game.safe_text import is_invisible
from game.store.errors import InvalidName

MAX_NAME_LENGTH = 32

# Bidi embeddings, overrides and isolates: invisible, and able to reorder what is displayed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _visible_text(name: str) -> tuple[str, list[str]]:
    """``name`` without invisible characters, spaces made ordinary and single; also the
    descriptions of the characters that were left out."""
    kept: list[str] = []
    dropped: list[str] = []
    for char in name:
        if is_invisible(char):
            dropped.append(_describe(char))
        elif unicodedata.category(char) == "Zs":
            if kept and kept[-1] != " ":
                kept.append(" ")
        else:
            kept.append(char)
    return "".join(kept).strip(), dropped


def normalize_name(raw: object, *, what: str = "name", max_length: int = MAX_NAME_LENGTH) -> str:
    """Return the cleaned name, or raise :class:`InvalidName` saying what is wrong.

    ``what`` names the field in messages ("name", "slot name").
    """
    if not isinstance(raw, str):
        raise InvalidName(f"the {what} must be text, not {type(raw).__name__}", "name_not_text")
    text = unicodedata.normalize("NFC", raw.strip())
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) in _REFUSED_CATEGORIES or char in _BIDI_CONTROLS:
            raise InvalidName(
                f"the {what} contains a control character ({_describe(char)}) at position "
                f"{position}; use only visible characters and spaces",
                "name_control",
                position=position,
                char=_describe(char),
            )
    name, dropped = _visible_text(text)
    if not name:
        if dropped:
            raise InvalidName(
                f"the {what} has no visible characters (only invisible ones such as "
                f"{dropped[0]}); type at least one visible character",
                "name_empty",
            )
        raise InvalidName(f"the {what} is empty; type at least one visible character", "name_empty")
    if len(name) > max_length:
        raise InvalidName(
            f"the {what} is {len(name)} characters long; at most {max_length} are allowed",
            "name_too_long",
            length=len(name),
            max=max_length,
        )
    return name


def name_key(name: str) -> str:
    """The key under which personal bests are grouped: case-insensitive in every script, blind
    to invisible characters, to the kind and number of spaces, and to full-width forms."""
    visible, _ = _visible_text(unicodedata.normalize("NFC", name))
    return unicodedata.normalize("NFKC", visible.casefold())
