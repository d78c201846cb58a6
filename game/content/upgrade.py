"""Moving a format 1 scenario to format 2 while keeping its comments, key order and layout.

Format 2 names every choice by an id and reads `{member}` in texts as a variable. Upgrading a
file therefore does three things and nothing else: it sets `format: 2`; it gives every choice
without an id a readable one made from the first words of its text (the same text always gives
the same id); and it doubles the literal braces in texts (`{` becomes `{{`), so that they still
read as braces. The YAML is edited in place with ruamel.yaml's round-trip mode, so comments,
quotes, block and flow styles stay as the author wrote them.

`ids_for_positions` maps choices named by position (as logs of the first engine name them) to
the ids the upgrade gives them.
"""

from __future__ import annotations

import difflib
import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from anyascii import anyascii
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from game.content.diagnostics import Diagnostic
from game.content.library import Catalog
from game.content.lint import lint_scenario
from game.content.loader import FileResult, Loc, read_file
from game.content.models import Event, Scenario
from game.content.validate import check_scenario
from game.content.walk import iter_texts
from game.content.yamlload import YamlError, decode

FORMAT = 2
ID_LENGTH = 24
_WORD = re.compile(r"[a-z0-9]+")
# left out of ids: they make them longer without telling choices apart
_ARTICLES = frozenset({"a", "an", "the"})
# an id cut short does not end on a word that only leads into the next one
_CONNECTORS = frozenset(
    {
        "and", "or", "but", "to", "of", "for", "with", "in", "on", "at", "by", "from", "into",
        "as", "than", "that", "so", "if",  # and Russian ones, as anyascii spells them
        "i", "a", "s", "v", "k", "na", "po", "ot", "do", "za", "ili", "chto", "dlya",
    }
)  # fmt: skip


class UpgradeError(ValueError):
    """The file's YAML cannot be edited (ruamel.yaml cannot read it back)."""


def _source_text(text: str | dict[str, str], languages: Sequence[str]) -> str:
    """The version of a text an id is made from: English when there is one (ids read best in
    ASCII), else the scenario's first language."""
    if isinstance(text, str):
        return text
    for lang in ("en", *languages):
        if lang in text:
            return text[lang]
    return next(iter(text.values()), "")


