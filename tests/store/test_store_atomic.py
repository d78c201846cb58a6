"""Atomic replacement of files with a backup of the previous version."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.store.atomic import backup_path, sweep_temp_files, write_atomic
from game.store.errors import SaveWriteError


def test_first_write_creates_the_file_without_backup(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"one")
    assert target.read_bytes() == b"one"
    assert not backup_path(target).exists()


def test_second_write_keeps_previous_version_as_bak(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    write_atomic(target, b"three")
    assert target.read_bytes() == b"three"
    assert backup_path(target).read_bytes() == b"two"


def test_no_temporary_files_remain(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    for n in range(5):
        write_atomic(target, str(n).encode())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


def test_failed_write_leaves_old_file_and_raises_readable_error(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "a.json"
    with pytest.raises(SaveWriteError, match="could not write"):
        write_atomic(target, b"x")


def test_sweep_removes_only_old_temp_files(tmp_path: Path) -> None:
    old = tmp_path / ".a.json.123.tmp"
    young = tmp_path / ".a.json.456.tmp"
    save = tmp_path / "a.json"
    for path in (old, young, save):
        path.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert sweep_temp_files(tmp_path, older_than_s=600) == 1
    assert not old.exists() and young.exists() and save.exists()
