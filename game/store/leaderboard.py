"""The local leaderboard: one SQLite row per finished playthrough, in the data folder.

Scores are only ranked against scores they can be compared with: every ranking is per
scenario version (content hash), engine version and mode. By default only people's runs
(mode ``player``) of the running engine are ranked; runs played by a policy or from scripted
decisions, and rows recorded by another engine, are ranked apart. Use::

    with Leaderboard.open() as board:      # board.notice: set if a damaged file was replaced
        board.record(playthrough)           # InvalidName / InvalidPlaythrough / Duplicate...
        board.top("missed_deadline", bundle.content_hash, limit=10)
        board.personal_bests("Анна")
        board.recent(20)
        board.verify(replay)                # see game.store.verification
    record_session(session, name, duration_s, run_id=record.game_id)

Every row is sealed (see :mod:`game.store.seal`) and carries its run id; a run id or a log
already on the board is refused. Several processes may write at once (WAL, busy timeout,
``BEGIN IMMEDIATE`` with retries). All SQL takes values through parameters only. Rows that
cannot be read are reported as :class:`DamagedRow` and never hide the others. A connection
belongs to the thread that opened it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from game.store import board_schema, rows
from game.store.datadir import LEADERBOARD_FILE, data_dir, ensure_data_dir
from game.store.dbfile import open_database, write_transaction
from game.store.errors import DuplicatePlaythrough, LeaderboardError
from game.store.names import name_key, normalize_name
from game.store.playthrough import PLAYER, Playthrough, engine_version, playthrough_from_session
from game.store.rows import DamagedRow, Listing
from game.store.seal import ensure_key, key_for_checking
from game.store.verification import Replay, Verifier, VerifyReport, verify_rows

T = TypeVar("T")
MAX_LIMIT = 1_000_000
_RANKED = "ORDER BY score DESC, played_at ASC, id ASC"
_SELECT = f"SELECT {rows.COLUMNS} FROM playthroughs"
_GOOD_SCORE = "typeof(score) IN ('integer', 'real') AND abs(score) <= 1.7976931348623157e308"
_TEXT_KEYS = (
    "typeof(scenario_id) = 'text' AND typeof(content_hash) = 'text' "
    "AND typeof(engine_version) = 'text' AND typeof(mode) = 'text'"
)


@dataclass(frozen=True)
class Version:
    """One ranking on the board: a scenario version played with one engine version in one
    mode; how often, the best score (None if no score is readable) and the last play."""

    scenario_id: str
    content_hash: str
    plays: int
    best: float | None
    last_played: str
    engine_version: str = ""
    mode: str = PLAYER


def _limit(limit: int) -> int:
    return min(max(0, int(limit)), MAX_LIMIT)


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
        self._conn.text_factory = rows.text_factory
        self.path = path
        self.notice = notice
        self.moved_to = moved_to

    @classmethod
    def open(cls, folder: Path | None = None, *, check: bool = True) -> Leaderboard:
        """Open ``leaderboard.sqlite3`` in ``folder`` (default: the data folder), creating it
        or upgrading an older schema.

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
            if board._version() != board_schema.SCHEMA_VERSION:
                board._write(lambda conn: board_schema.prepare(conn, board._key))
        except BaseException:
            board.close()
            raise
        return board

    @property
    def folder(self) -> Path:
        return self.path.parent

    def _version(self) -> int:
        try:
            return board_schema.schema_version(self._conn)
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc

    def _key(self) -> bytes:
        return ensure_key(self.folder)

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
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" not in str(exc):
                raise LeaderboardError(f"the leaderboard could not be written: {exc}") from exc
            raise DuplicatePlaythrough("this playthrough is already on the leaderboard", 0) from exc
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be written: {exc}") from exc

    def _raw(self, sql: str, params: Sequence[object] = (), batch: int = 500) -> Iterator[Any]:
        try:
            cursor = self._conn.execute(sql, params)
            while found := cursor.fetchmany(batch):
                yield from found
        except sqlite3.Error as exc:
            raise LeaderboardError(f"the leaderboard could not be read: {exc}") from exc

    def _fetch(self, sql: str, params: Sequence[object], limit: int | None = None) -> Listing:
        """Decode rows in order; damaged rows are set aside and do not count to ``limit``."""
        listing = Listing()
        if limit == 0:
            return listing
        # fetch no more than a ranking needs: SQLite stops walking its index there
        batch = 500 if limit is None else min(limit + 1, 500)
        for raw in self._raw(sql, params, batch):
            row = rows.decode(raw)
            if isinstance(row, DamagedRow):
                listing.damaged.append(row)
                continue
            listing.rows.append(row)
            if limit is not None and len(listing.rows) >= limit:
                break
        return listing

    # --- writing -----------------------------------------------------------------------------

    def record(self, playthrough: Playthrough) -> int:
        """Store one finished playthrough; returns its row id.

        Raises :class:`InvalidName` / :class:`InvalidPlaythrough` for bad data,
        :class:`DuplicatePlaythrough` when its run id or its log is already stored (nothing
        is written then) and :class:`LeaderboardError` when the database fails.
        """
        return self._insert([playthrough.validated()])[0]

    def record_many(self, playthroughs: Iterable[Playthrough]) -> int:
        """Store many playthroughs in one transaction (all or none); returns how many."""
        return len(self._insert([p.validated() for p in playthroughs]))

    def _insert(self, clean: list[Playthrough]) -> list[int]:
        key = self._key()
        params = [rows.insert_params(p, key) for p in clean]
        seen: dict[tuple[str, object], int] = {}
        for index, p in enumerate(params):
            for field_name in ("run_id", "log_key", "submission_id"):
                value = (field_name, p[field_name])
                if p[field_name] is not None and seen.setdefault(value, index) != index:
                    raise DuplicatePlaythrough(
                        f"the same playthrough is given twice (rows {seen[value] + 1} and "
                        f"{index + 1} of the batch)",
                        0,
                    )

        def work(conn: sqlite3.Connection) -> list[int]:
            ids = []
            for p in params:
                found = conn.execute(
                    "SELECT id FROM playthroughs WHERE run_id = ? OR log_key = ? "
                    "OR submission_id = ? LIMIT 1",
                    (p["run_id"], p["log_key"], p["submission_id"]),
                ).fetchone()
                if found is not None:
                    raise DuplicatePlaythrough(
                        f"this playthrough is already on the leaderboard (#{found[0]})", found[0]
                    )
                ids.append(int(conn.execute(rows.INSERT, p).lastrowid or 0))
            return ids

        return self._write(work)

    # --- rankings ----------------------------------------------------------------------------

    def ranking(
        self,
        scenario_id: str,
        content_hash: str,
        limit: int = 10,
        *,
        engine: str | None = None,
        mode: str = PLAYER,
    ) -> Listing:
        """The best ``limit`` playthroughs of one scenario version, engine version (default:
        the running one) and mode, best first; ties go to whoever reached the score first.
        Damaged rows of that ranking are listed apart."""
        scope = (scenario_id, content_hash, engine or engine_version(), mode)
        where = "WHERE scenario_id = ? AND content_hash = ? AND engine_version = ? AND mode = ?"
        listing = self._fetch(f"{_SELECT} {where} {_RANKED}", scope, _limit(limit))
        # scores below every number (minus infinity) would never come up in the ranking
        low = self._fetch(f"{_SELECT} {where} AND score < -1.7976931348623157e308", scope)
        listing.damaged.extend(low.damaged)
        return listing

    def top(
        self,
        scenario_id: str,
        content_hash: str,
        limit: int = 10,
        *,
        engine: str | None = None,
        mode: str = PLAYER,
    ) -> list[Playthrough]:
        """The readable rows of :meth:`ranking`."""
        return self.ranking(scenario_id, content_hash, limit, engine=engine, mode=mode).rows

    def bests(
        self, name: str, scenario_id: str | None = None, *, every_mode: bool = False
    ) -> Listing:
        """The best playthrough of ``name`` (case-insensitive, blind to invisible characters)
        in each ranking, sorted by scenario id, most recent play first; players' runs only
        unless ``every_mode``. Raises :class:`InvalidName` for a name that breaks the rules.
        """
        key = name_key(normalize_name(name))
        modes = "" if every_mode else f"AND mode = '{PLAYER}' "
        scope = f"WHERE name_key = ? AND (? IS NULL OR scenario_id = ?) {modes}"
        params = (key, scenario_id, scenario_id)
        listing = self._fetch(
            f"SELECT {rows.COLUMNS} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "
            f"scenario_id, content_hash, engine_version, mode {_RANKED}) AS place "
            f"FROM playthroughs {scope} AND {_GOOD_SCORE}) WHERE place = 1 "
            "ORDER BY scenario_id, played_at DESC",
            params,
        )
        bad = self._fetch(f"{_SELECT} {scope} AND NOT ({_GOOD_SCORE})", params)
        listing.damaged.extend(bad.damaged)
        return listing

    def personal_bests(
        self, name: str, scenario_id: str | None = None, *, every_mode: bool = False
    ) -> list[Playthrough]:
        """The readable rows of :meth:`bests`."""
        return self.bests(name, scenario_id, every_mode=every_mode).rows

    def latest(
        self, limit: int = 20, scenario_id: str | None = None, *, every_mode: bool = False
    ) -> Listing:
        """The most recently finished playthroughs, newest first (players' runs unless
        ``every_mode``)."""
        modes = "" if every_mode else f"AND mode = '{PLAYER}' "
        return self._fetch(
            f"{_SELECT} WHERE (? IS NULL OR scenario_id = ?) {modes}"
            "ORDER BY played_at DESC, id DESC",
            (scenario_id, scenario_id),
            _limit(limit),
        )

    def recent(
        self, limit: int = 20, scenario_id: str | None = None, *, every_mode: bool = False
    ) -> list[Playthrough]:
        """The readable rows of :meth:`latest`."""
        return self.latest(limit, scenario_id, every_mode=every_mode).rows

    def versions(
        self,
        scenario_id: str | None = None,
        *,
        every_engine: bool = False,
        every_mode: bool = False,
    ) -> list[Version]:
        """Every ranking with plays, by scenario id, most recently played first.

        By default only players' runs of the running engine; ``every_engine`` and
        ``every_mode`` widen that (each engine version and mode is still its own ranking).
        """
        conditions = [_TEXT_KEYS, "(? IS NULL OR scenario_id = ?)"]
        params: list[object] = [scenario_id, scenario_id]
        if not every_engine:
            conditions.append("engine_version = ?")
            params.append(engine_version())
        if not every_mode:
            conditions.append(f"mode = '{PLAYER}'")
        sql = (
            "SELECT scenario_id, content_hash, COUNT(*), "
            f"MAX(CASE WHEN {_GOOD_SCORE} THEN score END), "
            "MAX(CASE WHEN typeof(played_at) = 'text' THEN played_at END), engine_version, mode "
            f"FROM playthroughs WHERE {' AND '.join(conditions)} "
            "GROUP BY scenario_id, content_hash, engine_version, mode "
            "ORDER BY scenario_id, MAX(played_at) DESC"
        )
        return [
            Version(sid, chash, int(n), best, str(last or ""), engine, mode)
            for sid, chash, n, best, last, engine, mode in self._raw(sql, params)
        ]

    def rows(
        self, scenario_id: str | None = None, batch: int = 1000
    ) -> Iterator[Playthrough | DamagedRow]:
        """Every stored row of any mode (optionally of one scenario), grouped by scenario
        version and ranked within it, streamed in batches; damaged rows in their place."""
        sql = (
            f"{_SELECT} WHERE (? IS NULL OR scenario_id = ?) "
            "ORDER BY scenario_id, content_hash, engine_version, mode, score DESC, played_at, id"
        )
        return (rows.decode(raw) for raw in self._raw(sql, (scenario_id, scenario_id), batch))

    def all_rows(self, scenario_id: str | None = None, batch: int = 1000) -> Iterator[Playthrough]:
        """The readable rows of :meth:`rows`."""
        return (row for row in self.rows(scenario_id, batch) if not isinstance(row, DamagedRow))

    def count(self) -> int:
        """How many rows are stored (damaged ones included)."""
        for (number,) in self._raw("SELECT COUNT(*) FROM playthroughs"):
            return int(number)
        return 0

    # --- verification ------------------------------------------------------------------------

    def verify(
        self, replay: Replay, *, engine: str | None = None, tolerance: float = 1e-6
    ) -> VerifyReport:
        """Check every row: readable, not a duplicate, seal intact, and (when recorded by the
        running engine) every field derived from its log confirmed by ``replay``.

        See :mod:`game.store.verification` for ``replay`` and the categories of the report.
        Never raises for a bad row; raises :class:`LeaderboardError` if the file fails.
        """
        key, key_problem = key_for_checking(self.folder)
        sealed_from = board_schema.read_sealed_from(self._conn, key)
        verifier = Verifier(
            replay, engine or engine_version(), key, key_problem, sealed_from, tolerance
        )
        return verify_rows(self._raw(f"{_SELECT} ORDER BY id"), verifier)


def record_session(
    session: Any,
    name: str,
    duration_s: float,
    folder: Path | None = None,
    *,
    run_id: str | None = None,
    mode: str = PLAYER,
) -> tuple[int, str | None]:
    """Record a finished ``game.sim.session.Session`` for ``name`` in one call.

    ``run_id`` is the id the run got when it started (its save's game id); a fresh random id
    is used without one. ``mode`` is ``"player"``, ``"scripted"`` or ``"policy:NAME"``.
    Opens the leaderboard (in ``folder``, default the data folder), stores the row and closes
    it. Returns ``(row id, notice)`` where ``notice`` is set when a damaged leaderboard file
    was replaced. Raises :class:`InvalidName`, :class:`DuplicatePlaythrough` or another
    :class:`StoreError` with a readable message.
    """
    row = playthrough_from_session(
        session, name=name, duration_s=duration_s, run_id=run_id, mode=mode
    )
    with Leaderboard.open(folder) as board:
        return board.record(row), board.notice
