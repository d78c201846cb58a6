"""`leadsim check` on one typical author's mistake per file: the right spot, field and status.

The files are in tests/content/mistakes/, each the valid `base.yaml` (or `team.yaml`) with one
mistake; `expected.tsv` says where check must point, with which field path, which words the
message must hold and what check exits with.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import NamedTuple

import pytest

from game.cli import main

MISTAKES = Path(__file__).parent / "mistakes"
TEAM = MISTAKES / "team.yaml"


class Expected(NamedTuple):
    file: str
    line: int
    column: int
    field: str
    exit: int
    phrase: str


def _table() -> list[Expected]:
    with open(MISTAKES / "expected.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)  # the header
        return [
            Expected(f, int(line), int(col), "" if field == "-" else field, int(code), phrase)
            for f, line, col, field, code, phrase in rows
        ]


TABLE = _table()


def check_json(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[dict]]:
    is_team = "kind: team" in path.read_text(encoding="utf-8")
    code = main(["check", "--format", "json", str(path), *([] if is_team else [str(TEAM)])])
    return code, json.loads(capsys.readouterr().out)


def test_there_are_forty_mistakes_or_more_and_each_has_its_row():
    files = sorted(p.name for p in MISTAKES.glob("[0-9]*.yaml"))
    assert len(files) >= 40
    assert files == sorted(row.file for row in TABLE)


def test_the_files_the_mistakes_are_made_in_are_clean(capsys):
    assert main(["check", str(MISTAKES / "base.yaml"), str(TEAM), "--require-lang", "en,ru"]) == 0
    assert "0 errors in 0 files, 0 warnings" in capsys.readouterr().out


@pytest.mark.parametrize("row", TABLE, ids=[row.file for row in TABLE])
def test_check_points_at_the_mistake(capsys, row):
    code, problems = check_json(capsys, MISTAKES / row.file)
    assert code == row.exit
    found = [p for p in problems if p["path"] == str(MISTAKES / row.file)]
    assert [(p["line"], p["column"], p["field"]) for p in found] == [
        (row.line, row.column, row.field)
    ]
    assert row.phrase in found[0]["message"]
    lines = (MISTAKES / row.file).read_text(encoding="utf-8").split("\n")
    if lines != [""]:  # the line of the file is shown, with the caret under the spot
        assert found[0]["source"] == lines[row.line - 1].rstrip()
        assert found[0]["caret"] == found[0]["caret"][:-1].replace("^", "") + "^"
        assert len(found[0]["caret"]) == row.column
