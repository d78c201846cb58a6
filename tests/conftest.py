"""Shared test set-up: headless SDL, and where the repository and the shared folder are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports pygame: the tests never open a window or a sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder (where pyproject.toml is)."""
    return REPO_ROOT


def find_shared_dir() -> Path | None:
    """The shared folder: $LEADSIM_SHARED_DIR, else <repo>/../shared, else /work/shared."""
    env = os.environ.get("LEADSIM_SHARED_DIR", "").strip()
    candidates = [Path(env)] if env else []
    candidates += [REPO_ROOT.parent / "shared", Path("/work/shared")]
    return next((c for c in candidates if c.is_dir()), None)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only shared folder (corpora, design notes); fails clearly when it is missing."""
    found = find_shared_dir()
    if found is None:
        pytest.fail(
            "the shared folder was not found: set LEADSIM_SHARED_DIR, or put it at "
            f"{REPO_ROOT.parent / 'shared'} or /work/shared"
        )
    return found
