"""Problems found in scenario files, reported the way authors need them.

Every problem carries the file, the line and column of the offending node, the dotted field
path, what is wrong and, where we can tell, how to fix it.
"""

from __future__ import annotations

import dataclasses
import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from game.safe_text import visible

Severity = Literal["error", "warning"]
SOURCE_WIDTH = 100  # characters of a source line shown around the spot


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file; sorts by file, then position."""

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str
    hint: str = ""
    # the offending line of the file (control characters escaped) and a caret under the spot
    source: str = dataclasses.field(default="", compare=False)
    caret: str = dataclasses.field(default="", compare=False)

    def format(self) -> str:
        """`PATH:LINE:COL: error|warning: FIELD.PATH: message (hint)`."""
        field = self.field or "(document)"
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def excerpt(self, indent: str = "    ") -> list[str]:
        """The source line and the caret under the spot, as lines to print after `format()`."""
        return [indent + self.source, indent + self.caret] if self.source else []

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def with_source(self, lines: Sequence[str]) -> Diagnostic:
        """This problem with its line of the file (`lines`, 0-based) and a caret under it."""
        if not 1 <= self.line <= len(lines):
            return self
        source, caret = excerpt(lines[self.line - 1], self.column)
        return dataclasses.replace(self, source=source, caret=caret)


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def excerpt(line: str, column: int, width: int = SOURCE_WIDTH) -> tuple[str, str]:
    """`line` ready for a terminal (escaped, cut to about `width` around `column`) and a caret
    line whose `^` stands under the character at `column` (1-based)."""
    before, after = visible(line[: column - 1]), visible(line[column - 1 :].rstrip("\r"))
    if len(before) > width // 2:
        before = "..." + before[-(width // 2) :]
    if len(before) + len(after) > width:
        after = after[: max(width - len(before), 1)] + "..."
    pad = "".join("\t" if c == "\t" else " " * _width(c) for c in before)
    return (before + after).rstrip(), pad + "^"


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` is most likely a misspelling of, if any is close enough."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "did you mean ..." hint for a misspelled name, or "" when nothing is close."""
    close = closest(word, candidates)
    return f"did you mean '{close}'?" if close else ""


def one_of(candidates: Iterable[str], limit: int = 8) -> str:
    """A short "expected one of: a, b, c" hint."""
    names = sorted(candidates)
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown += ", ..."
    return f"expected one of: {shown}"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


class ContentError(Exception):
    """Raised when content does not validate; carries every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        first = self.diagnostics[0].format() if self.diagnostics else "invalid content"
        super().__init__(first)
