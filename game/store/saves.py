"""Saved games in the data folder: one autosave per game, named manual slots, "Continue".

Layout (all in :func:`game.store.datadir.data_dir`)::

    auto-<game id>.json        the autosave of one game, rewritten after every decision
    slot-<name>-<hash>.json    a manual slot (the readable part is the slot name made file-safe)
    *.bak                      the previous version of each of the above

Typical use by a front end::

    store = SaveStore()                                   # or SaveStore(folder)
    record = SaveRecord.start(bundle.scenario.id, bundle.content_hash, seed, language="ru")
    ...after each decision:
    record = record.advanced(session.decisions, snapshot)  # finished=True at the ending
    store.autosave(record)                                 # raises SaveWriteError on failure
    listing = store.scan()      # .saves newest first, .problems to show, .latest for Continue

Reading never raises for a bad file: a corrupted, truncated, empty or foreign file, one with an
impossible seed, date or decision, or something that is not a regular file becomes a
:class:`SaveProblem` (path + reason) and every other save stays usable. A broken file whose
``.bak`` is intact is read from the backup, with a problem noting the recovery.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.store import jsonsafe
from game.store.atomic import BACKUP_SUFFIX, backup_path, sweep_temp_files, write_atomic
from game.store.datadir import LEADERBOARD_FILE, data_dir, ensure_data_dir
from game.store.errors import BadJSON, InvalidName, RefusedFile, SaveWriteError
from game.store.migrations import SaveFormatError
from game.store.names import normalize_name
from game.store.readfile import read_limited
from game.store.save_record import SaveRecord

MAX_SAVE_BYTES = 32 * 1024 * 1024
SAVE_SUFFIX = ".json"
# Other files the game keeps in the data folder: the class's address (game.play.client).
OTHER_FILES = frozenset({"class.json", "class.json.bak"})


@dataclass(frozen=True)
class SaveProblem:
    """A file in the data folder that could not be used as a save, and why.

    ``recovered`` is True when the save was read from its ``.bak`` instead (the game is still
    listed, possibly without its last decision).
    """

    path: Path
    reason: str
    recovered: bool = False

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass(frozen=True)
class SaveEntry:
    """A readable save: where it lives and what it holds."""

    path: Path
    record: SaveRecord
    from_backup: bool = False
    note: str | None = None  # why the backup was used, when it was

    @property
    def is_autosave(self) -> bool:
        return self.record.slot is None


@dataclass(frozen=True)
class SaveListing:
    """Everything in the data folder: usable saves newest first, and the problems met."""

    saves: tuple[SaveEntry, ...]
    problems: tuple[SaveProblem, ...]

    @property
    def latest(self) -> SaveEntry | None:
        """The most recently updated unfinished game ("Continue"), if any."""
        return next((entry for entry in self.saves if not entry.record.finished), None)


def _json_default(value: Any) -> Any:
    # numpy scalars and arrays in snapshots become plain numbers and lists
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} cannot be stored in a save")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=_json_default, allow_nan=False)


def encode_save(record: SaveRecord) -> bytes:
    """The bytes written for ``record`` (UTF-8 JSON); :class:`SaveWriteError` if unencodable.

    The snapshot is only a cache: when it cannot be written as JSON (an object JSON does not
    know, a NaN), the save is written without it rather than not at all, so the log survives.
    """
    data = record.to_json()
    try:
        text = _dumps(data)
    except (TypeError, ValueError, RecursionError):
        try:
            text = _dumps({**data, "snapshot": None})
        except (TypeError, ValueError, RecursionError) as exc:
            raise SaveWriteError(f"the game state could not be saved: {exc}") from exc
    return text.encode("utf-8")


def read_save_file(path: Path) -> SaveRecord:
    """Read and upgrade one file; :class:`SaveFormatError` (or ``OSError``) says what is wrong.

    Only a regular file of at most :data:`MAX_SAVE_BYTES` is read.
    """
    try:
        raw = read_limited(path, MAX_SAVE_BYTES)
    except RefusedFile as exc:
        raise SaveFormatError(f"not a save: {exc}") from None
    if not raw:
        raise SaveFormatError("the file is empty (probably cut off by a crash)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SaveFormatError(
            "the file is corrupted or not a save (it is not UTF-8 text)"
        ) from None
    if not text.strip():
        raise SaveFormatError("the file holds only whitespace (probably cut off by a crash)")
    try:
        data = jsonsafe.loads(text)
    except BadJSON as exc:
        raise SaveFormatError(_decode_error(text, exc)) from None
    return SaveRecord.from_json(data)


def _decode_error(text: str, exc: BadJSON) -> str:
    body = text.rstrip()
    if str(exc).startswith("invalid JSON") and not body.endswith(("}", "]")):
        return f"the file ends too early (truncated, probably by a crash): {exc}"
    return f"the file is corrupted or not a save: {exc}"


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file does not exist"
    if isinstance(exc, OSError):
        return f"the file cannot be read: {exc.strerror or exc}"
    return str(exc)


def load_save(path: Path) -> SaveEntry | SaveProblem:
    """Read one save, falling back to its ``.bak``; never raises for a bad or missing file.

    Returns a :class:`SaveEntry` (``from_backup`` tells if the backup was used) or a
    :class:`SaveProblem`.
    """
    try:
        return SaveEntry(path, read_save_file(path))
    except (OSError, SaveFormatError) as exc:
        main_reason = _reason(exc)
    backup = backup_path(path)
    if backup.is_file():
        try:
            note = f"{main_reason}; the previous version from its backup is used instead"
            return SaveEntry(path, read_save_file(backup), from_backup=True, note=note)
        except (OSError, SaveFormatError) as exc:
            return SaveProblem(path, f"{main_reason}; its backup is unusable too: {_reason(exc)}")
    return SaveProblem(path, main_reason)


def _slug(name: str) -> str:
    readable = re.sub(r"[^\w-]+", "_", name, flags=re.UNICODE).strip("_")[:40] or "slot"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}"


class SaveStore:
    """The saves of one data folder. Cheap to create; holds no open files."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = data_dir() if folder is None else Path(folder)

    def autosave_path(self, game_id: str) -> Path:
        """The autosave file of a game."""
        return self.folder / f"auto-{game_id}{SAVE_SUFFIX}"

    def slot_path(self, name: str) -> Path:
        """The file of a manual slot; raises :class:`InvalidName` for a bad slot name."""
        clean = normalize_name(name, what="slot name")
        return self.folder / f"slot-{_slug(clean)}{SAVE_SUFFIX}"

    def autosave(self, record: SaveRecord) -> Path:
        """Write the game's autosave atomically (previous version kept as ``.bak``).

        Raises :class:`SaveWriteError` with a readable reason when it cannot be written.
        """
        folder = ensure_data_dir(self.folder)
        sweep_temp_files(folder)
        path = self.autosave_path(record.game_id)
        write_atomic(path, encode_save(replace(record, slot=None)))
        return path

    def save_slot(self, name: str, record: SaveRecord) -> Path:
        """Write ``record`` into the manual slot ``name`` (overwriting it, old one as ``.bak``).

        Raises :class:`InvalidName` or :class:`SaveWriteError`.
        """
        clean = normalize_name(name, what="slot name")
        path = self.slot_path(clean)
        ensure_data_dir(self.folder)
        write_atomic(path, encode_save(replace(record, slot=clean)))
        return path

    def load(self, path: Path) -> SaveEntry | SaveProblem:
        """Read one save file (see :func:`load_save`)."""
        return load_save(Path(path))

    def load_slot(self, name: str) -> SaveEntry | SaveProblem:
        """Read a manual slot by name; a bad name or missing slot is a :class:`SaveProblem`."""
        try:
            path = self.slot_path(name)
        except InvalidName as exc:
            return SaveProblem(self.folder, str(exc))
        return load_save(path)

    def scan(self) -> SaveListing:
        """Read every save in the folder. Never raises; bad files become problems."""
        saves: list[SaveEntry] = []
        problems: list[SaveProblem] = []
        for path in self._candidates(problems):
            result = load_save(path)
            if isinstance(result, SaveProblem):
                problems.append(result)
                continue
            saves.append(result)
            if result.from_backup:
                problems.append(SaveProblem(path, result.note or "", recovered=True))
        saves.sort(key=lambda e: (e.record.updated, e.path.name), reverse=True)
        return SaveListing(tuple(saves), tuple(problems))

    def latest(self) -> SaveEntry | None:
        """The game "Continue" resumes; use :meth:`scan` to also show problems."""
        return self.scan().latest

    def discard_autosave(self, game_id: str) -> None:
        """Delete a game's autosave and its backup (e.g. when the player abandons it)."""
        self._remove(self.autosave_path(game_id))

    def delete_slot(self, name: str) -> None:
        """Delete a manual slot and its backup."""
        self._remove(self.slot_path(name))

    def rename(self, path: Path, name: str) -> SaveEntry:
        """Give the save at ``path`` the name ``name`` (the naming rules of slot names): it
        becomes the manual slot ``name``. The renamed file is written (atomically) before the
        old one is removed, so a crash in between leaves the game under both names, never
        under none. Raises :class:`InvalidName` for a bad name, :class:`SaveWriteError` when
        the save cannot be read or written, or when another game already has that name.
        """
        source = self._own(path)
        clean = normalize_name(name, what="slot name")
        found = load_save(source)
        if isinstance(found, SaveProblem):
            raise SaveWriteError(f"the save could not be read: {found.reason}", "save_unreadable")
        target = self.slot_path(clean)
        if target != source and (target.exists() or backup_path(target).exists()):
            other = load_save(target)
            if not (isinstance(other, SaveEntry) and other.record.game_id == found.record.game_id):
                raise SaveWriteError(
                    f'another saved game is already called "{clean}"', "name_taken", name=clean
                )
        record = replace(found.record, slot=clean)
        ensure_data_dir(self.folder)
        write_atomic(target, encode_save(record))
        if target != source:
            self._remove(source)
        return SaveEntry(target, record)

    def delete(self, path: Path) -> None:
        """Delete the save at ``path`` (autosave or slot) and its backup. A file that is
        already gone is no error; :class:`SaveWriteError` when it cannot be deleted."""
        self._remove(self._own(path))

    def _own(self, path: Path) -> Path:
        """``path`` if it names a save file in this folder; SaveWriteError otherwise (a save
        screen never deletes or rewrites anything else)."""
        path = Path(path)
        if path.parent.resolve() != self.folder.resolve() or not path.name.endswith(SAVE_SUFFIX):
            raise SaveWriteError(f"{path.name} is not a save in {self.folder}", "not_a_save")
        if path.name.startswith((".", LEADERBOARD_FILE)) or path.name in OTHER_FILES:
            raise SaveWriteError(f"{path.name} is not a save in {self.folder}", "not_a_save")
        return path

    def _remove(self, path: Path) -> None:
        for target in (path, backup_path(path)):
            try:
                target.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SaveWriteError(f"could not delete {target}: {exc.strerror}") from exc

    def _candidates(self, problems: list[SaveProblem]) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(self.folder), key=lambda e: e.name)
        except FileNotFoundError:
            return
        except OSError as exc:
            problems.append(SaveProblem(self.folder, _reason(exc)))
            return
        names = {entry.name for entry in entries}
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.startswith(LEADERBOARD_FILE) or name in OTHER_FILES:
                continue
            try:
                if not entry.is_file():
                    continue
            except OSError:
                continue
            if name.endswith(SAVE_SUFFIX):
                yield Path(entry.path)
            elif name.endswith(SAVE_SUFFIX + BACKUP_SUFFIX):
                if name[: -len(BACKUP_SUFFIX)] not in names:  # backup whose save was lost
                    yield Path(entry.path[: -len(BACKUP_SUFFIX)])
            else:
                reason = "not a LeadSim save (saves are .json files); ignored"
                problems.append(SaveProblem(Path(entry.path), reason))
