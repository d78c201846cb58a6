"""The debrief in words: score, profile, key moments, timeline, people.

`moment_lines` and `member_line` say a key moment and a person's story the same way in the
terminal and in the window (which colours the lines by their `tone`); `DebriefText` lays the
whole debrief out for an 80-column terminal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.content.principles import PRINCIPLES
from game.i18n import Noun, Strings, person
from game.safe_text import visible
from game.sim.debrief import CLEAR_GAIN, MIN_SWING, TRUST_SHIFT, Debrief, KeyMoment, MemberStory
from game.sim.session import Session
from game.text.render import WIDTH, shown, wrap

SPARK = " ▁▂▃▄▅▆▇█"
BAR = 20
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


def _bar(value: float, scale: float = 1.0) -> str:
    filled = max(0, min(BAR, round(abs(value) / scale * BAR)))
    return "█" * filled + "·" * (BAR - filled)


def sparkline(values: list[float]) -> str:
    return "".join(SPARK[max(0, min(8, round(v * 8)))] for v in values)


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


class DebriefText:
    """Formats a Debrief for an 80-column terminal in one language."""

    def __init__(self, debrief: Debrief, lang: str) -> None:
        self.d = debrief
        self.lang = lang
        self.s = Strings(lang)

    def lines(self) -> list[str]:
        """Every line of the debrief, control characters shown escaped."""
        lines = [
            *self.header(),
            *self.breakdown(),
            *self.profile(),
            *self.moments(),
            *self.timeline(),
            *self.people(),
        ]
        return [visible(line, keep_newlines=False) for line in lines]

    def header(self) -> list[str]:
        d, s = self.d, self.s
        scenario = d.session.scenario
        out = ["═" * WIDTH, *wrap(s("text.debrief.title", title=shown(scenario.title, self.lang)))]
        if d.ending is not None:
            out += ["", *wrap(s("text.ending", title=shown(d.ending.title, self.lang)))]
            out += ["", *wrap(visible(d.session.text(d.ending.debrief, self.lang)))]
        return out

    def breakdown(self) -> list[str]:
        score, s = self.d.score, self.s
        out = ["", s("text.score", score=points(score.total))]
        for part in ("delivery", "team", "retention", "principles"):
            value = getattr(score, part)
            out.append(f"  {s(f'score.{part}'):<26}{_bar(value)} {value * 100:4.0f}%")
        return out

    def profile(self) -> list[str]:
        d, s = self.d, self.s
        out = ["", s("text.debrief.profile"), "  " + s("text.debrief.profile_note")]
        touched = [(pid, v) for pid, v in d.profile.items() if v]
        if not touched:
            return [*out, "  " + s("text.debrief.profile_empty")]
        scale = max(abs(v) for _, v in touched)
        for pid, value in sorted(touched, key=lambda x: -x[1]):
            sign = "+" if value > 0 else "-"
            name = s.principle(pid)[:34]
            out.append(f"  {name:<35}{sign} {_bar(value, scale)[:12]} {value:+d}")
        functions = [
            s("text.debrief.function", name=s.principle(f), value=f"{v:+d}")
            for f, v in d.functions.items()
        ]
        return [*out, "", *wrap(s("text.debrief.functions", values=", ".join(functions)), "  ")]

    def moments(self) -> list[str]:
        s = self.s
        out = ["", *wrap(s("text.debrief.key_moments"))]
        if not self.d.moments:
            return [*out, "  " + s("text.debrief.no_moments")]
        for number, moment in enumerate(self.d.moments, start=1):
            out.append("")
            for line in moment_lines(moment, number, self.d.session, s):
                out += wrap(line.text, "  " * (line.depth + 1))
        return out

    def timeline(self) -> list[str]:
        s = self.s
        points_ = self.d.timeline
        out = ["", s("text.debrief.timeline")]
        marks = "".join(str((i + 1) % 10) for i in range(len(points_) - 1))
        out.append(f"  {s('text.debrief.decisions'):<16}  {marks}")
        for metric in ("morale", "stress", "productivity"):
            values = [p[metric] for p in points_]
            trend = s("text.debrief.trend", start=values[0], end=values[-1])
            out.append(f"  {s(f'metric.{metric}'):<16}{sparkline(values)}  {trend}")
        return out

    def people(self) -> list[str]:
        out = ["", self.s("text.debrief.people")]
        for story in self.d.members:
            out += wrap(member_line(story, self.s, self.lang), "  ")
        return out
