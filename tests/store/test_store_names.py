"""Player-name rules: trimmed, 1-32 characters, no control characters, any script."""

from __future__ import annotations

import pytest

from game.store.errors import InvalidName
from game.store.names import name_key, normalize_name


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Anna  ", "Anna"),
        ("Анна Петрова", "Анна Петрова"),
        ("\u3000李雷\u00a0", "李雷"),
        ("Zoe\u0308", "Zoë"),  # NFC: combining diaeresis becomes one character
        ("x" * 32, "x" * 32),
        ("Ж" * 32, "Ж" * 32),
        (" x'); DROP TABLE playthroughs;-- ", "x'); DROP TABLE playthroughs;--"),
    ],
)
def test_valid_names_are_trimmed_and_kept(raw: str, clean: str) -> None:
    assert normalize_name(raw) == clean


def test_33_characters_are_refused_with_the_length() -> None:
    with pytest.raises(InvalidName, match="33 characters long; at most 32"):
        normalize_name("Я" * 33)


@pytest.mark.parametrize("raw", ["", "   ", "\t\n", "\u2003"])
def test_empty_or_whitespace_only_is_refused(raw: str) -> None:
    with pytest.raises(InvalidName, match="empty"):
        normalize_name(raw)


@pytest.mark.parametrize("raw", ["An\tna", "An\nna", "An\x00na", "An\x1bna", "An\x7fna",
                                 "An\u0085na", "An\u2028na", "An\u202ena"])  # fmt: skip
def test_control_characters_are_refused_with_position(raw: str) -> None:
    with pytest.raises(InvalidName, match=r"control character .* at position 3"):
        normalize_name(raw)


def test_non_text_is_refused() -> None:
    with pytest.raises(InvalidName, match="must be text"):
        normalize_name(42)


def test_name_key_ignores_case_in_any_script() -> None:
    assert name_key("АННА") == name_key("анна") == name_key("Анна")
    assert name_key("Straße") == name_key("STRASSE")
