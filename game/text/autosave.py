"""What the terminal says about the save when the player leaves a game before its ending.

The saving itself is the game run's (game.play.autosave). `save_note()` says truly what was
kept: that the decisions are saved (and how to go on), that some or all of them could not be
saved (and why), or that a scripted or policy game is never saved.
"""

from __future__ import annotations

from game.play.run import GameRun


def save_note(run: GameRun) -> str:
    """What became of the decisions of a game the player leaves before its ending."""
    strings = run.strings
    made = len(run.session.decisions)
    if made == 0:
        return strings("text.nothing_to_save")
    if run.autosave is None:
        return strings("text.not_saved_scripted")
    saved = min(run.saved, made)
    unsaved = made - saved
    if unsaved <= 0:
        return strings("text.saved")
    error = run.problem or ""
    if saved == 0:
        return strings("text.not_saved", count=made, error=error)
    return strings("text.partly_saved", saved=saved, count=unsaved, error=error)
