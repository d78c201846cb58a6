"""Safe YAML reading that remembers where every value came from.

We read the event stream of PyYAML's parser (libyaml when available) and build plain Python
values ourselves, so that:

* no tag can ever construct a Python object (only the YAML core types exist);
* scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans, so an answer such
  as `no` stays text;
* a duplicate key is an error at the second key;
* anchors and aliases work, but the size a document expands to is counted, and an alias bomb
  is refused as soon as it passes the limit, long before it uses real memory;
* nesting depth and file size are bounded;
* every mapping and sequence records the line and column of each key and value, so that later
  checks can point at the exact offending node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


@dataclass(frozen=True)
class Mark:
    """A position in a file: 1-based line and column."""

    line: int
    column: int
    quoted: bool = False


class YamlError(Exception):
    """The file cannot be read as a single YAML mapping document."""

    def __init__(self, message: str, mark: Mark, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.hint = hint


class PosDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it, its keys and its values stand in the file."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class PosList(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items stand in the file."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_BOOL_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
_CONTAINER_TAGS = {f"{_CORE}map", f"{_CORE}seq", f"{_CORE}omap"}


def _resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if _BOOL_TRUE.match(text):
        return True
    if _BOOL_FALSE.match(text):
        return False
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _mark(event: Any, quoted: bool = False) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1, quoted)


def _tagged_scalar(tag: str, text: str, mark: Mark) -> Any:
    if tag == f"{_CORE}str":
        return text
    value = _resolve_plain(text)
    expected = {
        f"{_CORE}int": int,
        f"{_CORE}float": float,
        f"{_CORE}bool": bool,
        f"{_CORE}null": type(None),
    }[tag]
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not expected:
        raise YamlError(f"'{text}' is not a valid {tag.removeprefix(_CORE)}", mark)
    return value


def decode(data: bytes) -> str:
    """Bytes of a file as text: UTF-8 (BOM allowed) or UTF-16/32 with a BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise YamlError("the file is not valid UTF-16", Mark(1, 1)) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
            Mark(line, column),
            "save the file as UTF-8",
        ) from err


@dataclass
class _Frame:
    container: PosDict | PosList
    anchor: str | None
    weight: int = 1
    pending_key: str | None = None
    pending_key_mark: Mark | None = None
    merges: list[tuple[Any, Mark]] = field(default_factory=list)


