"""The scenarios a class server offers: the bundled ones and the instructor's folders.

:meth:`ScenarioSet.refresh` looks at the files' sizes and change times and, when something
changed, reads and checks every scenario again (the same checks as ``leadsim check``). Each
playable scenario is offered as one version: the exact bytes of its scenario and team files and
their content hash. An instructor who edits a file has the new version offered at the next
refresh; the old one stays known to the class board (see ``ClassBoard.keep_versions``), so
runs of it are still verified and ranked apart. When an id is found twice, the first folder
wins (the instructor's folders come before the bundled ones).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.content.library import SUFFIXES, Bundle, ScenarioLibrary, content_hash, scenario_dirs
from game.content.text import tr
from game.i18n import LANGUAGES
from game.safe_file import RefusedFile, read_regular
from game.store.classboard import StoredVersion

MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Offered:
    """One scenario version on offer: its files, hash, titles and languages."""

    version: StoredVersion
    titles: dict[str, str]
    languages: tuple[str, ...]
    bundle: Bundle

    @property
    def scenario_id(self) -> str:
        return self.version.scenario_id

    @property
    def content_hash(self) -> str:
        return self.version.content_hash

    def summary(self) -> dict[str, object]:
        """What ``GET /api/scenarios`` lists for it."""
        return {
            "id": self.scenario_id,
            "content_hash": self.content_hash,
            "title": dict(self.titles),
            "languages": list(self.languages),
            "bytes": len(self.version.scenario_data) + len(self.version.team_data),
        }


@dataclass
class ScenarioSet:
    """The offered versions by scenario id, and the files that could not be offered."""

    extra_dirs: tuple[Path, ...] = ()
    offered: dict[str, Offered] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    _stamp: tuple[tuple[str, int, int], ...] | None = None

    @property
    def dirs(self) -> list[Path]:
        return scenario_dirs(self.extra_dirs)

    def by_hash(self, wanted: str) -> Offered | None:
        return next((o for o in self.offered.values() if o.content_hash == wanted), None)

    def _stamps(self) -> tuple[tuple[str, int, int], ...]:
        found = []
        for folder in self.dirs:
            for root, _dirs, names in os.walk(folder):
                for name in sorted(names):
                    if not name.endswith(SUFFIXES):
                        continue
                    path = os.path.join(root, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    found.append((path, info.st_mtime_ns, info.st_size))
        return tuple(found)

    def refresh(self) -> bool:
        """Read the folders again if a file changed; True when the offer changed."""
        stamp = self._stamps()
        if stamp == self._stamp:
            return False
        offered: dict[str, Offered] = {}
        problems: list[str] = []
        for entry in ScenarioLibrary(self.extra_dirs).entries():
            if entry.bundle is None:
                reason = entry.error.message if entry.error else "it does not load"
                problems.append(f"{entry.path}: {reason}")
                continue
            if entry.id in offered:
                continue
            made = _offer(entry.bundle)
            if made is None:  # changed while it was read: look again next time
                stamp = ()
                continue
            offered[entry.id] = made
        self._stamp = stamp
        changed = {k: v.content_hash for k, v in offered.items()} != {
            k: v.content_hash for k, v in self.offered.items()
        }
        self.offered, self.problems = offered, problems
        return changed

    def versions(self) -> Iterable[StoredVersion]:
        return (o.version for o in self.offered.values())


def _offer(bundle: Bundle) -> Offered | None:
    """The bundle's files as one version; None when they no longer match its hash."""
    try:
        scenario = read_regular(bundle.path, MAX_FILE_BYTES)
        team = read_regular(bundle.team_path, MAX_FILE_BYTES)
    except (OSError, RefusedFile):
        return None
    if content_hash(scenario, team) != bundle.content_hash:
        return None
    model = bundle.scenario
    langs = tuple(model.languages) or ("en",)
    titles = {lang: tr(model.title, lang) for lang in LANGUAGES}
    version = StoredVersion(
        bundle.content_hash, model.id, bundle.path.name, scenario, bundle.team_path.name, team
    )
    return Offered(version, titles, langs, bundle)
