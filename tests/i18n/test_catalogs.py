"""The English and Russian catalogs: complete, parsed, used by the code, and saying only what
the code gives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from game.i18n import LANGUAGES, StringError, Strings
from game.i18n.catalogs import CATALOGS, files, load
from game.i18n.words import GENDERS, SUFFIXES
from tests.i18n.usage import scan

GAME = Path(__file__).resolve().parents[2] / "game"


class References(Visitor):
    """Every variable, message and term a Fluent entry refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.messages: set[str] = set()
        self.terms: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: ftl.MessageReference) -> None:
        self.messages.add(node.id.name)

    def visit_TermReference(self, node: ftl.TermReference) -> None:
        self.terms.add(node.id.name)


def references(message: ftl.Message) -> References:
    found = References()
    found.visit(message)
    return found


@pytest.fixture(scope="module")
def usage():
    namespaces = {key.split(".")[0] for lang in LANGUAGES for key in load(lang).messages}
    return scan(GAME, namespaces)


def test_every_catalog_file_exists_in_both_languages():
    names = {lang: [p.name for p in files(lang)] for lang in LANGUAGES}
    assert names["en"] == names["ru"] != []
    assert sorted(p.name for p in CATALOGS.iterdir() if p.is_file()) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogs_parse_without_a_problem(lang):
    assert load(lang).problems == ()


def test_both_languages_have_the_same_keys():
    en, ru = set(load("en").messages), set(load("ru").messages)
    assert sorted(en - ru) == [], "missing in Russian"
    assert sorted(ru - en) == [], "missing in English"


def test_no_key_holds_a_hyphen_so_ids_map_back_to_keys():
    assert [k for k in load("en").messages if "-" in k] == []


def test_every_key_the_code_names_exists(usage):
    known = set(load("en").messages)
    # keys in tables are checked where they are rendered: a file name such as
    # "report.json" looks like a key too
    missing = {usage.where[k]: k for k in usage.literals if k not in known}
    assert missing == {}
    families = [*usage.families, *(p for p in usage.mentioned if "\\" in p)]
    empty = {usage.where[p]: p for p in families if not any(re.fullmatch(p, k) for k in known)}
    assert empty == {}, "a family of keys that matches no key"


def test_every_key_is_used_by_the_code(usage):
    unused = sorted(k for k in load("en").messages if not usage.used(k))
    assert unused == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_use_only_what_the_code_passes(usage, lang):
    catalog = load(lang)
    unknown = {}
    for key, message in catalog.messages.items():
        passed = usage.arguments(key)
        if passed is None:
            continue  # passed through **params: compared with English below
        allowed = passed | {f"{name}_{suffix}" for name in passed for suffix in SUFFIXES}
        extra = references(message).variables - allowed
        if extra:
            unknown[key] = sorted(extra)
    assert unknown == {}


def test_russian_uses_the_same_arguments_as_english():
    def bases(message):
        names = references(message).variables
        return {re.sub(f"_(?:{'|'.join(SUFFIXES)})$", "", n) for n in names}

    en, ru = load("en").messages, load("ru").messages
    extra = {k: sorted(bases(ru[k]) - bases(en[k])) for k in ru if bases(ru[k]) - bases(en[k])}
    # Russian may need a name's gender where English does not; nothing else
    allowed = {k: v for k, v in extra.items() if v != ["name"]}
    assert allowed == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_references_between_messages_resolve(lang):
    catalog = load(lang)
    ids = {m.id.name for m in catalog.messages.values()}
    broken = {}
    for key, message in catalog.messages.items():
        found = references(message)
        if found.messages - ids or found.terms:
            broken[key] = sorted(found.messages - ids) + sorted(found.terms)
    assert broken == {}


def test_every_russian_principle_has_a_grammatical_gender():
    s = Strings("ru", strict=True)
    from game.content.principles import PRINCIPLE_IDS

    genders = {pid: s.principle(pid).gender for pid in PRINCIPLE_IDS}
    assert {pid: g for pid, g in genders.items() if g not in GENDERS[:4]} == {}


def test_russian_words_are_written_in_one_alphabet():
    # Latin letters that look Cyrillic (c, o, p, B) inside a Russian word break search and
    # spelling; plan B is «план Б» as in the scenarios
    mixed = re.compile(r"\w*(?:[а-яё][a-z]|[a-z][а-яё])\w*", re.IGNORECASE)
    found = []
    for path in files("ru"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line.split("=", 1)[-1]
            found += [f"{path.name}:{number}: {w}" for w in mixed.findall(text)]
    assert found == []


def test_a_missing_key_is_an_error_only_when_strict():
    assert Strings("ru")("no.such.key") == "no.such.key"
    with pytest.raises(StringError, match=r"no string 'no\.such\.key' in ru"):
        Strings("ru", strict=True)("no.such.key")


def test_a_variable_the_message_does_not_get_is_an_error_when_strict():
    with pytest.raises(StringError, match="count"):
        Strings("en", strict=True)("text.bad_number")
    assert "1 to" in Strings("en")("text.bad_number")
