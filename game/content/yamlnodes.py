"""Values read from YAML that remember where they stand in the file.

Positions are stored packed into one int each (`pack`, `Mark.unpack`): a big scenario has a
million of them, and ints cost neither memory nor garbage-collector time the way tuples do.
"""

from __future__ import annotations

from typing import Any, NamedTuple

COLUMN_BITS = 32


def pack(line: int, column: int, quoted: bool = False, inline: bool = True) -> int:
    """A position as one int (see `Mark.unpack`)."""
    return (line << (COLUMN_BITS + 2)) | (column << 2) | (quoted << 1) | inline


class Mark(NamedTuple):
    """A position in a file: 1-based line and column.

    `quoted` says the scalar starts with a quote; `inline` says the scalar's text is the
    file's text from there on (one line, no escapes), so a column inside the value can be
    found by adding an offset.
    """

    line: int
    column: int
    quoted: bool = False
    inline: bool = True

    @classmethod
    def unpack(cls, pos: int) -> Mark:
        column = (pos >> 2) & ((1 << COLUMN_BITS) - 1)
        return cls(pos >> (COLUMN_BITS + 2), column, bool(pos & 2), bool(pos & 1))


FieldPath = tuple[str | int, ...]


class YamlError(Exception):
    """The file cannot be read as a single YAML mapping document.

    `path` is the field path (keys and list indexes) of the offending node when the reader
    knows it, () otherwise. For a syntax error, `syntax` is set, `reached` is the line where
    the parser gave up (the problem itself may start earlier, at `mark`), and `others` holds
    the syntax errors found further on in the file.
    """

    def __init__(
        self, message: str, mark: Mark, hint: str = "", path: FieldPath = (),
        *, syntax: bool = False, reached: int = 0,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.hint = hint
        self.path = path
        self.syntax = syntax
        self.reached = reached or mark.line
        self.others: tuple[YamlError, ...] = ()


class PosDict(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values stand in the file."""

    __slots__ = ("key_pos", "pos", "value_pos")

    def __init__(self, pos: int) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, int] = {}
        self.value_pos: dict[str, int] = {}

    @property
    def mark(self) -> Mark:
        return Mark.unpack(self.pos)

    def key_mark(self, key: str) -> Mark:
        return Mark.unpack(self.key_pos[key])

    def value_mark(self, key: str) -> Mark:
        return Mark.unpack(self.value_pos[key])


class PosList(list[Any]):
    """A sequence that remembers where it and each of its items stand in the file."""

    __slots__ = ("item_pos", "pos")

    def __init__(self, pos: int) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[int] = []

    @property
    def mark(self) -> Mark:
        return Mark.unpack(self.pos)

    def item_mark(self, index: int) -> Mark:
        return Mark.unpack(self.item_pos[index])
