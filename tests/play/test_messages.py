"""Store messages reach the player in the player's language."""

from __future__ import annotations

import pytest

from game.i18n import Strings
from game.play.messages import store_text
from game.store.errors import InvalidName
from game.store.names import normalize_name

BAD_NAMES = {"   ": "name_empty", "a\x07b": "name_control", "x" * 40: "name_too_long"}


@pytest.mark.parametrize("raw", sorted(BAD_NAMES))
def test_name_errors_are_translated(raw):
    with pytest.raises(InvalidName) as caught:
        normalize_name(raw)
    err = caught.value
    assert err.code == BAD_NAMES[raw]
    russian = store_text(Strings("ru"), err, str(err))
    english = store_text(Strings("en"), err, str(err))
    assert russian != english
    assert any("а" <= ch <= "я" for ch in russian.lower())
    assert "{" not in russian and "{" not in english


def test_resume_outcomes_have_translations():
    for code in (
        "resume_other_scenario",
        "resume_changed_misfit",
        "resume_failed",
        "resume_changed",
    ):
        for lang in ("en", "ru"):
            assert Strings(lang).has(f"store.{code}"), (code, lang)


def test_without_a_code_the_store_message_is_shown():
    assert store_text(Strings("ru"), ValueError("disk full"), "disk full") == "disk full"
