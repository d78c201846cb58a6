"""Save-file formats and the ordered chain of upgrades between them.

Every save carries an integer ``format``. :func:`upgrade` recognises a LeadSim save, refuses
foreign or too-new files with a readable :class:`SaveFormatError`, and runs the upgrade steps
one after another until the data is in :data:`CURRENT_FORMAT`. Each step is a pure function from
the dict of format N to the dict of format N+1; add a step by appending to :data:`UPGRADES`.

Format 1 (LeadSim 0.0, kept for old files)::

    {"format": 1, "scenario": "missed_deadline", "hash": "<sha256>", "seed": 42,
     "choices": "1,3,0", "lang": "en", "saved_at": "2024-05-01T14:03:07Z",
     "name": "Anna" | null, "slot": "before the call" | null, "state": {...}}

Format 2 (current): see :meth:`game.store.saves.SaveRecord.to_json`.

The leaderboard database has its own chain of schema upgrades in
:mod:`game.store.board_schema`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from game.store.errors import StoreError

APP_TAG = "leadsim"
CURRENT_FORMAT = 2

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


MAX_FORMAT = 1000
# A v1 choice is a plain ASCII number; str.isdigit() would also pass "²" or "٣", which int()
# then refuses or reads as another number.
_V1_CHOICE = re.compile(r"[0-9]{1,3}")


class SaveFormatError(StoreError, ValueError):
    """The data is not a usable LeadSim save; the message says why, for the player."""


def _short(value: object, limit: int = 40) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a huge number"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _parse_v1_choices(text: object) -> list[int]:
    if not isinstance(text, str):
        raise SaveFormatError(
            f"field 'choices' must be a comma-separated string, not {_short(text)}"
        )
    decisions = []
    for token in (part.strip() for part in text.split(",")):
        if not token:
            continue
        if not _V1_CHOICE.fullmatch(token):
            raise SaveFormatError(
                f"field 'choices' contains {_short(token)}, which is not a number"
            )
        decisions.append(int(token))
    return decisions


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 -> v2: ``choices`` string to a ``decisions`` list, explicit ids and timestamps."""
    for key in ("scenario", "hash", "seed", "choices", "saved_at"):
        if key not in data:
            raise SaveFormatError(f"format 1 save is missing the field {key!r}")
    for key in ("scenario", "hash", "saved_at"):
        if not isinstance(data[key], str) or len(data[key]) > 200:
            raise SaveFormatError(f"format 1 field {key!r} must be short text")
    seed = data["seed"]
    if isinstance(seed, bool) or not isinstance(seed, int) or abs(seed) >= 2**64:
        raise SaveFormatError(f"format 1 field 'seed' must be a whole number, not {_short(seed)}")
    # v1 had no game id: derive a stable one so re-reading the file names the same game.
    identity = f"{data['scenario']}|{data['seed']}|{data['saved_at']}|{data.get('slot')}"
    return {
        "app": APP_TAG,
        "format": 2,
        "game_id": "v1-" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16],
        "scenario_id": data["scenario"],
        "content_hash": data["hash"],
        "seed": data["seed"],
        "decisions": _parse_v1_choices(data["choices"]),
        "language": data.get("lang") or "en",
        "created": data["saved_at"],
        "updated": data["saved_at"],
        "player_name": data.get("name"),
        "slot": data.get("slot"),
        "finished": False,
        "snapshot": data.get("state"),
    }


# UPGRADES[i] turns format i + 1 into format i + 2.
UPGRADES: tuple[Upgrade, ...] = (_v1_to_v2,)


def detect_format(data: object) -> int:
    """The format number of a LeadSim save, or :class:`SaveFormatError` for anything else."""
    if not isinstance(data, dict):
        kinds: dict[type, str] = {list: "a list", str: "a string", type(None): "null"}
        kind = kinds.get(type(data), type(data).__name__)
        raise SaveFormatError(f"not a LeadSim save: the JSON holds {kind}, not an object")
    version = data.get("format")
    if version is None:
        raise SaveFormatError("not a LeadSim save: it has no 'format' field")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_FORMAT:
        raise SaveFormatError(f"not a LeadSim save: 'format' is {_short(version)}")
    if version == 1:
        if "scenario" not in data:
            raise SaveFormatError("not a LeadSim save: format 1 without a 'scenario' field")
    elif data.get("app") != APP_TAG:
        raise SaveFormatError(f"not a LeadSim save: 'app' is {_short(data.get('app'))}")
    return version


def upgrade(data: object) -> dict[str, Any]:
    """Bring a decoded save up to :data:`CURRENT_FORMAT`, or raise :class:`SaveFormatError`."""
    version = detect_format(data)
    if version > CURRENT_FORMAT:
        raise SaveFormatError(
            f"this save was written by a newer LeadSim (format {version}); "
            f"this version reads formats up to {CURRENT_FORMAT}"
        )
    assert isinstance(data, dict)
    current: dict[str, Any] = dict(data)
    while version < CURRENT_FORMAT:
        current = UPGRADES[version - 1](current)
        version += 1
        current["format"] = version
    return current
