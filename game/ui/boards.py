"""Which leaderboard the leaderboard screen shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Board:
    """A scenario version, its title, and a row to highlight."""

    scenario_id: str
    content_hash: str
    title: Any = None
    highlight: int | None = None  # leaderboard row id
    endings: Mapping[str, str] = field(default_factory=dict)  # ending id -> title, when known
