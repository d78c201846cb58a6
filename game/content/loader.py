"""Read one scenario or team file into a model, or into precise problems.

Every problem is tied to the line and column of the offending node: the key for an unknown
key, the value for a wrong value, the mapping for a missing field, the character inside a
condition for a syntax error.
"""

from __future__ import annotations

import gc
import re
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content.diagnostics import Diagnostic, Severity, closest, did_you_mean, one_of
from game.content.models import EFFECT_TYPES, KINDS, ConditionValueError, Model, TextKeyError
from game.content.yamlload import (
    MAX_BYTES,
    SPLIT_HINT,
    Document,
    Mark,
    PosDict,
    PosList,
    TooLarge,
    YamlError,
    load,
)
from game.safe_file import RefusedFile, read_regular

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
                parent, key_mark, mark = node, node.key_mark(part), node.value_mark(part)
                node = node[part]
                walked.append(part)
                continue
            if node.get("type") == part:
                continue
            walked.append(part)
            return Located(tuple(walked), mark, None, None, node, False)
        if isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            parent, key_mark, mark = node, None, node.item_mark(part)
            node = node[part]
            walked.append(part)
            continue
        # a label pydantic adds for a union branch or a validator: not part of the data
    return Located(tuple(walked), mark, key_mark, node, parent, True)


def _models_in(annotation: Any) -> list[type[Model]]:
    if isinstance(annotation, type) and issubclass(annotation, Model):
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


_UNION_NOUNS = {"next": "an event id, 'end', or a list of {if: ..., goto: ...}"}
_BOUNDS = {
    "greater_than_equal": ("below the minimum", "ge"),
    "greater_than": ("too small: it must be above", "gt"),
    "less_than_equal": ("above the maximum", "le"),
    "less_than": ("too large: it must be below", "lt"),
}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


_NUMERIC = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_YES_NO = {"yes", "no", "on", "off", "y", "n"}


def _type_hint(kind: str, value: Any) -> str:
    """How to write the value the field wants, when the author's intent is clear."""
    text = value.strip() if isinstance(value, str) else None
    if kind in ("float_type", "int_type") and text is not None and _NUMERIC.fullmatch(text):
        return f"the quotes make it text: write {text} without quotes"
    if kind == "bool_type" and text is not None and text.lower() in ("true", "false"):
        return f"the quotes make it text: write {text.lower()} without quotes"
    if kind == "bool_type" and text is not None and text.lower() in _YES_NO:
        return "write true or false"
    if kind == "string_type" and isinstance(value, (int, float, bool)):
        return "put it in quotes to make it text"
    return ""


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
    parts: Any = field(default=None, repr=False)  # walk.Parts of the model, found once
    syntax_errors: bool = False  # the YAML could not be read: its fields were not checked

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
        if offset is not None and mark.inline:
            column += offset + (1 if mark.quoted else 0)
        self.diagnostics.append(
            Diagnostic(str(self.path), line, column, severity, field_path(path), message, hint)
        )

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)


def read_file(path: Path, data: bytes | None = None) -> FileResult:
    """Read, parse and validate one file. Never raises for bad content."""
    result = FileResult(path)
    try:
        result.data = read_regular(path, MAX_BYTES, SPLIT_HINT) if data is None else data
    except RefusedFile as err:
        result.diagnostics.append(Diagnostic(str(path), 1, 1, "error", "", err.message, err.hint))
        return result
    with gc_paused():
        _parse_and_validate(result)
    return result


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file's values and models are built.

    A big scenario is a million new objects, none in a cycle; left running, the collector
    walks them again and again while they are built, which took half the time of a check
    and grew faster than the file. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_and_validate(result: FileResult) -> None:
    path = result.path
    try:
        result.doc = load(result.data)
    except YamlError as err:
        for error in (err, *err.others):
            mark = error.mark
            result.diagnostics.append(
                Diagnostic(str(path), mark.line, mark.column, "error", field_path(error.path),
                           error.message, error.hint)
            )  # fmt: skip
        result.syntax_errors = err.syntax
        return
    for problem in result.doc.problems:
        mark = problem.mark
        result.diagnostics.append(
            Diagnostic(str(path), mark.line, mark.column, "error", field_path(problem.path),
                       problem.message, problem.hint)
        )  # fmt: skip
    root = result.doc.value
    if not isinstance(root, PosDict):
        result.add(
            (),
            f"the document is {describe(root)}, not a mapping",
            "a LeadSim file is a mapping that starts with 'kind: scenario' or 'kind: team'",
        )
        return
    kind = root.get("kind")
    if kind is None:
        result.add((), "missing 'kind'", "start the file with 'kind: scenario' or 'kind: team'")
        return
    if not isinstance(kind, str):
        result.add(("kind",), f"expected 'scenario' or 'team', got {describe(kind)}")
        return
    if kind not in KINDS:
        result.add(("kind",), f"unknown kind '{kind}'", did_you_mean(kind, KINDS) or one_of(KINDS))
        return
    result.kind = kind
    model_cls = KINDS[kind]
    try:
        result.model = model_cls.model_validate(root)
    except ValidationError as err:
        for error in prune_unions(result.doc, err.errors(include_url=False)):
            if not isinstance(error.get("input"), TooLarge):  # reported when it was read
                _report(result, model_cls, error)


