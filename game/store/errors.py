"""Exceptions raised by the store; every message is written to be shown to a player as is."""

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


class InvalidPlaythrough(StoreError, ValueError):
    """A finished playthrough handed to the leaderboard has a missing or malformed field."""
