"""Reading a file the user named, or found in the data folder, without surprises.

Only regular files are read (a folder, a device like ``/dev/zero`` or a named pipe is refused
without waiting on it), and never more than a given number of bytes, whatever the file claims.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from game.store.errors import RefusedFile

_CHUNK = 1 << 20


def _size(count: int) -> str:
    if count >= 1 << 20:
        return f"{count / (1 << 20):.1f} MB"
    if count >= 1 << 10:
        return f"{count / (1 << 10):.0f} KB"
    return f"{count} bytes"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`RefusedFile` for anything but a regular file or for a larger file, and
    ``OSError`` when the file cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a named pipe must not wait for a writer
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
            raise RefusedFile(f"it is {kind}, not a regular file")
        if info.st_size > limit:
            raise RefusedFile(f"it is {_size(info.st_size)}, more than the {_size(limit)} allowed")
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise RefusedFile(f"it is larger than the {_size(limit)} allowed")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
