"""Several YAML slips in one file are all reported, each with its line and a caret under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.yamlload import RESCAN_BYTES, YamlError, load
from tests.content.checking import FILES, check

SLIPS = FILES / "yaml" / "four_slips.yaml"
TEAM = Path(__file__).parent / "mistakes" / "team.yaml"


def test_every_slip_of_a_file_is_reported_where_it_starts():
    found = check(SLIPS, TEAM)
    assert [(d.line, d.column, d.field, d.message) for d in found] == [
        (14, 21, "events[0].text.en", "YAML syntax: a ': ' inside unquoted text"),
        (27, 5, "events[1]", "YAML syntax: 'title' has no ':' after it"),
        (38, 18, "events[1].choices[1].applies", "YAML syntax: this '[' is never closed"),
        (53, 44, "endings[1].debrief", "YAML syntax: this quoted text is never closed"),
    ]


def test_check_shows_each_line_with_a_caret_and_says_the_rest_waits(capsys):
    assert main(["check", str(SLIPS), str(TEAM)]) == 1
    out = capsys.readouterr().out.splitlines()
    at = out.index(f"{SLIPS}:27:5: error: events[1]: YAML syntax: 'title' has no ':' after it "
                   "(write 'title: ...')")  # fmt: skip
    assert out[at + 1 : at + 3] == ["        title {en: The plan, ru: План}", "        ^"]
    assert f"{SLIPS}: the rest of this file is checked once its YAML syntax is fixed" in out
    assert out[-1] == "2 files checked: 4 errors in 1 file, 0 warnings"


def test_a_large_file_is_not_read_again_for_more_slips():
    slips = b"a: b: c\nd: e: f\n"
    with pytest.raises(YamlError) as small:
        load(slips)
    assert [e.mark.line for e in small.value.others] == [2]
    with pytest.raises(YamlError) as large:
        load(slips + b"# padding\n" * (RESCAN_BYTES // 10))
    assert (large.value.mark.line, large.value.others) == (1, ())
