"""Read one scenario or team file into a model, or into precise problems.

Every problem is tied to the line and column of the offending node: the key for an unknown
key, the value for a wrong value, the mapping for a missing field, the character inside a
condition for a syntax error.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content.diagnostics import Diagnostic, Severity, did_you_mean, one_of
from game.content.models import EFFECT_TYPES, KINDS, ConditionValueError, Model
from game.content.yamlload import Document, Mark, PosDict, PosList, YamlError, load

Loc = tuple[str | int, ...]


def field_path(loc: Loc) -> str:
    """`('events', 3, 'choices', 1)` -> `events[3].choices[1]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


@dataclass
class Located:
    """Where a path of keys and indexes leads in a document."""

    loc: Loc
    mark: Mark
    key_mark: Mark | None
    node: Any
    parent: Any
    complete: bool


def locate(doc: Document, loc: Loc) -> Located:
    """Follow `loc` through the document as far as it goes; skips union labels in `loc`."""
    node: Any = doc.value
    mark = doc.mark
    key_mark: Mark | None = None
    parent: Any = None
    walked: list[str | int] = []
    for part in loc:
        if isinstance(node, PosDict) and isinstance(part, str):
            if part in node:
                parent, key_mark, mark = node, node.key_marks[part], node.value_marks[part]
                node = node[part]
                walked.append(part)
                continue
            if node.get("type") == part:
                continue
            walked.append(part)
            return Located(tuple(walked), mark, None, None, node, False)
        if isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            parent, key_mark, mark = node, None, node.item_marks[part]
            node = node[part]
            walked.append(part)
            continue
        # a label pydantic adds for a union branch or a validator: not part of the data
    return Located(tuple(walked), mark, key_mark, node, parent, True)


def _models_in(annotation: Any) -> list[type[Model]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[Model]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def model_at(root: type[Model], doc: Document, loc: Loc) -> type[Model] | None:
    """The model class that validates the mapping at `loc` (for "did you mean" hints)."""
    model: type[Model] | None = root
    node: Any = doc.value
    for part in loc:
        if isinstance(part, int):
            node = node[part] if isinstance(node, PosList) and part < len(node) else None
            continue
        if model is None or not isinstance(node, PosDict):
            return None
        if part not in node:
            continue
        info = _field_by_key(model, part)
        if info is None:
            return None
        candidates = _models_in(info)
        node = node[part]
        model = _pick(candidates, node)
    return model


def _field_by_key(model: type[Model], key: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info.annotation
    return None


def _pick(candidates: list[type[Model]], node: Any) -> type[Model] | None:
    if len(candidates) == 1:
        return candidates[0]
    sample = node[0] if isinstance(node, PosList) and node else node
    if isinstance(sample, PosDict) and sample.get("type") in EFFECT_TYPES:
        return EFFECT_TYPES[sample["type"]]
    return None


def allowed_keys(model: type[Model]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


_TYPE_NAMES = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
}
_LITERAL_NOUNS = {
    "applies": "a principle id",
    "violates": "a principle id",
    "archetype": "an archetype",
    "setting": "a setting",
    "kind": "a file kind",
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        flat = " ".join(value.split())
        shown = flat if len(flat) <= 40 else flat[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@dataclass
class FileResult:
    """One file read: its kind and model when valid, and every problem found."""

    path: Path
    kind: str | None = None
    model: Any = None
    doc: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    data: bytes = b""

    def add(
        self, loc: Loc, message: str, hint: str = "", severity: Severity = "error",
        at_key: bool = False, offset: int | None = None,
    ) -> None:  # fmt: skip
        """Report a problem at the node `loc` leads to."""
        mark = Mark(1, 1)
        path: Loc = loc
        if self.doc is not None:
            where = locate(self.doc, loc)
            mark = where.key_mark if at_key and where.key_mark else where.mark
            path = loc
        line, column = mark.line, mark.column
        if offset is not None:
            column += offset + (1 if mark.quoted else 0)
        self.diagnostics.append(
            Diagnostic(str(self.path), line, column, severity, field_path(path), message, hint)
        )

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(
            d.severity == "error" for d in self.diagnostics
        )


def read_file(path: Path, data: bytes | None = None) -> FileResult:
    """Read, parse and validate one file. Never raises for bad content."""
    result = FileResult(path)
    try:
        result.data = path.read_bytes() if data is None else data
    except OSError as err:
        result.diagnostics.append(
            Diagnostic(str(path), 1, 1, "error", "", f"cannot read the file: {err.strerror}")
        )
        return result
    try:
        result.doc = load(result.data)
    except YamlError as err:
        result.diagnostics.append(
            Diagnostic(str(path), err.mark.line, err.mark.column, "error", "", err.message, err.hint)
        )
        return result
    root = result.doc.value
    if not isinstance(root, PosDict):
        result.add((), f"the document is {describe(root)}, not a mapping",
                   "a LeadSim file is a mapping that starts with 'kind: scenario' or 'kind: team'")  # fmt: skip
        return result
    kind = root.get("kind")
    if kind is None:
        result.add((), "missing 'kind'", "start the file with 'kind: scenario' or 'kind: team'")
        return result
    if kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS) or one_of(KINDS)
        result.add(("kind",), f"unknown kind {describe(kind)}", hint)
        return result
    result.kind = kind
    model_cls = KINDS[kind]
    try:
        result.model = model_cls.model_validate(root)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            _report(result, model_cls, error)
    return result


def _report(result: FileResult, root: type[Model], error: Any) -> None:
    assert result.doc is not None
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    where = locate(result.doc, loc)
    path = where.loc
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(path[-1])
        model = model_at(root, result.doc, path[:-1])
        hint = did_you_mean(key, allowed_keys(model)) if model else ""
        if not hint and model:
            hint = one_of(allowed_keys(model), limit=12)
        result.add(path, f"unknown key '{key}'", hint, at_key=True)
    elif kind == "missing":
        result.add(path[:-1], f"missing required key '{path[-1]}'")
    elif kind == "union_tag_invalid":
        tags = re.findall(r"'([^']+)'", str(ctx.get("expected_tags", "")))
        tag = ctx.get("tag", "")
        hint = did_you_mean(str(tag), tags) or one_of(tags, limit=12)
        result.add((*path, "type"), f"unknown effect type '{tag}'", hint)
    elif kind == "union_tag_not_found":
        result.add(path, "the effect has no 'type'", one_of(EFFECT_TYPES, limit=12))
    elif kind in ("literal_error", "enum"):
        expected = re.findall(r"'([^']+)'", str(ctx.get("expected", "")))
        noun = next((n for k, n in _LITERAL_NOUNS.items() if k in path), "allowed here")
        shown = describe(value)
        message = f"{shown} is not {noun}" if noun != "allowed here" else f"{shown} is not allowed here"
        hint = (did_you_mean(str(value), expected) if isinstance(value, str) else "") or one_of(
            expected, limit=10
        )
        result.add(path, message, hint)
    elif kind in _TYPE_NAMES:
        result.add(path, f"expected {_TYPE_NAMES[kind]}, got {describe(value)}")
    elif kind == "string_pattern_mismatch":
        result.add(path, f"{describe(value)} is not a valid id",
                   "use lower-case letters, digits and _, starting with a letter")  # fmt: skip
    elif kind in ("too_short", "too_long"):
        size = "at least" if kind == "too_short" else "at most"
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        result.add(path, f"needs {size} {bound} items, found {ctx.get('actual_length')}")
    elif kind == "value_error" and isinstance(ctx.get("error"), ConditionValueError):
        syntax = ctx["error"].syntax
        text = value if isinstance(value, str) else ""
        offset = syntax.offset if "\n" not in text else None
        result.add(path, f"condition: {syntax.message}", syntax.hint, offset=offset)
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
        message = message.replace("Input should be", "must be")
        message = message[0].lower() + message[1:] if message else message
        result.add(path, message)
