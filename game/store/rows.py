"""Leaderboard rows as SQLite stores them: the parameters of an insert, and reading a row back.

Reading never trusts the file: any column may hold another type than the schema says (SQLite
lets a tool write text into a REAL column), text that is not UTF-8, JSON nested thousands deep,
or values out of range. :func:`decode` turns such a row into a :class:`DamagedRow` that says
what is wrong, so one bad row never hides the others.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.store import jsonsafe
from game.store.decisions import timed_out
from game.store.errors import BadJSON, InvalidPlaythrough
from game.store.fields import shown
from game.store.names import name_key
from game.store.playthrough import Playthrough, check_fields
from game.store.seal import seal_fields


class RawRow(NamedTuple):
    """A row as SELECTed with :data:`COLUMNS`: every value as SQLite returned it."""

    id: object
    name: object
    scenario_id: object
    content_hash: object
    score: object
    ending_id: object
    profile: object
    seed: object
    decisions: object
    played_at: object
    duration_s: object
    engine_version: object
    mode: object
    run_id: object
    submission_id: object
    seal: object
    name_key: object


COLUMNS = ", ".join(RawRow._fields)
_INSERTED = (*RawRow._fields[1:], "log_key")
INSERT = (
    f"INSERT INTO playthroughs ({', '.join(_INSERTED)}) "
    f"VALUES ({', '.join(':' + name for name in _INSERTED)})"
)
MAX_JSON_CHARS = 256 * 1024
_MAX_SEED_CHARS = 21


@dataclass(frozen=True)
class DamagedRow:
    """A stored row that cannot be read as a playthrough: its id and what is wrong.

    ``name`` and ``scenario_id`` are what can be shown of them ("?" when they are unusable).
    """

    row_id: int
    problem: str
    name: str = "?"
    scenario_id: str = "?"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.row_id, "damaged": self.problem, "name": self.name,
                "scenario": self.scenario_id}  # fmt: skip


@dataclass(frozen=True)
class Listing:
    """Readable rows in the order asked for, and the damaged rows met on the way."""

    rows: list[Playthrough] = field(default_factory=list)
    damaged: list[DamagedRow] = field(default_factory=list)


def text_factory(raw: bytes) -> str:
    """How the connection turns stored text into ``str``: never raising on bytes that are not
    UTF-8 (they become lone surrogates, which :func:`decode` reports)."""
    return raw.decode("utf-8", "surrogateescape")


def _undecodable(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def log_key(p: Playthrough) -> str:
    """What makes two rows the same playthrough: scenario version, seed and decisions (a
    decision that timed out counts the same whether it is written 0 or null)."""
    log = [p.scenario_id, p.content_hash, str(p.seed),
           [None if timed_out(d) else d for d in p.decisions]]  # fmt: skip
    text = json.dumps(log, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def seal_payload(p: Playthrough) -> list[object]:
    """Every stored field of a row, in the order the seal covers them."""
    return [
        p.name, p.scenario_id, p.content_hash, p.score, p.ending_id, dict(p.profile),
        str(p.seed), list(p.decisions), p.played_at, p.duration_s, p.engine_version, p.mode,
        p.run_id, p.submission_id,
    ]  # fmt: skip


def insert_params(clean: Playthrough, key: bytes) -> dict[str, object]:
    """The named values of :data:`INSERT` for a validated playthrough, sealed with ``key``."""
    return {
        "name": clean.name,
        "name_key": name_key(clean.name),
        "scenario_id": clean.scenario_id,
        "content_hash": clean.content_hash,
        "score": clean.score,
        "ending_id": clean.ending_id,
        "profile": json.dumps(clean.profile, ensure_ascii=False, sort_keys=True),
        "seed": str(clean.seed),
        "decisions": json.dumps(list(clean.decisions)),
        "played_at": clean.played_at,
        "duration_s": clean.duration_s,
        "engine_version": clean.engine_version,
        "mode": clean.mode,
        "run_id": clean.run_id,
        "submission_id": clean.submission_id,
        "log_key": log_key(clean),
        "seal": seal_fields(key, seal_payload(clean)),
    }


class _Damage(Exception):
    pass


def _text(value: object, what: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bytes):
        raise _Damage(f"the {what} is binary data, not text")
    if not isinstance(value, str):
        raise _Damage(f"the {what} is {shown(value)}, not text")
    if _undecodable(value):
        raise _Damage(f"the {what} is not valid UTF-8 text")
    return value


def _real(value: object, what: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            return number
        raise _Damage(f"the {what} is not a finite number ({number})")
    raise _Damage(f"the {what} is {shown(_text_or(value))}, not a number")


def _text_or(value: object) -> object:
    return "binary data" if isinstance(value, bytes) else value


def _json(value: object, what: str) -> object:
    text = _text(value, what)
    if len(text) > MAX_JSON_CHARS:
        raise _Damage(f"the {what} column holds {len(text)} characters, too many to be real")
    try:
        return jsonsafe.loads(text)
    except BadJSON as exc:
        raise _Damage(f"the {what} cannot be read as JSON: {exc}") from None


def _seed(value: object) -> int:
    text = _text(value, "seed") if not isinstance(value, int) else str(value)
    digits = text.removeprefix("-")
    if len(text) > _MAX_SEED_CHARS or not (digits.isascii() and digits.isdigit()):
        raise _Damage(f"the seed is {shown(text)}, not a 64-bit whole number")
    return int(text)


def decode(values: Sequence[object]) -> Playthrough | DamagedRow:
    """A stored row (columns as :data:`COLUMNS`) as a playthrough, or what is wrong with it."""
    raw = RawRow._make(values)
    row_id = raw.id if isinstance(raw.id, int) else -1
    try:
        profile = _json(raw.profile, "profile")
        if not isinstance(profile, dict):
            raise _Damage(f"the profile is {type(profile).__name__}, not an object")
        decisions = _json(raw.decisions, "decisions")
        if not isinstance(decisions, list):
            raise _Damage(f"the decisions are {type(decisions).__name__}, not a list")
        played = Playthrough(
            name=_text(raw.name, "name"),
            scenario_id=_text(raw.scenario_id, "scenario id"),
            content_hash=_text(raw.content_hash, "content hash"),
            score=_real(raw.score, "score"),
            ending_id=_text(raw.ending_id, "ending", optional=True),
            profile=profile,
            seed=_seed(raw.seed),
            decisions=tuple(decisions),
            played_at=_text(raw.played_at, "date"),
            duration_s=_real(raw.duration_s, "duration"),
            engine_version=_text(raw.engine_version, "engine version"),
            mode=_text(raw.mode, "mode"),
            run_id=_text(raw.run_id, "run id", optional=True),
            submission_id=_text(raw.submission_id, "submission id", optional=True),
            seal=_text(raw.seal, "seal", optional=True),
            row_id=row_id,
        )
        check_fields(played)
    except (_Damage, InvalidPlaythrough) as exc:
        return DamagedRow(row_id, str(exc), _shown_text(raw.name), _shown_text(raw.scenario_id))
    return played


def _shown_text(value: object) -> str:
    if isinstance(value, str) and not _undecodable(value) and len(value) <= 64:
        return value
    return "?"
