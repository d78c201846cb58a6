"""The class's numbers: score distribution, endings, choices per event, principle profile."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.content.library import Bundle
from game.content.models import Choice, Event
from game.content.principles import PRINCIPLE_IDS
from game.report.gather import Decision
from game.store.playthrough import Playthrough

BIN_WIDTH = 10


@dataclass(frozen=True)
class Bin:
    """Scores from ``low`` up to ``high`` (inclusive: the last bin holds 100)."""

    low: int
    high: int
    count: int


@dataclass(frozen=True)
class ScoreSummary:
    count: int
    mean: float
    median: float
    low: float
    high: float


@dataclass(frozen=True)
class OptionTally:
    index: int  # 1-based choice index; 0 = the time ran out
    choice: Choice | None
    count: int


@dataclass(frozen=True)
class EventTally:
    """How often the class met an event and what it picked there."""

    event: Event
    decisions: int  # decisions taken at the event (a play may meet an event more than once)
    plays: int  # plays that reached the event
    options: tuple[OptionTally, ...]

    def share(self, option: OptionTally) -> float:
        return option.count / self.decisions if self.decisions else 0.0


@dataclass(frozen=True)
class PrincipleStat:
    """One principle over the class: the mean of (applied - violated) per play, and how
    many plays applied it on balance (positive) or broke it on balance (negative)."""

    id: str
    mean: float
    positive: int
    negative: int
    plays: int


def score_bins(scores: Iterable[float]) -> list[Bin]:
    """A histogram of 0..100 in bins of ten points."""
    counts = [0] * (100 // BIN_WIDTH)
    for score in scores:
        counts[min(len(counts) - 1, max(0, int(score // BIN_WIDTH)))] += 1
    last = len(counts) - 1
    return [
        Bin(i * BIN_WIDTH, 100 if i == last else (i + 1) * BIN_WIDTH - 1, n)
        for i, n in enumerate(counts)
    ]


def score_summary(scores: Sequence[float]) -> ScoreSummary:
    if not scores:
        return ScoreSummary(0, 0.0, 0.0, 0.0, 0.0)
    return ScoreSummary(
        len(scores),
        statistics.fmean(scores),
        statistics.median(scores),
        min(scores),
        max(scores),
    )


def ending_counts(rows: Iterable[Playthrough], bundle: Bundle | None) -> list[tuple[str, int]]:
    """Plays per ending id: every ending of the installed version in its order (reached or
    not), then endings only other versions have, then "" for plays without an ending."""
    counts = {ending.id: 0 for ending in bundle.scenario.endings} if bundle is not None else {}
    unfinished = 0
    for row in rows:
        if row.ending_id:
            counts[row.ending_id] = counts.get(row.ending_id, 0) + 1
        else:
            unfinished += 1
    listed = list(counts.items())
    return [*listed, ("", unfinished)] if unfinished else listed


def choice_tallies(bundle: Bundle, decisions: Iterable[Decision]) -> list[EventTally]:
    """For every event some play reached, in scenario order: the picks of each option."""
    picks: dict[str, dict[int, int]] = {}
    reached: dict[str, set[int]] = {}
    for d in decisions:
        picks.setdefault(d.event_id, {})
        picks[d.event_id][d.choice_index] = picks[d.event_id].get(d.choice_index, 0) + 1
        reached.setdefault(d.event_id, set()).add(id(d.row))
    tallies = []
    for event in bundle.scenario.events:
        counts = picks.get(event.id)
        if not counts:
            continue
        options = [
            OptionTally(i, choice, counts.get(i, 0)) for i, choice in enumerate(event.choices, 1)
        ]
        if counts.get(0):
            options.append(OptionTally(0, None, counts[0]))
        tallies.append(
            EventTally(event, sum(counts.values()), len(reached[event.id]), tuple(options))
        )
    return tallies


def unreached_events(bundle: Bundle, decisions: Iterable[Decision]) -> list[Event]:
    """Events of the scenario that no replayed play reached."""
    seen = {d.event_id for d in decisions}
    return [e for e in bundle.scenario.events if e.id not in seen]


def profile_stats(rows: Sequence[Playthrough]) -> list[PrincipleStat]:
    """Every principle (in the model's order) over the plays' profiles."""
    stats = []
    for pid in PRINCIPLE_IDS:
        values = [int(row.profile.get(pid, 0)) for row in rows]
        stats.append(
            PrincipleStat(
                pid,
                statistics.fmean(values) if values else 0.0,
                sum(v > 0 for v in values),
                sum(v < 0 for v in values),
                len(values),
            )
        )
    return stats
