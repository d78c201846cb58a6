"""The data folder: default location, environment override, no side effects on import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.store.datadir import ENV_VAR, data_dir, ensure_data_dir, repo_root


def test_default_is_saves_folder_at_repo_root() -> None:
    assert data_dir({}) == repo_root() / "saves"
    assert (repo_root() / "game").is_dir()


def test_environment_variable_overrides_the_folder(tmp_path: Path) -> None:
    assert data_dir({ENV_VAR: str(tmp_path / "x")}) == tmp_path / "x"


def test_blank_environment_variable_is_ignored() -> None:
    assert data_dir({ENV_VAR: "  "}) == repo_root() / "saves"


def test_importing_the_store_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "never"
    code = (
        "import game.store.saves, game.store.leaderboard, game.store.resume, "
        "game.play.verify, game.commands.leaderboard"
    )
    env = {ENV_VAR: str(target), "PATH": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert not target.exists()


def test_ensure_data_dir_creates_parents(data_dir: Path) -> None:
    assert not data_dir.exists()
    assert ensure_data_dir() == data_dir
    assert data_dir.is_dir()


def test_ensure_data_dir_reports_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    from game.store.errors import SaveWriteError

    with pytest.raises(SaveWriteError, match="cannot create the data folder"):
        ensure_data_dir(blocker / "sub")
