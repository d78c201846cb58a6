"""Crash-safe file replacement: the file on disk is always either the old or the new version.

:func:`write_atomic` writes a hidden temporary file in the same folder, flushes and fsyncs it,
keeps the current version as ``<name>.bak`` (hard link, or a synced copy where links are not
supported) and renames the temporary file over the target, then fsyncs the folder so the rename
itself survives a power cut. A process killed at any point leaves at most a stray temporary file
(hidden, ``.<name>.<random>.tmp``), which readers ignore and :func:`sweep_temp_files` removes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from pathlib import Path

from game.store.errors import SaveWriteError

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}")


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


def _write_new_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """Make ``path.bak`` a copy of the current ``path``, itself replaced atomically."""
    staged = _temp_path(backup_path(path))
    try:
        os.link(path, staged)
    except FileNotFoundError:
        return
    except OSError:
        try:
            shutil.copyfile(path, staged)
        except FileNotFoundError:
            return
        with open(staged, "rb+") as handle:
            os.fsync(handle.fileno())
    os.replace(staged, backup_path(path))


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old version as ``path.bak``.

    The folder must exist. Raises :class:`SaveWriteError` (with the OS reason) on failure; the
    previous file is then left untouched.
    """
    temp = _temp_path(path)
    try:
        _write_new_file(temp, data)
        if keep_backup:
            _keep_backup(path)
        os.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        reason = exc.strerror or str(exc)
        raise SaveWriteError(f"could not write {path}: {reason}") from exc


def sweep_temp_files(folder: Path, older_than_s: float = 600.0) -> int:
    """Delete temporary files left by killed writers that are older than ``older_than_s``.

    Younger ones may belong to a write in progress in another process and are kept. Returns the
    number of files removed; errors are ignored (the files are harmless).
    """
    removed = 0
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
