"""The class report at ``/report``: the same report as ``leadsim report``, from the server's runs.

The visible runs of the current class are copied into a scratch leaderboard (SQLite, in a
temporary folder) and :func:`game.report.build.build_report` writes the report from it, with
the server's scenario folders for the texts, so the served report is exactly the command's.
A report is built again only when the runs it covers changed; its files are served from a
table of the files it wrote, never by a path taken from the request.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.store.playthrough import Playthrough

SCRATCH_BOARD = "board"
OUT = "out"


@dataclass(frozen=True)
class Built:
    """One built report: what it covers, and its files by their path in the report."""

    key: tuple[object, ...]
    folder: Path
    files: dict[str, Path]
    empty: bool = False


def build(rows: Sequence[Playthrough], lang: str, dirs: Sequence[Path], root: Path) -> Built:
    """Write the report of ``rows`` into a new folder under ``root`` (blocking: run it in a
    thread). ``empty`` when there is nothing to report."""
    # imported here: drawing the charts brings in pygame, which the rest of the server avoids
    from game.report.build import Options, ReportError, build_report
    from game.store.leaderboard import Leaderboard

    key = _key(rows, lang)
    folder = Path(tempfile.mkdtemp(prefix="report-", dir=root))
    if not rows:
        return Built(key, folder, {}, empty=True)
    with Leaderboard.open(folder / SCRATCH_BOARD) as board:
        board.record_many(rows)
    out = folder / OUT
    try:
        build_report(
            Options(
                lang=lang,
                out=out,
                extra_dirs=tuple(dirs),
                data=folder / SCRATCH_BOARD,
                link_query=f"?lang={lang}",  # the server picks the language by the query
            )
        )
    except ReportError:
        return Built(key, folder, {}, empty=True)
    files = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    return Built(key, folder, files)


def _key(rows: Sequence[Playthrough], lang: str) -> tuple[object, ...]:
    return (lang, tuple(r.row_id for r in rows))


class ReportCache:
    """The latest report per language; :meth:`get` builds one when the runs changed."""

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = tuple(dirs)
        self.root = Path(tempfile.mkdtemp(prefix="leadsim-serve-"))
        self._built: dict[str, Built] = {}
        self._lock = asyncio.Lock()

    async def get(self, rows: Sequence[Playthrough], lang: str) -> Built:
        async with self._lock:
            found = self._built.get(lang)
            if found is not None and found.key == _key(rows, lang):
                return found
            made = await asyncio.to_thread(build, list(rows), lang, self.dirs, self.root)
            self._built[lang] = made
            if found is not None:  # a page may still be loading its pictures: not at once
                asyncio.get_running_loop().call_later(60, shutil.rmtree, found.folder, True)
            return made

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
