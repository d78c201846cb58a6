"""Replaying a submitted log on the server's own copy of the scenario version.

:func:`replay_version` takes the version's files (bytes, as the class board keeps them), a
seed and the decisions, and returns what the engine makes of them, or raises :class:`Refused`
with a reason a trainee can read. It is a plain function of picklable values, so it runs in a
worker process as well as in a thread; each process compiles a version once
(:func:`_program` remembers the last few).

:class:`Replayer` runs it in a pool of worker processes (``workers`` > 0: the replays of many
submissions use every core) or in threads (``workers`` = 0), and replaces a pool whose worker
died.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import os
import signal
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from game.content.diagnostics import ContentError
from game.content.library import load_bundle
from game.sim.program import Program
from game.sim.session import InvalidChoice, Session
from game.store.classboard import StoredVersion
from game.store.decisions import Decision


class Refused(Exception):
    """The log cannot be verified on that version; the message says why."""


class Busy(Exception):
    """The replay could not run now (a worker process died); the submission may be retried."""


@dataclass(frozen=True)
class Outcome:
    """What the server's replay makes of a log."""

    score: float
    ending_id: str
    profile: dict[str, int]
    decisions: int


@lru_cache(maxsize=16)
def _program(version: StoredVersion) -> Program:
    with tempfile.TemporaryDirectory(prefix="leadsim-version-") as folder:
        scenario = Path(folder, _safe_name(version.scenario_file, "scenario.yaml"))
        team = Path(folder, _safe_name(version.team_file, "team.yaml"))
        if team.name == scenario.name:
            team = Path(folder, "team.yaml" if scenario.name != "team.yaml" else "team_.yaml")
        scenario.write_bytes(version.scenario_data)
        team.write_bytes(version.team_data)
        try:
            bundle = load_bundle(scenario)
        except ContentError as err:
            first = err.diagnostics[0].message if err.diagnostics else str(err)
            raise Refused(
                f"version {version.content_hash[:10]} does not load here: {first}"
            ) from None
        if bundle.content_hash != version.content_hash:
            raise Refused(f"version {version.content_hash[:10]} is not what the server holds")
        return Program(bundle)


def _safe_name(name: str, fallback: str) -> str:
    plain = Path(name).name
    return plain if plain.endswith((".yaml", ".yml")) and plain == name else fallback


def replay_version(version: StoredVersion, seed: int, decisions: Sequence[Decision]) -> Outcome:
    """Replay ``decisions`` with ``seed`` on ``version``; :class:`Refused` says what does not
    fit (a decision not on offer, a log that stops before an ending)."""
    program = _program(version)
    try:
        session = Session.replay(program, seed, list(decisions))
    except (InvalidChoice, ValueError, TypeError) as err:
        raise Refused(str(err) or type(err).__name__) from None
    if session.ending is None:
        raise Refused(
            f"the {len(decisions)} decisions stop before the scenario ends; only finished "
            "runs are taken"
        )
    profile = {str(k): int(v) for k, v in sorted(session.principle_profile().items())}
    return Outcome(float(session.score().total), session.ending.id, profile, len(decisions))


def _worker_start() -> None:
    # Ctrl+C in the terminal reaches the whole process group: the server stops its workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:  # a server killed outright cannot stop them: they go by themselves
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _warm() -> int:
    # importing this module in a worker brings in the engine: the first replay does not wait
    return 0


class Replayer:
    """Runs :func:`replay_version` off the event loop; :meth:`close` when done."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self._pool = self._start()

    def _start(self) -> Executor:
        if self.workers <= 0:
            return ThreadPoolExecutor(max_workers=2, thread_name_prefix="replay")
        # spawn, not fork: the server's event loop and threads must not be copied
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_worker_start
        )

    async def warm(self) -> None:
        """Start the worker processes and wait until each has the engine loaded."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(loop.run_in_executor(self._pool, _warm) for _ in range(max(1, self.workers)))
        )

    async def replay(
        self, version: StoredVersion, seed: int, decisions: Sequence[Decision]
    ) -> Outcome:
        loop = asyncio.get_running_loop()
        job = partial(replay_version, version, seed, tuple(decisions))
        try:
            return await loop.run_in_executor(self._pool, job)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            raise Busy("a replay worker stopped; try again") from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
