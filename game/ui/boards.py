"""Which leaderboard the leaderboard screen shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Board:
    """A scenario version, its title, and a row to highlight."""

    scenario_id: str
    content_hash: str
    title: Any = None
    highlight: int | None = None  # leaderboard row id
    endings: Mapping[str, str] = field(default_factory=dict)  # ending id -> title, when known
    number: int = 1  # the version's place among the scenario's versions played, oldest first
    run_id: str | None = None  # the game just played, whose sending to a class is shown
    note: str | None = None  # said under the heading (the game was on the board already)


def numbered(boards: list[Board], played: list[tuple[str, str]]) -> list[Board]:
    """`boards` with their version numbers: `played` lists (scenario id, content hash) with
    the most recently played version of each scenario first, as the leaderboard does."""
    order: dict[str, list[str]] = {}
    for scenario_id, content_hash in played:
        order.setdefault(scenario_id, []).append(content_hash)
    out = []
    for board in boards:
        versions = order.get(board.scenario_id, [])
        if board.content_hash in versions:
            board = replace(board, number=len(versions) - versions.index(board.content_hash))
        out.append(board)
    return out
