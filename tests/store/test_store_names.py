"""Player-name rules: trimmed, 1-32 characters, no control characters, any script, invisible
characters left out (a name of nothing else is refused)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.store.errors import InvalidName
from game.store.leaderboard import Leaderboard
from game.store.names import name_key, normalize_name
from game.store.playthrough import Playthrough


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


INVISIBLE = {
    "zero-width joiner": "\u200d",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "tag character": "\U000e0041",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "Hangul filler": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "Braille blank": "\u2800",
    "combining grapheme joiner": "\u034f",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_left_out_so_eve_stays_one_eve(char: str) -> None:
    for spelled in (f"Eve{char}", f"E{char}ve", f"{char}Eve", f"Eve{char * 5}"):
        assert normalize_name(spelled) == "Eve"
        assert name_key(spelled) == name_key("Eve") == name_key("EVE")


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_name_made_only_of_invisible_characters_is_refused(char: str) -> None:
    with pytest.raises(InvalidName, match="no visible characters") as caught:
        normalize_name(char * 3)
    assert caught.value.code == "name_empty"
    with pytest.raises(InvalidName, match="no visible characters"):
        normalize_name(f" {char} {char} ")


def test_spaces_of_every_kind_count_as_one_space() -> None:
    assert normalize_name("Anna\u00a0\u2003 Maria") == "Anna Maria"
    assert name_key("Anna  Maria") == name_key("Anna\u3000Maria") == name_key("anna maria")


def test_full_width_letters_group_with_their_plain_form() -> None:
    assert name_key("\uff25\uff56\uff45") == name_key("Eve")


def test_eve_with_a_joiner_is_the_same_player_on_the_board(
    data_dir: object, make_play: Callable[..., Playthrough]
) -> None:
    with Leaderboard.open() as board:
        board.record(make_play(name="Eve", score=40))
        board.record(make_play(name="Eve\u200d", score=70))
        board.record(make_play(name="\u2060E\u200bve", score=55))
        bests = board.personal_bests("EVE")
        assert [(r.name, r.score) for r in bests] == [("Eve", 70.0)]
        assert {r.name for r in board.all_rows()} == {"Eve"}
