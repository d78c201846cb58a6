"""A finished playthrough as the leaderboard stores it, and how to build one from a Session."""

from __future__ import annotations

import importlib
import math
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.store.decisions import Decision, check_decisions
from game.store.errors import InvalidDecisions, InvalidPlaythrough
from game.store.fields import (
    content_hash_problem,
    id_problem,
    new_run_id,
    run_id_problem,
    seed_problem,
    shown,
)
from game.store.names import normalize_name
from game.store.timestamps import normalize_utc, parse_utc, utc_now

# Recorded when the ``game`` package does not declare ``__version__``.
ENGINE_VERSION_FALLBACK = "0.1.0"
PLAYER = "player"
SCRIPTED = "scripted"
POLICY_PREFIX = "policy:"
# "player", "scripted" or "policy:<policy name>".
MODE = re.compile(r"player|scripted|policy:[a-z][a-z0-9_]{0,31}")
_ENGINE_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}")
MAX_DURATION_S = 10.0**9
MAX_PROFILE_VALUE = 10**6
MAX_NAME_CHARS = 256  # stored names are at most 32 characters; more is a damaged row


def engine_version() -> str:
    """``game.__version__`` when it exists, else :data:`ENGINE_VERSION_FALLBACK`."""
    try:
        version = getattr(importlib.import_module("game"), "__version__", None)
    except ImportError:
        version = None
    return version if isinstance(version, str) and version else ENGINE_VERSION_FALLBACK


def policy_mode(policy: str) -> str:
    """The mode of a run a policy played: ``policy:<name>``."""
    return POLICY_PREFIX + policy


def describe_mode(mode: str) -> str:
    """The mode in words: "players", "policy random", "scripted runs"."""
    if mode == PLAYER:
        return "players"
    if mode == SCRIPTED:
        return "scripted runs"
    return "policy " + mode.removeprefix(POLICY_PREFIX)


@dataclass(frozen=True)
class Playthrough:
    """One finished playthrough: who, which scenario version, the log and the outcome.

    ``profile`` maps a principle id to (times applied - times violated). ``played_at`` is an
    ISO 8601 UTC timestamp, ``duration_s`` the playing time in seconds. ``mode`` says who
    played: ``"player"`` (a person), ``"policy:<name>"`` or ``"scripted"`` (decisions given
    in advance); only players' runs are ranked by default. ``run_id`` is the random id the run
    got when it started (None only on rows recorded before run ids existed).
    ``submission_id`` is set by a class server for idempotent submissions. ``seal`` and
    ``row_id`` are set on rows read back from the database.
    """

    name: str
    scenario_id: str
    content_hash: str
    score: float
    ending_id: str | None
    seed: int
    decisions: tuple[Decision, ...]
    profile: Mapping[str, int] = field(default_factory=dict)
    played_at: str = field(default_factory=utc_now)
    duration_s: float = 0.0
    engine_version: str = field(default_factory=engine_version)
    mode: str = PLAYER
    run_id: str | None = field(default_factory=new_run_id)
    submission_id: str | None = None
    seal: str | None = None
    row_id: int | None = None

    def validated(self) -> Playthrough:
        """A cleaned copy (NFC name without invisible characters, canonical timestamp) or a
        readable error: :class:`game.store.errors.InvalidName` or :class:`InvalidPlaythrough`.
        """
        try:
            played_at = normalize_utc(self.played_at)
        except ValueError as exc:
            raise InvalidPlaythrough(f"the date is not usable: {exc}") from None
        profile = self.profile
        if isinstance(profile, Mapping):
            profile = dict(sorted(profile.items(), key=lambda item: str(item[0])))
        clean = replace(
            self,
            name=normalize_name(self.name),
            score=_number(self.score, "score"),
            decisions=_decisions(self.decisions),
            profile=profile,
            played_at=played_at,
            duration_s=_number(self.duration_s, "duration"),
        )
        check_fields(clean)
        if clean.run_id is None:
            raise InvalidPlaythrough("a new row needs a run id")
        return clean

    def to_dict(self) -> dict[str, Any]:
        """The public row (``--json``, CSV): name, scenario, score, ending, date, ..."""
        return {
            "name": self.name,
            "scenario": self.scenario_id,
            "content_hash": self.content_hash,
            "score": self.score,
            "ending": self.ending_id,
            "date": self.played_at,
            "duration_s": self.duration_s,
            "seed": self.seed,
            "decisions": list(self.decisions),
            "profile": dict(self.profile),
            "engine_version": self.engine_version,
            "mode": self.mode,
            "run_id": self.run_id,
            "id": self.row_id,
        }


