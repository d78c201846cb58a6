"""Helpers for the content tests: check real files and pick out what was reported."""

from __future__ import annotations

from pathlib import Path

from game.content.diagnostics import Diagnostic
from game.content.library import check_files

FILES = Path(__file__).parent / "files"
REFS = FILES / "refs"
TEAM = REFS / "team.yaml"


def check(*paths: Path, langs: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Every problem `leadsim check` reports for these files, checked together."""
    return check_files(list(paths), (), langs)


def where(found: list[Diagnostic]) -> list[tuple[int, int, str, str]]:
    """(line, column, severity, field) of each problem, in the order reported."""
    return [(d.line, d.column, d.severity, d.field) for d in found]


def single(*paths: Path, langs: tuple[str, ...] = ()) -> Diagnostic:
    """The one problem reported for these files (fails when there are more or none)."""
    found = check(*paths, langs=langs)
    assert len(found) == 1, "\n".join(d.format() for d in found)
    return found[0]
