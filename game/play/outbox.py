"""Finished runs waiting to reach the class server: one file per run, never lost.

A run is written to the outbox (atomically: temp file, fsync, rename) before anything is sent,
and its file is removed only once the server has answered that it stored the run. A run the
server refuses for good (a closed round, a version it does not know, a name it does not take)
moves to ``refused/`` with the server's reason, so nothing a player made disappears without a
word. The file name is the run's submission id: queueing the same run twice keeps one file,
and the server stores a submission id once, so a run is never counted twice however often it
is sent.

Each entry remembers the server it was meant for: connecting to another class does not send
it there.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.safe_file import RefusedFile, read_regular
from game.store import jsonsafe
from game.store.atomic import write_atomic
from game.store.errors import BadJSON, SaveWriteError
from game.store.fields import RUN_ID
from game.store.timestamps import utc_now

FORMAT = 1
REFUSED = "refused"
MAX_ENTRY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One queued run: the server it is for, what is sent, and how it went so far."""

    submission_id: str
    server: str
    payload: dict[str, Any]
    queued_at: str
    attempts: int = 0
    last_error: str = ""
    reason: str = ""  # set on refused entries: the server's reason

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "submission_id": self.submission_id,
            "server": self.server,
            "payload": self.payload,
            "queued_at": self.queued_at,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "reason": self.reason,
        }


@dataclass
class Listing:
    """The entries found, and the files that could not be read (name and why)."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _entry(data: object) -> Entry:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an outbox entry of this version")
    sid, server, payload = data.get("submission_id"), data.get("server"), data.get("payload")
    if not (isinstance(sid, str) and RUN_ID.fullmatch(sid)):
        raise ValueError("its submission id is not usable")
    if not isinstance(server, str) or not isinstance(payload, dict):
        raise ValueError("it has no server or no run")
    attempts = data.get("attempts", 0)
    return Entry(
        sid,
        server,
        payload,
        str(data.get("queued_at", "")),
        attempts if type(attempts) is int else 0,
        str(data.get("last_error", "")),
        str(data.get("reason", "")),
    )


class Outbox:
    """The outbox folder (created by the first run queued)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @property
    def refused_folder(self) -> Path:
        return self.folder / REFUSED

    def _path(self, submission_id: str, refused: bool = False) -> Path:
        if not RUN_ID.fullmatch(submission_id):
            raise ValueError(f"not a submission id: {submission_id[:70]!r}")
        return (self.refused_folder if refused else self.folder) / f"{submission_id}.json"

    def _write(self, path: Path, entry: Entry) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveWriteError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
        text = json.dumps(entry.to_json(), ensure_ascii=False, indent=1)
        write_atomic(path, text.encode("utf-8"), keep_backup=False)

    def put(self, server: str, payload: dict[str, Any]) -> Entry:
        """Queue a run for ``server`` (its ``submission_id`` names the file); an entry already
        queued under that id is kept as it is. Raises :class:`SaveWriteError`."""
        submission_id = str(payload["submission_id"])
        path = self._path(submission_id)
        existing = self._read(path)
        if isinstance(existing, Entry):
            return existing
        entry = Entry(submission_id, server, dict(payload), utc_now())
        self._write(path, entry)
        return entry

    def update(self, entry: Entry) -> None:
        """Write the entry's new attempt count and last error (ignored once it is gone)."""
        path = self._path(entry.submission_id)
        if path.exists():
            with contextlib.suppress(SaveWriteError):
                self._write(path, entry)

    def done(self, entry: Entry) -> None:
        """The server stored it: forget it."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path(entry.submission_id))

    def refuse(self, entry: Entry, reason: str) -> Entry:
        """The server will never take it: keep it apart with the reason."""
        moved = Entry(
            entry.submission_id, entry.server, entry.payload, entry.queued_at,
            entry.attempts, entry.last_error, reason,
        )  # fmt: skip
        self._write(self._path(entry.submission_id, refused=True), moved)
        self.done(entry)
        return moved

    def _read(self, path: Path) -> Entry | str | None:
        try:
            data = read_regular(path, MAX_ENTRY_BYTES)
        except RefusedFile as exc:
            return None if not path.exists() else str(exc)
        try:
            return _entry(jsonsafe.loads(data.decode("utf-8")))
        except (UnicodeDecodeError, BadJSON, ValueError) as exc:
            return str(exc)

    def _list(self, folder: Path) -> Listing:
        listing = Listing()
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
        except FileNotFoundError:
            return listing
        except OSError as exc:
            listing.problems.append((str(folder), exc.strerror or str(exc)))
            return listing
        for name in names:
            found = self._read(folder / name)
            if isinstance(found, Entry):
                listing.entries.append(found)
            elif isinstance(found, str):
                listing.problems.append((name, found))
        listing.entries.sort(key=lambda e: (e.queued_at, e.submission_id))
        return listing

    def pending(self, server: str | None = None) -> Listing:
        """Runs still to send (for ``server`` only, when given), oldest first."""
        listing = self._list(self.folder)
        if server is not None:
            listing.entries = [e for e in listing.entries if e.server == server]
        return listing

    def refused(self) -> Listing:
        """Runs the server refused, with its reasons."""
        return self._list(self.refused_folder)
