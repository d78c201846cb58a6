"""The class board: a classroom's leaderboard, on SQLite or PostgreSQL (``leadsim serve``).

Rows are the local leaderboard's rows (same ``playthroughs`` table, schema, upgrades and
seals; see :mod:`game.store.classdb`), plus what a class needs around them:

- a **class** number: resetting the class starts a new number; the runs of earlier classes
  stay in the database (nothing is deleted) but are no longer shown or reported;
- a **round** within the class, open or closed: a closed round takes no submissions;
- **hidden** rows: left out of the projector's board and the report, kept in the export;
- the **scenario versions** offered to the class (the files' bytes by content hash), so a run
  of a version the instructor has since edited can still be verified, and fetched;
- the class PIN and the instructor's token, kept across restarts.

A submission id makes recording idempotent: recording a playthrough whose ``submission_id`` is
stored returns the stored row (``created`` False) instead of a second one. Use::

    board = ClassBoard.open("saves/class")          # or "postgresql://user@host/db"
    done = board.record(playthrough)                 # Recorded(row, created)
    board.board(limit=10)                            # {(scenario, hash): Ranked}
    board.close()

Every method raises :class:`game.store.errors.StoreError` subclasses with readable messages.
The object belongs to the thread that opened it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from game.store import rows
from game.store.classdb import PostgresBackend, SqliteBackend, open_backend
from game.store.errors import DuplicatePlaythrough, LeaderboardError, StoreError
from game.store.playthrough import PLAYER, Playthrough, engine_version
from game.store.timestamps import utc_now

CLASS_SCHEMA = 1
_CLASS_TABLES = """
CREATE TABLE IF NOT EXISTS class_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS class_rows (
    row_id BIGINT PRIMARY KEY,
    class_no BIGINT NOT NULL,
    round_no BIGINT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS class_rows_by_class ON class_rows (class_no, hidden, row_id);
CREATE TABLE IF NOT EXISTS class_versions (
    content_hash TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_file TEXT NOT NULL,
    scenario_data BLOB NOT NULL,
    team_file TEXT NOT NULL,
    team_data BLOB NOT NULL,
    first_offered TEXT NOT NULL
)
"""
_PREFIXED = ", ".join(f"p.{name}" for name in rows.RawRow._fields)
_JOINED = f"SELECT {_PREFIXED}, c.class_no, c.round_no, c.hidden FROM playthroughs p " + (
    "JOIN class_rows c ON c.row_id = p.id"
)
_RANKED = "p.score DESC, p.played_at ASC, p.id ASC"
_STATE_DEFAULTS = {"class_no": "1", "round_no": "1", "round_open": "1", "schema": "1"}


class RoundClosed(LeaderboardError):
    """The round is closed: the class takes no new runs until the instructor opens one."""


@dataclass(frozen=True)
class ClassState:
    """The class now: its number, its round and whether the round takes submissions."""

    class_no: int
    round_no: int
    round_open: bool


@dataclass(frozen=True)
class ClassRow:
    """A stored run (or a row that cannot be read) with the class bookkeeping around it."""

    row: Playthrough | rows.DamagedRow
    class_no: int
    round_no: int
    hidden: bool


@dataclass(frozen=True)
class Recorded:
    """What recording did: the stored row, and False when it was already there."""

    row: Playthrough
    created: bool


@dataclass(frozen=True)
class Ranked:
    """The best visible runs of one scenario version in the current class, and how many."""

    scenario_id: str
    content_hash: str
    rows: tuple[Playthrough, ...]
    plays: int


@dataclass(frozen=True)
class StoredVersion:
    """A scenario version as offered to the class: both files, named and byte for byte."""

    content_hash: str
    scenario_id: str
    scenario_file: str
    scenario_data: bytes
    team_file: str
    team_data: bytes


def _create_tables(conn: Any) -> None:
    for statement in _CLASS_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    for name, value in _STATE_DEFAULTS.items():
        conn.execute(
            "INSERT INTO class_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, value),
        )
    found = conn.execute("SELECT value FROM class_state WHERE name = 'schema'").fetchone()
    if int(found[0]) > CLASS_SCHEMA:
        raise LeaderboardError(
            f"the class board was written by a newer LeadSim (class schema {found[0]}); "
            f"this version reads up to {CLASS_SCHEMA}"
        )


def _class_row(values: tuple[Any, ...]) -> ClassRow:
    *raw, class_no, round_no, hidden = values
    return ClassRow(rows.decode(raw), int(class_no), int(round_no), bool(hidden))


class ClassBoard:
    """An open class board. Create with :meth:`open`; :meth:`close` when done."""

    def __init__(self, backend: SqliteBackend | PostgresBackend) -> None:
        self.backend = backend
        self.description = backend.description
        self.notice = backend.notice
        try:
            backend.prepare(_create_tables)
        except BaseException:
            backend.close()
            raise

    @classmethod
    def open(cls, target: str) -> ClassBoard:
        """Open (creating or upgrading) the board ``target`` names: a folder, ``sqlite:///``
        a folder, or a ``postgresql://`` URL. Raises :class:`LeaderboardError`."""
        return cls(open_backend(target))

    @property
    def postgres(self) -> bool:
        return self.backend.postgres

    def close(self) -> None:
        self.backend.close()

    # --- the class, its round, its secrets ----------------------------------------------------

    def _values(self, conn: Any) -> dict[str, str]:
        return dict(conn.execute("SELECT name, value FROM class_state").fetchall())

    def state(self) -> ClassState:
        values = self.backend.read(self._values)
        return ClassState(
            int(values["class_no"]), int(values["round_no"]), values["round_open"] == "1"
        )

    def _set(self, conn: Any, name: str, value: str) -> None:
        conn.execute(
            "INSERT INTO class_state (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    def secret(self, name: str, make: Callable[[], str]) -> str:
        """The stored value of ``name`` (``pin``, ``token``), made by ``make`` the first time."""

        def work(conn: Any) -> str:
            found = conn.execute("SELECT value FROM class_state WHERE name = ?", (name,))
            row = found.fetchone()
            if row is not None:
                return str(row[0])
            value = make()
            self._set(conn, name, value)
            return value

        return self.backend.write(work)

    def set_round(self, open_: bool) -> ClassState:
        """Open a round (a new one when the last was closed) or close the current one."""

        def work(conn: Any) -> None:
            values = self._values(conn)
            was_open = values["round_open"] == "1"
            if open_ and not was_open:
                self._set(conn, "round_no", str(int(values["round_no"]) + 1))
            self._set(conn, "round_open", "1" if open_ else "0")

        self.backend.write(work)
        return self.state()

    def reset(self) -> ClassState:
        """Start a new class: round 1, open; the runs so far are kept but no longer shown."""

        def work(conn: Any) -> None:
            values = self._values(conn)
            self._set(conn, "class_no", str(int(values["class_no"]) + 1))
            self._set(conn, "round_no", "1")
            self._set(conn, "round_open", "1")

        self.backend.write(work)
        return self.state()

    # --- runs --------------------------------------------------------------------------------

    def record(self, playthrough: Playthrough) -> Recorded:
        """Store a run in the current class and round; idempotent by its ``submission_id``.

        Raises :class:`InvalidName` / :class:`InvalidPlaythrough` for bad data and
        :class:`DuplicatePlaythrough` when another submission already holds its run id or log.
        """
        found = self.record_batch([playthrough])[0]
        if isinstance(found, StoreError):
            raise found
        return found

    def record_batch(
        self, playthroughs: Sequence[Playthrough], *, only_if_open: bool = False
    ) -> list[Recorded | StoreError]:
        """Store several runs in one transaction (one disk sync for all of them); each gets
        its own outcome, as :meth:`record` would give it. With ``only_if_open`` a run not yet
        stored gets :class:`RoundClosed` while the round is closed."""
        key = self.backend.key()
        prepared: list[tuple[Playthrough, dict[str, object]] | StoreError] = []
        for item in playthroughs:
            try:
                clean = item.validated()
                prepared.append((clean, rows.insert_params(clean, key)))
            except StoreError as exc:
                prepared.append(exc)

        def work(conn: Any) -> list[Recorded | StoreError]:
            values = self._values(conn)
            closed = only_if_open and values["round_open"] != "1"
            done: list[Recorded | StoreError] = []
            for item in prepared:
                if isinstance(item, StoreError):
                    done.append(item)
                    continue
                try:
                    done.append(self._insert(conn, item[0], item[1], values, closed))
                except StoreError as exc:  # raised before anything of it was written
                    done.append(exc)
            return done

        return self.backend.write(work)

    def _insert(
        self,
        conn: Any,
        clean: Playthrough,
        params: dict[str, object],
        values: dict[str, str],
        closed: bool,
    ) -> Recorded:
        found = conn.execute(
            "SELECT id, submission_id FROM playthroughs "
            "WHERE submission_id = ? OR run_id = ? OR log_key = ? ORDER BY id",
            (params["submission_id"], params["run_id"], params["log_key"]),
        ).fetchall()
        same = [r[0] for r in found if r[1] is not None and r[1] == params["submission_id"]]
        if same:
            stored = conn.execute(f"{_JOINED} WHERE p.id = ?", (same[0],)).fetchone()
            row = _class_row(stored).row
            if isinstance(row, Playthrough):
                return Recorded(row, False)
        if found:
            raise DuplicatePlaythrough(
                f"this run is already on the class board (#{found[0][0]})", int(found[0][0])
            )
        if closed:
            raise RoundClosed("the instructor has closed the round; the run was not taken")
        row_id = int(conn.execute(rows.INSERT + " RETURNING id", params).fetchone()[0])
        conn.execute(
            "INSERT INTO class_rows (row_id, class_no, round_no, hidden, received_at) "
            "VALUES (?, ?, ?, 0, ?)",
            (row_id, int(values["class_no"]), int(values["round_no"]), utc_now()),
        )
        return Recorded(replace(clean, seal=str(params["seal"]), row_id=row_id), True)

    def _by_submission(self, conn: Any, submission_id: str) -> Playthrough | None:
        found = conn.execute(f"{_JOINED} WHERE p.submission_id = ?", (submission_id,)).fetchone()
        if found is None:
            return None
        row = _class_row(found).row
        return row if isinstance(row, Playthrough) else None

    def submission(self, submission_id: str) -> Playthrough | None:
        """The run stored under ``submission_id``, if any."""
        return self.backend.read(lambda conn: self._by_submission(conn, submission_id))

    def hide(self, row_id: int, hidden: bool = True) -> bool:
        """Hide (or show again) a row; False when there is no such row."""

        def work(conn: Any) -> bool:
            done = conn.execute(
                "UPDATE class_rows SET hidden = ? WHERE row_id = ?", (int(hidden), row_id)
            )
            return bool(done.rowcount)

        return self.backend.write(work)

    def rows(self, *, every_class: bool = False, hidden: bool = True) -> list[ClassRow]:
        """The rows of the current class (or of every class) in the order they came in;
        hidden rows too unless ``hidden`` is False. Damaged rows are in their place."""
        where = ["1 = 1"]
        params: list[object] = []
        if not every_class:
            where.append("c.class_no = ?")
            params.append(self.state().class_no)
        if not hidden:
            where.append("c.hidden = 0")
        sql = f"{_JOINED} WHERE {' AND '.join(where)} ORDER BY p.id"
        return self.backend.read(
            lambda conn: [_class_row(v) for v in conn.execute(sql, params).fetchall()]
        )

    def board(self, limit: int = 10, engine: str | None = None) -> dict[tuple[str, str], Ranked]:
        """The best ``limit`` visible people's runs of each scenario version in the current
        class (recorded by the running engine), with how many runs each version has."""
        scope = "c.class_no = ? AND c.hidden = 0 AND p.mode = ? AND p.engine_version = ?"
        params = (self.state().class_no, PLAYER, engine or engine_version())
        top_sql = (
            f"SELECT * FROM (SELECT {_PREFIXED}, ROW_NUMBER() OVER (PARTITION BY "
            f"p.scenario_id, p.content_hash ORDER BY {_RANKED}) AS place FROM playthroughs p "
            f"JOIN class_rows c ON c.row_id = p.id WHERE {scope}) ranked WHERE place <= ? "
            "ORDER BY scenario_id, content_hash, place"
        )
        count_sql = (
            "SELECT p.scenario_id, p.content_hash, COUNT(*) FROM playthroughs p "
            f"JOIN class_rows c ON c.row_id = p.id WHERE {scope} "
            "GROUP BY p.scenario_id, p.content_hash"
        )

        def work(conn: Any) -> dict[tuple[str, str], Ranked]:
            counts = {(s, h): int(n) for s, h, n in conn.execute(count_sql, params).fetchall()}
            found: dict[tuple[str, str], list[Playthrough]] = {k: [] for k in counts}
            for values in conn.execute(top_sql, (*params, limit)).fetchall():
                row = rows.decode(values[:-1])
                if isinstance(row, Playthrough):
                    found.setdefault((row.scenario_id, row.content_hash), []).append(row)
            return {k: Ranked(k[0], k[1], tuple(v), counts.get(k, 0)) for k, v in found.items()}

        return self.backend.read(work)

    def count(self) -> int:
        """How many runs the database holds, of every class."""
        return int(
            self.backend.read(
                lambda conn: conn.execute("SELECT COUNT(*) FROM playthroughs").fetchone()[0]
            )
        )

    # --- scenario versions -------------------------------------------------------------------

    def keep_versions(self, versions: Iterable[StoredVersion]) -> None:
        """Store the versions not stored yet (a version's files never change)."""
        wanted = list(versions)

        def work(conn: Any) -> None:
            for v in wanted:
                conn.execute(
                    "INSERT INTO class_versions (content_hash, scenario_id, scenario_file, "
                    "scenario_data, team_file, team_data, first_offered) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING",
                    (v.content_hash, v.scenario_id, v.scenario_file, v.scenario_data,
                     v.team_file, v.team_data, utc_now()),
                )  # fmt: skip

        if wanted:
            self.backend.write(work)

    def version(self, content_hash: str) -> StoredVersion | None:
        """A version offered to the class at some time, by its content hash."""

        def work(conn: Any) -> StoredVersion | None:
            found = conn.execute(
                "SELECT content_hash, scenario_id, scenario_file, scenario_data, team_file, "
                "team_data FROM class_versions WHERE content_hash = ?",
                (content_hash,),
            ).fetchone()
            if found is None:
                return None
            h, sid, sfile, sdata, tfile, tdata = found
            return StoredVersion(h, sid, sfile, bytes(sdata), tfile, bytes(tdata))

        return self.backend.read(work)
