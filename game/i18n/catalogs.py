"""The Fluent catalogs: `game/data/assets/i18n/<lang>/*.ftl`, one bundle per language.

A key in code (`text.debrief.title`) is the Fluent message id with its dots written as
hyphens (`text-debrief-title`): Fluent ids cannot hold dots, and no key holds a hyphen.
A catalog file that does not parse is not fatal: the entries that parse are used, and
`Catalog.problems` says what was skipped and where (the catalog tests fail on any).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, FluentSerializer
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from game.resources import ASSETS

CATALOGS = ASSETS / "i18n"
LANGUAGES = ("en", "ru")


def fluent_id(key: str) -> str:
    """The Fluent message id of a key: `text.debrief.title` -> `text-debrief-title`."""
    return key.replace(".", "-")


def key_of(message_id: str) -> str:
    """The key of a Fluent message id (the inverse of `fluent_id`)."""
    return message_id.replace("-", ".")


@dataclass(frozen=True)
class Catalog:
    """One language's messages, ready to format."""

    lang: str
    bundle: FluentBundle
    messages: MappingProxyType[str, ftl.Message]  # by key
    problems: tuple[str, ...]  # `file:line:col: what is wrong`, for entries left out
    variables: MappingProxyType[str, frozenset[str]]  # by key: the variables its text uses


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.names.add(node.id.name)


def variables(message: ftl.Message) -> frozenset[str]:
    """The names of the variables a message refers to, in its text and its attributes."""
    found = _Variables()
    found.visit(message)
    return frozenset(found.names)


def files(lang: str) -> list[Path]:
    return sorted((CATALOGS / lang).glob("*.ftl"))


@lru_cache(maxsize=len(LANGUAGES) + 2)
def load(lang: str) -> Catalog:
    """The catalog of one language, read once per process."""
    bundle = FluentBundle([lang], use_isolating=False)
    parser = FluentParser(with_spans=True)
    messages: dict[str, ftl.Message] = {}
    problems: list[str] = []
    for path in files(lang):
        source = path.read_text(encoding="utf-8")
        resource = parser.parse(source)
        for entry in resource.body:
            if isinstance(entry, ftl.Junk):
                for note in entry.annotations:
                    problems.append(_where(path, source, note.span, note.message or note.code))
            elif isinstance(entry, ftl.Message):
                key = key_of(entry.id.name)
                if key in messages:
                    problems.append(_where(path, source, entry.span, f"{key} is defined twice"))
                    continue
                messages[key] = entry
        bundle.add_resource(resource)
    used = MappingProxyType({key: variables(message) for key, message in messages.items()})
    return Catalog(lang, bundle, MappingProxyType(messages), tuple(problems), used)


def _where(path: Path, source: str, span: ftl.Span | None, message: str) -> str:
    start = span.start if span is not None else 0
    line = source.count("\n", 0, start) + 1
    column = start - (source.rfind("\n", 0, start) + 1) + 1
    return f"{path.parent.name}/{path.name}:{line}:{column}: {message}"


@lru_cache(maxsize=len(LANGUAGES) + 2)
def catalog(lang: str) -> MappingProxyType[str, str]:
    """Every key of one language with its Fluent source (the text as a translator wrote it)."""
    serializer = FluentSerializer()
    return MappingProxyType(
        {
            key: serializer.serialize_entry(message).split("=", 1)[1].strip()
            for key, message in load(lang).messages.items()
        }
    )
