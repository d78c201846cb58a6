"""Reading a file that may be hostile: only a regular file, and never more than a limit.

A path can name a named pipe (opening it waits for a writer that never comes), a device
(`/dev/zero` never ends), or a sparse file of gigabytes that takes no disk space to make.
`read_regular()` looks before it reads: it asks what the path is, refuses anything but a
regular file that fits the limit, opens without waiting (a pipe swapped in meanwhile is refused
too) and reads at most the limit plus one byte, so a file that grows is caught as well.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a pipe opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


SPLIT = "split it into smaller files"


class RefusedFile(Exception):
    """A file that was not read: not a regular file, too large, or unreadable."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def size_text(count: int) -> str:
    """A byte count for people: `2.0 GB`, `16.5 MB`, `3 KB`, `12 bytes`."""
    if count >= 1 << 30:
        return f"{count / (1 << 30):.1f} GB"
    if count >= 1 << 20:
        return f"{count / (1 << 20):.1f} MB"
    if count >= 1 << 10:
        return f"{count / (1 << 10):.0f} KB"
    return f"{count} bytes"


def _limit_text(limit: int) -> str:
    return f"{limit >> 20} MB" if limit >= 1 << 20 and limit % (1 << 20) == 0 else size_text(limit)


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, for a message: `a named pipe`, `a regular file`..."""
    return next((name for test, name in _KINDS if test(mode)), "a regular file")


def refusal(info: os.stat_result, limit: int, hint: str = SPLIT) -> RefusedFile | None:
    """Why a file with this status must not be read, or None when it may be.

    `hint` is the advice given for a file over the limit.
    """
    if not stat.S_ISREG(info.st_mode):
        return RefusedFile(
            f"not a regular file: it is {kind_of(info.st_mode)}", "name an ordinary file"
        )
    if info.st_size > limit:
        return RefusedFile(
            f"the file is {size_text(info.st_size)}, over the {_limit_text(limit)} limit", hint
        )
    return None


def read_regular(path: Path | str, limit: int, hint: str = SPLIT) -> bytes:
    """The bytes of the regular file at `path`, which must hold at most `limit` bytes.

    Raises RefusedFile, with a readable message, for anything else and for any OSError;
    `hint` is the advice given for a file over the limit.
    """
    try:
        problem = refusal(os.stat(path), limit, hint)
        if problem is not None:
            raise problem
        fd = os.open(path, _FLAGS)
        try:
            problem = refusal(os.fstat(fd), limit, hint)  # it may have been replaced meanwhile
            if problem is not None:
                raise problem
            with os.fdopen(fd, "rb", closefd=False) as stream:
                data = stream.read(limit + 1)
        finally:
            os.close(fd)
    except OSError as err:
        raise RefusedFile(f"cannot read the file: {err.strerror or err}") from err
    if len(data) > limit:
        raise RefusedFile(
            f"the file grew past the {_limit_text(limit)} limit while it was read", hint
        )
    return data
