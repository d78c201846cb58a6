"""Which leaderboard the leaderboard screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Board:
    """A scenario version, its title, and a row to highlight."""

    scenario_id: str
    content_hash: str
    title: Any = None
    highlight: int | None = None  # leaderboard row id
