"""YAML syntax errors told in an author's words, at the line where the problem starts.

The parser reports where it gave up, in its own terms ("did not find expected key"); the slip
that caused it is often lines earlier: a quote never closed, a line indented one space too
far, a key without its colon. `explain()` looks at the parser's error, the last value it read
and the text around it, and says what the author most likely did and how to fix it, with the
field path of the spot. `masked()` blanks out the broken part, so that the rest of the file
can be read for more syntax errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from game.content.yamlnodes import FieldPath, Mark, YamlError

PREFIX = "YAML syntax: "
QUOTE_HINT = "put the text in quotes"
LONG_TEXT = "close it on the same line, or write long text as 'key: >-' and indent it below"
# `key:` at the start of a line (after any list dashes), and what follows it
_KEY = re.compile(r"\s*(?:-\s+)*([A-Za-z_][\w.-]*)\s*:(?:\s|$)")
_KEY_NO_COLON = re.compile(r"\s*(?:-\s+)*([A-Za-z_][\w-]*)\s+[\[{]")


class Reading(Protocol):
    """What the reader knew when the parser stopped (see yamlbuild.Builder)."""

    last: Any

    def path(self) -> FieldPath: ...

    def path_at(self, column: int, item: bool = False) -> FieldPath: ...


@dataclass
class _Spot:
    """A parser error with what is known around it."""

    err: yaml.MarkedYAMLError
    problem: str
    context: str
    where: Any  # the parser's mark where it gave up
    lines: list[str]
    reading: Reading
    scalar: Any  # the last scalar read, if the last event was one

    @property
    def line(self) -> str:
        return self.row(self.where.line)

    def row(self, index: int) -> str:
        """Line `index` (0-based) of the text; "" past its end (where the parser may stop)."""
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @property
    def quoted(self) -> bool:
        return self.scalar is not None and self.scalar.style in ("'", '"')

    def error(self, message: str, mark: Mark, hint: str, path: FieldPath) -> YamlError:
        return YamlError(
            PREFIX + message, mark, hint, path, syntax=True, reached=self.where.line + 1
        )

    def at_line_start(
        self, message: str, hint: str, row: int | None = None, column: int | None = None
    ) -> YamlError:
        """An error about a whole line (`row`, 0-based; default the parser's): its indentation
        or its key. It is shown at the line's first text, or at `column` (1-based)."""
        row = self.where.line if row is None else row
        text = self.row(row)
        first = _first_text(text)
        path = self.reading.path_at(first, text.lstrip().startswith("-"))
        return self.error(message, Mark(row + 1, column or first), hint, path)

    def in_line(self, message: str, mark: Any, hint: str) -> YamlError:
        """An error inside a line: the field is the key of that line, if it has one."""
        path = _with_key(self.reading.path(), self.row(mark.line), mark.column)
        return self.error(message, _mark(mark), hint, path)


def _mark(mark: Any) -> Mark:
    return Mark(mark.line + 1, mark.column + 1)


def _first_text(line: str) -> int:
    """1-based column of the first character of a line that is not a space or a tab."""
    return len(line) - len(line.lstrip(" \t")) + 1


def _with_key(path: FieldPath, line: str, column: int) -> FieldPath:
    """`path` ending at the key written on `line` before `column` (0-based), if there is one."""
    found = _KEY.match(line)
    if found is None or found.end(1) > column:
        return path
    key = found.group(1)
    if key in path:
        last = len(path) - 1 - path[::-1].index(key)
        return path[: last + 1]
    return (*path, key)


def _tab(s: _Spot) -> YamlError | None:
    if s.line[s.where.column : s.where.column + 1] != "\t" and "tab" not in s.problem:
        return None
    return s.at_line_start("a tab character here; YAML indents with spaces only",
                           "replace the tab with spaces", column=s.where.column + 1)  # fmt: skip


def _quote_never_closed(s: _Spot) -> YamlError | None:
    start = s.err.context_mark
    if "end of stream" not in s.problem or "quoted scalar" not in s.context or start is None:
        return None
    return s.in_line("this quoted text is never closed", start, "add the closing quote")


def _quote_runs_on(s: _Spot) -> YamlError | None:
    if not s.quoted:
        return None
    start, end = s.scalar.start_mark, s.scalar.end_mark
    if start.line < end.line:
        return s.in_line(f"this quoted text runs on to line {end.line + 1}: its closing quote "
                         "is probably missing", start, LONG_TEXT)  # fmt: skip
    if end.line == s.where.line:
        return s.in_line("the text goes on after its closing quote", s.where,
                         "put all of it in quotes: '\"Hi\" she said' in single quotes")  # fmt: skip
    return None


def _dash_without_space(s: _Spot) -> YamlError | None:
    text = s.line.lstrip()
    if not (text.startswith("-") and len(text) > 1 and text[1] not in " \t-"):
        return None
    return s.at_line_start("a '-' starts a list item only when a space follows it",
                           f"write '- {text[1:40]}'")  # fmt: skip


def _no_colon(s: _Spot) -> YamlError | None:
    start = s.err.context_mark
    if "could not find expected ':'" in s.problem and start is not None:
        key = s.row(start.line).strip()
        shown = key if len(key) <= 30 else key[:27] + "..."
        return s.at_line_start(f"'{shown}' has no ':' after its key",
                               "write it as 'key: value', or join it to the line above",
                               start.line)  # fmt: skip
    found = _KEY_NO_COLON.match(s.line)
    if "mapping values are not allowed" in s.problem and found and not _KEY.match(s.line):
        return s.at_line_start(f"'{found.group(1)}' has no ':' after it",
                               f"write '{found.group(1)}: ...'")  # fmt: skip
    return None


def _colon_in_text(s: _Spot) -> YamlError | None:
    if "mapping values are not allowed" not in s.problem:
        return None
    scalar = s.scalar
    if scalar is not None and not s.quoted and scalar.start_mark.line < s.where.line:
        return s.at_line_start(
            "this line is indented deeper than the keys above it, so it is read as more of "
            f"the text on line {scalar.start_mark.line + 1}",
            "line its key up with the keys above it",
        )
    return s.in_line("a ': ' inside unquoted text", s.where,
                     f"{QUOTE_HINT}, or put each key on its own line")  # fmt: skip


def _not_lined_up(s: _Spot) -> YamlError | None:
    dash = s.err.context_mark
    if "expected '-' indicator" in s.problem and dash is not None:
        keys = _first_text(s.row(dash.line)[dash.column + 1 :]) + dash.column + 1
        if s.line.lstrip().startswith("- "):
            return s.at_line_start(
                "this list item is not lined up with the items above it",
                f"move its '- ' to column {dash.column + 1}, where the others start",
            )
        return s.at_line_start(
            f"this line is not lined up with the list above: its items start with '- ' at "
            f"column {dash.column + 1}, their keys at column {keys}",
            f"indent it to column {keys} to belong to the item above, or start a new item "
            "with '- '",
        )
    if "did not find expected key" in s.problem:
        return s.at_line_start(
            "this line is not lined up with the keys of the mapping it belongs to",
            "indent it exactly as far as the key above it",
        )
    return None


def _bad_start(s: _Spot) -> YamlError | None:
    start = s.err.context_mark
    if "while scanning an alias" in s.context and start is not None:
        return s.in_line("text that starts with '*' must be in quotes ('*' starts an alias)",
                         start, QUOTE_HINT)  # fmt: skip
    char = s.line[s.where.column : s.where.column + 1]
    if "cannot start any token" in s.problem and char:
        return s.in_line(f"text that starts with '{char}' must be in quotes", s.where,
                         QUOTE_HINT)  # fmt: skip
    return None


def _flow(s: _Spot) -> YamlError | None:
    start = s.err.context_mark
    if "while parsing a flow" not in s.context or start is None:
        return None
    opening = s.row(start.line)[start.column : start.column + 1] or "["
    closing = "]" if opening == "[" else "}"
    if s.where.line > start.line:
        hint = f"add '{closing}' on the same line, or write one item per line"
        return s.in_line(f"this '{opening}' is never closed", start, hint)
    return s.in_line(f"a ',' is missing between the items of this '{opening}...{closing}'",
                     s.where, "separate the items with ', '")  # fmt: skip


_EXPLANATIONS: tuple[Callable[[_Spot], YamlError | None], ...] = (
    _tab, _quote_never_closed, _quote_runs_on, _dash_without_space, _no_colon, _colon_in_text,
    _not_lined_up, _bad_start, _flow,
)  # fmt: skip


def explain(err: yaml.MarkedYAMLError, text: str, reading: Reading) -> YamlError:
    """The author's version of a parser error."""
    problem = (err.problem or "invalid YAML").strip()
    context = (err.context or "").strip()
    where = err.problem_mark or err.context_mark
    if where is None:
        message = PREFIX + problem + (f" ({context})" if context else "")
        return YamlError(message, Mark(1, 1), "", reading.path(), syntax=True)
    last = reading.last
    scalar = last if isinstance(last, yaml.ScalarEvent) else None
    spot = _Spot(err, problem, context, where, text.split("\n"), reading, scalar)
    for explanation in _EXPLANATIONS:
        found = explanation(spot)
        if found is not None:
            return found
    return spot.in_line(problem + (f" ({context})" if context else ""), where, "")


def broken_lines(error: YamlError, lines: list[str]) -> range:
    """The lines (0-based) to blank out to read on past `error`: its line and what hangs below.

    A line is followed by the lines indented deeper than it (its children); blanking those
    too keeps the rest of the file's shape, so that further errors are real ones.
    """
    first = min(error.mark.line - 1, len(lines) - 1)
    last = max(first, min(error.reached - 1, len(lines) - 1))
    indent = _first_text(lines[first])
    end = last + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#") and _first_text(line) <= indent:
            break
        end += 1
    return range(first, end)


def masked(text: str, error: YamlError) -> str:
    """`text` with the lines of `error` blanked out (the line count stays the same)."""
    lines = text.split("\n")
    for index in broken_lines(error, lines):
        lines[index] = ""
    return "\n".join(lines)
