"""Opening a scenario to play, and continuing a saved game, for both front ends.

A save names its scenario by id: the id is looked up in the scenario folders, never opened as
a path. The saved decisions are replayed on the scenario as it is now; a save of the first
engine (choices by position) comes back with its decisions named by id. A save that cannot be
continued says why, in the player's language, with the scenario to restart when there is one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle, load_bundle_by_id, load_bundle_with_team
from game.i18n import Strings
from game.play.autosave import saved_team
from game.play.messages import store_text
from game.play.run import Clock, GameRun
from game.sim.session import Session
from game.store.resume import RestartNeeded, resume_game
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore


def open_scenario(ref: str | Path, dirs: Iterable[Path] = (), team: str | None = None) -> Bundle:
    """The scenario `ref` (a path or an id) with its own team, or with `team`; raises
    ContentError."""
    folders = list(dirs)
    bundle = load_bundle(ref, folders)
    return bundle if team is None else load_bundle_with_team(bundle, team, folders)


def first_problem(err: ContentError) -> str:
    """The first diagnostic of a scenario that cannot be loaded, as one line."""
    return err.diagnostics[0].format() if err.diagnostics else str(err)


@dataclass(frozen=True)
class Unavailable:
    """The save's scenario (or its team) cannot be loaded here."""

    record: SaveRecord
    reason: str


@dataclass(frozen=True)
class Restart:
    """The saved decisions no longer fit the scenario: the game can only start again."""

    record: SaveRecord
    bundle: Bundle
    reason: str


Continued = GameRun | Restart | Unavailable


def saved_bundle(record: SaveRecord, dirs: Iterable[Path] = ()) -> Bundle:
    """The scenario a save names, looked up by id, with the team the game was played with."""
    folders = list(dirs)
    bundle = load_bundle_by_id(record.scenario_id, folders)
    team = saved_team(record)
    if team is None or team == bundle.team.id:
        return bundle
    return load_bundle_with_team(bundle, team, folders)


def continue_save(
    record: SaveRecord,
    dirs: Iterable[Path],
    saves: SaveStore | None,
    lang: str | None = None,
    clock: Clock = time.monotonic,
) -> Continued:
    """The saved game back in play (no pygame; the window runs this in the background).
    `lang` is the player's language (default: the save's); `notice` on the run tells when
    the scenario changed since the save."""
    lang = lang or record.language
    strings = Strings(lang)
    try:
        bundle = saved_bundle(record, dirs)
    except ContentError as err:
        return Unavailable(record, first_problem(err))
    outcome = resume_game(record, bundle, Session.replay)
    if isinstance(outcome, RestartNeeded):
        return Restart(record, bundle, store_text(strings, outcome, outcome.reason))
    run = GameRun.resumed(outcome.session, record, lang, saves, clock)
    if outcome.notice:
        run.notice = store_text(strings, outcome, outcome.notice)
    return run
