"""Where LeadSim keeps player data: saves and ``leaderboard.sqlite3``.

The folder is ``saves/`` next to the ``game`` package (the repository root when running from a
checkout) unless the environment variable ``LEADSIM_DATA_DIR`` names another one. Nothing here
touches the disk until :func:`ensure_data_dir` is called.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from game.store.errors import SaveWriteError

ENV_VAR = "LEADSIM_DATA_DIR"
DEFAULT_FOLDER = "saves"
LEADERBOARD_FILE = "leaderboard.sqlite3"


def repo_root() -> Path:
    """The folder that contains the ``game`` package."""
    return Path(__file__).resolve().parent.parent.parent


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The data folder (not created): ``$LEADSIM_DATA_DIR`` if set and non-empty, else ``saves/``.

    ``environ`` defaults to ``os.environ``; a relative path is taken from the current folder.
    """
    env = os.environ if environ is None else environ
    override = env.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    return repo_root() / DEFAULT_FOLDER


def ensure_data_dir(path: Path | None = None) -> Path:
    """Create the data folder (and parents) if needed and return it.

    Raises :class:`SaveWriteError` with a readable message when it cannot be created.
    """
    folder = data_dir() if path is None else path
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveWriteError(f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if not folder.is_dir():
        raise SaveWriteError(f"the data folder {folder} exists but is not a folder")
    return folder
