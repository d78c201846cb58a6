"""Live reload for authors: notice when a scenario or its team file changes on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.diagnostics import ContentError, Diagnostic
from game.content.library import Bundle, load_bundle


@dataclass(frozen=True)
class Reloaded:
    """The files changed and still validate."""

    bundle: Bundle


@dataclass(frozen=True)
class Broken:
    """The files changed and no longer validate; keep playing the last good version."""

    diagnostics: list[Diagnostic]


class Watcher:
    """Polls the files of a bundle: `poll()` returns Reloaded, Broken, or None (no change)."""

    def __init__(self, bundle: Bundle, extra_dirs: list[Path] | None = None) -> None:
        self.bundle = bundle
        self.extra_dirs = list(extra_dirs or [])
        self._stamp = self._stamps()

    def _files(self) -> tuple[Path, ...]:
        return (self.bundle.path, self.bundle.team_path)

    def _stamps(self) -> tuple[tuple[int, int], ...]:
        stamps = []
        for path in self._files():
            try:
                info = path.stat()
                stamps.append((info.st_mtime_ns, info.st_size))
            except OSError:
                stamps.append((-1, -1))
        return tuple(stamps)

    def poll(self) -> Reloaded | Broken | None:
        stamp = self._stamps()
        if stamp == self._stamp:
            return None
        self._stamp = stamp
        try:
            bundle = load_bundle(self.bundle.path, self.extra_dirs)
        except ContentError as err:
            return Broken(err.diagnostics)
        if bundle.content_hash == self.bundle.content_hash:
            return None
        self.bundle = bundle
        return Reloaded(bundle)
