"""Where LeadSim keeps player data: saves, settings and ``leaderboard.sqlite3``.

In order: the folder the environment variable ``LEADSIM_DATA_DIR`` names; ``saves/`` in the
checkout when the game runs from one (a ``pyproject.toml`` next to the ``game`` package); else
the user's data folder (``platformdirs``: ``~/.local/share/leadsim`` on Linux,
``%LOCALAPPDATA%\\leadsim`` on Windows, ``~/Library/Application Support/leadsim`` on macOS).
Nothing here touches the disk until :func:`ensure_data_dir` is called.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from game.store.errors import SaveWriteError

ENV_VAR = "LEADSIM_DATA_DIR"
DEFAULT_FOLDER = "saves"
LEADERBOARD_FILE = "leaderboard.sqlite3"


APP_NAME = "leadsim"


def repo_root() -> Path:
    """The folder that contains the ``game`` package."""
    return Path(__file__).resolve().parent.parent.parent


def in_checkout() -> bool:
    """True when the game runs from a source checkout rather than an installed wheel."""
    return (repo_root() / "pyproject.toml").is_file()


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The data folder (not created): ``$LEADSIM_DATA_DIR`` if set and non-empty, else ``saves/``
    in a checkout, else the user's data folder.

    ``environ`` defaults to ``os.environ``; a relative path is taken from the current folder.
    """
    env = os.environ if environ is None else environ
    override = env.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    if in_checkout():
        return repo_root() / DEFAULT_FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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
