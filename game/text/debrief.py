"""The debrief in the terminal: score, profile, key moments, timeline, people."""

from __future__ import annotations

from game.content.principles import PRINCIPLES
from game.i18n import Strings
from game.safe_text import visible
from game.sim.debrief import TRUST_SHIFT, Debrief, KeyMoment, MemberStory
from game.text.render import WIDTH, shown, wrap

SPARK = " ▁▂▃▄▅▆▇█"
BAR = 20


def _bar(value: float, scale: float = 1.0) -> str:
    filled = max(0, min(BAR, round(abs(value) / scale * BAR)))
    return "█" * filled + "·" * (BAR - filled)


def sparkline(values: list[float]) -> str:
    return "".join(SPARK[max(0, min(8, round(v * 8)))] for v in values)


class DebriefText:
    """Formats a Debrief for an 80-column terminal in one language."""

    def __init__(self, debrief: Debrief, lang: str) -> None:
        self.d = debrief
        self.lang = lang
        self.s = Strings(lang)

    def principle(self, pid: str) -> str:
        info = PRINCIPLES[pid]
        return info.name.get(self.lang, info.name["en"])

    def explain(self, pid: str) -> str:
        info = PRINCIPLES[pid]
        return info.explain.get(self.lang, info.explain["en"])

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
        out = ["", s("text.score", score=f"{score.total:.0f}")]
        for part in ("delivery", "team", "retention", "principles"):
            value = getattr(score, part)
            out.append(f"  {s('score.' + part):<26}{_bar(value)} {value * 100:4.0f}%")
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
            out.append(
                f"  {self.principle(pid)[:34]:<35}{sign} {_bar(value, scale)[:12]} {value:+d}"
            )
        functions = ", ".join(f"{self.principle(f)} {v:+d}" for f, v in d.functions.items())
        return [*out, "", *wrap(s("text.debrief.functions", values=functions), "  ")]

    def moments(self) -> list[str]:
        s = self.s
        out = ["", s("text.debrief.key_moments")]
        if not self.d.moments:
            return [*out, "  " + s("text.debrief.no_moments")]
        for number, moment in enumerate(self.d.moments, start=1):
            out += ["", *self.moment(number, moment)]
        return out

    def moment(self, number: int, k: KeyMoment) -> list[str]:
        s, t = self.s, (lambda text: visible(self.d.session.text(text, self.lang)))
        title = t(k.event.title) if k.event.title else k.event.id
        did = t(k.choice.text) if k.choice is not None else s("text.timed_out")
        out = wrap(s("text.debrief.moment", number=number, turn=k.turn + 1, event=title), "  ")
        out += wrap(s("text.debrief.you_did", choice=did), "    ")
        if k.choice is not None and k.choice.outcome is not None:
            out += wrap(s("text.debrief.happened", outcome=t(k.choice.outcome)), "    ")
        for alt in sorted(k.alternatives, key=lambda a: -a.score):
            ending = t(alt.ending.title) if alt.ending else "-"
            out += wrap(
                s(
                    "text.debrief.instead",
                    choice=t(alt.choice.text),
                    score=f"{alt.score:.0f}",
                    actual=f"{k.actual_score:.0f}",
                    ending=ending,
                ),
                "    ",
            )
        for pid in k.record.applied:
            out += wrap(
                s("text.debrief.applied", name=self.principle(pid), why=self.explain(pid)), "    "
            )
        for pid in k.record.violated:
            out += wrap(
                s("text.debrief.violated", name=self.principle(pid), why=self.explain(pid)), "    "
            )
        return out

    def timeline(self) -> list[str]:
        s = self.s
        points = self.d.timeline
        out = ["", s("text.debrief.timeline")]
        marks = "".join(str((i + 1) % 10) for i in range(len(points) - 1))
        out.append(f"  {s('text.debrief.decisions'):<16}  {marks}")
        for metric in ("morale", "stress", "productivity"):
            values = [p[metric] for p in points]
            line = sparkline(values)
            out.append(f"  {s('metric.' + metric):<16}{line}  {values[0]:.2f} → {values[-1]:.2f}")
        return out

    def people(self) -> list[str]:
        out = ["", self.s("text.debrief.people")]
        for story in self.d.members:
            out += wrap(member_line(story, self.s, self.lang), "  ")
        return out


def member_line(story: MemberStory, s: Strings, lang: str) -> str:
    """`Name: left the team after decision 4; burned out` — one person's story in a line."""
    facts = []
    if story.left_at is not None:
        facts.append(s("text.debrief.left_after", turn=story.left_at))
    if story.burned_out:
        facts.append(s("text.debrief.burned_out"))
    change = f"{story.trust_change * 100:+.0f}"
    if story.trust_change >= TRUST_SHIFT:
        facts.append(s("text.debrief.trust_rose", change=change))
    elif story.trust_change <= -TRUST_SHIFT:
        facts.append(s("text.debrief.trust_fell", change=change))
    return f"{shown(story.member.name, lang)}: {'; '.join(facts or [s('text.debrief.steady')])}"
