"""Everything a running class server holds, made once at start-up and passed to the routes.

- :class:`Database`: the class board on a thread of its own (a database connection belongs to
  one thread; writes are serialised there anyway);
- the :class:`~game.serve.scenarioset.ScenarioSet`, looked at again every few seconds;
- the :class:`~game.serve.replay.Replayer`, the :class:`~game.serve.live.Presence` and the
  :class:`~game.serve.live.Hub` of the projector pages;
- the class PIN and the instructor token (kept in the board, so a restart keeps them), and
  the count of wrong PINs per address.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from game.content.text import tr
from game.i18n import LANGUAGES
from game.serve.classreport import ReportCache
from game.serve.live import Hub, Presence
from game.serve.maps import MapCache
from game.serve.replay import Replayer
from game.serve.scenarioset import ScenarioSet
from game.store.classboard import ClassBoard, Ranked, Recorded
from game.store.errors import LeaderboardError, StoreError
from game.store.playthrough import Playthrough

T = TypeVar("T")
PIN_DIGITS = 6
MAX_WRONG_PINS = 10  # per address and minute
WRONG_PIN_WINDOW_S = 60.0
BOARD_ROWS = 10


@dataclass(frozen=True)
class ServeConfig:
    """How ``leadsim serve`` was started. ``db``: a folder or a ``postgresql://`` URL."""

    db: str
    scenario_dirs: tuple[Path, ...] = ()
    replay_workers: int = 0  # 0: replays run in threads; N: in N worker processes
    max_body: int = 1_000_000
    refresh_s: float = 2.0
    on_ready: Callable[[Services], None] | None = None


class Database:
    """The class board on its own thread: ``await db.run(lambda board: ...)``."""

    def __init__(self, target: str) -> None:
        self._target = target
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="class-board")
        self._board: ClassBoard | None = None

    def _board_now(self) -> ClassBoard:
        if self._board is None:
            self._board = ClassBoard.open(self._target)
        return self._board

    async def run(self, work: Callable[[ClassBoard], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, lambda: work(self._board_now()))

    async def close(self) -> None:
        def shut() -> None:
            if self._board is not None:
                self._board.close()
                self._board = None

        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, shut)
        self._thread.shutdown(wait=True)


