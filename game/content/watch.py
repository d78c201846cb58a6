"""Live reload for authors: notice when a scenario or its team file changes on disk."""

from __future__ import annotations

import time
from collections.abc import Callable
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


SETTLE_S = 0.3  # how long files must stay as they are before they are read


class Watcher:
    """Polls the files of a bundle: `poll()` returns Reloaded, Broken, or None (no change).

    An editor may save by emptying the file and then writing it, and a file's time stamp
    need not move when it does: a change is read only once the files' sizes and time stamps
    have stayed the same for `settle_s` (measured on `clock`), so that a half-written file is
    not reported as broken however the polls fall.
    """

    def __init__(
        self,
        bundle: Bundle,
        extra_dirs: list[Path] | None = None,
        settle_s: float = SETTLE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bundle = bundle
        self.extra_dirs = list(extra_dirs or [])
        self.settle_s = settle_s
        self.clock = clock
        self._stamp = self._stamps()
        self._pending = self._stamp
        self._pending_since = clock()

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
        if stamp != self._pending:  # changed since the last look: wait for it to settle
            self._pending, self._pending_since = stamp, self.clock()
        if self.clock() - self._pending_since < self.settle_s:
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
