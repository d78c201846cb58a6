"""What the class report is made of: the leaderboard rows of each scenario and their replays.

The installed version of a scenario supplies its texts, and the rows played on that exact
version (same content hash) by the running engine are replayed to learn which option each
player picked at each event. Rows of other versions or engines still count for scores,
endings and the principle profile, but are ranked apart. Scenario ids from the leaderboard
are only looked up, never opened as paths. No pygame here: the report's data can be computed
and tested without drawing anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle_by_id
from game.sim.program import Program
from game.sim.session import ReplayError, Session
from game.store.playthrough import PLAYER, Playthrough, engine_version
from game.store.timestamps import parse_utc


@dataclass(frozen=True)
class Decision:
    """One decision of one replayed playthrough."""

    row: Playthrough
    turn: int  # 0-based
    event_id: str
    choice_index: int  # 1-based into the event's choices; 0 = the time ran out
    choice_id: str | None


@dataclass(frozen=True)
class ScenarioPlays:
    """Everything the report shows about one scenario."""

    scenario_id: str
    bundle: Bundle | None  # the installed version; None when it is missing or broken
    rows: tuple[Playthrough, ...]  # every play in the report, best first
    version: str  # the content hash the leaderboard table ranks (installed, else latest)
    decisions: tuple[Decision, ...]  # of the rows that replay on the installed version
    replayed: int  # how many rows were replayed
    other_version: int  # rows of another version than the installed one (not replayed)
    failed: int  # rows of the installed version whose replay failed
    engine: str = ""  # the engine version whose plays the leaderboard table ranks
    other_engine: int = 0  # rows of the installed version recorded by another engine
    mode: str = PLAYER  # who played every row: people, a policy, or scripted decisions

    @property
    def top_rows(self) -> list[Playthrough]:
        """The plays of :attr:`version` recorded by :attr:`engine`, ranked like the
        leaderboard (ties: earliest first)."""
        return [
            r
            for r in self.rows
            if r.content_hash == self.version and r.engine_version == self.engine
        ]

    @property
    def versions(self) -> dict[str, int]:
        """Plays per content hash, most played first."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.content_hash] = counts.get(row.content_hash, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: -item[1]))


def parse_since(text: str) -> datetime:
    """The start (00:00 UTC) of a ``YYYY-MM-DD`` date; ``ValueError`` for anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(text)  # fromisoformat would also take forms like 20240501
    day = date.fromisoformat(text.strip())
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def since_filter(rows: Iterable[Playthrough], since: datetime | None) -> list[Playthrough]:
    """The rows played at or after ``since`` (all of them when it is None)."""
    if since is None:
        return list(rows)
    return [row for row in rows if parse_utc(row.played_at) >= since]


def ranked(rows: Iterable[Playthrough]) -> list[Playthrough]:
    """Best score first; ties go to whoever reached the score first (as on the leaderboard)."""
    return sorted(rows, key=lambda r: (-r.score, r.played_at, r.row_id or 0))


def installed_bundle(scenario_id: str, extra_dirs: Sequence[Path]) -> Bundle | None:
    """The installed scenario of that id, or None when it is missing or does not validate."""
    try:
        return load_bundle_by_id(scenario_id, extra_dirs)
    except ContentError:
        return None


def replay_decisions(bundle: Bundle, rows: Sequence[Playthrough]) -> tuple[list[Decision], int]:
    """Every decision of the rows, replayed on ``bundle``; also how many rows failed."""
    program = Program(bundle)  # compiled once for every replay
    decisions: list[Decision] = []
    failed = 0
    for row in rows:
        try:
            session = Session.replay(program, row.seed, list(row.decisions))
        except (ReplayError, TypeError):  # TypeError: a log this engine cannot read at all
            failed += 1
            continue
        decisions += [
            Decision(row, turn, rec.event_id, rec.choice_index, rec.choice_id)
            for turn, rec in enumerate(session.history)
        ]
    return decisions, failed


def scenario_plays(
    scenario_id: str,
    rows: Sequence[Playthrough],
    bundle: Bundle | None,
    mode: str = PLAYER,
    running: str | None = None,
) -> ScenarioPlays:
    """Group one scenario's rows (all of one mode), pick the version and engine to rank, and
    replay what the running engine (default: this one) recorded itself."""
    running = running or engine_version()
    best_first = ranked(rows)
    installed = bundle.content_hash if bundle is not None else None
    if installed in {r.content_hash for r in best_first}:
        version = str(installed)
    else:  # the most recently played version, as `leadsim leaderboard` does
        version = max(best_first, key=lambda r: r.played_at).content_hash
    of_version = [r for r in best_first if r.content_hash == version]
    engine = running
    if not any(r.engine_version == running for r in of_version):
        engine = max(of_version, key=lambda r: r.played_at).engine_version
    installed_rows = [r for r in best_first if r.content_hash == installed]
    # only the running engine replays a log as it was played
    same = [r for r in installed_rows if r.engine_version == running]
    decisions, failed = replay_decisions(bundle, same) if bundle is not None and same else ([], 0)
    return ScenarioPlays(
        scenario_id=scenario_id,
        bundle=bundle,
        rows=tuple(best_first),
        version=version,
        decisions=tuple(decisions),
        replayed=len(same) - failed,
        other_version=len(best_first) - len(installed_rows),
        failed=failed,
        engine=engine,
        other_engine=len(installed_rows) - len(same),
        mode=mode,
    )


def group_by_scenario(rows: Iterable[Playthrough]) -> dict[tuple[str, str], list[Playthrough]]:
    """Rows per (scenario id, mode): scenarios in id order, people's runs before the others."""
    groups: dict[tuple[str, str], list[Playthrough]] = {}
    for row in rows:
        groups.setdefault((row.scenario_id, row.mode), []).append(row)
    return dict(
        sorted(groups.items(), key=lambda item: (item[0][0], item[0][1] != PLAYER, item[0][1]))
    )
