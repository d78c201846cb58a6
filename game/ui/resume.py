"""Starting and resuming games in the window: from a scenario reference, or from a save.

Reading a scenario file and replaying a save take longer than a frame, so both run in the
background behind a loading screen (the game run layer does the work: game.play.resume); the
screens they lead to are made on the main thread, by name through the host.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from game.content.diagnostics import ContentError
from game.content.library import Bundle
from game.play.resume import Continued, Restart, Unavailable, continue_save, first_problem
from game.play.resume import open_scenario as _open_scenario
from game.play.run import GameRun
from game.sim import debrief as lessons
from game.store.saves import SaveEntry, SaveStore
from game.ui.flow import new_run
from game.ui.scene import Host, Scene

T = TypeVar("T")


def open_scenario(ref: str, dirs: Sequence[Path], team: str | None = None) -> Bundle | str:
    """The scenario a person named (a path or an id), with its team or `team`, or the first
    error (no pygame: runs in the background)."""
    try:
        return _open_scenario(ref, dirs, team)
    except ContentError as err:
        return first_problem(err)


def load(host: Host, ref: str) -> Bundle | str:
    """The scenario `ref` with its own team, or the first error."""
    return open_scenario(ref, list(host.services.scenario_dirs))


def later(
    host: Host, text_key: str, work: Callable[[], T], then: Callable[[T], list[Scene]]
) -> Scene:
    """A loading screen that runs `work` in the background, then shows `then(result)`."""
    job = host.services.jobs.submit(work)
    return host.scene("loading", host.strings(text_key), job, then)


def new_game(host: Host, bundle: Bundle, seed: int | None = None) -> list[Scene]:
    """A fresh playthrough of `bundle`: its briefing screen."""
    return [host.scene("briefing", new_run(host, bundle, seed))]


def start_scenario(host: Host, ref: str) -> list[Scene]:
    """The scenes that open a scenario named on the command line (or a notice why not)."""
    dirs, team = list(host.services.scenario_dirs), host.options.team

    def then(bundle: Bundle | str) -> list[Scene]:
        if isinstance(bundle, str):
            text = host.strings("notice.cannot_load", ref=ref, error=bundle)
            return [host.scene("notice", text)]
        return new_game(host, bundle)

    return [later(host, "loading.game", lambda: open_scenario(ref, dirs, team), then)]


@dataclass(frozen=True)
class Prepared:
    """A save read back in the background: the game, or why it cannot go on."""

    entry: SaveEntry
    outcome: Continued
    lesson: lessons.Debrief | None = None  # the debrief of a finished game


def prepare(
    entry: SaveEntry,
    dirs: Sequence[Path],
    saves: SaveStore | None,
    lang: str,
    clock: Callable[[], float] = time.monotonic,
) -> Prepared:
    """Look the save's scenario up by its id and replay the save on it (no pygame)."""
    outcome = continue_save(entry.record, dirs, saves, lang, clock)
    lesson = None
    if isinstance(outcome, GameRun) and outcome.finished:
        lesson = lessons.debrief(outcome.session)
    return Prepared(entry, outcome, lesson)


def _preparer(host: Host) -> Callable[[SaveEntry], Prepared]:
    services, lang = host.services, host.lang
    dirs, saves, clock = list(services.scenario_dirs), services.saves, services.clock
    return lambda entry: prepare(entry, dirs, saves, lang, clock)


def resume_save(host: Host, entry: SaveEntry) -> list[Scene]:
    """Replay a save on the scenario as it is now: the decision screen, or a notice."""
    read = _preparer(host)
    return [later(host, "loading.game", lambda: read(entry), lambda p: resumed(host, p))]


def continue_latest(host: Host) -> list[Scene]:
    """The latest unfinished game (`--continue`); nothing when there is none."""
    saves = host.services.saves
    if saves is None:
        return []
    read = _preparer(host)

    def work() -> Prepared | None:
        entry = saves.latest()
        return read(entry) if entry is not None else None

    def then(prepared: Prepared | None) -> list[Scene]:
        return resumed(host, prepared) if prepared is not None else []

    return [later(host, "loading.game", work, then)]


def resumed(host: Host, prepared: Prepared) -> list[Scene]:
    """The screens a prepared save leads to (main thread)."""
    record, outcome = prepared.entry.record, prepared.outcome
    if isinstance(outcome, Unavailable):
        text = host.strings("notice.cannot_load", ref=record.scenario_id, error=outcome.reason)
        return [host.scene("notice", text)]
    if isinstance(outcome, Restart):
        found = outcome.bundle

        def restart() -> None:
            host.reset(*home(host), *new_game(host, found, record.seed))

        text = host.strings("notice.restart", reason=outcome.reason)
        return [host.scene("notice", text, [("restart", host.strings("button.restart"), restart)])]
    if outcome.finished:
        return [host.scene("debrief", outcome, prepared.lesson)]
    scenes = [host.scene("decision", outcome)]
    if outcome.notice:
        scenes.append(host.scene("notice", host.strings("notice.changed", notice=outcome.notice)))
    return scenes


def debrief_later(host: Host, run: GameRun) -> Scene:
    """The debrief of a finished game, after its what-if replays ran in the background."""
    session = run.session

    def then(lesson: Any) -> list[Scene]:
        return [host.scene("debrief", run, lesson)]

    return later(host, "loading.debrief", lambda: lessons.debrief(session), then)


def home(host: Host) -> list[Scene]:
    """The bottom of every stack: the title screen."""
    return [host.scene("title")]
