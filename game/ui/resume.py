"""Starting and resuming games: from a scenario reference, or from a save.

Reading a scenario file and replaying a save take longer than a frame, so both run in the
background behind a `LoadingScene`; the screens they lead to are made on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle, load_bundle_by_id
from game.sim.session import Session
from game.ui.flow import GameRun
from game.ui.messages import store_text
from game.ui.scene import Host, Scene

T = TypeVar("T")


def load(host: Host, ref: str) -> Bundle | str:
    """The scenario a person named (a path or an id) with its team, or the first error."""
    return _load(lambda: load_bundle(ref, list(host.services.scenario_dirs)))


def _load(read: Callable[[], Bundle]) -> Bundle | str:
    try:
        return read()
    except ContentError as err:
        first = err.diagnostics[0] if err.diagnostics else None
        return first.format() if first is not None else str(err)


def later(host: Host, text_key: str, work: Callable[[], T], then: Callable[[T], list[Scene]]):
    """A loading screen that runs `work` in the background, then shows `then(result)`."""
    from game.ui.scenes.loading import LoadingScene

    return LoadingScene(host, host.strings(text_key), host.services.jobs.submit(work), then)


def new_game(host: Host, bundle: Bundle, seed: int | None = None) -> list[Scene]:
    """A fresh playthrough of `bundle`: its briefing screen."""
    from game.ui.scenes.briefing import BriefingScene

    options = host.options
    seed = seed if seed is not None else options.seed
    run = GameRun.new(bundle, seed, host.lang, host.services, options.name)
    return [BriefingScene(host, run)]


def start_scenario(host: Host, ref: str) -> list[Scene]:
    """The scenes that open a scenario named on the command line (or a notice why not)."""
    dirs = list(host.services.scenario_dirs)

    def then(bundle: Bundle | str) -> list[Scene]:
        from game.ui.scenes.notice import NoticeScene

        if isinstance(bundle, str):
            text = host.strings("notice.cannot_load", ref=ref, error=bundle)
            return [NoticeScene(host, text)]
        return new_game(host, bundle)

    return [later(host, "loading.game", lambda: _load(lambda: load_bundle(ref, dirs)), then)]


@dataclass(frozen=True)
class Prepared:
    """A save read back in the background: its scenario and the replayed game, or why not."""

    entry: Any  # game.store.saves.SaveEntry
    bundle: Bundle | str
    outcome: Any = None  # game.store.resume.Resumed or RestartNeeded
    lesson: Any = None  # the debrief of a finished game


def prepare(entry: Any, dirs: Sequence[Path]) -> Prepared:
    """Look the save's scenario up by its id and replay the save on it (no pygame)."""
    from game.sim.debrief import debrief
    from game.store.resume import RestartNeeded, resume_game

    record = entry.record
    bundle = _load(lambda: load_bundle_by_id(record.scenario_id, dirs))
    if isinstance(bundle, str):
        return Prepared(entry, bundle)
    outcome = resume_game(record, bundle, Session.replay)
    lesson = None
    if not isinstance(outcome, RestartNeeded) and outcome.session.finished:
        lesson = debrief(outcome.session)
    return Prepared(entry, bundle, outcome, lesson)


def resume_save(host: Host, entry: Any) -> list[Scene]:
    """Replay a save on the scenario as it is now: the decision screen, or a notice."""
    dirs = list(host.services.scenario_dirs)
    return [later(host, "loading.game", lambda: prepare(entry, dirs), lambda p: resumed(host, p))]


def continue_latest(host: Host) -> list[Scene]:
    """The latest unfinished game (`--continue`); nothing when there is none."""
    saves = host.services.saves
    if saves is None:
        return []
    dirs = list(host.services.scenario_dirs)

    def work() -> Prepared | None:
        entry = saves.latest()
        return prepare(entry, dirs) if entry is not None else None

    def then(prepared: Prepared | None) -> list[Scene]:
        return resumed(host, prepared) if prepared is not None else []

    return [later(host, "loading.game", work, then)]


def resumed(host: Host, prepared: Prepared) -> list[Scene]:
    """The screens a prepared save leads to (main thread)."""
    from game.store.resume import RestartNeeded
    from game.ui.scenes.decision import DecisionScene
    from game.ui.scenes.notice import NoticeScene

    record = prepared.entry.record
    bundle, outcome = prepared.bundle, prepared.outcome
    if isinstance(bundle, str):
        text = host.strings("notice.cannot_load", ref=str(record.scenario_id), error=bundle)
        return [NoticeScene(host, text)]
    if isinstance(outcome, RestartNeeded):
        found = bundle

        def restart() -> None:
            host.reset(*home(host), *new_game(host, found, record.seed))

        reason = store_text(host.strings, outcome, outcome.reason)
        text = host.strings("notice.restart", reason=reason)
        return [NoticeScene(host, text, [("restart", host.strings("button.restart"), restart)])]
    run = GameRun.resumed(bundle, outcome.session, record, host.services)
    if run.finished:
        from game.ui.scenes.debrief import DebriefScene

        return [DebriefScene(host, run, prepared.lesson)]
    scenes: list[Scene] = [DecisionScene(host, run)]
    if outcome.notice:
        notice = store_text(host.strings, outcome, outcome.notice)
        scenes.append(NoticeScene(host, host.strings("notice.changed", notice=notice)))
    return scenes


def debrief_later(host: Host, run: GameRun) -> Scene:
    """The debrief of a finished game, after its what-if replays ran in the background."""
    from game.sim.debrief import debrief
    from game.ui.scenes.debrief import DebriefScene

    session = run.session

    def then(lesson: Any) -> list[Scene]:
        return [DebriefScene(host, run, lesson)]

    return later(host, "loading.debrief", lambda: debrief(session), then)


def home(host: Host) -> list[Scene]:
    """The bottom of every stack: the title screen."""
    from game.ui.scenes.title import TitleScene

    return [TitleScene(host)]
