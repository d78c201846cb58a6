"""What a game sends when it submits a finished run, and the checks before any replay.

A submission is a JSON object::

    {"submission_id": "9f2c...", "run_id": "9f2c...", "scenario_id": "example_release",
     "content_hash": "1649...", "seed": 42, "decisions": ["call_the_client", null, 2],
     "name": "Анна", "lang": "ru", "mode": "player", "duration_s": 312.5,
     "played_at": "2026-12-01T10:03:07Z", "score": 71.2}

``score`` is optional: when it is sent, it must be the score the server's replay computes
(a forged score is refused, never corrected). Decisions are choice ids, ``null`` for a time
that ran out, or the 1-based positions of logs of the first engine. Unknown fields are
refused, so a misspelt field is never silently ignored. :func:`parse_submission` raises
:class:`Invalid` with a code and a message for the trainee.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.store.decisions import Decision, check_decisions
from game.store.errors import InvalidDecisions, InvalidName
from game.store.fields import (
    content_hash_problem,
    id_problem,
    run_id_problem,
    seed_problem,
    shown,
)
from game.store.names import normalize_name
from game.store.playthrough import MAX_DURATION_S, MODE, PLAYER
from game.store.timestamps import normalize_utc, parse_utc, utc_now

REQUIRED = ("submission_id", "scenario_id", "content_hash", "seed", "decisions", "name")
OPTIONAL = ("run_id", "lang", "mode", "duration_s", "played_at", "score")
LANGS = ("en", "ru")


class Invalid(Exception):
    """A submission that breaks the rules before any replay: ``code`` and a readable message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Submission:
    """A submission whose fields are well formed (not yet replayed)."""

    submission_id: str
    run_id: str
    scenario_id: str
    content_hash: str
    seed: int
    decisions: tuple[Decision, ...]
    name: str
    lang: str
    mode: str
    duration_s: float
    played_at: str
    score: float | None


def _field(data: dict[str, Any], key: str, problem: str | None) -> Any:
    if problem is not None:
        raise Invalid("invalid_field", f"{key}: {problem}")
    return data[key]


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid("invalid_field", f"{what}: must be a number, not {shown(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise Invalid("invalid_field", f"{what}: must be a finite number")
    return number


def _played_at(value: object, now: str) -> str:
    if value is None:
        return now
    if not isinstance(value, str):
        raise Invalid("invalid_field", f"played_at: must be an ISO 8601 time, not {shown(value)}")
    try:
        moment = normalize_utc(value)
    except ValueError as exc:
        raise Invalid("invalid_field", f"played_at: {exc}") from None
    # a clock that runs ahead cannot place a run in the future
    return min(moment, now, key=parse_utc)


def parse_submission(data: object, now: str | None = None) -> Submission:
    """The submission in ``data`` (decoded JSON), checked field by field."""
    if not isinstance(data, dict):
        raise Invalid("invalid_request", "the request must be a JSON object")
    unknown = sorted(str(k) for k in data if k not in REQUIRED and k not in OPTIONAL)
    if unknown:
        raise Invalid("invalid_field", f"unknown field {shown(unknown[0])}")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise Invalid("invalid_field", f"the field {missing[0]!r} is missing")
    submission_id = _field(data, "submission_id", run_id_problem(data["submission_id"]))
    run_id = data.get("run_id", submission_id)
    if run_id_problem(run_id) is not None:
        raise Invalid("invalid_field", f"run_id: {run_id_problem(run_id)}")
    try:
        name = normalize_name(data["name"])
    except InvalidName as exc:
        raise Invalid("invalid_name", str(exc)) from None
    try:
        decisions = check_decisions(data["decisions"])
    except InvalidDecisions as exc:
        raise Invalid("invalid_decisions", str(exc)) from None
    lang = data.get("lang", "en")
    if lang not in LANGS:
        raise Invalid("invalid_field", f"lang: must be one of {', '.join(LANGS)}")
    mode = data.get("mode", PLAYER)
    if not isinstance(mode, str) or not MODE.fullmatch(mode):
        raise Invalid("invalid_field", "mode: must be player, scripted or policy:NAME")
    duration = _number(data.get("duration_s", 0.0), "duration_s")
    if not 0 <= duration <= MAX_DURATION_S:
        raise Invalid("invalid_field", "duration_s: must be 0 seconds or more")
    score = data.get("score")
    return Submission(
        submission_id=submission_id,
        run_id=run_id,
        scenario_id=_field(data, "scenario_id", id_problem(data["scenario_id"], "scenario id")),
        content_hash=_field(data, "content_hash", content_hash_problem(data["content_hash"])),
        seed=_field(data, "seed", seed_problem(data["seed"])),
        decisions=decisions,
        name=name,
        lang=lang,
        mode=mode,
        duration_s=duration,
        played_at=_played_at(data.get("played_at"), now or utc_now()),
        score=None if score is None else _number(score, "score"),
    )
