"""Saving a terminal game after every decision, and saying truly what was kept.

`Autosave` is called after each decision. `save_note()` is what the player reads on leaving:
that the decisions are saved (and how to go on), that some or all of them could not be saved
(and why), or that a scripted or policy game is never saved.
"""

from __future__ import annotations

import dataclasses
import sys

from game.i18n import Strings
from game.safe_text import visible
from game.sim.session import Session
from game.store.errors import StoreError
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore


class Autosave:
    """Saves the game after every decision, so a closed terminal loses nothing."""

    def __init__(
        self, record: SaveRecord, strings: Strings, store: SaveStore | None = None
    ) -> None:
        self.record = record
        self.strings = strings
        self.store = store or SaveStore()
        # a game continued from a save already has that save's decisions on disk
        self.saved = len(record.decisions)
        self.error: str | None = None

    def __call__(self, session: Session, turn: object) -> None:
        if self.record.content_hash != session.bundle.content_hash:
            # live reload replayed the game on a new version of the scenario
            self.record = dataclasses.replace(self.record, content_hash=session.bundle.content_hash)
        try:
            self.record = self.record.advanced(
                session.decisions,
                {"turn": session.turn, **session.trajectory[-1]},
                finished=session.finished,
            )
            self.store.autosave(self.record)
        except StoreError as err:
            if self.error is None:
                print(visible(self.strings("text.save_failed", error=err)), file=sys.stderr)
            self.error = str(err)
            return
        self.saved = len(session.decisions)
        self.error = None


def save_note(autosave: Autosave | None, session: Session, strings: Strings) -> str:
    """What became of the decisions of a game the player leaves before its ending."""
    made = len(session.decisions)
    if made == 0:
        return strings("text.nothing_to_save")
    if autosave is None:
        return strings("text.not_saved_scripted")
    unsaved = made - autosave.saved
    if unsaved <= 0:
        return strings("text.saved")
    error = autosave.error or ""
    if autosave.saved == 0:
        return strings("text.not_saved", count=made, error=error)
    return strings("text.partly_saved", saved=autosave.saved, count=unsaved, error=error)
