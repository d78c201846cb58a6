"""The report's raw data as CSV files for spreadsheets.

``rows.csv`` holds every play in the report exactly as ``leadsim leaderboard --export`` writes
it. ``decisions.csv`` has one line per decision of each replayed play, ``choices.csv`` the
class's picks per option of every event, ``profile.csv`` one line per play with its balance
(applied minus violated) on each principle. Column names are stable ids, not translated;
texts are in the report's language. UTF-8 with a BOM, so spreadsheet programs show Cyrillic.
Every text cell that a spreadsheet would run as a formula gets a leading apostrophe
(:mod:`game.store.csvsafe`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from game.content.library import Bundle
from game.content.principles import PRINCIPLE_IDS
from game.report.gather import ScenarioPlays
from game.report.stats import choice_tallies
from game.sim.session import Session
from game.store.csvexport import export_csv
from game.store.csvsafe import spreadsheet_cell

ROWS = "rows.csv"
DECISIONS = "decisions.csv"
CHOICES = "choices.csv"
PROFILE = "profile.csv"
FILES = (ROWS, CHOICES, DECISIONS, PROFILE)


def _write(path: Path, header: Sequence[str], lines: Iterable[Sequence[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(value) for value in line] for line in lines)


def _reader(bundle: Bundle, lang: str) -> Callable[[object], str]:
    """Scenario texts as a player reads them at the start, variables ({oleg}) filled in, as
    the report's pages show them."""
    start = Session(bundle, seed=0)
    return lambda value: start.text(value, lang)


def write_csv_files(out: Path, plays: Sequence[ScenarioPlays], lang: str) -> list[Path]:
    """Write the four files into ``out``; raises OSError (or the store's SaveWriteError)."""
    export_csv((row for p in plays for row in p.rows), out / ROWS)
    _write(out / DECISIONS, _DECISION_COLUMNS, _decision_lines(plays, lang))
    _write(out / CHOICES, _CHOICE_COLUMNS, _choice_lines(plays, lang))
    _write(out / PROFILE, _PROFILE_COLUMNS, _profile_lines(plays))
    return [out / name for name in FILES]


_DECISION_COLUMNS = (
    "id", "name", "scenario", "content_hash", "turn", "event", "choice", "choice_id",
    "choice_text",
)  # fmt: skip


def _decision_lines(plays: Sequence[ScenarioPlays], lang: str) -> Iterable[list[object]]:
    for p in plays:
        if p.bundle is None:
            continue
        events = {e.id: e for e in p.bundle.scenario.events}
        say = _reader(p.bundle, lang)
        for d in p.decisions:
            choices = events[d.event_id].choices
            text = say(choices[d.choice_index - 1].text) if d.choice_index else ""
            yield [
                d.row.row_id, d.row.name, p.scenario_id, d.row.content_hash, d.turn + 1,
                d.event_id, d.choice_index, d.choice_id or "", text,
            ]  # fmt: skip


_CHOICE_COLUMNS = (
    "scenario", "content_hash", "event", "event_title", "choice", "choice_id", "choice_text",
    "picked", "decisions", "plays_reached", "share",
)  # fmt: skip


def _choice_lines(plays: Sequence[ScenarioPlays], lang: str) -> Iterable[list[object]]:
    for p in plays:
        if p.bundle is None:
            continue
        say = _reader(p.bundle, lang)
        for tally in choice_tallies(p.bundle, p.decisions):
            title = say(tally.event.title) or tally.event.id
            for o in tally.options:
                text = say(o.choice.text) if o.choice is not None else ""
                choice_id = (o.choice.id or "") if o.choice is not None else ""
                yield [
                    p.scenario_id, p.bundle.content_hash, tally.event.id, title, o.index,
                    choice_id, text, o.count, tally.decisions, tally.plays,
                    f"{tally.share(o):.4f}",
                ]  # fmt: skip


_PROFILE_COLUMNS = ("id", "name", "scenario", "content_hash", "score", *PRINCIPLE_IDS)


def _profile_lines(plays: Sequence[ScenarioPlays]) -> Iterable[list[object]]:
    for p in plays:
        for row in p.rows:
            balance = [int(row.profile.get(pid, 0)) for pid in PRINCIPLE_IDS]
            yield [row.row_id, row.name, p.scenario_id, row.content_hash, row.score,
                   *balance]  # fmt: skip