def _union_label(doc: Document, loc: Loc, error_type: str) -> int | None:
    """Where `loc` names a member of a union (e.g. 'list[Branch]') rather than data, if it does.

    A discriminated union's tag (an effect's `type`) is not counted: only one branch of it
    is ever tried.
    """
    node: Any = doc.value
    last = len(loc) - 1
    for i, part in enumerate(loc):
        if isinstance(node, PosDict) and isinstance(part, str):
            if part in node:
                node = node[part]
            elif node.get("type") != part and not (i == last and error_type == "missing"):
                return i
        elif isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(part, str):
            return i
    return None


def prune_unions(doc: Document, errors: list[Any]) -> list[Any]:
    """Keep only the errors of the union member the author meant.

    Pydantic tries every member of a union (`next` is an event id or a list of branches) and
    reports why each failed. A member whose only complaint is the kind of value (text vs a list)
    was not meant; the errors of the others are what the author needs. When every member
    rejects the kind of value, one error says which kinds are allowed.
    """
    kept: list[Any] = []
    groups: dict[Loc, dict[str, list[Any]]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        at = _union_label(doc, loc, error["type"])
        if at is None:
            kept.append(error)
        else:
            groups.setdefault(loc[:at], {}).setdefault(str(loc[at]), []).append(error)
    for prefix, branches in groups.items():
        meant = [
            errs
            for errs in branches.values()
            if not all(len(e["loc"]) == len(prefix) + 1 and e["type"] in _TYPE_NAMES for e in errs)
        ]
        if meant:
            kept.extend(meant[0])
            continue
        kinds = dict.fromkeys(_TYPE_NAMES[e["type"]] for errs in branches.values() for e in errs)
        first = next(iter(branches.values()))[0]
        kept.append(
            {"type": "union_type", "loc": prefix, "input": first.get("input"),
             "ctx": {"expected": " or ".join(kinds)}, "msg": ""}
        )  # fmt: skip
    return kept


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
        if key.startswith("-") and model and key[1:] in allowed_keys(model):
            hint = "a list item starts with '- ', with a space after the dash"
        result.add(path, f"unknown key '{key}'", hint, at_key=True)
    elif kind == "missing":
        missing = str(path[-1])
        model = model_at(root, result.doc, path[:-1])
        if model is not None and isinstance(where.parent, PosDict):
            allowed = allowed_keys(model)
            unknown = [k for k in where.parent if k not in allowed]
            if any(closest(k, allowed) == missing for k in unknown):
                return  # the misspelled key's own error already says "did you mean"
        result.add(path[:-1], f"missing required key '{missing}'")
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
        message = (
            f"{shown} is not {noun}" if noun != "allowed here" else f"{shown} is not allowed here"
        )
        hint = (did_you_mean(str(value), expected) if isinstance(value, str) else "") or one_of(
            expected, limit=10
        )
        result.add(path, message, hint)
    elif kind in _TYPE_NAMES:
        result.add(path, f"expected {_TYPE_NAMES[kind]}, got {describe(value)}",
                   _type_hint(kind, value))  # fmt: skip
    elif kind == "union_type":
        key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
        expected = _UNION_NOUNS.get(key, ctx["expected"])
        result.add(path, f"expected {expected}, got {describe(value)}")
    elif kind == "string_pattern_mismatch" and "{2}" in str(ctx.get("pattern", "")):
        result.add(path, f"{describe(value)} is not a language code", "use two letters, e.g. en")
    elif kind == "string_pattern_mismatch":
        result.add(path, f"{describe(value)} is not a valid id",
                   "use lower-case letters, digits and _, starting with a letter")  # fmt: skip
    elif kind in ("too_short", "too_long"):
        size = "at least" if kind == "too_short" else "at most"
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        items = "item" if bound == 1 else "items"
        result.add(path, f"needs {size} {bound} {items}, found {ctx.get('actual_length')}")
    elif kind == "finite_number":
        result.add(path, f"{describe(value)} is not allowed", "write an ordinary number")
    elif kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        result.add(path, f"{describe(value)} is {word} {_number(ctx.get(key))}")
    elif kind == "value_error" and isinstance(ctx.get("error"), ConditionValueError):
        syntax = ctx["error"].syntax
        result.add(path, f"condition: {syntax.message}", syntax.hint, offset=syntax.offset)
    elif kind == "value_error" and isinstance(ctx.get("error"), TextKeyError):
        bad = ctx["error"]
        node = where.node
        known = isinstance(node, PosDict) and bad.key in node
        result.add((*path, bad.key) if known else path, bad.message, bad.hint, at_key=bad.at_key)
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
        message = message.replace("Input should be", "must be")
        message = message[0].lower() + message[1:] if message else message
        hint = ""
        if message.endswith(")") and " (" in message:  # our validators' "what (how to fix)"
            message, hint = message[:-1].split(" (", 1)
        if not hint and isinstance(value, str) and _NUMERIC.fullmatch(value.strip()):
            message += f", got the text '{value.strip()}'"
            hint = _type_hint("float_type", value)
        result.add(path, message, hint)
