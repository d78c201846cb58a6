"""Printing text that came from files and databases to a terminal, safely.

Names, scenario ids and other stored text reach the terminal through
:func:`game.safe_text.visible`: an escape sequence, a bell or a direction override in a
player's name prints as ``\\x1b``-style text instead of acting on the terminal. JSON output is
escaped the JSON way (``\\u001b``), so it stays valid JSON.
"""

from __future__ import annotations

import json

from game.safe_text import is_unsafe, visible


def line(text: object) -> str:
    """``text`` for one line of terminal output: every control character shown escaped."""
    return visible(text, keep_newlines=False)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(data: object) -> str:
    """``data`` as indented JSON in which no character can act on a terminal.

    Characters JSON leaves as they are (C1 controls, direction overrides, unpaired
    surrogates from undecodable text) are written as ``\\u`` escapes, which every JSON
    reader turns back into the same text.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if text.isprintable():
        return text
    return "".join(
        _json_escape(char) if char not in "\n\t" and (is_unsafe(char) or not char.isprintable())
        else char
        for char in text
    )  # fmt: skip