def _number(value: object, what: str) -> float:
    """``value`` as a float when it is an int or float; the checks then judge its range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidPlaythrough(f"the {what} must be a number, not {shown(value)}")
    try:
        return float(value)
    except OverflowError:
        raise InvalidPlaythrough(
            f"the {what} must be a finite number, not {shown(value)}"
        ) from None


def _decisions(items: object) -> tuple[Decision, ...]:
    try:
        return check_decisions(items)
    except InvalidDecisions as exc:
        raise InvalidDecisions(f"the decisions are not usable: {exc}") from None


def _problems(p: Playthrough) -> Iterable[str | None]:
    """Every check of :func:`check_fields`, lazily: the first problem found is reported."""
    yield id_problem(p.scenario_id, "scenario id")
    yield content_hash_problem(p.content_hash)
    if isinstance(p.score, bool) or not isinstance(p.score, float):
        yield f"the score must be a number, not {shown(p.score)}"
    elif not math.isfinite(p.score):
        yield f"the score must be a finite number, not {p.score}"
    if p.ending_id is not None:
        yield id_problem(p.ending_id, "ending id")
    yield seed_problem(p.seed)
    if not isinstance(p.profile, Mapping):
        yield f"the profile must map principle ids to whole numbers, not {shown(p.profile)}"
    else:
        for key, value in p.profile.items():
            if id_problem(key, "principle id") is not None:
                yield f"the profile must map principle ids to whole numbers: key {shown(key)}"
            elif type(value) is not int or abs(value) > MAX_PROFILE_VALUE:
                yield f"the profile must map principle ids to whole numbers: {key} = {shown(value)}"
    if isinstance(p.duration_s, bool) or not isinstance(p.duration_s, float):
        yield f"the duration must be a number, not {shown(p.duration_s)}"
    elif not (math.isfinite(p.duration_s) and 0 <= p.duration_s <= MAX_DURATION_S):
        yield f"the duration must be 0 seconds or more, not {p.duration_s}"
    if not isinstance(p.engine_version, str) or not _ENGINE_VERSION.fullmatch(p.engine_version):
        yield f"the engine version is not a version: {shown(p.engine_version)}"
    if not isinstance(p.mode, str) or not MODE.fullmatch(p.mode):
        yield f"the mode must be player, scripted or policy:NAME, not {shown(p.mode)}"
    if p.run_id is not None:
        yield run_id_problem(p.run_id)
    if p.submission_id is not None:
        yield run_id_problem(p.submission_id, "submission id")


def check_fields(p: Playthrough) -> None:
    """Raise :class:`InvalidPlaythrough` for the first field of ``p`` that is not usable.

    The name is only checked to be text here (:meth:`Playthrough.validated` applies the name
    rules); decisions are checked by their own rules, and the date must be a real moment.
    """
    if not isinstance(p.name, str) or not p.name or len(p.name) > MAX_NAME_CHARS:
        raise InvalidPlaythrough(f"the name must be short text, not {shown(p.name)}")
    try:
        parse_utc(p.played_at)
    except ValueError as exc:
        raise InvalidPlaythrough(f"the date is not usable: {exc}") from None
    _decisions(p.decisions)
    for problem in _problems(p):
        if problem is not None:
            raise InvalidPlaythrough(problem)


def profile_from_history(history: Iterable[Any]) -> dict[str, int]:
    """Principle id -> applied minus violated, from ``TurnRecord``-like items
    (anything with ``applied`` and ``violated`` sequences of principle ids)."""
    profile: dict[str, int] = {}
    for turn in history:
        for principle in getattr(turn, "applied", ()):
            profile[principle] = profile.get(principle, 0) + 1
        for principle in getattr(turn, "violated", ()):
            profile[principle] = profile.get(principle, 0) - 1
    return dict(sorted(profile.items()))


def _log_item(item: object) -> object:
    # numpy integers become ints; ids and None stay as they are; anything else is checked later
    if item is None or isinstance(item, str):
        return item
    try:
        return operator.index(item)  # type: ignore[arg-type]
    except TypeError:
        return item


def playthrough_from_session(
    session: Any,
    *,
    name: str,
    duration_s: float,
    bundle: Any = None,
    seed: int | None = None,
    played_at: str | None = None,
    run_id: str | None = None,
    mode: str = PLAYER,
) -> Playthrough:
    """Build the leaderboard row of a finished ``game.sim.session.Session``.

    Uses ``session.score().total``, ``session.ending``, ``session.decisions`` and
    ``session.principle_profile()`` (or, without it, the ``applied``/``violated`` of
    ``session.history``). ``bundle`` and ``seed`` default to ``session.bundle`` and
    ``session.seed``. ``run_id`` is the id the run got when it started (the save's game id);
    without one a fresh random id is used. ``mode`` is ``"player"``, ``"scripted"`` or
    ``policy_mode(name)``. Everything is checked when the row is recorded.
    """
    source = session.bundle if bundle is None else bundle
    ending = getattr(session, "ending", None)
    if callable(getattr(session, "principle_profile", None)):
        profile = {str(k): int(v) for k, v in sorted(session.principle_profile().items())}
    else:
        profile = profile_from_history(getattr(session, "history", ()))
    return Playthrough(
        name=name,
        scenario_id=source.scenario.id,
        content_hash=source.content_hash,
        score=float(session.score().total),
        ending_id=None if ending is None else str(ending.id),
        seed=int(session.seed if seed is None else seed),
        decisions=tuple(_log_item(d) for d in session.decisions),  # type: ignore[misc]
        profile=profile,
        played_at=played_at or utc_now(),
        duration_s=float(duration_s),
        mode=mode,
        run_id=run_id or new_run_id(),
    )
