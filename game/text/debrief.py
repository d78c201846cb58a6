"""The debrief in words: score, profile, key moments, timeline, people.

`DebriefText` lays the whole debrief out for an 80-column terminal; a key moment and a
person's story are worded by game.play.lessons, as the window words them.
"""

from __future__ import annotations

from game.i18n import Strings
from game.play.lessons import member_line, moment_lines, points
from game.safe_text import visible
from game.sim.debrief import Debrief
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
