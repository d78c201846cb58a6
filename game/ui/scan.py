"""The scenario library, read in the background and read again when its files change.

Reading every scenario file takes from a tenth of a second to seconds (it grows with the
files), far too long for one frame. A `LibraryScan` reads the library once on a thread of its
own and keeps the result; screens ask for `state()`, which never waits, and show "loading"
until the first reading is there. While a screen `watch`es it, the thread compares the
folders' files (names, sizes and modification times) twice a second and reads them again
when anything changed; otherwise the thread sleeps. The screens see a new reading by its
`version`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from game.content.library import LibraryEntry, ScenarioLibrary, scenario_dirs, yaml_files
from game.content.loader import gc_paused

POLL_SECONDS = 0.5
Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class LibraryState:
    """What the library holds now. `entries` is None until the first reading is done."""

    entries: tuple[LibraryEntry, ...] | None = None
    version: int = 0  # rises by one with every finished reading
    reading: bool = False
    problem: str | None = None  # why the last reading failed (the entries before it stay)


def folder_stamp(dirs: Iterable[Path]) -> Stamp:
    """Names, sizes and modification times of the scenario files below `dirs`."""
    stamp = []
    for path in yaml_files(d for d in dirs if d.is_dir()):
        try:
            info = path.stat()
        except OSError:
            continue  # gone between the listing and now: the next look sees it gone
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


class LibraryScan:
    """Reads the library on a background thread (see the module docstring)."""

    def __init__(
        self,
        extra_dirs: Iterable[Path] = (),
        *,
        read: Callable[[], list[LibraryEntry]] | None = None,
        stamp: Callable[[], Stamp] | None = None,
        poll: float = POLL_SECONDS,
    ) -> None:
        extra = list(extra_dirs)
        dirs = scenario_dirs(extra)
        self._read = read or ScenarioLibrary(extra).entries
        self._stamp = stamp or (lambda: folder_stamp(dirs))
        self._poll = poll
        self._state = LibraryState()
        self._changed = threading.Condition()
        self._watchers = 0
        self._wanted = False  # a look at the files was asked for
        self._busy = False  # the thread is looking
        self._stopped = False
        self._thread: threading.Thread | None = None

    # --- the main thread's side -------------------------------------------------------------

    def state(self) -> LibraryState:
        """The latest reading; never waits. The first call starts the reading."""
        if self._thread is None:
            self.request()
        return self._state

    def current(self) -> LibraryState:
        """The latest reading, without starting one (entries None when none was made)."""
        return self._state

    def request(self) -> None:
        """Look at the files now (start the thread on first use)."""
        with self._changed:
            if self._stopped:
                return
            self._wanted = True
            if self._thread is None:
                self._state = LibraryState(reading=True)
                self._thread = threading.Thread(
                    target=self._run, name="leadsim-library", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def watch(self, on: bool) -> None:
        """A screen that shows the library starts (True) or stops (False) watching it."""
        with self._changed:
            self._watchers = max(0, self._watchers + (1 if on else -1))
        if on:
            self.request()

    def wait(self, timeout: float) -> LibraryState:
        """Block until no reading is running or wanted (for tests and scripts)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._stopped or not (self._wanted or self._busy), timeout
            )
            return self._state

    def wait_for_version(self, version: int, timeout: float) -> LibraryState:
        """Block until a reading newer than `version` is there (for tests and scripts)."""
        with self._changed:
            self._changed.wait_for(lambda: self._stopped or self._state.version > version, timeout)
            return self._state

    def close(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()

    # --- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        seen: Stamp | None = None
        while True:
            with self._changed:
                # watched: look again every `poll` seconds; otherwise only when asked
                timeout = self._poll if self._watchers else None
                self._changed.wait_for(lambda: self._stopped or self._wanted, timeout)
                if self._stopped:
                    return
                self._wanted = False
                self._busy = True
            try:
                seen = self._look(seen)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _look(self, seen: Stamp | None) -> Stamp | None:
        """Read the library again when its files differ from `seen`; the new stamp."""
        try:
            now = self._stamp()
        except OSError as err:
            self._publish(problem=str(err))
            return seen
        if now == seen and self._state.entries is not None:
            self._publish()
            return seen
        self._publish(reading=True)
        # Anything a reading raises is kept for the screens to show: an exception left to end
        # this thread would leave them waiting for a reading that never comes.
        try:
            # Read with the cycle collector paused, then set what was read aside from it: the
            # library lives as long as the window, and a collection that walked its million
            # objects would hold every thread, the frame's included, for 50–170 ms.
            with gc_paused():
                entries = tuple(self._read())
                gc.freeze()
        except Exception as err:
            self._publish(problem=f"{type(err).__name__}: {err}")
            return now
        with self._changed:
            old = self._state
            self._state = LibraryState(entries, old.version + 1, False, None)
            self._changed.notify_all()
        return now

    def _publish(self, *, reading: bool = False, problem: str | None = None) -> None:
        with self._changed:
            old = self._state
            self._state = LibraryState(old.entries, old.version, reading, problem or old.problem)
            self._changed.notify_all()
