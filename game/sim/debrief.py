"""Turning a playthrough into a lesson: profile, key moments, timeline, what happened to whom.

Key moments come from what-if replays: each decision is swapped for each alternative that was
on offer, with the same dice (common random numbers). After the swap the player's own later
decisions are kept wherever they still fit (same event, choice still on offer); where the
story has gone elsewhere, a reasonable player (the greedy policy) carries on.

What the debrief may claim follows from those replays and nothing else:
- an alternative that moves the final score by less than `MIN_SWING` points changes nothing
  worth showing ("96 instead of 96"), and a decision with only such alternatives is no key
  moment;
- the player's costliest mistakes come first: decisions where another choice would have
  scored clearly better (`CLEAR_GAIN`), and decisions that broke principles where a choice
  breaking none would have scored better; then the decisions with the largest swing fill
  the list, good calls included;
- every alternative carries the principles it would have applied and broken, so no front
  end can recommend a choice without saying what it breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from game.content import models as m
from game.content.principles import FUNCTIONS, PRINCIPLE_IDS
from game.sim.policies import choose
from game.sim.scoring import Score
from game.sim.session import Session, TurnRecord
from game.sim.world import STATUS_NAMES

KEY_MOMENTS = 4  # at most this many key moments
MISTAKES = 2  # of which up to this many are the player's costliest mistakes
MIN_SWING = 1.0  # points: a smaller change of the final score is no difference
CLEAR_GAIN = 3.0  # points: an alternative this much better makes the decision a mistake
TRUST_SHIFT = 0.1  # a change of trust, morale or stress worth telling
EXTRA_TURNS = 40  # a what-if story may run this much longer than the real one

Kind = Literal["mistake", "good", "swing"]


@dataclass(frozen=True)
class Alternative:
    """What would have happened with another choice at one decision."""

    choice_index: int
    choice: m.Choice
    choice_id: str
    score: float
    ending: m.Ending | None
    applied: tuple[str, ...] = ()  # principles this choice would have applied
    violated: tuple[str, ...] = ()  # ... and broken


@dataclass(frozen=True)
class KeyMoment:
    """A decision worth a second look, with the alternatives that would have mattered."""

    turn: int
    event: m.Event
    choice: m.Choice | None  # None: the time ran out
    record: TurnRecord
    actual_score: float
    alternatives: tuple[Alternative, ...]  # every other choice on offer

    @property
    def shown(self) -> tuple[Alternative, ...]:
        """The alternatives that change the final score by `MIN_SWING` or more, best first."""
        matter = (a for a in self.alternatives if abs(a.score - self.actual_score) >= MIN_SWING)
        return tuple(sorted(matter, key=lambda a: (-a.score, a.choice_index)))

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
    def gain(self) -> float:
        """How much better the best alternative would have scored (0 when none would)."""
        return max(0.0, self.best.score - self.actual_score)

    @property
    def violation_cost(self) -> float:
        """When this decision broke principles: how much better the best choice that breaks
        none would have scored (0 when it broke none, or no such choice did better)."""
        if not self.record.violated:
            return 0.0
        clean = [a.score for a in self.alternatives if not a.violated]
        return max([0.0, *(s - self.actual_score for s in clean)])

    @property
    def kind(self) -> Kind:
        """`mistake`: another choice would clearly have done better, or a principle was broken
        at a real cost; `good`: every other choice would have done worse; else `swing`."""
        if self.gain >= CLEAR_GAIN or self.violation_cost >= MIN_SWING:
            return "mistake"
        if self.gain < MIN_SWING and self.actual_score - self.worst.score >= MIN_SWING:
            return "good"
        return "swing"

    @property
    def cost(self) -> float:
        """What the mistake cost: the larger of the gain missed and the violation's cost."""
        return max(self.gain, self.violation_cost)

    @property
    def principles(self) -> tuple[str, ...]:
        return (*self.record.applied, *self.record.violated)


@dataclass(frozen=True)
class MemberStory:
    """What happened to one member over the playthrough, as the engine recorded it."""

    member: m.Member
    status: str  # World status at the end: present, quit, burnout, decided, away, not_joined
    left_at: int | None  # the decision (1-based) after which they left for good
    trust_change: float
    morale_change: float
    stress_change: float

    @property
    def burned_out(self) -> bool:
        return self.status == "burnout"

    @property
    def gone(self) -> bool:
        """Left the team for good: quit, burned out or let go by the leader."""
        return self.status in ("quit", "burnout", "decided")


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
            "key_moments": [_moment_json(k) for k in self.moments],
            "members": [
                {
                    "id": s.member.id,
                    "status": s.status,
                    "left_at": s.left_at,
                    "burned_out": s.burned_out,
                    "trust_change": round(s.trust_change, 6),
                    "morale_change": round(s.morale_change, 6),
                    "stress_change": round(s.stress_change, 6),
                }
                for s in self.members
            ],
            "timeline": self.timeline,
        }


