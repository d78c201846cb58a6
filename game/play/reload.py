"""Live reload for authors: replay the decisions so far on the edited scenario, by choice id.

A decision names its choice by id, so reordering the choices in the file replays the same
choices. When a logged choice is gone, or no longer on offer where the replay now stands, the
replay stops there: the game becomes the replay of the decisions before it, and the player is
told which decision (its number and event) and which choice, and decides again from there.

`replay_log` does the slow part and touches nothing shared, so the window runs it on its
worker thread; `GameRun.adopt` (game.play.run) then takes the result on the main thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from game.content.library import Bundle
from game.content.watch import Broken
from game.play.wording import Wording
from game.sim.session import Decision, ReplayError, Session

MAX_PROBLEMS = 10  # diagnostics shown for a file that no longer validates


@dataclass(frozen=True)
class Replayed:
    """A log replayed on a new version of a scenario, as far as it fits."""

    session: Session
    stop: ReplayError | None = None  # the decision that no longer fits


def replay_log(bundle: Bundle, seed: int, decisions: Sequence[Decision], run: int = 0) -> Replayed:
    """Replay `decisions` on `bundle` up to the first one that no longer fits."""
    session = Session(bundle, seed, run)
    return Replayed(session, replay_more(session, decisions))


def replay_more(session: Session, decisions: Sequence[Decision]) -> ReplayError | None:
    """Replay the decisions of `decisions` that `session` has not made yet; the first that no
    longer fits stops it (the session is left before it) and is returned."""
    for turn in range(len(session.decisions), len(decisions)):
        try:
            session.step(turn, decisions[turn])
        except ReplayError as err:
            return err
    return None


@dataclass(frozen=True)
class Report:
    """What a reload did, in the player's language: `reloaded` (every decision replayed),
    `stopped` (replayed up to a decision that no longer fits) or `broken` (the files do not
    validate; the last good version keeps running)."""

    kind: Literal["reloaded", "stopped", "broken"]
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def broken(words: Wording, change: Broken) -> Report:
    problems = [d.format() for d in change.diagnostics[:MAX_PROBLEMS]]
    return Report("broken", (words.s("text.reload_broken"), *problems))


def reloaded(words: Wording, count: int) -> Report:
    return Report("reloaded", (words.s("text.reloaded", count=count),))


def stopped(words: Wording, stop: ReplayError, before: Wording) -> Report:
    """Which decision no longer fits and why, said over the new version (`words`); `before`
    words the game as it was, which still has the choice the decision took."""
    session = words.session
    number = stop.turn + 1
    count = len(session.decisions)
    if session.finished:
        return Report("stopped", (words.s("run.reload.ended", number=number, count=count),))
    event = session.event
    assert event is not None
    choice, choice_id = _taken(before, stop)
    found = isinstance(stop.choice, (str, int)) and session.find(stop.choice) is not None
    text = words.s(
        "run.reload.not_offered" if found else "run.reload.removed",
        number=number,
        event=words.event_title(event),
        choice=choice,
        id=choice_id,
        count=count,
    )
    return Report("stopped", (text,))


def _taken(before: Wording, stop: ReplayError) -> tuple[str, str]:
    """The text and id of the choice the stopped decision took, before the edit."""
    history = before.session.history
    if stop.turn < len(history) and history[stop.turn].choice_id is not None:
        record = history[stop.turn]
        return before.taken(record), str(record.choice_id)
    return str(stop.choice), str(stop.choice)
