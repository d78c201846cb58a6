"""The content of one save: a playthrough log plus a cached snapshot, and its JSON form."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.store.decisions import Decision, check_decisions
from game.store.errors import InvalidDecisions, InvalidName
from game.store.fields import (
    content_hash_problem,
    id_problem,
    new_run_id,
    run_id_problem,
    seed_problem,
    shown,
)
from game.store.migrations import APP_TAG, CURRENT_FORMAT, SaveFormatError, upgrade
from game.store.names import normalize_name
from game.store.timestamps import normalize_utc, utc_now

_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}")


@dataclass(frozen=True)
class SaveRecord:
    """One saved game. Everything the engine needs to rebuild it is the log
    ``(scenario_id, content_hash, seed, decisions)``; ``snapshot`` is an opaque cache of the
    state (for menus and previews) that the store never interprets.

    ``decisions`` name choices by id (None when the time ran out); saves of the first engine
    hold 1-based choice positions (0 = timed out) instead. ``game_id`` is the random id of
    the run, which its leaderboard row carries as ``run_id``. ``slot`` is the manual slot
    name, or None for the autosave. Timestamps are ISO 8601 UTC strings.
    """

    game_id: str
    scenario_id: str
    content_hash: str
    seed: int
    decisions: tuple[Decision, ...] = ()
    language: str = "en"
    player_name: str | None = None
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)
    slot: str | None = None
    finished: bool = False
    snapshot: Mapping[str, Any] | None = None

    @property
    def run_id(self) -> str:
        """The run id this game's leaderboard row carries (its game id)."""
        return self.game_id

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
        """A record for a new game with a fresh random game id and no decisions yet.

        Raises :class:`game.store.errors.InvalidName` for a bad ``player_name``.
        """
        name = None if player_name is None else normalize_name(player_name)
        now = utc_now()
        return cls(
            game_id=new_run_id(),
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
        decisions: Iterable[Decision],
        snapshot: Mapping[str, Any] | None = None,
        *,
        finished: bool = False,
    ) -> SaveRecord:
        """This game after more decisions: the full decision log so far, a new snapshot.

        Raises :class:`game.store.errors.InvalidDecisions` when an item is not a decision.
        """
        return dataclasses.replace(
            self,
            decisions=check_decisions(list(decisions)),
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
        """Upgrade and check decoded JSON; :class:`SaveFormatError` says what is wrong.

        Every field is checked: ids are ids (a scenario id is never a path), the seed is a
        64-bit number, each decision is a decision, timestamps are real moments.
        """
        current = upgrade(data)
        fields = _Fields(current)
        game_id = fields.text("game_id")
        fields.check("game_id", run_id_problem(game_id, "game id"))
        scenario_id = fields.text("scenario_id")
        fields.check("scenario_id", id_problem(scenario_id, "scenario id"))
        content_hash = fields.text("content_hash")
        fields.check("content_hash", content_hash_problem(content_hash))
        seed = fields.get("seed", int)
        fields.check("seed", seed_problem(seed))
        try:
            decisions = check_decisions(fields.get("decisions", list))
        except InvalidDecisions as exc:
            raise SaveFormatError(f"field 'decisions': {exc}") from None
        language = fields.text("language")
        if not _LANGUAGE.fullmatch(language):
            raise SaveFormatError(f"field 'language' is not a language code: {shown(language)}")
        return cls(
            game_id=game_id,
            scenario_id=scenario_id,
            content_hash=content_hash,
            seed=seed,
            decisions=decisions,
            language=language,
            player_name=fields.name("player_name", "name"),
            created=fields.timestamp("created"),
            updated=fields.timestamp("updated"),
            slot=fields.name("slot", "slot name"),
            finished=fields.get("finished", bool),
            snapshot=fields.get("snapshot", (dict, type(None))),
        )


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
            raise SaveFormatError(f"field {key!r} must be {expected}, not {shown(value)}")
        return value

    def check(self, key: str, problem: str | None) -> None:
        if problem is not None:
            raise SaveFormatError(f"field {key!r}: {problem}")

    def text(self, key: str) -> str:
        value: str = self.get(key, str)
        if not value:
            raise SaveFormatError(f"field {key!r} is empty")
        return value

    def name(self, key: str, what: str) -> str | None:
        value = self.get(key, (str, type(None)))
        if value is None:
            return None
        try:
            return normalize_name(value, what=what)
        except InvalidName as exc:
            raise SaveFormatError(f"field {key!r}: {exc}") from None

    def timestamp(self, key: str) -> str:
        text = self.text(key)
        try:
            return normalize_utc(text)
        except ValueError as exc:
            raise SaveFormatError(f"field {key!r}: {exc}") from None