class Recorder:
    """Stores runs in batches: the runs that arrive while one batch is written go in the next
    one, so a busy class costs one transaction (one disk sync) per batch, not per run."""

    MAX_BATCH = 200

    def __init__(self, db: Database) -> None:
        self._db = db
        self._queue: list[tuple[Playthrough, asyncio.Future[Recorded]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for _, waiting in self._queue:
            if not waiting.done():
                waiting.set_exception(LeaderboardError("the server is stopping"))

    async def record(self, playthrough: Playthrough) -> Recorded:
        """As ``ClassBoard.record`` (same errors, and ``RoundClosed`` while the round is
        closed), batched with the runs arriving meanwhile."""
        waiting: asyncio.Future[Recorded] = asyncio.get_running_loop().create_future()
        self._queue.append((playthrough, waiting))
        self._wake.set()
        return await waiting

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._queue = self._queue[: self.MAX_BATCH], self._queue[self.MAX_BATCH :]
            if self._queue:
                self._wake.set()
            runs = [p for p, _ in batch]
            try:
                outcomes: list[Recorded | StoreError] = await self._db.run(
                    partial(ClassBoard.record_batch, playthroughs=runs, only_if_open=True)
                )
            except StoreError as exc:
                outcomes = [exc] * len(batch)
            for (_, waiting), outcome in zip(batch, outcomes, strict=True):
                if waiting.done():  # the game went away meanwhile
                    continue
                if isinstance(outcome, StoreError):
                    waiting.set_exception(outcome)
                else:
                    waiting.set_result(outcome)


@dataclass
class WrongPins:
    """Wrong PINs per client address in the last minute (a PIN is short: guessing is slow)."""

    seen: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, host: str, now: float) -> deque[float]:
        times = self.seen.setdefault(host, deque())
        while times and now - times[0] > WRONG_PIN_WINDOW_S:
            times.popleft()
        return times

    def blocked(self, host: str) -> bool:
        return len(self._recent(host, time.monotonic())) >= MAX_WRONG_PINS

    def failed(self, host: str) -> None:
        if len(self.seen) > 10_000:
            self.seen.clear()
        self._recent(host, time.monotonic()).append(time.monotonic())


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def new_token() -> str:
    return secrets.token_urlsafe(18)


class Services:
    """The parts of a running server (see the module)."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.db = Database(config.db)
        self.scenarios = ScenarioSet(tuple(config.scenario_dirs))
        self.replayer: Replayer | None = None
        self.presence = Presence()
        self.hub = Hub(self.snapshot)
        self.wrong_pins = WrongPins()
        self.reports = ReportCache(self.scenarios.dirs)
        self.maps = MapCache(self.scenarios.dirs)
        self.recorder = Recorder(self.db)
        self.pin = ""
        self.token = ""
        self.description = ""
        self.notice: str | None = None
        self._refresher: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None  # the server's, for other threads
        self._refreshing = asyncio.Lock()

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        board_text = await self.db.run(lambda b: (b.description, b.notice))
        self.description, self.notice = board_text
        self.pin = await self.db.run(lambda b: b.secret("pin", new_pin))
        self.token = await self.db.run(lambda b: b.secret("token", new_token))
        await self.refresh_scenarios()
        self.replayer = Replayer(self.config.replay_workers)
        await self.replayer.warm()
        await self.hub.start()
        self.recorder.start()
        self._refresher = asyncio.create_task(self._refresh_loop())

    async def stop(self) -> None:
        if self._refresher is not None:
            self._refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refresher
        await self.hub.stop()
        await self.recorder.stop()
        if self.replayer is not None:
            self.replayer.close()
        await self.db.close()
        self.reports.close()
        self.maps.close()

    async def refresh_scenarios(self) -> bool:
        """Look at the scenario folders again; keep new versions in the board."""
        async with self._refreshing:  # one look at a time: a slow one must not undo a newer
            changed = await asyncio.to_thread(self.scenarios.refresh)
            if changed:
                versions = list(self.scenarios.versions())
                await self.db.run(lambda b: b.keep_versions(versions))
                self.hub.changed()
        return changed

    async def _refresh_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.refresh_s)
            with contextlib.suppress(StoreError, OSError):
                await self.refresh_scenarios()

    async def snapshot(self) -> dict[str, Any]:
        """The projector's board: the round, each scenario's ranking, who is playing."""
        state, ranked = await self.db.run(lambda b: (b.state(), b.board(BOARD_ROWS)))
        entries = []
        for sid, offered in sorted(self.scenarios.offered.items()):
            current = ranked.get((sid, offered.content_hash))
            earlier = sum(
                r.plays for (s, h), r in ranked.items() if s == sid and h != offered.content_hash
            )
            entries.append(self._entry(sid, offered.titles, current, earlier, offered.bundle))
        offered_ids = set(self.scenarios.offered)
        for sid in sorted({s for s, _ in ranked} - offered_ids):
            plays = sum(r.plays for (s, _), r in ranked.items() if s == sid)
            entries.append(self._entry(sid, {}, None, plays, None))
        players = [
            {
                "name": p.name,
                "scenario": p.scenario_id,
                "title": dict(self._titles(p.scenario_id)),
                "decisions": p.decisions,
            }
            for p in self.presence.active()
        ]
        return {
            "class": state.class_no,
            "round": state.round_no,
            "open": state.round_open,
            "scenarios": entries,
            "players": players,
        }

    def _titles(self, scenario_id: str) -> dict[str, str]:
        offered = self.scenarios.offered.get(scenario_id)
        return dict(offered.titles) if offered else {}

    @staticmethod
    def _entry(
        sid: str, titles: dict[str, str], current: Ranked | None, earlier: int, bundle: Any
    ) -> dict[str, Any]:
        endings = {e.id: e.title for e in bundle.scenario.endings} if bundle is not None else {}

        def ending(eid: str | None) -> dict[str, str]:
            if eid is None or eid not in endings:
                return {"en": eid or ""}
            return {lang: tr(endings[eid], lang) for lang in LANGUAGES}

        rows = [
            {"place": n, "name": r.name, "score": round(r.score, 1), "ending": ending(r.ending_id)}
            for n, r in enumerate(current.rows if current else (), start=1)
        ]
        return {
            "id": sid,
            "title": titles or {"en": sid},
            "plays": current.plays if current else 0,
            "earlier": earlier,
            "rows": rows,
        }
