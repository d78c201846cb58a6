"""Building values from PyYAML's parser events: safe types, positions, limits.

This is the hot loop of `leadsim check`; see `Builder.run`.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from game.content.yamlnodes import (
    COLUMN_BITS,
    FieldPath,
    Mark,
    PosDict,
    PosList,
    YamlError,
    pack,
)

MAX_DEPTH = 64
MAX_NODES = 2_000_000
MAX_DIGITS = 18  # a whole number of up to 18 digits; no scenario needs more
MAX_BITS = 63  # the same bound for hexadecimal and octal numbers
MAX_MERGES = 10_000  # `<<` merge sources in one document; a scenario uses a handful

_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
_CONTAINER_TAGS = {f"{_CORE}map", f"{_CORE}seq", f"{_CORE}omap"}


_WORDS: dict[str, Any] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_NUMBER_START = frozenset("+-.0123456789")


class TooLarge:
    """A number too large to be a LeadSim value (it stands in for it; the builder reports it).

    Python refuses to convert a decimal text of over 4,300 digits, and a whole number above
    about 1.8e308 cannot become a float; both used to crash the checker.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text if len(self.text) <= 20 else f"{self.text[:17]}..."

    def problem(self, mark: Mark, path: FieldPath) -> YamlError:
        if _FLOAT.match(self.text) and not _INT10.match(self.text):
            what, hint = f"{self} is more than a number can hold", "write an ordinary number"
        else:
            digits = self.text.lstrip("+-")
            digits = digits[2:] if digits[:2] in ("0x", "0o") else digits
            what = f"a whole number of {len(digits):,} digits"
            hint = f"LeadSim numbers have at most {MAX_DIGITS} digits"
        return YamlError(f"number too large: {what}", mark, hint, path)


