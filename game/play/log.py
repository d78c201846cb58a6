"""A playthrough's decisions as a save or a leaderboard row keeps them.

A decision is named by its choice id. A choice of a format 1 file has no id of its own (the
engine names it by its place in the file, "3"); the log then holds that place as a number, as
logs of the first engine do, and the engine reads both back.
"""

from __future__ import annotations

from game.sim.session import Session
from game.store.decisions import CHOICE_ID, Decision


def logged(session: Session) -> list[Decision]:
    """The decisions so far: choice ids, positions for id-less choices, None for timeouts."""
    out: list[Decision] = []
    for record in session.history:
        if record.choice_id is None:
            out.append(None)
        elif CHOICE_ID.fullmatch(record.choice_id):
            out.append(record.choice_id)
        else:
            out.append(record.choice_index)
    return out
