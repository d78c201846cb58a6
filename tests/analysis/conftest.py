"""The analysis tests play small lab scenarios written for them (tests/analysis/files)."""

from __future__ import annotations

from pathlib import Path

from game.content.library import load_bundle
from game.sim.program import Program

FILES = Path(__file__).parent / "files"


def lab(name: str) -> Program:
    """The lab scenario `files/<name>.yaml`, compiled."""
    return Program(load_bundle(FILES / f"{name}.yaml"))
