"""The local leaderboard: one SQLite row per finished playthrough, in the data folder.

Scores of different versions of a scenario (different content hashes) are never mixed: every
ranking is per ``(scenario_id, content_hash)``. Use::

    with Leaderboard.open() as board:      # board.notice: set if a damaged file was replaced
        board.record(playthrough)           # InvalidName / InvalidPlaythrough / LeaderboardError
        board.top("missed_deadline", bundle.content_hash, limit=10)
        board.personal_bests("Анна")
        board.recent(20)
    record_session(session, name, duration_s)  # open, record a finished Session, close

Several processes may write at once (WAL, busy timeout, ``BEGIN IMMEDIATE`` with retries). All
SQL takes values through parameters only. A connection belongs to the thread that opened it.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from game.store.datadir import LEADERBOARD_FILE, data_dir, ensure_data_dir
from game.store.dbfile import open_database, write_transaction
from game.store.errors import LeaderboardError
from game.store.names import name_key, normalize_name
from game.store.playthrough import Playthrough, playthrough_from_session

T = TypeVar("T")
SCHEMA_VERSION = 1
_SCHEMA = """
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
_COLUMNS = (
    "id, name, scenario_id, content_hash, score, ending_id, profile, seed, decisions, "
    "played_at, duration_s, engine_version"
)
_INSERT = (
    "INSERT INTO playthroughs (name, name_key, scenario_id, content_hash, score, ending_id, "
    "profile, seed, decisions, played_at, duration_s, engine_version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_RANKED = "ORDER BY score DESC, played_at ASC, id ASC"
# replay(scenario_id, content_hash, seed, decisions) -> score, or raises with a readable message
ReplayScore = Callable[[str, str, int, Sequence[int]], float]


@dataclass(frozen=True)
class Version:
    """One scenario version on the board: how often it was played, best score, last play."""

    scenario_id: str
    content_hash: str
    plays: int
    best: float
    last_played: str


@dataclass(frozen=True)
class Mismatch:
    """A stored playthrough whose replay does not confirm it; ``replayed`` is None if it failed."""

    row: Playthrough
    replayed: float | None
    reason: str


def _params(p: Playthrough) -> tuple[object, ...]:
    clean = p.validated()
    return (
        clean.name,
        name_key(clean.name),
        clean.scenario_id,
        clean.content_hash,
        clean.score,
        clean.ending_id,
        json.dumps(clean.profile, ensure_ascii=False, sort_keys=True),
        str(clean.seed),
        json.dumps(list(clean.decisions)),
        clean.played_at,
        clean.duration_s,
        clean.engine_version,
    )


def _from_row(row: tuple) -> Playthrough:
    """Decode a stored row; :class:`LeaderboardError` names the row if it was damaged."""
    try:
        return Playthrough(
            row_id=row[0],
            name=row[1],
            scenario_id=row[2],
            content_hash=row[3],
            score=float(row[4]),
            ending_id=row[5],
            profile=json.loads(row[6]),
            seed=int(row[7]),
            decisions=tuple(int(d) for d in json.loads(row[8])),
            played_at=row[9],
            duration_s=float(row[10]),
            engine_version=row[11],
        )
    except (TypeError, ValueError) as exc:
        raise LeaderboardError(f"playthrough #{row[0]} is damaged: {exc}") from None


def _damaged(row: tuple) -> Playthrough:
    """What can be shown of a row that :func:`_from_row` refused."""
    return Playthrough(
        row_id=row[0],
        name=str(row[1]),
        scenario_id=str(row[2]),
        content_hash=str(row[3]),
        score=math.nan,
        ending_id=None if row[5] is None else str(row[5]),
        seed=0,
        decisions=(),
        played_at=str(row[9]),
        engine_version=str(row[11]),
    )


class Leaderboard:
    """An open leaderboard database. Create with :meth:`open`; close (or use ``with``)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        notice: str | None = None,
        moved_to: Path | None = None,
    ) -> None:
        self._conn = connection
        self.path = path
        self.notice = notice
        self.moved_to = moved_to

    @classmethod
    def open(cls, folder: Path | None = None, *, check: bool = True) -> Leaderboard:
        """Open ``leaderboard.sqlite3`` in ``folder`` (default: the data folder), creating it.

        A damaged file is moved aside and replaced by an empty one; :attr:`notice` then holds
        the message for the player and :attr:`moved_to` the new name of the old file.
        ``check=False`` skips the full integrity check (faster on huge boards). Raises
        :class:`LeaderboardError` if no usable database can be opened at all.
        """
        target = ensure_data_dir(data_dir() if folder is None else Path(folder))
        path = target / LEADERBOARD_FILE
        opened = open_database(path, check=check)
        board = cls(opened.connection, path, opened.notice, opened.moved_to)
        try:
            board._create_schema()
        except BaseException:
            board.close()
            raise
        return board

    def _create_schema(self) -> None:
        def create(conn: sqlite3.Connection) -> None:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        self._write(create)

    def close(self) -> None:
        """Close the connection; the object cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Leaderboard:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return write_transaction(self._conn, work)
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be written: {exc}") from exc

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Playthrough]:
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc
        return [_from_row(row) for row in rows]

    def record(self, playthrough: Playthrough) -> int:
        """Store one finished playthrough; returns its row id.

        Raises :class:`InvalidName` / :class:`InvalidPlaythrough` for bad data (nothing is
        written) and :class:`LeaderboardError` when the database fails.
        """
        params = _params(playthrough)
        row_id = self._write(lambda conn: conn.execute(_INSERT, params).lastrowid)
        return int(row_id or 0)

    def record_many(self, playthroughs: Iterable[Playthrough]) -> int:
        """Store many playthroughs in one transaction (all or none); returns how many."""
        rows = [_params(p) for p in playthroughs]
        self._write(lambda conn: conn.executemany(_INSERT, rows))
        return len(rows)

    def top(self, scenario_id: str, content_hash: str, limit: int = 10) -> list[Playthrough]:
        """The best ``limit`` playthroughs of one scenario version, best first.

        Ties go to whoever reached the score first.
        """
        return self._query(
            f"SELECT {_COLUMNS} FROM playthroughs WHERE scenario_id = ? AND content_hash = ? "
            f"{_RANKED} LIMIT ?",
            (scenario_id, content_hash, max(0, int(limit))),
        )

    def personal_bests(self, name: str, scenario_id: str | None = None) -> list[Playthrough]:
        """The best playthrough of ``name`` (case-insensitive) for each scenario version.

        Sorted by scenario id, newest version (most recent play) first. Raises
        :class:`InvalidName` for a name that breaks the rules.
        """
        key = name_key(normalize_name(name))
        return self._query(
            f"SELECT {_COLUMNS} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY scenario_id, "
            f"content_hash {_RANKED}) AS place FROM playthroughs WHERE name_key = ? "
            "AND (? IS NULL OR scenario_id = ?)) WHERE place = 1 "
            "ORDER BY scenario_id, played_at DESC",
            (key, scenario_id, scenario_id),
        )

    def recent(self, limit: int = 20, scenario_id: str | None = None) -> list[Playthrough]:
        """The most recently finished playthroughs, newest first."""
        where = "" if scenario_id is None else "WHERE scenario_id = ? "
        params: tuple[object, ...] = () if scenario_id is None else (scenario_id,)
        return self._query(
            f"SELECT {_COLUMNS} FROM playthroughs {where}ORDER BY played_at DESC, id DESC LIMIT ?",
            (*params, max(0, int(limit))),
        )

    def versions(self, scenario_id: str | None = None) -> list[Version]:
        """Every scenario version with plays, by scenario id, most recently played first."""
        sql = (
            "SELECT scenario_id, content_hash, COUNT(*), MAX(score), MAX(played_at) "
            "FROM playthroughs WHERE (? IS NULL OR scenario_id = ?) "
            "GROUP BY scenario_id, content_hash ORDER BY scenario_id, MAX(played_at) DESC"
        )
        try:
            return [Version(*row) for row in self._conn.execute(sql, (scenario_id, scenario_id))]
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc

    def _raw_rows(self, scenario_id: str | None, batch: int) -> Iterator[tuple]:
        sql = (
            f"SELECT {_COLUMNS} FROM playthroughs WHERE (? IS NULL OR scenario_id = ?) "
            "ORDER BY scenario_id, content_hash, score DESC, played_at, id"
        )
        try:
            cursor = self._conn.execute(sql, (scenario_id, scenario_id))
            while rows := cursor.fetchmany(batch):
                yield from rows
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc

    def all_rows(self, scenario_id: str | None = None, batch: int = 1000) -> Iterator[Playthrough]:
        """Every stored playthrough (optionally of one scenario), grouped by scenario
        version and ranked within it; streamed in batches."""
        return (_from_row(row) for row in self._raw_rows(scenario_id, batch))

    def count(self) -> int:
        """How many playthroughs are stored."""
        try:
            return int(self._conn.execute("SELECT COUNT(*) FROM playthroughs").fetchone()[0])
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc

    def verify(self, replay: ReplayScore, *, tolerance: float = 1e-6) -> list[Mismatch]:
        """Replay every stored playthrough; return those whose score is not confirmed.

        ``replay(scenario_id, content_hash, seed, decisions)`` returns the replayed score or
        raises with a readable message (e.g. that scenario version is not available). A stored
        score differing by more than ``tolerance`` is a mismatch (tampering or engine drift).
        """
        problems: list[Mismatch] = []
        for raw in self._raw_rows(None, 1000):
            try:
                row = _from_row(raw)
            except LeaderboardError as exc:
                problems.append(
                    Mismatch(_damaged(raw), None, f"the stored row is unreadable: {exc}")
                )
                continue
            try:
                replayed = float(replay(row.scenario_id, row.content_hash, row.seed, row.decisions))
            except Exception as exc:  # any failure is reported for that row, never raised
                problems.append(Mismatch(row, None, f"cannot be replayed: {exc}"))
                continue
            if not math.isclose(replayed, row.score, rel_tol=0.0, abs_tol=tolerance):
                reason = f"stored score {row.score:g} but the replay scores {replayed:g}"
                problems.append(Mismatch(row, replayed, reason))
        return problems


def record_session(
    session: Any, name: str, duration_s: float, folder: Path | None = None
) -> tuple[int, str | None]:
    """Record a finished ``game.sim.session.Session`` for ``name`` in one call.

    Opens the leaderboard (in ``folder``, default the data folder), stores the row and closes
    it. Returns ``(row id, notice)`` where ``notice`` is set when a damaged leaderboard file was
    replaced. Raises :class:`InvalidName` or another :class:`StoreError` with a readable message.
    """
    row = playthrough_from_session(session, name=name, duration_s=duration_s)
    with Leaderboard.open(folder) as board:
        return board.record(row), board.notice
