"""Live reload for authors: notice when a scenario or its team file changes on disk."""

from __future__ import annotations

import time
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


SETTLE_S = 0.3  # a file written less than this long ago may still be being written


class Watcher:
    """Polls the files of a bundle: `poll()` returns Reloaded, Broken, or None (no change).

    An editor may save by emptying the file and then writing it: a change younger than
    `settle_s` is looked at again on the next poll, unless it is the same as on the poll
    before, so that a half-written file is not reported as broken.
    """

    def __init__(
        self, bundle: Bundle, extra_dirs: list[Path] | None = None, settle_s: float = SETTLE_S
    ) -> None:
        self.bundle = bundle
        self.extra_dirs = list(extra_dirs or [])
        self.settle_ns = int(settle_s * 1e9)
        self._stamp = self._stamps()
        self._pending: tuple[tuple[int, int], ...] | None = None

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
        newest = max(now[0] for now, was in zip(stamp, self._stamp, strict=True) if now != was)
        if stamp != self._pending and time.time_ns() - newest < self.settle_ns:
            self._pending = stamp  # still fresh: look again next time
            return None
        self._stamp, self._pending = stamp, None
        try:
            bundle = load_bundle(self.bundle.path, self.extra_dirs)
        except ContentError as err:
            return Broken(err.diagnostics)
        if bundle.content_hash == self.bundle.content_hash:
            return None
        self.bundle = bundle
        return Reloaded(bundle)
