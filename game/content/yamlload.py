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
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


class Mark(NamedTuple):
    """A position in a file: 1-based line and column.

    `quoted` says the scalar starts with a quote; `inline` says the scalar's text is the
    file's text from there on (one line, no escapes), so a column inside the value can be
    found by adding an offset. (A named tuple: a file has hundreds of thousands of them.)
    """

    line: int
    column: int
    quoted: bool = False
    inline: bool = True


FieldPath = tuple[str | int, ...]


class YamlError(Exception):
    """The file cannot be read as a single YAML mapping document.

    `path` is the field path (keys and list indexes) of the offending node when the reader
    knows it, () otherwise.
    """

    def __init__(self, message: str, mark: Mark, hint: str = "", path: FieldPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.hint = hint
        self.path = path


class PosDict(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values stand in the file."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class PosList(list[Any]):
    """A sequence that remembers where it and each of its items stand in the file."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


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


def _resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema."""
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_START:
        return text  # most scalars are words: skip the number patterns
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


def _mark(event: Any) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


def _tagged_scalar(tag: str, text: str, mark: Mark, path: FieldPath) -> Any:
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
        raise YamlError(f"'{text}' is not a valid {tag.removeprefix(_CORE)}", mark, "", path)
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


class _Frame:
    """A mapping or sequence being read."""

    __slots__ = (
        "anchor", "container", "is_map", "key", "key_mark", "merges", "seq", "start_total",
    )  # fmt: skip

    def __init__(self, container: PosDict | PosList, anchor: str | None, start_total: int) -> None:
        self.container = container
        self.seq = container if isinstance(container, PosList) else None
        self.is_map = self.seq is None
        self.anchor = anchor
        self.start_total = start_total
        self.key: str | None = None  # a mapping's key whose value is being read
        self.key_mark = Mark(0, 0)
        self.merges: list[tuple[Any, Mark]] = []


class _Builder:
    """Builds values from parser events, with positions, limits and safe typing.

    This is the hot loop of `leadsim check` (a big scenario is a million events), hence the
    inlined steps and the named-tuple marks.
    """

    def __init__(self) -> None:
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.top: _Frame | None = None
        self.total = 0  # values the document expands to so far (aliases count in full)
        self.root: Any = None
        self.root_mark = Mark(1, 1)
        self.done = False

    def path(self) -> FieldPath:
        """The field path of the node being read now."""
        parts: list[str | int] = []
        for frame in self.stack:
            if not frame.is_map:
                parts.append(len(frame.container))
            elif frame.key is not None:
                parts.append(frame.key)
        return tuple(parts)

    def _too_big(self, mark: Mark) -> YamlError:
        return YamlError(
            f"the document expands to more than {MAX_NODES:,} values",
            mark,
            "anchors and aliases that multiply each other, an 'alias bomb', are refused",
            self.path(),
        )

    def _complex_key(self, mark: Mark) -> YamlError:
        return YamlError(
            "a key must be plain text, not a list or a mapping",
            mark,
            "LeadSim keys are names such as 'id' or 'text'",
            self.path(),
        )

    def _put(self, frame: _Frame, value: Any, mark: Mark) -> None:
        """Store a mapping's value under the key read before it."""
        key, key_mark = frame.key, frame.key_mark
        assert key is not None
        container = frame.container
        assert isinstance(container, PosDict)
        if key == "<<" and not key_mark.quoted:
            frame.merges.append((value, mark))
        elif key in container:
            first = container.key_marks[key]
            raise YamlError(
                f"duplicate key '{key}'",
                key_mark,
                f"it is already set at line {first.line}; remove one of them",
                self.path(),
            )
        else:
            container[key] = value
            container.key_marks[key] = key_mark
            container.value_marks[key] = mark
        frame.key = None

    def _attach(self, value: Any, mark: Mark, key_text: str | None) -> None:
        """Put a finished value in its container; `key_text` is set when it can be a key."""
        frame = self.top
        if frame is None:
            self.root, self.root_mark, self.done = value, mark, True
        elif frame.seq is not None:
            frame.seq.append(value)
            frame.seq.item_marks.append(mark)
        elif frame.key is not None:
            self._put(frame, value, mark)
        elif key_text is None:
            raise self._complex_key(mark)
        else:
            frame.key, frame.key_mark = key_text, mark

    def scalar(self, event: Any) -> None:
        start = event.start_mark
        text = event.value
        quoted = event.style in ("'", '"')
        # a scalar spanning lines (block, folded) cannot map offsets; nor can escapes in quotes
        inline = event.end_mark.line == start.line and (
            not quoted or event.end_mark.index - start.index - 2 == len(text)
        )
        mark = Mark(start.line + 1, start.column + 1, quoted, inline)
        tag = event.tag
        if tag is None:
            value: Any = _resolve_plain(text) if event.implicit[0] else text
        elif tag == "!":
            value = text
        elif tag in _ALLOWED_TAGS:
            value = _tagged_scalar(tag, text, mark, self.path())
        else:
            raise _bad_tag(tag, mark, self.path())
        self.total += 1
        if self.total > MAX_NODES:
            raise self._too_big(mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        frame = self.top
        if frame is not None and frame.is_map and frame.key is None:
            # a key keeps the text the author wrote: `null:` is the key 'null', `1.0:` is '1.0'
            frame.key, frame.key_mark = text, mark
        elif frame is not None and frame.seq is not None:
            frame.seq.append(value)
            frame.seq.item_marks.append(mark)
        else:
            self._attach(value, mark, text)

    def start(self, event: Any) -> None:
        mark = _mark(event)
        if event.tag not in (None, "!") and event.tag not in _CONTAINER_TAGS:
            raise _bad_tag(event.tag, mark, self.path())
        top = self.top
        if top is not None and top.is_map and top.key is None:
            raise self._complex_key(mark)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(
                f"nesting deeper than {MAX_DEPTH} levels",
                mark,
                "scenario files never need this much nesting",
                self.path()[:8],
            )
        self.total += 1
        if self.total > MAX_NODES:
            raise self._too_big(mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        container: PosDict | PosList = PosDict(mark) if is_map else PosList(mark)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.top = _Frame(container, event.anchor, self.total)
        self.stack.append(self.top)

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        self.top = self.stack[-1] if self.stack else None
        if frame.merges:
            self._apply_merges(frame)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            weight = self.total - frame.start_total + 1
            self.anchors[frame.anchor] = (frame.container, weight)
        self._attach(frame.container, frame.container.mark, None)

    def alias(self, event: Any) -> None:
        mark = _mark(event)
        if event.anchor in self.open_anchors:
            raise YamlError(
                f"alias *{event.anchor} refers to the node that contains it",
                mark,
                "recursive structures are not allowed",
                self.path(),
            )
        if event.anchor not in self.anchors:
            raise YamlError(
                f"unknown alias *{event.anchor}", mark, "define &anchor before use", self.path()
            )
        value, weight = self.anchors[event.anchor]
        self.total += weight
        if self.total > MAX_NODES:
            raise self._too_big(mark)
        key_text = None if isinstance(value, (PosDict, PosList)) else _key_text(value)
        self._attach(value, mark, key_text)

    def _apply_merges(self, frame: _Frame) -> None:
        container = frame.container
        assert isinstance(container, PosDict)
        for value, mark in frame.merges:
            sources = value if isinstance(value, PosList) else [value]
            for source in sources:
                if not isinstance(source, PosDict):
                    raise YamlError("'<<' merges only mappings", mark, "", self.path())
                for key, item in source.items():
                    if key not in container:
                        container[key] = item
                        container.key_marks[key] = source.key_marks[key]
                        container.value_marks[key] = source.value_marks[key]


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


@dataclass(frozen=True)
class Document:
    """The value of a YAML file and where it starts."""

    value: Any
    mark: Mark


def load(data: bytes) -> Document:
    """Read one YAML document from bytes; raise YamlError with a position on any problem."""
    if len(data) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(data) / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit",
            Mark(1, 1),
            "split it into smaller scenarios",
        )
    text = decode(data)
    builder = _Builder()
    parser = _Parser(text)
    documents = 0

    def document(event: Any) -> None:
        nonlocal documents
        documents += 1
        if documents > 1:
            raise YamlError(
                "a second YAML document starts here",
                _mark(event),
                "a LeadSim file holds exactly one document; remove the '---' line",
            )

    handlers = {
        yaml.ScalarEvent: builder.scalar,
        yaml.MappingStartEvent: builder.start,
        yaml.SequenceStartEvent: builder.start,
        yaml.MappingEndEvent: builder.end,
        yaml.SequenceEndEvent: builder.end,
        yaml.AliasEvent: builder.alias,
        yaml.DocumentStartEvent: document,
    }
    get_event = parser.get_event
    try:
        while True:
            event = get_event()
            handler = handlers.get(event.__class__)
            if handler is not None:
                handler(event)
            elif isinstance(event, yaml.StreamEndEvent):
                break
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, text) from err
    except yaml.reader.ReaderError as err:
        raise _reader_error(err, text) from err
    except yaml.YAMLError as err:
        raise YamlError(f"YAML error: {err}", Mark(1, 1)) from err
    finally:
        parser.dispose()
    if not builder.done:
        raise YamlError(
            "the file is empty", Mark(1, 1), "start with 'kind: scenario' or 'kind: team'"
        )
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
    problem = (err.problem or "invalid YAML").strip()
    context = (err.context or "").strip()
    if "end of stream" in problem and "quoted scalar" in context and err.context_mark:
        # the end of the file is only where the parser gave up; the open quote is the problem
        start = err.context_mark
        return YamlError(
            "YAML syntax: this quoted text is never closed",
            Mark(start.line + 1, start.column + 1),
            "add the closing quote",
        )
    mark = err.problem_mark or err.context_mark
    position = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    hint = ""
    at = mark.index if mark is not None else -1
    if "\t" in problem or "tab" in problem or (0 <= at < len(text) and text[at] == "\t"):
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "put quotes around text that contains ': '"
    return YamlError(message, position, hint)
