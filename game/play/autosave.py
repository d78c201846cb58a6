"""Saving a game after every decision, in both front ends.

A save is the decision log (see DESIGN.md) plus a snapshot for menus: the scenario's title
in each of its languages (so a save made in the terminal shows its title in the window), the
team, the turn, progress and morale. The snapshot is never used to rebuild a game, except
that it names the team a game was started with (`--team`). Store failures never stop play:
they are kept, in the player's language, for the front end to show.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from game.content.text import DEFAULT_LANG
from game.i18n import Strings
from game.play.log import logged
from game.play.messages import store_text
from game.sim.session import Session, TeamView
from game.store.errors import StoreError
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore


def snapshot(session: Session, view: TeamView) -> dict[str, Any]:
    """What a save shows in menus: title per language, team, turn, progress, morale."""
    scenario = session.scenario
    languages = list(scenario.languages or (DEFAULT_LANG,))
    return {
        "title": {lang: session.text(scenario.title, lang) for lang in languages},
        "team": session.bundle.team.id,
        "turn": session.turn,
        "progress": round(view.progress, 4),
        "morale": round(view.averages.get("morale", 0.0), 4),
    }


def saved_team(record: SaveRecord) -> str | None:
    """The team a saved game was played with, when its snapshot names one."""
    team = (record.snapshot or {}).get("team")
    return team if isinstance(team, str) else None


class Autosave:
    """Keeps one game's save up to date; `error` is why the last write failed (or None)."""

    def __init__(self, record: SaveRecord, store: SaveStore, strings: Strings) -> None:
        self.record = record
        self.store = store
        self.strings = strings
        # a game continued from a save already has that save's decisions on disk
        self.saved = len(record.decisions)
        self.error: str | None = None

    def _current(self, session: Session, view: TeamView) -> SaveRecord:
        record = self.record
        if record.content_hash != session.bundle.content_hash:
            # live reload replayed the game on a new version of the scenario
            record = dataclasses.replace(record, content_hash=session.bundle.content_hash)
        return record.advanced(logged(session), snapshot(session, view), finished=session.finished)

    def save(self, session: Session, view: TeamView) -> str | None:
        """Write the save; returns the problem when this write failed and the last did not
        (a front end tells it once), otherwise None."""
        try:
            self.record = self._current(session, view)
            self.store.autosave(self.record)
        except StoreError as err:
            fresh = self.error is None
            self.error = store_text(self.strings, err, str(err))
            return self.error if fresh else None
        self.saved = len(session.decisions)
        self.error = None
        return None

    def save_slot(self, name: str, session: Session, view: TeamView) -> str | None:
        """Save into the named slot; returns the problem, or None when saved."""
        try:
            self.store.save_slot(name, self._current(session, view))
        except StoreError as err:
            return store_text(self.strings, err, str(err))
        return None

    def rename(self, player_name: str) -> None:
        """The next save (and a game continued from it) carries this player name."""
        self.record = dataclasses.replace(self.record, player_name=player_name)