def _moment_json(k: KeyMoment) -> dict[str, Any]:
    return {
        "turn": k.turn,
        "event": k.event.id,
        "kind": k.kind,
        "choice": k.record.choice_id,
        "applied": list(k.record.applied),
        "violated": list(k.record.violated),
        "score": round(k.actual_score, 6),
        "alternatives": [
            {
                "choice": a.choice_id,
                "score": round(a.score, 6),
                "ending": a.ending.id if a.ending else None,
                "applied": list(a.applied),
                "violated": list(a.violated),
            }
            for a in k.shown
        ],
    }


def what_if(session: Session, turn: int, choice: str | None) -> Session:
    """The playthrough with decision `turn` replaced by `choice`, played to its end."""
    trial = Session.replay(session.program, session.seed, session.decisions[:turn], session.run)
    return _play_on(session, trial, turn, choice)


def _play_on(session: Session, trial: Session, turn: int, choice: str | None) -> Session:
    """Take `choice` at `turn` in `trial` (the playthrough up to that decision), then go on
    with the player's own decisions where they fit, and the greedy policy where not."""
    trial.take(choice)
    history = session.history
    step = turn + 1
    while not trial.finished and trial.turn <= len(history) + EXTRA_TURNS:
        original = history[step] if step < len(history) else None
        event = trial.event
        if (
            original is not None
            and event is not None
            and event.id == original.event_id
            and (
                original.choice_id is None
                or any(o.id == original.choice_id for o in trial.choices())
            )
        ):
            trial.take(original.choice_id)
        else:
            trial.take(choose("greedy", trial))
        step += 1
    return trial


def all_moments(session: Session) -> list[KeyMoment]:
    """Every decision that had an alternative, with what each alternative would have done.

    The playthrough is walked once, forking it at each decision (no replays from the start).
    """
    actual = session.score().total
    walk = Session(session.program, session.seed, session.run)
    moments: list[KeyMoment] = []
    for turn, record in enumerate(session.history):
        event = walk.event
        assert event is not None
        alternatives = []
        for option in walk.choices():
            if option.id == record.choice_id:
                continue
            trial = _play_on(session, walk.fork(), turn, option.id)
            taken = trial.history[turn]
            alternatives.append(
                Alternative(
                    option.index,
                    option.choice,
                    option.id,
                    trial.score().total,
                    trial.ending,
                    taken.applied,
                    taken.violated,
                )
            )
        if alternatives:
            choice = event.choices[record.choice_index - 1] if record.choice_index else None
            moments.append(KeyMoment(turn, event, choice, record, actual, tuple(alternatives)))
        walk.take(record.choice_id)
    return moments


def key_moments(session: Session, count: int = KEY_MOMENTS) -> list[KeyMoment]:
    """The decisions worth a second look, in the order they were made: the costliest mistakes
    first (up to `MISTAKES`), then the largest swings; never one that changed nothing."""
    candidates = [k for k in all_moments(session) if k.swing >= MIN_SWING]
    mistakes = sorted(
        (k for k in candidates if k.kind == "mistake"), key=lambda k: (-k.cost, k.turn)
    )
    chosen = mistakes[: min(MISTAKES, count)]
    rest = sorted(
        (k for k in candidates if all(k is not c for c in chosen)),
        key=lambda k: (-k.swing, k.turn),
    )
    chosen += rest[: count - len(chosen)]
    return sorted(chosen, key=lambda k: k.turn)


def member_stories(session: Session) -> list[MemberStory]:
    """Each person's end: their status as the engine holds it (quit, burnout, let go, away),
    when they left, and how their trust, morale and stress moved since the start."""
    w, start = session.world, session.program.consts.start
    left_at: dict[str, int] = {}
    for record in session.history:
        for member_id in record.left:
            left_at[member_id] = record.turn + 1  # the last time they left counts
    stories = []
    for i, member in enumerate(session.bundle.team.members):
        status = STATUS_NAMES[int(w.status[0, i])]
        gone = status in ("quit", "burnout", "decided")
        stories.append(
            MemberStory(
                member=member,
                status=status,
                left_at=left_at.get(member.id) if gone else None,
                trust_change=float(w.trust[0, i] - start["trust"][i]),
                morale_change=float(w.morale[0, i] - start["morale"][i]),
                stress_change=float(w.stress[0, i] - start["stress"][i]),
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
