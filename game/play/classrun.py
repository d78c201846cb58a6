"""What travels between a game and its class: a finished run, a scenario on offer, what
became of a submission, and the class's address as the player typed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from game.store.decisions import Decision
from game.store.fields import new_run_id
from game.store.playthrough import PLAYER
from game.store.timestamps import utc_now


@dataclass(frozen=True)
class Run:
    """A finished run as the class server takes it."""

    scenario_id: str
    content_hash: str
    seed: int
    decisions: tuple[Decision, ...]
    name: str
    lang: str = "en"
    mode: str = PLAYER
    duration_s: float = 0.0
    run_id: str = field(default_factory=new_run_id)
    played_at: str = field(default_factory=utc_now)

    @classmethod
    def from_session(
        cls, session: Any, *, name: str, lang: str, duration_s: float,
        run_id: str | None = None, mode: str = PLAYER,
    ) -> Run:  # fmt: skip
        """The run of a finished ``game.sim.session.Session`` (``run_id``: its save's id)."""
        return cls(
            scenario_id=session.bundle.scenario.id,
            content_hash=session.bundle.content_hash,
            seed=int(session.seed),
            decisions=tuple(session.decisions),
            name=name,
            lang=lang,
            mode=mode,
            duration_s=float(duration_s),
            run_id=run_id or new_run_id(),
        )

    def payload(self) -> dict[str, Any]:
        """What is sent: the log and who played it (never a score: the server computes it)."""
        return {
            "submission_id": self.run_id,
            "run_id": self.run_id,
            "scenario_id": self.scenario_id,
            "content_hash": self.content_hash,
            "seed": self.seed,
            "decisions": list(self.decisions),
            "name": self.name,
            "lang": self.lang,
            "mode": self.mode,
            "duration_s": self.duration_s,
            "played_at": self.played_at,
        }


@dataclass(frozen=True)
class RemoteScenario:
    """A scenario version the class offers; ``have``: already fetched here."""

    id: str
    content_hash: str
    titles: dict[str, str]
    languages: tuple[str, ...]
    have: bool


@dataclass(frozen=True)
class Queued:
    """What :meth:`ClassClient.submit` did: queued, and sent at once or not (and why)."""

    submission_id: str
    sent: bool
    result: dict[str, Any] | None = None
    refused: str = ""


@dataclass(frozen=True)
class DrainReport:
    """One drain: runs the server stored, runs it refused (id, reason), runs still waiting,
    and the seconds until the next attempt is due (0 when nothing waits)."""

    sent: tuple[str, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    pending: int = 0
    retry_in: float = 0.0


def normalize_url(text: str) -> str:
    """``host:port`` or a URL -> ``http://host:port`` (no trailing slash); ValueError if bad."""
    raw = text.strip()
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'{text[:80]}' is not a server address (write e.g. 192.168.1.5:8750)")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"'{text[:80]}' has a port that is not a number") from None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}{f':{port}' if port else ''}"
