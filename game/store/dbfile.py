"""Opening the leaderboard's SQLite file safely, and writing to it from several processes.

:func:`open_database` checks the file header and runs ``PRAGMA quick_check``; a damaged file
(and its ``-wal``/``-shm`` companions) is renamed to ``<name>.corrupt-<UTC timestamp>`` and a
fresh database is created, with a notice for the player. A file that is merely busy or
unreadable is never moved.

Connections use WAL mode (readers never block the writer), a generous ``busy_timeout`` and
``synchronous=FULL``; :func:`write_transaction` runs ``BEGIN IMMEDIATE`` and retries with
exponential backoff when another process holds the write lock beyond the timeout.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from game.store.errors import LeaderboardError

T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = 10_000
WRITE_ATTEMPTS = 8


@dataclass(frozen=True)
class OpenedDatabase:
    """An open connection; ``notice`` and ``moved_to`` are set when a damaged file was replaced."""

    connection: sqlite3.Connection
    notice: str | None = None
    moved_to: Path | None = None


def is_busy(exc: BaseException) -> bool:
    """True for "database is locked"/"busy" errors (worth retrying, never corruption)."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged or not a database at all."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    return (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    )


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, busy timeout set."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a SQLite database judging by its first bytes, or None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return None
    if not head:
        return None  # an empty file is a valid, empty database
    if not head.startswith(SQLITE_HEADER[: len(head)]):
        return "the file is not a SQLite database (wrong header)"
    if len(head) < 100:
        return f"the file is cut off ({len(head)} bytes, shorter than a database header)"
    return None


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """The first problem ``PRAGMA quick_check`` reports, or None when the file is sound."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows[:3])


def move_aside(path: Path) -> Path:
    """Rename a damaged database and its companion files; returns the new main file name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def _open_checked(path: Path, check: bool) -> tuple[sqlite3.Connection | None, str | None]:
    """Returns (connection, None) when the file is sound, (None, reason) when it is damaged.

    A bad header is confirmed by SQLite itself before the file is declared damaged: another
    process may have been creating the file while its first bytes were read.
    """
    header_reason = header_problem(path)
    conn = None
    try:
        conn = connect(path)
        reason = integrity_problem(conn) if check or header_reason else None
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if is_corruption(exc):
            return None, header_reason or str(exc)
        raise
    if reason is None:
        return conn, None
    conn.close()
    return None, header_reason or reason


def open_database(path: Path, *, check: bool = True) -> OpenedDatabase:
    """Open (creating if needed) the database at ``path``, replacing it if it is damaged.

    ``check=False`` skips ``quick_check`` on a file whose header looks right. Raises
    :class:`LeaderboardError` when the file cannot be opened for another reason (busy beyond
    all retries, no permission, disk full); such a file is never moved.
    """
    try:
        for _ in range(3):
            before = _identity(path)
            conn, reason = _open_checked(path, check)
            if conn is not None:
                return OpenedDatabase(conn)
            if _identity(path) != before:
                continue  # another process replaced the file meanwhile: look at the new one
            moved = move_aside(path)
            notice = (
                f"The leaderboard file was damaged ({reason}). It was moved to {moved.name} "
                "and a new, empty leaderboard was started; the game works as before."
            )
            return OpenedDatabase(connect(path), notice=notice, moved_to=moved)
    except sqlite3.Error as exc:
        raise LeaderboardError(f"the leaderboard {path} cannot be opened: {exc}") from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LeaderboardError(f"the leaderboard {path} cannot be opened: {reason}") from exc
    raise LeaderboardError(f"the leaderboard {path} keeps being replaced; try again")


def _with_retry(action: Callable[[], T], attempts: int = WRITE_ATTEMPTS) -> T:
    jitter = random.Random()  # local instance: only spreads out retries, never game state
    delay = 0.02
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(delay * (0.5 + jitter.random()))
            delay = min(delay * 2, 1.0)
    raise AssertionError("unreachable")


def write_transaction(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run ``work(conn)`` inside ``BEGIN IMMEDIATE ... COMMIT``, retrying when busy.

    ``work`` must be safe to run again (it is, if it only issues SQL on ``conn``): a failed
    attempt is rolled back before the next one.
    """

    def attempt() -> T:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    return _with_retry(attempt)