class _Builder:
    """Builds values from parser events, with positions, limits and safe typing."""

    def __init__(self) -> None:
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.total = 0
        self.root: Any = None
        self.root_mark = Mark(1, 1)
        self.done = False

    def _count(self, weight: int, mark: Mark) -> None:
        self.total += weight
        if self.total > MAX_NODES:
            raise YamlError(
                f"the document expands to more than {MAX_NODES:,} values",
                mark,
                "anchors and aliases that multiply each other (an alias bomb) are refused",
            )

    def _attach(self, value: Any, mark: Mark, weight: int, key_event: bool) -> None:
        if not self.stack:
            self.root, self.root_mark, self.done = value, mark, True
            return
        frame = self.stack[-1]
        frame.weight += weight
        container = frame.container
        if isinstance(container, PosList):
            container.append(value)
            container.item_marks.append(mark)
            return
        if frame.pending_key is None:
            if not key_event or isinstance(value, (PosDict, PosList)):
                raise YamlError("a key must be plain text, not a list or a mapping", mark)
            key = "" if value is None else str(value).lower() if isinstance(value, bool) else value
            frame.pending_key, frame.pending_key_mark = str(key), mark
            return
        key, key_mark = frame.pending_key, frame.pending_key_mark
        assert key_mark is not None
        frame.pending_key = None
        if key == "<<" and not key_mark.quoted:
            frame.merges.append((value, mark))
            return
        if key in container:
            first = container.key_marks[key]
            raise YamlError(
                f"duplicate key '{key}'",
                key_mark,
                f"it is already set at line {first.line}; remove one of them",
            )
        container[key] = value
        container.key_marks[key] = key_mark
        container.value_marks[key] = mark

    def _apply_merges(self, frame: _Frame) -> None:
        container = frame.container
        assert isinstance(container, PosDict)
        for value, mark in frame.merges:
            sources = value if isinstance(value, PosList) else [value]
            for source in sources:
                if not isinstance(source, PosDict):
                    raise YamlError("'<<' merges only mappings", mark)
                for key, item in source.items():
                    if key not in container:
                        container[key] = item
                        container.key_marks[key] = source.key_marks[key]
                        container.value_marks[key] = source.value_marks[key]

    def _expects_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].container, PosDict) and (
            self.stack[-1].pending_key is None
        )

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._start(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._end()
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)

    def _scalar(self, event: Any) -> None:
        quoted = event.style in ("'", '"')
        mark = _mark(event, quoted)
        tag = event.tag
        if tag is None or tag == "!":
            plain = tag is None and bool(event.implicit[0])
            value: Any = _resolve_plain(event.value) if plain else event.value
        elif tag in _ALLOWED_TAGS:
            value = _tagged_scalar(tag, event.value, mark)
        else:
            raise _bad_tag(tag, mark)
        key_event = self._expects_key()
        self._count(1, mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(value, mark, 1, key_event)

    def _start(self, event: Any) -> None:
        mark = _mark(event)
        if event.tag not in (None, "!") and event.tag not in _CONTAINER_TAGS:
            raise _bad_tag(event.tag, mark)
        if self._expects_key():
            raise YamlError("a key must be plain text, not a list or a mapping", mark)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(
                f"nesting deeper than {MAX_DEPTH} levels",
                mark,
                "scenario files never need this much nesting",
            )
        self._count(1, mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        container: PosDict | PosList = PosDict(mark) if is_map else PosList(mark)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(container, event.anchor))

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self._apply_merges(frame)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.weight)
        self._attach(frame.container, frame.container.mark, frame.weight, False)

    def _alias(self, event: Any) -> None:
        mark = _mark(event)
        if event.anchor in self.open_anchors:
            raise YamlError(
                f"alias *{event.anchor} refers to the node that contains it",
                mark,
                "recursive structures are not allowed",
            )
        if event.anchor not in self.anchors:
            raise YamlError(f"unknown alias *{event.anchor}", mark, "define &anchor before use")
        value, weight = self.anchors[event.anchor]
        key_event = self._expects_key()
        self._count(weight, mark)
        self._attach(value, mark, weight, key_event)


def _bad_tag(tag: str, mark: Mark) -> YamlError:
    shown = tag.replace(_CORE, "!!")
    return YamlError(
        f"tag {shown} is not allowed",
        mark,
        "LeadSim files use plain YAML values only; remove the tag",
    )


@dataclass(frozen=True)
class Document:
    """The value of a YAML file and where it starts."""

    value: Any
    mark: Mark


def load(data: bytes) -> Document:
    """Read one YAML document from bytes; raise YamlError with a position on any problem."""
    if len(data) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
            Mark(1, 1),
            "split it into smaller scenarios",
        )
    text = decode(data)
    builder = _Builder()
    parser = _Parser(text)
    try:
        documents = 0
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError(
                        "a second YAML document starts here",
                        _mark(event),
                        "a LeadSim file holds exactly one document; remove the '---' line",
                    )
            builder.feed(event)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, text) from err
    except yaml.reader.ReaderError as err:
        raise _reader_error(err, text) from err
    except yaml.YAMLError as err:
        raise YamlError(f"YAML error: {err}", Mark(1, 1)) from err
    finally:
        parser.dispose()
    if not builder.done:
        raise YamlError("the file is empty", Mark(1, 1), "start with 'kind: scenario' or 'kind: team'")
    return Document(builder.root, builder.root_mark)


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return Mark(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _reader_error(err: yaml.reader.ReaderError, text: str) -> YamlError:
    code = err.character if isinstance(err.character, int) else ord(err.character)
    return YamlError(
        f"the file contains a control character (#x{code:04x}) that YAML does not allow",
        _position(text, err.position),
        "remove it; a text editor can show invisible characters",
    )


def _syntax_error(err: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = err.problem_mark or err.context_mark
    position = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    problem = (err.problem or "invalid YAML").strip()
    context = (err.context or "").strip()
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    hint = ""
    at = mark.index if mark is not None else -1
    if "\t" in problem or "tab" in problem or (0 <= at < len(text) and text[at] == "\t"):
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "put quotes around text that contains ': '"
    return YamlError(message, position, hint)
