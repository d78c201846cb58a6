"""Slow work off the frame: reading files, replaying games, computing what-if debriefs.

A screen hands a function to `Jobs.submit` and polls the returned `Job` in its `update`; the
window keeps drawing and answering keys meanwhile. The work runs on one worker thread, in the
order it was submitted. It must not call pygame (pygame stays on the main thread) and must
not change objects the main thread is using. An exception raised by the work is raised again
where the screen takes the result, on the main thread, as if the work had run there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Job(Generic[T]):
    """One piece of submitted work."""

    def __init__(self, future: Future[T]) -> None:
        self._future = future

    @property
    def done(self) -> bool:
        return self._future.done()

    def result(self) -> T:
        """The work's result (raises its exception); only once `done`."""
        return self._future.result(timeout=0)


class Jobs:
    """A worker thread for the window's slow work (see the module docstring)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: set[Future[Any]] = set()
        self._lock = threading.Lock()

    def submit(self, work: Callable[[], T]) -> Job[T]:
        if self._pool is None:  # made on first use: importing or building Services starts nothing
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leadsim-work")
        future = self._pool.submit(work)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._finished)
        return Job(future)

    def _finished(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait(self, timeout: float) -> bool:
        """Block until all submitted work is done (for tests and scripts); False on timeout."""
        with self._lock:
            pending = set(self._pending)
        return not wait(pending, timeout=timeout).not_done

    def close(self) -> None:
        """Drop work not yet started; the running piece finishes in the background."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
