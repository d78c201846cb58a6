"""Turning a playthrough into a lesson: profile, key moments, timeline, what happened to whom.

Key moments come from what-if replays: each decision is swapped for each alternative that was
on offer, with the same dice (common random numbers). After the swap the player's own later
decisions are kept wherever they still fit (same event, choice still on offer); where the
story has gone elsewhere, a reasonable player (the greedy policy) carries on. The decisions
whose alternatives would have changed the final score most are the key moments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content import models as m
from game.content.principles import FUNCTIONS, PRINCIPLE_IDS
from game.sim.policies import choose
from game.sim.scoring import Score
from game.sim.session import Session, TurnRecord

KEY_MOMENTS = 3
BURNOUT_FATIGUE = 0.8
TRUST_SHIFT = 0.1


@dataclass(frozen=True)
class Alternative:
    """What would have happened with another choice at one decision."""

    choice_index: int
    choice: m.Choice
    choice_id: str
    score: float
    ending: m.Ending | None


@dataclass(frozen=True)
class KeyMoment:
    """A decision that changed the outcome most, with its alternatives."""

    turn: int
    event: m.Event
    choice: m.Choice | None  # None: the time ran out
    record: TurnRecord
    actual_score: float
    alternatives: tuple[Alternative, ...]

    @property
    def best(self) -> Alternative:
        return max(self.alternatives, key=lambda a: a.score)

    @property
    def worst(self) -> Alternative:
        return min(self.alternatives, key=lambda a: a.score)

    @property
    def swing(self) -> float:
        """The largest change of the final score any alternative would have made."""
        return max(abs(a.score - self.actual_score) for a in self.alternatives)

    @property
    def principles(self) -> tuple[str, ...]:
        return (*self.record.applied, *self.record.violated)


@dataclass(frozen=True)
class MemberStory:
    """What happened to one member over the playthrough."""

    member: m.Member
    left_at: int | None  # decision after which they left
    burned_out: bool
    trust_change: float
    morale_change: float
    stress_change: float


@dataclass
class Debrief:
    """Everything the debrief screens and `leadsim replay` show."""

    session: Session
    score: Score
    ending: m.Ending | None
    profile: dict[str, int]  # principle id -> applied minus violated
    functions: dict[str, int]  # the four functions of a manager, same measure
    moments: list[KeyMoment] = field(default_factory=list)
    members: list[MemberStory] = field(default_factory=list)
    timeline: list[dict[str, float]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.session.scenario.id,
            "ending": self.ending.id if self.ending else None,
            "score": self.score.to_json(),
            "profile": self.profile,
            "functions": self.functions,
            "key_moments": [
                {
                    "turn": k.turn,
                    "event": k.event.id,
                    "choice": k.record.choice_id,
                    "applied": list(k.record.applied),
                    "violated": list(k.record.violated),
                    "score": round(k.actual_score, 6),
                    "alternatives": [
                        {
                            "choice": a.choice_id,
                            "score": round(a.score, 6),
                            "ending": a.ending.id if a.ending else None,
                        }
                        for a in k.alternatives
                    ],
                }
                for k in self.moments
            ],
            "members": [
                {
                    "id": s.member.id,
                    "left_at": s.left_at,
                    "burned_out": s.burned_out,
                    "trust_change": round(s.trust_change, 6),
                }
                for s in self.members
            ],
            "timeline": self.timeline,
        }


def what_if(session: Session, turn: int, choice: str | None) -> Session:
    """The playthrough with decision `turn` replaced by `choice`, played to its end."""
    trial = Session.replay(session.program, session.seed, session.decisions[:turn], session.run)
    trial.take(choice)
    history = session.history
    step = turn + 1
    while not trial.finished:
        if trial.turn > len(history) + 40:
            break
        original = history[step] if step < len(history) else None
        offered = {o.id for o in trial.choices()}
        event = trial.event
        if (
            original is not None
            and event is not None
            and event.id == original.event_id
            and (original.choice_id in offered or original.choice_id is None)
        ):
            trial.take(original.choice_id)
        else:
            trial.take(choose("greedy", trial))
        step += 1
    return trial


def key_moments(session: Session, count: int = KEY_MOMENTS) -> list[KeyMoment]:
    """The decisions whose alternatives would have changed the final score most."""
    actual = session.score().total
    moments: list[KeyMoment] = []
    for turn, record in enumerate(session.history):
        before = Session.replay(
            session.program, session.seed, session.decisions[:turn], session.run
        )
        assert before.event is not None
        alternatives = []
        for option in before.choices():
            if option.id == record.choice_id:
                continue
            trial = what_if(session, turn, option.id)
            alternatives.append(
                Alternative(
                    option.index, option.choice, option.id, trial.score().total, trial.ending
                )
            )
        if not alternatives:
            continue
        event = before.event
        choice = event.choices[record.choice_index - 1] if record.choice_index else None
        moments.append(KeyMoment(turn, event, choice, record, actual, tuple(alternatives)))
    moments.sort(key=lambda k: (-k.swing, k.turn))
    return sorted(moments[:count], key=lambda k: k.turn)


def member_stories(session: Session) -> list[MemberStory]:
    """Left, burned out, trust gained or lost: replays the log to follow each person."""
    stories = []
    replay = Session(session.program, session.seed, session.run)
    peak_fatigue = replay.world.fatigue[0].copy()
    first = {name: getattr(replay.world, name)[0].copy() for name in ("trust", "morale", "stress")}
    for decision in session.decisions:
        replay.take(decision)
        peak_fatigue = peak_fatigue.clip(min=replay.world.fatigue[0])
    left_at: dict[str, int] = {}
    for record in session.history:
        for member_id in record.left:
            left_at.setdefault(member_id, record.turn + 1)
    w = session.world
    for i, member in enumerate(session.bundle.team.members):
        stories.append(
            MemberStory(
                member=member,
                left_at=left_at.get(member.id),
                burned_out=bool(peak_fatigue[i] >= BURNOUT_FATIGUE),
                trust_change=float(w.trust[0, i] - first["trust"][i]),
                morale_change=float(w.morale[0, i] - first["morale"][i]),
                stress_change=float(w.stress[0, i] - first["stress"][i]),
            )
        )
    return stories


def profile_of(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    """(every principle, the four functions): applied minus violated, 0 when never touched."""
    raw = session.principle_profile()
    profile = {pid: raw.get(pid, 0) for pid in PRINCIPLE_IDS}
    return profile, {pid: profile[pid] for pid in FUNCTIONS}


def debrief(session: Session, moments: bool = True) -> Debrief:
    """The debrief of a finished (or stopped) playthrough."""
    profile, functions = profile_of(session)
    return Debrief(
        session=session,
        score=session.score(),
        ending=session.ending,
        profile=profile,
        functions=functions,
        moments=key_moments(session) if moments else [],
        members=member_stories(session),
        timeline=list(session.trajectory),
    )
