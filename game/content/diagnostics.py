"""Problems found in scenario files, reported the way authors need them.

Every problem carries the file, the line and column of the offending node, the dotted field
path, what is wrong and, where we can tell, how to fix it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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

    def format(self) -> str:
        """`PATH:LINE:COL: error|warning: FIELD.PATH: message (hint)`."""
        field = self.field or "(document)"
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_json(self) -> dict[str, object]:
        return asdict(self)


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
