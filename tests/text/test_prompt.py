"""The terminal prompt: only a few ASCII digits are a number; long lines are thrown away fast."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.commands.play import parse_choices
from game.text.play import TOO_LONG, LineReader, choice_number
from tests.reliability.cli_child import leadsim

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
SCENARIO = SCENARIOS / "example_release.yaml"
BAD_NUMBER = "Please type a number from 1 to 2."
TOO_LONG_TEXT = "That line is too long to be an answer; type a number from 1 to 2."


@pytest.mark.parametrize(
    ("answer", "number"),
    [("1", 1), ("12", 12), ("0042", 42), ("²", None), ("١", None), ("9" * 5000, None),
     ("1.5", None), ("-1", None), ("", None)],
)  # fmt: skip
def test_only_a_few_ascii_digits_are_a_choice_number(answer, number):
    assert choice_number(answer) == number


def test_superscripts_and_huge_numbers_at_the_prompt_ask_again(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path))
    typed = "²\n" + "9" * 5000 + "\n" + "1\n1\n1\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    assert main(["play", str(SCENARIO), "--text", "--seed", "3", "--untimed"]) == 0
    out = capsys.readouterr().out
    assert out.count(BAD_NUMBER) == 1  # "²"
    assert out.count(TOO_LONG_TEXT) == 1  # 5,000 digits is no answer
    assert "Ending:" in out


@pytest.mark.parametrize("text", ["²", "1,²", "9" * 5000])
def test_scripted_choices_accept_only_ascii_numbers(text, capsys):
    with pytest.raises(ValueError, match="is not a choice id or number"):
        parse_choices(text)
    assert main(["play", str(SCENARIO), "--choices", text, "--json"]) == 2
    assert "is not a choice id or number" in capsys.readouterr().err


def test_a_long_line_through_a_pipe_is_dropped_and_the_next_one_read():
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "r") as inp:
        reader = LineReader(inp, None)
        os.write(write_end, b"x" * (LineReader.MAX_LINE * 3) + b"\n2\n")
        os.close(write_end)
        assert reader.readline() is TOO_LONG
        assert len(reader.buffer) <= LineReader.MAX_LINE + LineReader.CHUNK
        assert reader.readline() == "2\n"
        assert reader.readline() == ""


def test_a_long_line_from_a_stream_is_dropped_and_the_next_one_read():
    reader = LineReader(io.StringIO("y" * 100_000 + "\n1\n"), None)
    assert reader.readline() is TOO_LONG
    assert reader.readline() == "1\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX memory limit")
def test_fifty_megabytes_without_a_newline_end_the_game_quickly(tmp_path):
    result = leadsim(
        "play", SCENARIO, "--text", "--seed", "3", "--untimed",
        input="7" * (50 << 20) + "\n1\n1\n1\n", timeout=60,
        env={"LEADSIM_DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert TOO_LONG_TEXT in result.stdout
    assert "Ending:" in result.stdout
