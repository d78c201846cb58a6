"""How `leadsim leaderboard` lays out its tables: columns, widths, damaged rows, modes.

Every stored text passes through :func:`game.commands.output.line` before it is printed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.commands.output import line
from game.store.leaderboard import Version
from game.store.playthrough import PLAYER, Playthrough, describe_mode
from game.store.rows import DamagedRow


@dataclass(frozen=True)
class Column:
    heading: str
    width: int
    cell: Callable[[Playthrough], str] | None  # None: the place in the ranking
    numeric: bool = False


def date(row: Playthrough) -> str:
    return row.played_at[:16].replace("T", " ")


def duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


PLACE = Column("#", 3, None, True)
NAME = Column("Name", 24, lambda r: r.name)
SCORE = Column("Score", 6, lambda r: f"{r.score:.1f}", True)
ENDING = Column("Ending", 18, lambda r: r.ending_id or "-")
DATE = Column("Date (UTC)", 16, date)
TIME = Column("Time", 6, lambda r: duration(r.duration_s), True)
SCENARIO = Column("Scenario", 20, lambda r: r.scenario_id)
VERSION = Column("Version", 10, lambda r: r.content_hash[:10])
MODE = Column("Mode", 16, lambda r: "" if r.mode == PLAYER else describe_mode(r.mode))

TOP_COLUMNS = [PLACE, NAME, SCORE, ENDING, DATE, TIME]
BEST_COLUMNS = [SCENARIO, VERSION, SCORE, ENDING, DATE]
RECENT_COLUMNS = [DATE, NAME, SCENARIO, SCORE, ENDING]


def width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide East Asian characters count twice)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def cell(text: str, size: int, right: bool) -> str:
    while width(text) > size:
        text = text[:-2] + "…"
    pad = " " * (size - width(text))
    return pad + text if right else text + pad


def table(rows: Sequence[Playthrough], columns: Sequence[Column]) -> list[str]:
    """The lines of a table: heading, rule, one line per row."""
    lines = ["  ".join(cell(c.heading, c.width, c.numeric) for c in columns).rstrip()]
    lines.append("  ".join("-" * c.width for c in columns))
    for place, row in enumerate(rows, start=1):
        cells = [str(place) if c.cell is None else line(c.cell(row)) for c in columns]
        lines.append(
            "  ".join(
                cell(text, c.width, c.numeric) for text, c in zip(cells, columns, strict=True)
            ).rstrip()
        )
    return lines


def damaged_line(row: DamagedRow) -> str:
    """One line naming a damaged row and what is wrong with it."""
    who = f" ({line(row.name)}, {line(row.scenario_id)})" if row.name != "?" else ""
    return f"row #{row.row_id}{who} is damaged and not shown: {line(row.problem)}"


def title(version: Version, others: Sequence[Version], running_engine: str) -> str:
    """``scenario - version HASH[, engine note][ - mode], N plays[; other versions: ...]``."""
    text = f"{version.scenario_id} - version {version.content_hash[:10]}"
    if version.engine_version != running_engine:
        text += f" (recorded by engine {version.engine_version}, ranked apart)"
    if version.mode != PLAYER:
        text += f" - {describe_mode(version.mode)}"
    text += f", {version.plays} play{'s' if version.plays != 1 else ''}"
    listed = []
    for other in others:
        label = other.content_hash[:10]
        if other.engine_version != running_engine:
            label += f" (engine {other.engine_version})"
        if label not in listed:
            listed.append(label)
    if listed:
        text += "; other versions: " + ", ".join(listed)
    return line(text)
