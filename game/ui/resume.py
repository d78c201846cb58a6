"""Starting and resuming games: from a scenario reference, or from a save."""

from __future__ import annotations

from typing import Any

from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle
from game.sim.session import Session
from game.ui.flow import GameRun
from game.ui.messages import store_text
from game.ui.scene import Host, Scene


def load(host: Host, ref: str) -> Bundle | str:
    """The scenario with its team, or the first error in words."""
    try:
        return load_bundle(ref, list(host.services.scenario_dirs))
    except ContentError as err:
        first = err.diagnostics[0] if err.diagnostics else None
        return first.format() if first is not None else str(err)


def new_game(host: Host, bundle: Bundle, seed: int | None = None) -> list[Scene]:
    """A fresh playthrough of `bundle`: its briefing screen."""
    from game.ui.scenes.briefing import BriefingScene

    options = host.options
    seed = seed if seed is not None else options.seed
    run = GameRun.new(bundle, seed, host.lang, host.services, options.name)
    return [BriefingScene(host, run)]


def start_scenario(host: Host, ref: str) -> list[Scene]:
    """The scenes that open a scenario named on the command line (or a notice why not)."""
    from game.ui.scenes.notice import NoticeScene

    bundle = load(host, ref)
    if isinstance(bundle, str):
        return [NoticeScene(host, host.strings("notice.cannot_load", ref=ref, error=bundle))]
    return new_game(host, bundle)


def resume_save(host: Host, entry: Any) -> list[Scene]:
    """Replay a save on the scenario as it is now: the decision screen, or a notice."""
    from game.store.resume import RestartNeeded, resume_game
    from game.ui.scenes.decision import DecisionScene
    from game.ui.scenes.notice import NoticeScene

    record = entry.record
    bundle = load(host, record.scenario_id)
    if isinstance(bundle, str):
        text = host.strings("notice.cannot_load", ref=record.scenario_id, error=bundle)
        return [NoticeScene(host, text)]
    outcome = resume_game(record, bundle, Session.replay)
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

        return [DebriefScene(host, run)]
    scenes: list[Scene] = [DecisionScene(host, run)]
    if outcome.notice:
        notice = store_text(host.strings, outcome, outcome.notice)
        scenes.append(NoticeScene(host, host.strings("notice.changed", notice=notice)))
    return scenes


def home(host: Host) -> list[Scene]:
    """The bottom of every stack: the title screen."""
    from game.ui.scenes.title import TitleScene

    return [TitleScene(host)]
