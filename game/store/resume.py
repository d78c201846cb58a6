"""Resuming a saved game on the scenario as it is now, which may have changed since.

A save is a log, so resuming always replays the decisions with the engine. When the scenario's
content hash differs from the one saved, the decisions are replayed on the new version if they
still fit; if they do not, the player gets an explanation and the offer to restart, never a
crash::

    outcome = resume_game(entry.record, bundle, Session.replay)
    if isinstance(outcome, RestartNeeded):
        show(outcome.reason)            # then offer Session(bundle, seed=...) from the start
    else:
        session = outcome.session       # outcome.notice, if set, tells the scenario changed
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from game.store.save_record import SaveRecord

S = TypeVar("S")


class BundleLike(Protocol):
    """What resuming needs from a loaded scenario bundle (``game.content.library.Bundle``)."""

    @property
    def content_hash(self) -> str: ...

    @property
    def scenario(self) -> Any: ...


# replay(bundle, seed, decisions): the decisions are the saved log, items of type Decision
Replay = Callable[[Any, int, Sequence[Any]], S]


@dataclass(frozen=True)
class Resumed(Generic[S]):
    """The game is back: ``session`` has replayed every saved decision.

    ``scenario_changed`` is True when the scenario was edited since the save (the decisions
    still fitted); ``notice`` then says so in words for the player.
    """

    session: S
    scenario_changed: bool = False
    notice: str | None = None
    code: str = ""  # interface string `store.<code>` for the player's language
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class RestartNeeded:
    """The save cannot be continued; ``reason`` explains why, for the player."""

    record: SaveRecord
    reason: str
    code: str = ""  # interface string `store.<code>` for the player's language
    params: dict[str, object] = field(default_factory=dict)


def _short(content_hash: str) -> str:
    return content_hash[:10] if content_hash else "unknown"


def resume_game(
    record: SaveRecord, bundle: BundleLike, replay: Replay[S]
) -> Resumed[S] | RestartNeeded:
    """Replay ``record`` on ``bundle`` with ``replay(bundle, seed, decisions)``.

    ``replay`` is normally ``game.sim.session.Session.replay``; it raises (with a readable
    message) when a decision no longer fits. Any exception it raises becomes a
    :class:`RestartNeeded`; this function itself never raises for bad data.
    """
    scenario_id = getattr(bundle.scenario, "id", None)
    if scenario_id != record.scenario_id:
        return RestartNeeded(
            record,
            f"This save belongs to the scenario '{record.scenario_id}', "
            f"not to '{scenario_id}'. Choose the right scenario or start a new game.",
            "resume_other_scenario",
            {"saved": record.scenario_id, "given": scenario_id},
        )
    changed = bundle.content_hash != record.content_hash
    try:
        session = replay(bundle, record.seed, list(record.decisions))
    except Exception as exc:  # the engine's message is what the player needs to read
        detail = str(exc) or type(exc).__name__
        if changed:
            reason = (
                f"The scenario '{record.scenario_id}' has changed since this game was saved "
                f"(version {_short(record.content_hash)} -> {_short(bundle.content_hash)}), "
                f"and your saved decisions ({len(record.decisions)}) no longer fit it: {detail}. "
                "The game has to restart from the beginning."
            )
        else:
            reason = (
                f"This save of '{record.scenario_id}' could not be replayed: {detail}. "
                "The game has to restart from the beginning."
            )
        code = "resume_changed_misfit" if changed else "resume_failed"
        params = {"scenario": record.scenario_id, "count": len(record.decisions), "detail": detail}
        return RestartNeeded(record, reason, code, params)
    if not changed:
        return Resumed(session)
    notice = (
        f"The scenario '{record.scenario_id}' was updated since this game was saved; "
        f"your saved decisions ({len(record.decisions)}) were replayed on the new version, "
        "so the numbers may differ from what you saw before."
    )
    params = {"scenario": record.scenario_id, "count": len(record.decisions)}
    return Resumed(session, True, notice, "resume_changed", params)
