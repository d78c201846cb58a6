"""Text cells that a spreadsheet program will show as text, never run as a formula.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or the
full-width forms of the first four, which some programs also accept), possibly after spaces,
is a formula to Excel, LibreOffice and Google Sheets; such a cell gets a leading apostrophe,
which those programs hide and which keeps the text exactly as it was.
"""

from __future__ import annotations

FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def spreadsheet_text(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet would run it as a formula."""
    stripped = value.lstrip(" \u3000")
    return "'" + value if stripped[:1] in FORMULA_START else value


def spreadsheet_cell(value: object) -> object:
    """A CSV cell: text is guarded with :func:`spreadsheet_text`, numbers and None pass."""
    return spreadsheet_text(value) if isinstance(value, str) else value
