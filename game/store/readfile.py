"""Reading a file the user named, or found in the data folder, without surprises.

Only regular files are read (a folder, a device like ``/dev/zero`` or a named pipe is refused
without waiting on it), and never more than a given number of bytes, whatever the file claims:
:func:`game.safe_file.read_regular`, with its refusals as the store's own errors.
"""

from __future__ import annotations

from pathlib import Path

from game import safe_file
from game.store.errors import RefusedFile


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`RefusedFile` for anything but a regular file or for a larger file, and
    ``OSError`` (``FileNotFoundError``, ``PermissionError``...) when it cannot be read.
    """
    try:
        return safe_file.read_regular(path, limit)
    except safe_file.RefusedFile as exc:
        if isinstance(exc.__cause__, OSError):
            raise exc.__cause__ from None
        raise RefusedFile(exc.message) from None
