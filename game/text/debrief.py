"""The debrief in words: score, profile, key moments, timeline, people.

`DebriefText` lays the whole debrief out for an 80-column terminal; a key moment and a
person's story are worded by game.play.lessons, as the window words them.
"""

from __future__ import annotations

import math

from game.i18n import Strings
from game.play.lessons import member_line, moment_lines, points
from game.safe_text import visible
from game.sim.debrief import Debrief
from game.text.render import WIDTH, shown, wrap

SPARK = " ▁▂▃▄▅▆▇█"
BAR = 20
COUNT_BAR = 14  # the widest bar of the principles chart, in characters
NAME = 34  # the principle's name column
AXIS = "│"


def _bar(value: float, scale: float = 1.0) -> str:
    filled = max(0, min(BAR, round(abs(value) / scale * BAR)))
    return "█" * filled + "·" * (BAR - filled)


def _count_bar(count: int, unit: int) -> str:
    """`count` times drawn to scale: one █ per `unit` times, at least one for any count."""
    return "█" * (max(1, round(count / unit)) if count else 0)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def sparkline(values: list[float]) -> str:
    return "".join(SPARK[max(0, min(8, round(v * 8)))] for v in values)


def principle_chart(met: dict[str, tuple[int, int]], s: Strings) -> list[str]:
    """The principles met, the most met first: how often each was applied and how often
    violated, counted apart (as in the window) on one scale, so a breach is never hidden by
    applying the principle another time. `met`: Session.principle_counts()."""
    if not met:
        return ["  " + s("text.debrief.profile_empty")]
    order = sorted(met.items(), key=lambda item: (-(item[1][0] + item[1][1]), item[0]))
    unit = max(1, math.ceil(max(max(a, v) for a, v in met.values()) / COUNT_BAR))
    out = wrap(s("text.debrief.profile_scale", unit=unit), "  ")
    axis = 2 + NAME + 1 + 3 + 1 + COUNT_BAR + 1  # the column of the axis in each row
    violated_word = s("text.debrief.col_violated")
    head = f"{violated_word} {AXIS} {s('text.debrief.col_applied')}"
    out.append(" " * max(2, axis - len(violated_word) - 1) + head)
    for pid, (applied, violated) in order:
        name = _cut(s.principle(pid), NAME)
        broke = f"\u2212{violated}" if violated else ""
        kept = f"+{applied}" if applied else ""
        out.append(
            f"  {name:<{NAME}} {broke:>3} {_count_bar(violated, unit):>{COUNT_BAR}} {AXIS} "
            f"{_count_bar(applied, unit):<{COUNT_BAR}} {kept}".rstrip()
        )
    return out


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
        out = [
            "",
            self.s("text.debrief.profile"),
            *principle_chart(self.d.session.principle_counts(), self.s),
        ]
        met = self.d.session.principle_counts()
        functions = []
        for f in self.d.functions:
            applied, violated = met.get(f, (0, 0))
            if applied or violated:
                value = f"+{applied} \u2212{violated}"
                functions.append(
                    self.s("text.debrief.function", name=self.s.principle(f), value=value)
                )
        if not functions:
            return out
        return [
            *out,
            "",
            *wrap(self.s("text.debrief.functions", values=", ".join(functions)), "  "),
        ]

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
