"""The content of one save: a playthrough log plus a cached snapshot, and its JSON form."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.store.migrations import APP_TAG, CURRENT_FORMAT, SaveFormatError, upgrade
from game.store.names import normalize_name
from game.store.timestamps import normalize_utc, utc_now

_GAME_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class SaveRecord:
    """One saved game. Everything the engine needs to rebuild it is the log
    ``(scenario_id, content_hash, seed, decisions)``; ``snapshot`` is an opaque cache of the
    state (for menus and previews) that the store never interprets.

    ``decisions`` are 1-based choice indexes, 0 for a decision that timed out. ``slot`` is the
    manual slot name, or None for the autosave. Timestamps are ISO 8601 UTC strings.
    """

    game_id: str
    scenario_id: str
    content_hash: str
    seed: int
    decisions: tuple[int, ...] = ()
    language: str = "en"
    player_name: str | None = None
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)
    slot: str | None = None
    finished: bool = False
    snapshot: Mapping[str, Any] | None = None

    @classmethod
    def start(
        cls,
        scenario_id: str,
        content_hash: str,
        seed: int,
        *,
        language: str = "en",
        player_name: str | None = None,
    ) -> SaveRecord:
        """A record for a new game with a fresh game id and no decisions yet.

        Raises :class:`game.store.errors.InvalidName` for a bad ``player_name``.
        """
        name = None if player_name is None else normalize_name(player_name)
        now = utc_now()
        return cls(
            game_id=uuid.uuid4().hex,
            scenario_id=scenario_id,
            content_hash=content_hash,
            seed=int(seed),
            language=language,
            player_name=name,
            created=now,
            updated=now,
        )

    def advanced(
        self,
        decisions: Iterable[int],
        snapshot: Mapping[str, Any] | None = None,
        *,
        finished: bool = False,
    ) -> SaveRecord:
        """This game after more decisions: the full decision log so far, a new snapshot."""
        return dataclasses.replace(
            self,
            decisions=tuple(int(d) for d in decisions),
            snapshot=snapshot,
            finished=finished,
            updated=utc_now(),
        )

    def to_json(self) -> dict[str, Any]:
        """The format-:data:`CURRENT_FORMAT` dict written to disk."""
        return {
            "app": APP_TAG,
            "format": CURRENT_FORMAT,
            "game_id": self.game_id,
            "scenario_id": self.scenario_id,
            "content_hash": self.content_hash,
            "seed": self.seed,
            "decisions": list(self.decisions),
            "language": self.language,
            "player_name": self.player_name,
            "created": self.created,
            "updated": self.updated,
            "slot": self.slot,
            "finished": self.finished,
            "snapshot": None if self.snapshot is None else dict(self.snapshot),
        }

    @classmethod
    def from_json(cls, data: object) -> SaveRecord:
        """Upgrade and check decoded JSON; :class:`SaveFormatError` says what is wrong."""
        current = upgrade(data)
        fields = _Fields(current)
        game_id = fields.text("game_id")
        if not _GAME_ID.match(game_id):
            raise SaveFormatError(f"field 'game_id' is not a valid game id: {_short(game_id)}")
        decisions = fields.get("decisions", list)
        if not all(type(d) is int and d >= 0 for d in decisions):
            raise SaveFormatError("field 'decisions' must hold whole numbers 0 or greater")
        snapshot = fields.get("snapshot", (dict, type(None)))
        return cls(
            game_id=game_id,
            scenario_id=fields.text("scenario_id"),
            content_hash=fields.text("content_hash"),
            seed=fields.get("seed", int),
            decisions=tuple(decisions),
            language=fields.text("language"),
            player_name=fields.get("player_name", (str, type(None))),
            created=fields.timestamp("created"),
            updated=fields.timestamp("updated"),
            slot=fields.get("slot", (str, type(None))),
            finished=fields.get("finished", bool),
            snapshot=snapshot,
        )


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Fields:
    """Typed access to a save dict, raising :class:`SaveFormatError` with the field name."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def get(self, key: str, kind: type | tuple[type, ...]) -> Any:
        if key not in self.data:
            raise SaveFormatError(f"the save has no field {key!r}")
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # bool is an int subclass, but a flag is never a valid seed or count
        wrong_bool = isinstance(value, bool) and bool not in kinds
        if wrong_bool or not isinstance(value, kinds):
            expected = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
            raise SaveFormatError(f"field {key!r} must be {expected}, not {_short(value)}")
        return value

    def text(self, key: str) -> str:
        value: str = self.get(key, str)
        if not value:
            raise SaveFormatError(f"field {key!r} is empty")
        return value

    def timestamp(self, key: str) -> str:
        try:
            return normalize_utc(self.text(key))
        except ValueError as exc:
            raise SaveFormatError(f"field {key!r}: {exc}") from None
