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
from game.store.errors import SaveWriteError
from game.store.playthrough import Playthrough

COLUMNS = (
    "id", "name", "scenario", "content_hash", "score", "ending", "date", "duration_s", "seed",
    "decisions", "profile", "engine_version",
)  # fmt: skip

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cells(row: Playthrough) -> list[object]:
    data = row.to_dict()
    data["name"] = _safe_text(row.name)
    data["decisions"] = json.dumps(list(row.decisions))
    data["profile"] = json.dumps(dict(row.profile), ensure_ascii=False, sort_keys=True)
    data["ending"] = "" if row.ending_id is None else row.ending_id
    return [data[column] for column in COLUMNS]


def export_csv(rows: Iterable[Playthrough], path: Path) -> int:
    """Write ``rows`` to ``path`` (UTF-8 with BOM so spreadsheet programs show any script);
    returns the number of rows. The file appears complete or not at all.

    Names that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) get a leading
    apostrophe. Raises :class:`SaveWriteError` when the file cannot be written.
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
