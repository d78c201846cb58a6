"""Export leaderboard rows as CSV for spreadsheets (a class report after a workshop)."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from game.store.atomic import fsync_dir
from game.store.csvsafe import spreadsheet_cell
from game.store.errors import SaveWriteError
from game.store.playthrough import Playthrough

COLUMNS = (
    "id", "name", "scenario", "content_hash", "score", "ending", "date", "duration_s", "seed",
    "decisions", "profile", "engine_version", "mode", "run_id",
)  # fmt: skip


def _cells(row: Playthrough) -> list[object]:
    data = row.to_dict()
    data["decisions"] = json.dumps(list(row.decisions), ensure_ascii=False)
    data["profile"] = json.dumps(dict(row.profile), ensure_ascii=False, sort_keys=True)
    data["ending"] = "" if row.ending_id is None else row.ending_id
    data["run_id"] = "" if row.run_id is None else row.run_id
    return [spreadsheet_cell(data[column]) for column in COLUMNS]


def export_csv(rows: Iterable[Playthrough], path: Path) -> int:
    """Write ``rows`` to ``path`` (UTF-8 with BOM so spreadsheet programs show any script);
    returns the number of rows. The file appears complete or not at all.

    Every text cell that a spreadsheet would run as a formula gets a leading apostrophe (see
    :mod:`game.store.csvsafe`). Raises :class:`SaveWriteError` when the file cannot be
    written.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    count = 0
    try:
        with open(temp, "x", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow(_cells(row))
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise SaveWriteError(f"could not write {target}: {exc.strerror or exc}") from exc
        raise
    return count
