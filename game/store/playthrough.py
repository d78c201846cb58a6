"""A finished playthrough as the leaderboard stores it, and how to build one from a Session."""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.store.errors import InvalidPlaythrough
from game.store.names import normalize_name
from game.store.timestamps import normalize_utc, utc_now

# Recorded when the ``game`` package does not declare ``__version__``.
ENGINE_VERSION_FALLBACK = "0.1.0"


def engine_version() -> str:
    """``game.__version__`` when it exists, else :data:`ENGINE_VERSION_FALLBACK`."""
    try:
        version = getattr(importlib.import_module("game"), "__version__", None)
    except ImportError:
        version = None
    return version if isinstance(version, str) and version else ENGINE_VERSION_FALLBACK


@dataclass(frozen=True)
class Playthrough:
    """One finished playthrough: who, which scenario version, the log and the outcome.

    ``profile`` maps a principle id to (times applied - times violated). ``played_at`` is an
    ISO 8601 UTC timestamp, ``duration_s`` the playing time in seconds. ``row_id`` is set on
    rows read back from the database.
    """

    name: str
    scenario_id: str
    content_hash: str
    score: float
    ending_id: str | None
    seed: int
    decisions: tuple[int, ...]
    profile: Mapping[str, int] = field(default_factory=dict)
    played_at: str = field(default_factory=utc_now)
    duration_s: float = 0.0
    engine_version: str = field(default_factory=engine_version)
    row_id: int | None = None

    def validated(self) -> Playthrough:
        """A cleaned copy (trimmed NFC name, canonical timestamp) or a readable error.

        Raises :class:`game.store.errors.InvalidName` or :class:`InvalidPlaythrough`.
        """
        for label, value in (
            ("scenario id", self.scenario_id),
            ("content hash", self.content_hash),
        ):
            if not isinstance(value, str) or not value:
                raise InvalidPlaythrough(f"the {label} must be non-empty text")
        if isinstance(self.score, bool) or not isinstance(self.score, (int, float)):
            raise InvalidPlaythrough(f"the score must be a number, not {self.score!r}")
        if not math.isfinite(self.score):
            raise InvalidPlaythrough(f"the score must be a finite number, not {self.score}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise InvalidPlaythrough(f"the seed must be a whole number, not {self.seed!r}")
        if not all(type(d) is int and d >= 0 for d in self.decisions):
            raise InvalidPlaythrough("decisions must be whole numbers 0 or greater")
        if not all(isinstance(k, str) and type(v) is int for k, v in self.profile.items()):
            raise InvalidPlaythrough("the profile must map principle ids to whole numbers")
        duration = float(self.duration_s)
        if not math.isfinite(duration) or duration < 0:
            raise InvalidPlaythrough(f"the duration must be 0 seconds or more, not {duration}")
        try:
            played_at = normalize_utc(self.played_at)
        except ValueError as exc:
            raise InvalidPlaythrough(f"the date is not usable: {exc}") from None
        return replace(
            self,
            name=normalize_name(self.name),
            score=float(self.score),
            decisions=tuple(self.decisions),
            profile=dict(sorted(self.profile.items())),
            played_at=played_at,
            duration_s=duration,
        )

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
            "id": self.row_id,
        }


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


def playthrough_from_session(
    session: Any,
    *,
    name: str,
    duration_s: float,
    bundle: Any = None,
    seed: int | None = None,
    played_at: str | None = None,
) -> Playthrough:
    """Build the leaderboard row of a finished ``game.sim.session.Session``.

    Uses ``session.score().total``, ``session.ending``, ``session.decisions`` and
    ``session.principle_profile()`` (or, without it, the ``applied``/``violated`` of
    ``session.history``). ``bundle`` and ``seed`` default to ``session.bundle`` and
    ``session.seed``. The name is checked when the row is recorded.
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
        decisions=tuple(int(d) for d in session.decisions),
        profile=profile,
        played_at=played_at or utc_now(),
        duration_s=float(duration_s),
    )
