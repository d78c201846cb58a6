"""The seal on each leaderboard row: an HMAC-SHA256 over every stored field.

The key is 32 random bytes kept next to the database in ``leaderboard.sqlite3.key`` (created
with permissions 0600, atomically, by the first write; an existing key is never replaced).
Changing any stored field of a row with an SQLite tool (its name, date, duration, score,
ending, profile, log, mode, run id or versions) breaks its seal, which ``leaderboard --verify``
reports.

What a local seal can and cannot prove: the key lives in the same data folder as the
database, so whoever can write that folder can also read the key and re-seal an edited row.
The seal catches edits made with a database tool and rows copied from another machine; it is
not a signature against the owner of the data folder. Replaying the log (``--verify``) still
confirms the score, ending and profile whoever wrote the row; the name, date and duration can
only be vouched for by the seal.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path

from game.store.atomic import fsync_dir
from game.store.datadir import LEADERBOARD_FILE
from game.store.errors import LeaderboardError

KEY_FILE = LEADERBOARD_FILE + ".key"
KEY_BYTES = 32
_SEAL_TAG = "leadsim-row-seal-1"
_META_TAG = "leadsim-board-meta-1"


class KeyProblem(LeaderboardError):
    """The key file exists but cannot be used (unreadable, not a key, a link)."""


def key_path(folder: Path) -> Path:
    return folder / KEY_FILE


def read_key(folder: Path) -> bytes | None:
    """The key of the leaderboard in ``folder``; None when there is none yet.

    Raises :class:`KeyProblem` when the file exists but is not a usable key.
    """
    path = key_path(folder)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyProblem(f"the leaderboard key {path} cannot be read: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        data = os.read(fd, 4 * KEY_BYTES + 8) if stat.S_ISREG(info.st_mode) else b""
    finally:
        os.close(fd)
    try:
        key = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyProblem(
            f"the leaderboard key {path} is damaged; move it away to start a new key "
            "(rows sealed with the old key will then be reported as edited)"
        )
    return key


def _write_new_key(path: Path) -> None:
    """Create ``path`` holding a fresh key, unless another process created it first."""
    text = (secrets.token_hex(KEY_BYTES) + "\n").encode("ascii")
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        try:
            os.write(fd, text)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)  # appears whole or not at all, and never replaces a key
        except FileExistsError:
            pass  # another process made the key first: theirs is used
        except OSError:
            # no hard links on this file system: create it exclusively instead
            with contextlib.suppress(FileExistsError):
                fd = os.open(path, flags, 0o600)
                try:
                    os.write(fd, text)
                    os.fsync(fd)
                finally:
                    os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    fsync_dir(path.parent)


def key_for_checking(folder: Path) -> tuple[bytes | None, str | None]:
    """The key to check seals with, or None and why there is none; never creates a key."""
    try:
        key = read_key(folder)
    except KeyProblem as exc:
        return None, str(exc)
    if key is None:
        return None, f"the key file {key_path(folder)} is missing"
    return key, None


def ensure_key(folder: Path) -> bytes:
    """The key of the leaderboard in ``folder``, created on first use.

    Raises :class:`LeaderboardError` when it can be neither read nor created.
    """
    key = read_key(folder)
    if key is not None:
        return key
    try:
        _write_new_key(key_path(folder))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LeaderboardError(
            f"the leaderboard key cannot be created in {folder}: {reason}"
        ) from exc
    key = read_key(folder)
    if key is None:
        raise LeaderboardError(f"the leaderboard key in {folder} disappeared while it was made")
    return key


def _mac(key: bytes, payload: Sequence[object]) -> str:
    text = json.dumps(
        list(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return hmac.new(key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def seal_fields(key: bytes, fields: Sequence[object]) -> str:
    """The seal of a row given its stored fields in a fixed order (see ``rows.seal_payload``)."""
    return _mac(key, [_SEAL_TAG, *fields])


def seal_matches(key: bytes, fields: Sequence[object], seal: object) -> bool:
    """True when ``seal`` is the seal of ``fields`` under ``key``."""
    if not isinstance(seal, str) or not seal.isascii():
        return False
    try:
        expected = seal_fields(key, fields)
    except (TypeError, ValueError):
        return False
    return hmac.compare_digest(expected, seal)


def seal_meta(key: bytes, name: str, value: str) -> str:
    """The seal of one entry of the board's own bookkeeping (which rows predate seals)."""
    return _mac(key, [_META_TAG, name, value])
