"""Where a class board keeps its rows: a SQLite file (as the local leaderboard) or PostgreSQL.

:func:`open_backend` takes what ``leadsim serve --db`` was given: a folder (or
``sqlite:///FOLDER``) holding ``leaderboard.sqlite3``, or a ``postgresql://`` URL. Both
backends run the same schema and upgrade chain (:mod:`game.store.board_schema`, on PostgreSQL
through :mod:`game.store.sqldialect`) and take the same SQLite-style statements: a caller's
``work(conn)`` runs inside one write transaction (``BEGIN IMMEDIATE`` on SQLite, a transaction
holding an advisory lock on PostgreSQL), so writers never interleave. A backend belongs to the
thread that opened it.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import psycopg

from game.store import board_schema, rows
from game.store.datadir import LEADERBOARD_FILE, ensure_data_dir
from game.store.dbfile import open_database, write_transaction
from game.store.errors import DuplicatePlaythrough, LeaderboardError
from game.store.seal import KEY_BYTES, ensure_key
from game.store.sqldialect import PgConnection

T = TypeVar("T")
POSTGRES_SCHEMES = ("postgresql", "postgres")
# Any fixed number: every writer of the class board takes this advisory lock first.
_WRITE_LOCK = 1_741_651_001
_KEY_ENTRY = "seal_key"


class Connection(Protocol):
    """What both backends hand to ``work``: SQLite-style statements and parameters."""

    def execute(self, sql: str, params: Any = ...) -> Any: ...


class Backend(Protocol):
    description: str
    postgres: bool

    def write(self, work: Callable[[Any], T]) -> T: ...

    def read(self, work: Callable[[Any], T]) -> T: ...

    def key(self) -> bytes: ...

    def close(self) -> None: ...


def describe_target(target: str) -> str:
    """``target`` fit to print: a PostgreSQL URL without its password."""
    parts = urlsplit(target)
    if parts.scheme not in POSTGRES_SCHEMES:
        return target
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"PostgreSQL {user}{host}{port}{parts.path or '/'}"


def is_postgres(target: str) -> bool:
    return urlsplit(target).scheme in POSTGRES_SCHEMES


def sqlite_folder(target: str) -> Path:
    """The folder of a SQLite board: a plain path or ``sqlite:///PATH``."""
    text = target.removeprefix("sqlite://") if target.startswith("sqlite://") else target
    return Path(text).expanduser()


class SqliteBackend:
    """The board in ``FOLDER/leaderboard.sqlite3``, sealed with that folder's key."""

    postgres = False

    def __init__(self, folder: Path) -> None:
        self.folder = ensure_data_dir(folder)
        path = self.folder / LEADERBOARD_FILE
        opened = open_database(path)
        self.notice = opened.notice
        self.conn = opened.connection
        self.conn.text_factory = rows.text_factory
        self.description = f"SQLite {path}"
        self._key: bytes | None = None

    def prepare(self, extra: Callable[[Any], None]) -> None:
        def work(conn: sqlite3.Connection) -> None:
            board_schema.prepare(conn, self.key)
            extra(conn)

        self.write(work)

    def key(self) -> bytes:
        if self._key is None:  # read once: the key of a board is never replaced
            self._key = ensure_key(self.folder)
        return self._key

    def write(self, work: Callable[[Any], T]) -> T:
        try:
            return write_transaction(self.conn, work)
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise DuplicatePlaythrough("this run is already on the class board", 0) from exc
            raise LeaderboardError(f"the class board could not be written: {exc}") from exc
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the class board could not be written: {exc}") from exc

    def read(self, work: Callable[[Any], T]) -> T:
        try:
            return work(self.conn)
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the class board could not be read: {exc}") from exc

    def close(self) -> None:
        self.conn.close()


class PostgresBackend:
    """The board in a PostgreSQL database; its seal key is kept in the database itself."""

    postgres = True

    def __init__(self, url: str, connect_timeout: int = 10) -> None:
        self.url = url
        self.description = describe_target(url)
        self.notice: str | None = None
        self._timeout = connect_timeout
        self.conn = self._connect()
        self._key: bytes | None = None

    def _connect(self) -> PgConnection:
        try:
            raw = psycopg.connect(self.url, autocommit=True, connect_timeout=self._timeout)
        except psycopg.Error as exc:
            raise LeaderboardError(
                f"cannot connect to {self.description}: {_first_line(exc)}"
            ) from exc
        return PgConnection(raw)

    def _alive(self) -> PgConnection:
        if self.conn.raw.closed or self.conn.raw.broken:
            self.conn = self._connect()
        return self.conn

    def prepare(self, extra: Callable[[Any], None]) -> None:
        def work(conn: PgConnection) -> None:
            conn.ensure_version_table()
            extra(conn)  # the class tables first: they hold the seal key
            # the same schema and upgrade chain as a SQLite board, statements rewritten
            board_schema.prepare(conn, lambda: self._make_key(conn))  # type: ignore[arg-type]

        self.write(work)

    def _make_key(self, conn: PgConnection) -> bytes:
        conn.execute(
            "INSERT INTO class_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (_KEY_ENTRY, secrets.token_hex(KEY_BYTES)),
        )
        found = conn.execute("SELECT value FROM class_state WHERE name = ?", (_KEY_ENTRY,))
        return bytes.fromhex(found.fetchone()[0])

    def key(self) -> bytes:
        if self._key is None:
            self._key = self.write(self._make_key)
        return self._key

    def write(self, work: Callable[[Any], T]) -> T:
        conn = self._alive()
        try:
            with conn.raw.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))
                return work(conn)
        except psycopg.errors.UniqueViolation as exc:
            raise DuplicatePlaythrough("this run is already on the class board", 0) from exc
        except psycopg.Error as exc:
            raise LeaderboardError(
                f"the class board could not be written: {_first_line(exc)}"
            ) from exc

    def read(self, work: Callable[[Any], T]) -> T:
        conn = self._alive()
        try:
            return work(conn)
        except psycopg.Error as exc:
            raise LeaderboardError(
                f"the class board could not be read: {_first_line(exc)}"
            ) from exc

    def close(self) -> None:
        self.conn.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def open_backend(target: str) -> SqliteBackend | PostgresBackend:
    """The backend ``target`` names (see the module); raises :class:`LeaderboardError`."""
    if is_postgres(target):
        return PostgresBackend(target)
    return SqliteBackend(sqlite_folder(target))
