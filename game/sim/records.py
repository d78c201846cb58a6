"""What a playthrough shows and records: the choices on offer, the team as the leader sees it,
and each decision with what it did (the principle ledger's raw material)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.content import models as m
from game.sim.context import Message


@dataclass(frozen=True)
class ChoiceOption:
    index: int  # 1-based position in the file
    choice: m.Choice
    id: str  # what the log records


@dataclass(frozen=True)
class StakeholderView:
    """What the leader knows of a stakeholder: their trust and patience."""

    id: str
    name: Any
    role: Any
    trust: float
    patience: float


@dataclass(frozen=True)
class MemberView:
    """What the leader sees of one member; `estimated` marks values not yet revealed."""

    id: str
    name: Any
    role: Any
    archetype: str
    present: bool
    morale: float
    stress: float
    productivity: float
    trust: float
    estimated: bool
    private: Any = None
    status: str = "present"  # present, quit, burnout, decided, away, not_joined
    gender: str | None = None


@dataclass(frozen=True)
class TeamView:
    members: tuple[MemberView, ...]
    averages: dict[str, float]
    progress: float
    turn: int
    priorities: int
    composure: float
    leader_stress: float = 0.3
    leader_energy: float = 0.8
    stakeholders: tuple[StakeholderView, ...] = ()
    problems: tuple[Any, ...] = ()  # titles of the problems open now


@dataclass(frozen=True)
class MemberChange:
    member_id: str
    morale: float
    stress: float
    productivity: float
    trust: float
    left: bool


@dataclass(frozen=True)
class TurnRecord:
    """One decision and what it did: the principle ledger's raw material."""

    turn: int
    event_id: str
    choice_index: int  # 1-based position in the file; 0 = the time ran out
    choice_id: str | None  # None = the time ran out
    applied: tuple[str, ...]
    violated: tuple[str, ...]
    outcome: Any
    changes: tuple[MemberChange, ...]
    messages: tuple[Message, ...]
    left: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "event": self.event_id,
            "choice": self.choice_id,
            "applied": list(self.applied),
            "violated": list(self.violated),
            "left": list(self.left),
            "changes": {
                c.member_id: {
                    "morale": round(c.morale, 6),
                    "stress": round(c.stress, 6),
                    "productivity": round(c.productivity, 6),
                    "trust": round(c.trust, 6),
                }
                for c in self.changes
            },
        }
