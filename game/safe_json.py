"""JSON that is safe to print to a terminal and stays plain JSON.

`json.dumps(..., ensure_ascii=False)` keeps text readable but lets through characters that a
terminal acts on: DEL, the C1 controls (U+009B starts an escape sequence on some terminals),
line separators and bidirectional overrides. `dumps()` writes those, and only those, as
`\\uXXXX` escapes, so the text reads the same and any JSON reader gets the same values.
"""

from __future__ import annotations

import json
from typing import Any

from game.safe_text import is_unsafe


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(data: Any, **options: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, **options)` with terminal-unsafe characters escaped."""
    text = json.dumps(data, ensure_ascii=False, **options)
    if text.isascii() and text.isprintable():
        return text
    # outside strings json.dumps writes only ASCII, so every unsafe character is inside a string
    return "".join(_escape(c) if c not in "\n\t" and is_unsafe(c) else c for c in text)
