"""What changes while a class plays: who is playing and how far, and the pages watching it.

:class:`Presence` remembers the last progress each game reported (in memory: it is only
"now"). :class:`Hub` hands a new revision of the projector's board to every page listening on
``/events``: :meth:`Hub.changed` marks the board stale, and one background task rebuilds it at
most every :data:`COALESCE_S` seconds however many submissions arrive, so a busy class costs
the database one query per interval, and a page sees a submission well within two seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from game.store.errors import StoreError

ACTIVE_S = 120.0  # a game not heard of for this long is no longer "playing"
MAX_LISTENERS = 500  # pages open on the board at once
COALESCE_S = 0.25
MAX_PLAYERS = 500


@dataclass
class Playing:
    name: str
    scenario_id: str
    decisions: int
    seen: float
    finished: bool = False


@dataclass
class Presence:
    """The last progress report of each run, by run id (the oldest are forgotten first)."""

    runs: dict[str, Playing] = field(default_factory=dict)

    def report(
        self, run_id: str, name: str, scenario_id: str, decisions: int, finished: bool = False
    ) -> None:
        self.runs.pop(run_id, None)
        self.runs[run_id] = Playing(name, scenario_id, decisions, time.monotonic(), finished)
        while len(self.runs) > MAX_PLAYERS:
            self.runs.pop(next(iter(self.runs)))

    def finished(self, run_id: str) -> None:
        found = self.runs.get(run_id)
        if found is not None:
            found.finished = True

    def active(self, now: float | None = None) -> list[Playing]:
        """Games still playing that were heard of lately, the most advanced first."""
        moment = time.monotonic() if now is None else now
        playing = [p for p in self.runs.values() if not p.finished and moment - p.seen <= ACTIVE_S]
        return sorted(playing, key=lambda p: (-p.decisions, p.name.casefold()))


class Hub:
    """Revisions of the board for the pages listening; see the module."""

    def __init__(self, build: Callable[[], Awaitable[dict[str, Any]]]) -> None:
        self._build = build
        self._stale = asyncio.Event()
        self._listeners: set[asyncio.Queue[int]] = set()
        self.revision = 0
        self.snapshot: dict[str, Any] = {}
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.snapshot = await self._build()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for queue in list(self._listeners):
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(-1)

    def changed(self) -> None:
        self._stale.set()

    async def _run(self) -> None:
        while True:
            await self._stale.wait()
            await asyncio.sleep(COALESCE_S)
            self._stale.clear()
            try:
                snapshot = await self._build()
            except StoreError:  # the next change tries again; the pages keep the last board
                continue
            self.revision += 1
            self.snapshot = {**snapshot, "revision": self.revision}
            for queue in list(self._listeners):
                if queue.empty():
                    queue.put_nowait(self.revision)

    @property
    def full(self) -> bool:
        return len(self._listeners) >= MAX_LISTENERS

    def listen(self) -> asyncio.Queue[int]:
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1)
        self._listeners.add(queue)
        return queue

    def leave(self, queue: asyncio.Queue[int]) -> None:
        self._listeners.discard(queue)
