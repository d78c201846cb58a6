"""Interface strings in English and Russian, written with Project Fluent.

The catalogs are `game/data/assets/i18n/<lang>/*.ftl`. Code names a string by its key and
passes arguments by name; the catalog decides the wording, the plural form and the number
format of each language:

    s = Strings("ru")
    s("text.eof", count=3)                 # "... после 3 решений"
    s("msg.revealed", names=[katya, nadya])  # Nouns: "... у Кати и Нади"

- Numbers (int, float) stay numbers, so a message can pick a plural form (`$count ->
  [one] ... [few] ... *[many] ...`) and `NUMBER()` formats them for the language ("94,2").
- A `Noun` (see game/i18n/words.py; `person(member, lang)`, `Strings.principle(pid)`)
  brings its case forms and grammatical gender; a list of them is joined in the language's way.
- A key missing in a language falls back to English, and a key missing everywhere shows as
  the key itself: a gap is visible but never stops the game. `Strings(lang, strict=True)`
  raises `StringError` instead, and on any problem Fluent reports (the tests use it).
"""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

from game.i18n.catalogs import LANGUAGES, Catalog, catalog, fluent_id, load
from game.i18n.words import Noun, join, person, spread

__all__ = ["LANGUAGES", "Noun", "StringError", "Strings", "catalog", "person"]


class StringError(LookupError):
    """A string that is missing or cannot be formatted (raised in strict mode only)."""


class Strings:
    """The interface strings of one language: `strings("key", name=value)`."""

    def __init__(self, lang: str, strict: bool = False) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self.strict = strict
        self._own = load(self.lang)
        self._en = load("en")
        self._plain: dict[str, str] = {}  # messages without arguments, formatted once
        self._principles: dict[str, Noun] = {}

    def __call__(self, key: str, **values: Any) -> str:
        if not values and key in self._plain:
            return self._plain[key]
        if key in self._own.messages:
            text = self._format(self._own, key, values)
        elif self.strict:
            raise StringError(f"no string '{key}' in {self.lang}")
        elif key in self._en.messages:
            text = self._format(self._en, key, values)
        else:
            text = key
        if not values:
            self._plain[key] = text
        return text

    def has(self, key: str) -> bool:
        """Whether this language's catalog has the key (without falling back to English)."""
        return key in self._own.messages

    def principle(self, pid: str) -> Noun:
        """A principle's name (`principle.name.<id>`) with its grammatical gender, so that
        the words around it agree ("принцип применён", "решительность проявлена")."""
        if pid not in self._principles:
            key = f"principle.name.{pid}"
            name = self(key)
            found = self._own if key in self._own.messages else self._en
            gender = self._attribute(found, key, "gender") if key in found.messages else None
            self._principles[pid] = Noun(name, gender=gender)
        return self._principles[pid]

    def _attribute(self, cat: Catalog, key: str, attribute: str) -> str | None:
        message = cat.bundle.get_message(fluent_id(key))
        pattern = message.attributes.get(attribute)
        if pattern is None:
            return None
        text, errors = cat.bundle.format_pattern(pattern, {})
        self._check(cat, key, errors)
        return str(text)

    def _format(self, cat: Catalog, key: str, values: dict[str, Any]) -> str:
        message = cat.bundle.get_message(fluent_id(key))
        if message.value is None:
            if self.strict:
                raise StringError(f"'{key}' in {cat.lang} has no text, only attributes")
            return key
        args: dict[str, Any] = {}
        used = cat.variables[key]
        for name, value in values.items():
            plain = _plain(value)
            if any(v.startswith(f"{name}_") for v in used):  # it needs the word's grammar
                args.update(spread(name, plain, cat.lang))
            elif isinstance(plain, (list, tuple)):
                args[name] = join([str(word) for word in plain], cat.lang)
            else:
                args[name] = str(plain) if isinstance(plain, str) else plain
        text, errors = cat.bundle.format_pattern(message.value, args)
        self._check(cat, key, errors)
        return str(text)

    def _check(self, cat: Catalog, key: str, errors: list[Exception]) -> None:
        if errors and self.strict:
            problems = "; ".join(str(e) for e in errors)
            raise StringError(f"'{key}' in {cat.lang}: {problems}")


def _plain(value: Any) -> Any:
    """Numbers as Fluent knows them (numpy's too), texts and lists as they are, the rest as text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    if isinstance(value, (str, list, tuple)):
        return value
    return str(value)  # a path, a date: as Python writes it
