"""Words that carry their grammar into a message: a name's cases, a noun's gender, a list.

Fluent passes only plain values (text and numbers) to a message, so a `Noun` and a list of
nouns are spread into several arguments. For an argument `name`:

- `$name`: the word itself (nominative);
- `$name_gen`, `$name_dat`, `$name_acc`, `$name_ins`, `$name_pre`: its case forms (the
  nominative where a form is not known);
- `$name_declined`: `yes` when every case form is known, else `no`, so that a message can
  choose a wording that needs no case;
- `$name_gender`: `masculine`, `feminine`, `neuter`, `plural` or `other` (not known).

A list of nouns (or of plain texts) is joined in the language's way ("Katya and Nadya",
"Катя и Надя") in every case, and adds `$name_count`; its gender is `plural` when it holds
more than one word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from game.content.templates import CASES
from game.content.text import tr

if TYPE_CHECKING:
    from game.content.models import Member

GENDERS = ("masculine", "feminine", "neuter", "plural", "other")
PERSON_GENDERS = MappingProxyType({"female": "feminine", "male": "masculine"})
SUFFIXES = (*CASES, "declined", "gender", "count")
_AND = MappingProxyType({"en": " and ", "ru": " и "})


class Noun(str):
    """A word (a person's name, a principle's name) with its case forms and gender.

    It is a `str` (the nominative), so it can be shown as it is anywhere a text is expected.
    """

    forms: Mapping[str, str]
    gender: str

    def __new__(
        cls, text: str, forms: Mapping[str, str | None] | None = None, gender: str | None = None
    ) -> Noun:
        word = super().__new__(cls, text)
        known = {case: str(form) for case, form in (forms or {}).items() if form}
        word.forms = MappingProxyType(known)
        word.gender = gender if gender in GENDERS else "other"
        return word

    def form(self, case: str) -> str:
        """The word in a grammatical case (gen, dat, acc, ins, pre); the word itself if unknown."""
        return self.forms.get(case, str(self))

    @property
    def declined(self) -> bool:
        return all(case in self.forms for case in CASES)


def person(member: Member, lang: str) -> Noun:
    """A team member's name in `lang`, with the case forms and gender the team file gives."""
    forms = member.cases.get(lang)
    cases = {case: getattr(forms, case) for case in CASES} if forms is not None else {}
    gender = PERSON_GENDERS.get(member.gender or "")
    return Noun(tr(member.name, lang), cases, gender)


def join(words: Sequence[str], lang: str) -> str:
    """ "A", "A and B", "A, B and C" in the language's way."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + _AND.get(lang, _AND["en"]) + words[-1]


def spread(name: str, value: Any, lang: str) -> dict[str, Any]:
    """The Fluent arguments one argument of a message stands for (see the module docstring)."""
    if isinstance(value, Noun):
        return {name: str(value), **_grammar(name, [value], value.gender, lang)}
    if isinstance(value, (list, tuple)):
        words = [w if isinstance(w, Noun) else Noun(str(w)) for w in value]
        gender = words[0].gender if len(words) == 1 else ("plural" if words else "other")
        return {
            name: join([str(w) for w in words], lang),
            **_grammar(name, words, gender, lang),
            f"{name}_count": len(words),
        }
    if isinstance(value, str):  # a plain text: a word whose forms and gender are not known
        return {name: value, **_grammar(name, [Noun(value)], "other", lang)}
    return {name: value}


def _grammar(name: str, words: Iterable[Noun], gender: str, lang: str) -> dict[str, Any]:
    items = list(words)
    forms: dict[str, Any] = {
        f"{name}_{case}": join([w.form(case) for w in items], lang) for case in CASES
    }
    forms[f"{name}_declined"] = "yes" if items and all(w.declined for w in items) else "no"
    forms[f"{name}_gender"] = gender
    return forms