def readable_id(text: str) -> str:
    """An id from the first words of a text ('' when the text has no letters or digits):
    `Talk to Oleg one to one` -> `talk_to_oleg_one_to_one`, `Поговорить с Олегом` ->
    `pogovorit_s_olegom`; at most ID_LENGTH characters, never starting with a digit."""
    plain = anyascii(text).lower().replace("'", "")
    words = [w for w in _WORD.findall(plain) if w not in _ARTICLES] or _WORD.findall(plain)
    if not words:
        return ""
    if words[0][0].isdigit():
        words.insert(0, "option")
    kept: list[str] = []
    for word in words:
        if len("_".join([*kept, word])) > ID_LENGTH:
            break
        kept.append(word)
    if not kept:  # one word longer than an id may be
        return words[0][:ID_LENGTH]
    while len(kept) < len(words) and len(kept) > 1 and kept[-1] in _CONNECTORS:
        kept.pop()  # cut short: do not end on a word that leads into the next
    return "_".join(kept)


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"_{number}"
        stem = base
        while len(stem) + len(suffix) > ID_LENGTH and "_" in stem:
            stem = stem.rsplit("_", 1)[0]  # whole words only
        candidate = stem[: ID_LENGTH - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def choice_ids(event: Event, languages: Sequence[str] = ("en",)) -> list[str]:
    """The id of every choice of an event, in file order: the author's where there is one,
    otherwise one made from the choice's text, unique within the event."""
    taken = {c.id for c in event.choices if c.id is not None}
    ids: list[str] = []
    for position, choice in enumerate(event.choices, start=1):
        if choice.id is not None:
            ids.append(choice.id)
            continue
        base = readable_id(_source_text(choice.text, languages)) or f"option_{position}"
        made = _unique(base, taken)
        taken.add(made)
        ids.append(made)
    return ids


def ids_for_positions(scenario: Scenario, positions: Iterable[tuple[str, int]]) -> list[str]:
    """For (event id, 1-based position in the file) pairs, the ids the upgrade gives those
    choices. Which event a logged position refers to depends on the playthrough; a whole log is
    mapped by replaying it (game.play.upgrade_log)."""
    events = {event.id: event for event in scenario.events}
    cache: dict[str, list[str]] = {}
    out: list[str] = []
    for event_id, position in positions:
        event = events.get(event_id)
        if event is None:
            raise ValueError(f"no event '{event_id}' in scenario '{scenario.id}'")
        if not 1 <= position <= len(event.choices):
            raise ValueError(f"event '{event_id}' has no choice {position}")
        if event_id not in cache:
            cache[event_id] = choice_ids(event, scenario.languages)
        out.append(cache[event_id][position - 1])
    return out


def escape_braces(text: str) -> str:
    """A format 1 text as format 2 writes it: literal braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


@dataclass(frozen=True)
class Upgrade:
    """What upgrading one file's text gives: the new text and what changed."""

    text: str
    ids_added: int
    texts_escaped: int
    restyled: int  # lines the round trip rewrites besides the changes (YAML ruamel could not keep)


def _yaml(source: str) -> tuple[YAML, Any]:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the author wrote on one line
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # keep `[{type: reveal}]`
    try:
        data, sequence, offset = load_yaml_guess_indent(source, yaml=yaml)
    except YAMLError as err:
        raise UpgradeError(f"the YAML cannot be edited: {err}") from None
    mapping = _mapping_indent(source)
    sequence = sequence or mapping
    offset = offset if offset is not None else max(sequence - 2, 0)
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    return yaml, data


def _mapping_indent(source: str) -> int:
    """How far a nested mapping's keys are indented under their parent key (default 2)."""
    lines = [line for line in source.splitlines() if line.strip() and line.lstrip()[0] != "#"]
    for line, following in itertools.pairwise(lines):
        stripped = following.lstrip()
        if line.rstrip().endswith(":") and not stripped.startswith("- "):
            step = (len(following) - len(stripped)) - (len(line) - len(line.lstrip(" -")))
            if step > 0:
                return step
    return 2


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _changed_lines(before: str, after: str) -> int:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return sum(1 for line in diff if line.startswith("- "))


def upgrade_text(source: str, scenario: Scenario) -> Upgrade:
    """The format 2 text of a format 1 scenario file (`scenario` is the file read as a model);
    raises UpgradeError when the YAML cannot be edited in place."""
    newline = "\r\n" if "\r\n" in source else "\n"
    source = source.replace("\r\n", "\n")
    yaml, data = _yaml(source)
    if not isinstance(data, CommentedMap):
        raise UpgradeError("the file is not a mapping")
    try:
        restyled = _changed_lines(source, _dump(yaml, data))
        _set_format(data)
        added = _add_ids(data, scenario)
        escaped = _escape_texts(data, iter_texts(scenario))
        text = _dump(yaml, data)
    except YAMLError as err:
        raise UpgradeError(f"the YAML cannot be written back: {err}") from None
    except (KeyError, IndexError, TypeError) as err:
        # the file's YAML is shaped unlike its model (e.g. a list merged in from elsewhere)
        raise UpgradeError(f"cannot find a part of the scenario in the YAML ({err})") from None
    return Upgrade(text.replace("\n", newline), added, escaped, restyled)


def _set_format(data: CommentedMap) -> None:
    if "format" in data:
        data["format"] = FORMAT
    else:
        keys = list(data)
        data.insert(keys.index("kind") + 1 if "kind" in keys else 0, "format", FORMAT)


def _add_ids(data: CommentedMap, scenario: Scenario) -> int:
    added = 0
    named: set[int] = set()  # a choice written once and used twice (an alias) is named once
    for e, event in enumerate(scenario.events):
        ids = choice_ids(event, scenario.languages)
        for c, choice in enumerate(event.choices):
            node = data["events"][e]["choices"][c]
            if choice.id is not None or id(node) in named or "id" in node:
                continue
            node.insert(0, "id", ids[c])
            named.add(id(node))
            added += 1
    return added


def _escape_texts(data: CommentedMap, texts: Iterable[tuple[Any, Loc]]) -> int:
    escaped = 0
    seen: set[tuple[int, Any]] = set()
    # a text with an anchor is one value however many aliases name it: escaped once, and
    # every alias keeps naming it
    anchored: dict[int, str] = {}
    for text, loc in texts:
        if not any(brace in version for version in _versions(text) for brace in "{}"):
            continue
        parent, key = _locate(data, loc)
        if isinstance(text, dict):
            parent, key = parent[key], None
        for slot in [key] if key is not None else list(parent):
            value = parent[slot]
            if (id(parent), slot) in seen or not isinstance(value, str):
                continue
            seen.add((id(parent), slot))
            if isinstance(value, ScalarString) and value.yaml_anchor(any=True) is not None:
                parent[slot] = anchored.setdefault(id(value), _escaped_scalar(value))
            else:
                parent[slot] = _escaped_scalar(value)
        escaped += 1
    return escaped


def _versions(text: Any) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def _locate(data: Any, loc: Loc) -> tuple[Any, Any]:
    """The container holding the value at `loc`, and its key or index there."""
    node = data
    for part in loc[:-1]:
        node = node[part]
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        raise UpgradeError(f"unexpected YAML at {loc}")
    return node, loc[-1]


def _escaped_scalar(value: str) -> str:
    """The value with its braces doubled, written in the same style (quotes, `>`, `|`)."""
    new = escape_braces(str(value))
    if not isinstance(value, ScalarString):
        return new
    anchor = value.yaml_anchor(any=True)
    out = type(value)(new, anchor=anchor.value if anchor is not None else None)
    if isinstance(value, FoldedScalarString) and hasattr(value, "fold_pos"):
        # where the author broke the lines: shifted by the braces added before each break
        out.fold_pos = [p + value[:p].count("{") + value[:p].count("}") for p in value.fold_pos]
    if hasattr(value, "comment"):  # a comment after `>` or `|`
        out.comment = value.comment
    return out


# --- files -----------------------------------------------------------------------------------

Status = Literal["upgraded", "current", "team", "refused"]


@dataclass(frozen=True)
class FileUpgrade:
    """What upgrading one file comes to: its status, and for `upgraded` the new text and bytes
    (verified to check without errors); for `refused` the reason and the problems found."""

    path: Path
    status: Status
    before: str = ""
    after: str = ""
    data: bytes = b""
    upgrade: Upgrade | None = None
    reason: str = ""
    problems: tuple[Diagnostic, ...] = ()


def plan_upgrade(result: FileResult, catalog: Catalog) -> FileUpgrade:
    """How a checked file (one of `catalog`'s results) upgrades; nothing is written."""
    path = result.path
    errors = tuple(d for d in result.diagnostics if d.severity == "error")
    if errors:
        return FileUpgrade(path, "refused", reason="the file has errors", problems=errors)
    if result.kind == "team":
        return FileUpgrade(path, "team")
    scenario = result.model
    assert isinstance(scenario, Scenario)
    if scenario.format >= FORMAT:
        return FileUpgrade(path, "current")
    try:
        before = decode(result.data)
        upgrade = upgrade_text(before, scenario)
    except (YamlError, UpgradeError) as err:
        return FileUpgrade(path, "refused", reason=str(err))
    data = _encode(upgrade.text, result.data)
    problems = check_upgraded(path, data, catalog)
    if problems:
        reason = "the upgraded file would not check"
        return FileUpgrade(path, "refused", before, upgrade.text, reason=reason, problems=problems)
    return FileUpgrade(path, "upgraded", before, upgrade.text, data, upgrade)


def check_upgraded(path: Path, data: bytes, catalog: Catalog) -> tuple[Diagnostic, ...]:
    """The errors `leadsim check` would find in a scenario file holding `data` (its team
    looked up as the catalog does)."""
    result = read_file(path, data)
    if result.model is not None and result.kind == "scenario":
        team_file = catalog.find_team(result.model.team)
        team = team_file.model if team_file else None
        check_scenario(result, team, catalog.team_ids())
        if not any(d.severity == "error" for d in result.diagnostics):
            lint_scenario(result, team)
    return tuple(sorted(d for d in result.diagnostics if d.severity == "error"))


def _encode(text: str, like: bytes) -> bytes:
    """Text in the encoding of the file it replaces (UTF-8, with its BOM if it had one, or
    UTF-16 in the same byte order)."""
    if like.startswith(b"\xff\xfe"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if like.startswith(b"\xfe\xff"):
        return b"\xfe\xff" + text.encode("utf-16-be")
    bom = b"\xef\xbb\xbf" if like.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode("utf-8")
