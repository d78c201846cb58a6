"""Writing the details of an internal error where only the user can read them.

A report goes to `crash-reports/` in the data folder (see game.store.datadir), or, when that
folder cannot be made safely, to a new private temporary folder. Its name holds the time and
a random part, so no one can guess it in advance and two crashes in the same second never
share a file; it is created afresh (never an existing file, never through a symbolic link),
readable by its owner only.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
import time
from pathlib import Path

from game.store.datadir import data_dir

FOLDER = "crash-reports"
_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL  # never an existing file, nor a link planted under the same name
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _own_private_folder(folder: Path) -> bool:
    """True when `folder` is a real folder (not a link) that only its owner, us, can write to."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):  # Windows: the user's own profile folder
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _report_folder() -> Path:
    """`crash-reports/` in the data folder, made if needed; else a new private temporary one."""
    folder = data_dir() / FOLDER
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        pass  # checked below
    if _own_private_folder(folder):
        return folder
    return Path(tempfile.mkdtemp(prefix="leadsim-crash-"))


def write_crash_report(text: str) -> Path:
    """Write `text` to a new report file and return its path; raises OSError when impossible."""
    folder = _report_folder()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for _ in range(8):
        path = folder / f"leadsim-crash-{stamp}-{secrets.token_hex(8)}.txt"
        try:
            fd = os.open(path, _CREATE, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as report:
            report.write(text)
        return path
    raise FileExistsError(f"no free name for a crash report in {folder}")
