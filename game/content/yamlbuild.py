"""Building values from PyYAML's parser events: safe types, positions, limits.

This is the hot loop of `leadsim check`; see `Builder.run`.
"""

from __future__ import annotations

from typing import Any

import yaml

from game.content.diagnostics import closest
from game.content.yamlnodes import (
    COLUMN_BITS,
    FieldPath,
    Mark,
    PosDict,
    PosList,
    YamlError,
    pack,
)
from game.content.yamlscalars import (
    ALLOWED_TAGS,
    CONTAINER_TAGS,
    TooLarge,
    bad_tag,
    key_text,
    resolve_plain,
    tagged_scalar,
)

MAX_DEPTH = 64
MAX_NODES = 2_000_000
MAX_MERGES = 10_000  # `<<` merge sources in one document; a scenario uses a handful


def _pos(event: Any) -> int:
    start = event.start_mark
    return pack(start.line + 1, start.column + 1)


def _mark(event: Any) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


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
        self.last: Any = None  # the parser's last event before a syntax error

    def path(self) -> FieldPath:
        """The field path of the node being read now."""
        parts: list[str | int] = []
        for frame in self.stack:
            if not frame.is_map:
                parts.append(len(frame.container))
            elif frame.key is not None:
                parts.append(frame.key)
        return tuple(parts)

    def path_at(self, column: int, item: bool = False) -> FieldPath:
        """The field path of a line whose text starts at `column` (1-based), for a syntax error
        at the start of a line: only the containers that start left of it can hold it, and a
        line deeper than a list's dash belongs to its last item. `item` says the line starts
        with a dash (a new item)."""
        parts: list[str | int] = []
        for frame in self.stack:
            start = Mark.unpack(frame.container.pos).column
            if frame.is_map:
                if start >= column:
                    break  # the line is a key of this mapping, or left of it
                if frame.key is not None:
                    parts.append(frame.key)
            else:
                if start > column or (start == column and not item):
                    break
                count = len(frame.container)
                open_item = frame is not self.stack[-1] or item
                parts.append(count if open_item else max(count - 1, 0))
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
        stack, anchors, resolve = self.stack, self.anchors, resolve_plain
        scalar_event, map_start, seq_start = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        )
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        shift = COLUMN_BITS + 2
        event: Any = None
        start: Any  # PyYAML's own Mark of the event
        end: Any
        try:
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
                elif tag in ALLOWED_TAGS:
                    value = tagged_scalar(tag, text, Mark.unpack(pos), self.path())
                else:
                    raise bad_tag(tag, Mark.unpack(pos), self.path())
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
        except yaml.MarkedYAMLError:
            self.last = event  # what was read just before: where a slip often starts
            raise

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
        if event.tag not in (None, "!") and event.tag not in CONTAINER_TAGS:
            raise bad_tag(event.tag, Mark.unpack(pos), self.path())
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
            close = closest(event.anchor, [*self.anchors, *self.open_anchors])
            raise YamlError(
                f"unknown alias *{event.anchor}",
                Mark.unpack(pos),
                f"did you mean '*{close}'?" if close else "define &anchor before use",
                self.path(),
            )
        value, weight = self.anchors[event.anchor]
        self.total += weight
        if self.total > MAX_NODES:
            raise self._too_big(pos)
        as_key = None if isinstance(value, (PosDict, PosList)) else key_text(value)
        self._attach(value, pos, as_key)

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