def _resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema."""
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_START:
        return text  # most scalars are words: skip the number patterns
    if _INT10.match(text):
        # counted before converting: Python refuses decimal texts over 4,300 digits
        if len(text) - (text[0] in "+-") > MAX_DIGITS:
            return TooLarge(text)
        return int(text)
    if _INT8.match(text) or _INT16.match(text):
        # powers of two convert in linear time, whatever the length
        whole = int(text[2:], 8 if text[1] == "o" else 16)
        return whole if whole.bit_length() <= MAX_BITS else TooLarge(text)
    if _FLOAT.match(text):
        number = float(text)
        return TooLarge(text) if math.isinf(number) else number
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _pos(event: Any) -> int:
    start = event.start_mark
    return pack(start.line + 1, start.column + 1)


def _mark(event: Any) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


def _tagged_scalar(tag: str, text: str, mark: Mark, path: FieldPath) -> Any:
    if tag == f"{_CORE}str":
        return text
    value = _resolve_plain(text)
    if isinstance(value, TooLarge):
        return value
    expected = {
        f"{_CORE}int": int,
        f"{_CORE}float": float,
        f"{_CORE}bool": bool,
        f"{_CORE}null": type(None),
    }[tag]
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not expected:
        raise YamlError(f"'{text}' is not a valid {tag.removeprefix(_CORE)}", mark, "", path)
    return value


class _Frame:
    """A mapping or sequence being read."""

    __slots__ = (
        "anchor", "container", "is_map", "key", "key_pos", "map", "merges", "seq", "start_total",
    )  # fmt: skip

    def __init__(self, container: PosDict | PosList, anchor: str | None, start_total: int) -> None:
        self.container = container
        self.seq = container if isinstance(container, PosList) else None
        self.map = container if isinstance(container, PosDict) else None
        self.is_map = self.map is not None
        self.anchor = anchor
        self.start_total = start_total
        self.key: str | None = None  # a mapping's key whose value is being read
        self.key_pos = 0
        self.merges: list[tuple[Any, int]] | None = None  # `<<: *anchor` values, rare


class Builder:
    """Builds values from parser events, with positions, limits and safe typing.

    This is the hot loop of `leadsim check` (a big scenario is a million events), hence the
    inlined steps and the packed positions.
    """

    def __init__(self) -> None:
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.total = 0  # values the document expands to so far (aliases count in full)
        self.root: Any = None
        self.root_pos = pack(1, 1)
        self.done = False
        self.documents = 0
        self.problems: list[YamlError] = []  # reported, but reading goes on
        self.merge_count = 0

    def path(self) -> FieldPath:
        """The field path of the node being read now."""
        parts: list[str | int] = []
        for frame in self.stack:
            if not frame.is_map:
                parts.append(len(frame.container))
            elif frame.key is not None:
                parts.append(frame.key)
        return tuple(parts)

    def _too_big(self, pos: int) -> YamlError:
        return YamlError(
            f"the document expands to more than {MAX_NODES:,} values",
            Mark.unpack(pos),
            "anchors and aliases that multiply each other, an 'alias bomb', are refused",
            self.path(),
        )

    def _complex_key(self, pos: int) -> YamlError:
        return YamlError(
            "a key must be plain text, not a list or a mapping",
            Mark.unpack(pos),
            "LeadSim keys are names such as 'id' or 'text'",
            self.path(),
        )

    def _put(self, frame: _Frame, value: Any, pos: int) -> None:
        """Store a mapping's value under the key read before it."""
        key, key_mark = frame.key, Mark.unpack(frame.key_pos)
        assert key is not None
        container = frame.container
        assert isinstance(container, PosDict)
        if key == "<<" and not key_mark.quoted:
            self.merge_count += len(value) if isinstance(value, PosList) else 1
            if self.merge_count > MAX_MERGES:
                raise YamlError(
                    f"more than {MAX_MERGES:,} '<<' merges in one file",
                    key_mark,
                    "a merge copies a whole mapping; write the shared values once instead",
                    self.path(),
                )
            if frame.merges is None:
                frame.merges = []
            frame.merges.append((value, pos))
        elif key in container:
            first = container.key_mark(key)
            raise YamlError(
                f"duplicate key '{key}'",
                key_mark,
                f"it is already set at line {first.line}; remove one of them",
                self.path(),
            )
        else:
            container[key] = value
            container.key_pos[key] = frame.key_pos
            container.value_pos[key] = pos
        frame.key = None

    def _attach(self, value: Any, pos: int, key_text: str | None) -> None:
        """Put a finished value in its container; `key_text` is set when it can be a key."""
        frame = self.stack[-1] if self.stack else None
        if frame is None:
            self.root, self.root_pos, self.done = value, pos, True
        elif frame.seq is not None:
            frame.seq.append(value)
            frame.seq.item_pos.append(pos)
        elif frame.key is not None:
            self._put(frame, value, pos)
        elif key_text is None:
            raise self._complex_key(pos)
        else:
            frame.key, frame.key_pos = key_text, pos

    def run(self, get_event: Any) -> None:
        """Read events until the stream ends.

        This loop runs a million times for a big scenario, so the common cases (a scalar, a
        plain mapping or list opening or closing) are written out here with local names and
        no calls; the rare ones (tags, anchors, merges, errors) go through methods.
        """
        stack, anchors, resolve = self.stack, self.anchors, _resolve_plain
        scalar_event, map_start, seq_start = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        )
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        shift = COLUMN_BITS + 2
        event: Any
        start: Any  # PyYAML's own Mark of the event
        end: Any
        while True:
            event = get_event()
            kind = event.__class__
            if kind is map_start or kind is seq_start:
                top = stack[-1] if stack else None
                if (
                    event.tag is not None
                    or event.anchor is not None
                    or len(stack) >= MAX_DEPTH
                    or (top is not None and top.map is not None and top.key is None)
                ):
                    self.start(event)  # the checks and errors are there
                    continue
                start = event.start_mark
                pos = ((start.line + 1) << shift) | ((start.column + 1) << 2)
                self.total += 1
                if self.total > MAX_NODES:
                    raise self._too_big(pos)
                container = PosDict(pos) if kind is map_start else PosList(pos)
                stack.append(_Frame(container, None, self.total))
                continue
            if kind is map_end or kind is seq_end:
                frame = stack[-1]
                if frame.merges or frame.anchor is not None or len(stack) == 1:
                    self.end(event)
                    continue
                stack.pop()
                done, parent = frame.container, stack[-1]
                if parent.seq is not None:
                    parent.seq.append(done)
                    parent.seq.item_pos.append(done.pos)
                    continue
                key, mapping = parent.key, parent.map
                if key is None or mapping is None or key in mapping or key == "<<":
                    self._attach(done, done.pos, None)  # an error or a merge
                    continue
                mapping[key] = done
                mapping.key_pos[key] = parent.key_pos
                mapping.value_pos[key] = done.pos
                parent.key = None
                continue
            if kind is not scalar_event:
                if isinstance(event, yaml.AliasEvent):
                    self.alias(event)
                elif isinstance(event, yaml.DocumentStartEvent):
                    self.document(event)
                elif isinstance(event, yaml.StreamEndEvent):
                    return
                continue
            start, text, style = event.start_mark, event.value, event.style
            line = start.line
            # the layout of `pack`, written out: this line runs for every scalar
            pos = ((line + 1) << shift) | ((start.column + 1) << 2)
            end = event.end_mark
            if not style:  # plain
                pos |= end.line == line
            else:
                # a scalar spanning lines cannot map offsets; nor can escapes in quotes
                quoted = style == "'" or style == '"'
                inline = end.line == line and (
                    not quoted or end.index - start.index - 2 == len(text)
                )
                pos |= (quoted << 1) | inline
            tag = event.tag
            if tag is None:
                value: Any = resolve(text) if event.implicit[0] else text
            elif tag == "!":
                value = text
            elif tag in _ALLOWED_TAGS:
                value = _tagged_scalar(tag, text, Mark.unpack(pos), self.path())
            else:
                raise _bad_tag(tag, Mark.unpack(pos), self.path())
            if value.__class__ is TooLarge:
                self.problems.append(value.problem(Mark.unpack(pos), self.path()))
            self.total += 1
            if self.total > MAX_NODES:
                raise self._too_big(pos)
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            if not stack:
                self.root, self.root_pos, self.done = value, pos, True
                continue
            frame = stack[-1]
            seq = frame.seq
            if seq is not None:
                seq.append(value)
                seq.item_pos.append(pos)
                continue
            key = frame.key
            if key is None:
                # a key keeps the text the author wrote: `null:` is the key 'null'
                frame.key, frame.key_pos = text, pos
                continue
            mapping = frame.map
            if mapping is None or key in mapping or key == "<<":
                self._put(frame, value, pos)  # a duplicate or a merge: the slow path
                continue
            mapping[key] = value
            mapping.key_pos[key] = frame.key_pos
            mapping.value_pos[key] = pos
            frame.key = None

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlError(
                "a second YAML document starts here",
                _mark(event),
                "a LeadSim file holds exactly one document; remove the '---' line",
            )

    def start(self, event: Any) -> None:
        pos = _pos(event)
        if event.tag not in (None, "!") and event.tag not in _CONTAINER_TAGS:
            raise _bad_tag(event.tag, Mark.unpack(pos), self.path())
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map and top.key is None:
            raise self._complex_key(pos)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(
                f"nesting deeper than {MAX_DEPTH} levels",
                Mark.unpack(pos),
                "scenario files never need this much nesting",
                self.path()[:8],
            )
        self.total += 1
        if self.total > MAX_NODES:
            raise self._too_big(pos)
        is_map = isinstance(event, yaml.MappingStartEvent)
        container: PosDict | PosList = PosDict(pos) if is_map else PosList(pos)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(container, event.anchor, self.total))

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self._apply_merges(frame)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            weight = self.total - frame.start_total + 1
            self.anchors[frame.anchor] = (frame.container, weight)
        self._attach(frame.container, frame.container.pos, None)

    def alias(self, event: Any) -> None:
        pos = _pos(event)
        if event.anchor in self.open_anchors:
            raise YamlError(
                f"alias *{event.anchor} refers to the node that contains it",
                Mark.unpack(pos),
                "recursive structures are not allowed",
                self.path(),
            )
        if event.anchor not in self.anchors:
            raise YamlError(
                f"unknown alias *{event.anchor}",
                Mark.unpack(pos),
                "define &anchor before use",
                self.path(),
            )
        value, weight = self.anchors[event.anchor]
        self.total += weight
        if self.total > MAX_NODES:
            raise self._too_big(pos)
        key_text = None if isinstance(value, (PosDict, PosList)) else _key_text(value)
        self._attach(value, pos, key_text)

    def _apply_merges(self, frame: _Frame) -> None:
        container = frame.container
        assert isinstance(container, PosDict) and frame.merges is not None
        for value, pos in frame.merges:
            sources = value if isinstance(value, PosList) else [value]
            for source in sources:
                if not isinstance(source, PosDict):
                    raise YamlError("'<<' merges only mappings", Mark.unpack(pos), "", self.path())
                for key, item in source.items():
                    if key not in container:
                        container[key] = item
                        container.key_pos[key] = source.key_pos[key]
                        container.value_pos[key] = source.value_pos[key]


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _bad_tag(tag: str, mark: Mark, path: FieldPath) -> YamlError:
    shown = tag.replace(_CORE, "!!")
    return YamlError(
        f"tag {shown} is not allowed",
        mark,
        "LeadSim files use plain YAML values only; remove the tag",
        path,
    )
