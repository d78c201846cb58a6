"""The debrief's words that both front ends say alike: a key moment and a person's story.

`moment_lines` says a key moment line by line, each with a `tone` (a heading, praise, a
warning) that the window turns into colour and the terminal into indentation; `member_line`
says what became of one person. The terminal lays them out for 80 columns
(game.text.debrief), the window in its debrief screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.content.principles import PRINCIPLES
from game.i18n import Noun, Strings, person
from game.sim.debrief import CLEAR_GAIN, MIN_SWING, TRUST_SHIFT, KeyMoment, MemberStory
from game.sim.session import Session

Tone = Literal["heading", "plain", "good", "bad"]
DEPARTURES = {
    "quit": "text.debrief.quit",
    "burnout": "text.debrief.burnout",
    "decided": "text.debrief.let_go",
    "away": "text.debrief.away",
    "not_joined": "text.debrief.not_joined",
}
SHIFTS = {  # (what moved, rose, fell)
    "trust": ("text.debrief.trust_rose", "text.debrief.trust_fell"),
    "morale": ("text.debrief.morale_rose", "text.debrief.morale_fell"),
    "stress": ("text.debrief.stress_rose", "text.debrief.stress_fell"),
}


@dataclass(frozen=True)
class Line:
    """One line of a key moment: its words, how it reads (a heading, praise, a warning) and
    how deep it is indented (0: the moment's heading)."""

    text: str
    tone: Tone = "plain"
    depth: int = 1


def points(score: float) -> int:
    """A score as shown to the player: whole points, halves rounded up."""
    return math.floor(score + 0.5)


def quoted(s: Strings, pids: tuple[str, ...]) -> list[Noun]:
    """Principles' names in the language's quotation marks, keeping their gender."""
    names = [s.principle(pid) for pid in dict.fromkeys(pids)]
    return [Noun(s("text.debrief.quoted", name=n), gender=n.gender) for n in names]


def explain(pid: str, lang: str) -> str:
    info = PRINCIPLES[pid]
    return info.explain.get(lang, info.explain["en"])


def moment_lines(k: KeyMoment, number: int, session: Session, s: Strings) -> list[Line]:
    """A key moment: what kind of decision it was (a costly one, a good call), what the
    player chose and what it did, and each alternative that would have made a difference,
    with the principles it would have broken."""
    lang = s.lang

    def t(value: object) -> str:
        return session.text(value, lang)

    title = t(k.event.title) if k.event.title else k.event.id
    actual = points(k.actual_score)
    heading = s("text.debrief.moment", number=number, turn=k.turn + 1, event=title)
    out = [Line(heading, "heading", 0)]
    if k.kind == "mistake":
        # the gain missed is worth its own line unless the choice that breaks nothing was it
        if k.gain >= CLEAR_GAIN and k.gain >= k.violation_cost + MIN_SWING:
            out.append(Line(s("text.debrief.costly", points=points(k.best.score) - actual), "bad"))
        if k.violation_cost >= MIN_SWING:
            clean = max((a.score for a in k.alternatives if not a.violated), default=k.actual_score)
            broken = quoted(s, k.record.violated)
            said = s("text.debrief.broke_at_cost", principles=broken, points=points(clean) - actual)
            out.append(Line(said, "bad"))
    elif k.kind == "good":
        out.append(Line(s("text.debrief.good_call", points=actual - points(k.worst.score)), "good"))
    did = t(k.choice.text) if k.choice is not None else s("text.timed_out")
    out.append(Line(s("text.debrief.you_did", choice=did)))
    if k.choice is not None and k.choice.outcome is not None:
        out.append(Line(s("text.debrief.happened", outcome=t(k.choice.outcome))))
    for pid in k.record.applied:
        said = s("text.debrief.applied", name=s.principle(pid), why=explain(pid, lang))
        out.append(Line(said, "good"))
    for pid in k.record.violated:
        said = s("text.debrief.violated", name=s.principle(pid), why=explain(pid, lang))
        out.append(Line(said, "bad"))
    for alt in k.shown:
        ending = t(alt.ending.title) if alt.ending else s("text.debrief.no_ending")
        said = s(
            "text.debrief.instead",
            choice=t(alt.choice.text),
            score=points(alt.score),
            actual=actual,
            ending=ending,
        )
        out.append(Line(said))
        if alt.violated:
            breaks = quoted(s, alt.violated)
            out.append(Line(s("text.debrief.alt_breaks", principles=breaks), "bad", 2))
    return out


def member_line(story: MemberStory, s: Strings, lang: str) -> str:
    """`Name: quit after decision 4` — one person's end as the engine recorded it: left (and
    why), away, or still on the team with how their trust, morale and stress moved."""
    name = person(story.member, lang)
    facts = []
    if story.status in DEPARTURES:
        facts.append(s(DEPARTURES[story.status], name=name, turn=story.left_at or 0))
    else:
        for what, (rose, fell) in SHIFTS.items():
            change = getattr(story, f"{what}_change")
            if abs(change) >= TRUST_SHIFT:
                facts.append(s(rose if change > 0 else fell, change=f"{change * 100:+.0f}"))
    said = "; ".join(facts) if facts else s("text.debrief.steady", name=name)
    return s("text.debrief.person", name=name, facts=said)
