"""Exceptions raised by the store; every message is written to be shown to a player as is.

Every problem with the data itself (a broken save, a damaged row, a bad name, a foreign file)
is a :class:`StoreError` subclass, so a caller catches exactly one family of errors.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something the store could not do, with a message fit for the player.

    `code` and `params`, when set, let a front end show the message in the player's language
    (interface string `store.<code>` with the params); the English message is the fallback.
    """

    def __init__(self, message: str, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class InvalidName(StoreError, ValueError):
    """A player name or slot name breaks the naming rules (see :mod:`game.store.names`)."""


class SaveWriteError(StoreError):
    """A save or export could not be written (disk full, folder not writable, ...)."""


class LeaderboardError(StoreError):
    """The leaderboard database could not be opened, read or written."""


class DuplicatePlaythrough(LeaderboardError):
    """The playthrough (same run id, or the same log) is already on the leaderboard.

    ``row_id`` is the id of the row already stored (0 when it is not known).
    """

    def __init__(self, message: str, row_id: int) -> None:
        super().__init__(message, "already_recorded" if row_id else None, row=row_id)
        self.row_id = row_id


class InvalidPlaythrough(StoreError, ValueError):
    """A finished playthrough handed to the leaderboard has a missing or malformed field."""


class InvalidDecisions(InvalidPlaythrough):
    """A decision log holds something that is not a decision (see :mod:`game.store.decisions`)."""


class RefusedFile(StoreError):
    """A file was not read: it is not a regular file, or it is larger than allowed."""


class BadJSON(StoreError, ValueError):
    """Text that is not JSON the store accepts (see :mod:`game.store.jsonsafe`)."""
