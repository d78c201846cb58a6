"""The leaderboard's SQLite schema and the ordered chain of upgrades between its versions.

The schema version is SQLite's ``PRAGMA user_version``. :func:`prepare` runs inside the write
transaction that opens a board: it creates a new database at version 1 and then, as for every
older file, applies the upgrade steps one after another up to :data:`SCHEMA_VERSION`. Add a
step by appending to :data:`UPGRADES`; each takes the connection and the board's seal key.

Version 1 (the first release): one row per playthrough, logs of 1-based choice positions.
Version 2: ``mode`` (player, scripted or policy:NAME; old rows are players' runs),
``run_id`` (NULL on old rows), ``log_key`` (finds a log stored twice), ``seal`` (NULL on old
rows: they predate seals), a nullable unique ``submission_id`` for a class server's
idempotent submissions, ``name_key`` recomputed by the current name rules, rankings indexed
per engine version and mode, and the sealed ``board_meta`` entry ``sealed_from``: the first
row id that must carry a seal.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from game.store import rows
from game.store.errors import LeaderboardError
from game.store.names import name_key
from game.store.seal import seal_meta

SCHEMA_VERSION = 2
SEALED_FROM = "sealed_from"

_V1 = """
CREATE TABLE IF NOT EXISTS playthroughs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    score REAL NOT NULL,
    ending_id TEXT,
    profile TEXT NOT NULL,
    seed TEXT NOT NULL,
    decisions TEXT NOT NULL,
    played_at TEXT NOT NULL,
    duration_s REAL NOT NULL,
    engine_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS playthroughs_ranking
    ON playthroughs (scenario_id, content_hash, score DESC, played_at);
CREATE INDEX IF NOT EXISTS playthroughs_by_name
    ON playthroughs (name_key, scenario_id, content_hash, score DESC, played_at);
CREATE INDEX IF NOT EXISTS playthroughs_by_date ON playthroughs (played_at);
"""

_V2 = """
ALTER TABLE playthroughs ADD COLUMN mode TEXT NOT NULL DEFAULT 'player';
ALTER TABLE playthroughs ADD COLUMN run_id TEXT;
ALTER TABLE playthroughs ADD COLUMN log_key TEXT;
ALTER TABLE playthroughs ADD COLUMN seal TEXT;
ALTER TABLE playthroughs ADD COLUMN submission_id TEXT;
DROP INDEX IF EXISTS playthroughs_ranking;
DROP INDEX IF EXISTS playthroughs_by_name;
CREATE INDEX playthroughs_ranking ON playthroughs
    (scenario_id, content_hash, engine_version, mode, score DESC, played_at);
CREATE INDEX playthroughs_by_name ON playthroughs
    (name_key, scenario_id, content_hash, engine_version, mode, score DESC, played_at);
CREATE INDEX playthroughs_by_run ON playthroughs (run_id);
CREATE INDEX playthroughs_by_log ON playthroughs (log_key);
CREATE UNIQUE INDEX playthroughs_by_submission ON playthroughs (submission_id);
CREATE TABLE board_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL, seal TEXT NOT NULL);
"""

Upgrade = Callable[[sqlite3.Connection, bytes], None]


def _run(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _rekey(conn: sqlite3.Connection) -> None:
    """Name keys by the current rules, and the log key of every readable row."""
    cursor = conn.execute(f"SELECT {rows.COLUMNS} FROM playthroughs")
    updates: list[tuple[str | None, str | None, object]] = []
    while batch := cursor.fetchmany(1000):
        for values in batch:
            raw = rows.RawRow._make(values)
            if isinstance(raw.name, str):
                updates.append((name_key(raw.name), None, raw.id))
            row = rows.decode(values)
            if not isinstance(row, rows.DamagedRow):
                updates.append((None, rows.log_key(row), raw.id))
    conn.executemany(
        "UPDATE playthroughs SET name_key = COALESCE(?, name_key), "
        "log_key = COALESCE(?, log_key) WHERE id = ?",
        updates,
    )


def _v1_to_v2(conn: sqlite3.Connection, key: bytes) -> None:
    # After the new columns exist, old rows decode with them at their defaults.
    _run(conn, _V2)
    _rekey(conn)
    first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM playthroughs").fetchone()[0]
    write_meta(conn, key, SEALED_FROM, str(first))


# UPGRADES[i] turns schema version i + 1 into version i + 2.
UPGRADES: tuple[Upgrade, ...] = (_v1_to_v2,)


def write_meta(conn: sqlite3.Connection, key: bytes, name: str, value: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO board_meta (name, value, seal) VALUES (?, ?, ?)",
        (name, value, seal_meta(key, name, value)),
    )


def read_sealed_from(conn: sqlite3.Connection, key: bytes | None) -> int | None:
    """The first row id that must carry a seal; None when that entry is missing, does not
    carry its own seal, or cannot be checked."""
    try:
        found = conn.execute(
            "SELECT value, seal FROM board_meta WHERE name = ?", (SEALED_FROM,)
        ).fetchone()
    except sqlite3.Error:
        return None
    if found is None or key is None or not all(isinstance(v, str) for v in found):
        return None
    value, seal = found
    if seal != seal_meta(key, SEALED_FROM, value) or not value.isdigit() or len(value) > 19:
        return None
    return int(value)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def prepare(conn: sqlite3.Connection, key: Callable[[], bytes]) -> None:
    """Create or upgrade the schema; to be run inside a write transaction.

    ``key`` gives the seal key (created on first use). Raises :class:`LeaderboardError` for a
    database written by a newer LeadSim.
    """
    version = schema_version(conn)
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'playthroughs'"
    ).fetchone()
    if version > SCHEMA_VERSION:
        raise LeaderboardError(
            f"the leaderboard was written by a newer LeadSim (schema {version}); this version "
            f"reads schemas up to {SCHEMA_VERSION}"
        )
    if version == 0:
        if not has_table:
            _run(conn, _V1)
        version = 1
    while version < SCHEMA_VERSION:
        UPGRADES[version - 1](conn, key())
        version += 1
    conn.execute(f"PRAGMA user_version = {version}")
