"""A game in the window: the game run of game.play.run, made with the window's services.

The run saves itself after every decision and keeps store problems, in the player's language,
for the screens to show; the window only shows the game and hands the decisions over.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.library import Bundle
from game.content.text import tr
from game.play.run import GameRun
from game.play.wording import Wording
from game.store.save_record import SaveRecord
from game.ui.scene import Host, Scene


def new_run(host: Host, bundle: Bundle, seed: int | None = None) -> GameRun:
    """A fresh playthrough of `bundle` (seed: the one asked for, `--seed`, or a random one)."""
    services, options = host.services, host.options
    return GameRun.start(
        bundle,
        host.lang,
        seed=seed if seed is not None else options.seed,
        name=options.name,
        saves=services.saves,
        clock=services.clock,
    )


def record_score(host: Host, run: GameRun, name: str) -> str | None:
    """Put the finished game on the leaderboard; returns the problem, or None."""
    board = host.services.leaderboard()
    if board is None:
        return host.strings("leaderboard.unavailable", problem=host.services.problem or "")
    return run.record(board, name)


def words(host: Host, run: GameRun) -> Wording:
    """The game's words in the window's language (which the settings may change mid-game)."""
    return Wording(run.session, host.lang, host.strings)


def current_run(stack: Sequence[Scene]) -> GameRun | None:
    """The game being played: the run of the topmost screen that has one."""
    for scene in reversed(stack):
        run = getattr(scene, "run", None)
        if isinstance(run, GameRun):
            return run
    return None


def save_title(host: Host, record: SaveRecord) -> str:
    """The title of a saved game's scenario in the window's language: from the save (saves
    carry it in every language of the scenario), else from the scenario library as far as it
    has been read, else the scenario's id."""
    title = (record.snapshot or {}).get("title")
    if title:
        return tr(title, host.lang)
    for entry in host.services.scan.state().entries or ():
        if entry.bundle is not None and entry.id == record.scenario_id:
            return tr(entry.bundle.scenario.title, host.lang)
    return record.scenario_id
