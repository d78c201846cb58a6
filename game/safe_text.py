"""Text from files, databases and players, made safe to show.

Two dangers, two functions:
* `visible()` for anything printed to a terminal: control characters (escape sequences, bell,
  carriage return, bidirectional overrides) are shown escaped, as `\\x1b` or `\\u202e`, so a
  hostile scenario or name can neither move the cursor nor fake output;
* `invisible_characters()` finds characters that print as nothing (zero-width space and
  joiner, word joiner, byte-order mark, soft hyphen, tag characters, direction marks, Hangul
  filler, Braille blank...), so that names which look alike are refused or normalised.
"""

from __future__ import annotations

import unicodedata

# Printable but blank or zero-width: they make two names that look the same.
_BLANK = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u2060\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f\u2800\u3164"
    "\ufeff\uffa0"
)
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp", "Co", "Cn"})


def is_unsafe(char: str) -> bool:
    """True for a character that must not reach a terminal as it is."""
    if char in "\n\t":
        return False
    return unicodedata.category(char) in _UNSAFE_CATEGORIES or char in _BIDI


def is_invisible(char: str) -> bool:
    """True for a character that prints as nothing or as a blank, besides ordinary spaces."""
    code = ord(char)
    if char in _BLANK or 0xE0000 <= code <= 0xE007F or 0xFE00 <= code <= 0xFE0F:
        return True
    return unicodedata.category(char) == "Cf" or char in _BIDI


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: object, *, keep_newlines: bool = True) -> str:
    """`text` with every control character shown escaped (newlines and tabs kept if asked)."""
    raw = str(text)
    if raw.isprintable() and (keep_newlines or "\n" not in raw):
        return raw
    out = []
    for char in raw:
        kept = char in "\n\t" if keep_newlines else False
        printable = char.isprintable() and not is_unsafe(char)
        out.append(char if kept or printable else _escape(char))
    return "".join(out)


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """(1-based position, description) of each invisible character in `text`."""
    found = []
    for position, char in enumerate(text, start=1):
        if is_invisible(char):
            name = unicodedata.name(char, "")
            found.append((position, f"U+{ord(char):04X}" + (f" {name}" if name else "")))
    return found
