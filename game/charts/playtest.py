"""The charts of `leadsim playtest --plot DIR`.

* `scores.png`: the mean score per policy, and the best decision sequences found;
* `endings.png`: the endings each policy reaches (colours: endings, with a legend);
* `leaving.png`: who leaves under each policy, and why (colours: people, with a legend);
* `trajectory-POLICY.png`: the team's morale, stress and output per turn, one small chart each
  with the mean and the 10-90 % band;
* `people-POLICY.png`: each person's morale and stress per turn, one small chart per person.
Averages over the runs still playing (or in which a person is still there) say so in the title
and mark the turn from which fewer runs count.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game.charts.bar import Bar, bar_chart
from game.charts.grid import small_multiples
from game.charts.line import Series, line_chart
from game.charts.style import load_style
from game.content.principles import ARCHETYPES
from game.content.text import tr
from game.i18n import Strings
from game.sim.program import Program

METRICS = ("morale", "stress", "productivity")
REASONS = ("quit", "burnout", "decided")


def write_playtest_charts(
    program: Program, report: dict[str, Any], out: Path, lang: str = "en"
) -> list[Path]:
    """Write the PNG charts of a playtest report into `out`; returns their paths."""
    from game.charts import save_png

    s = Strings(lang)
    summaries: dict[str, dict[str, Any]] = report["policies"]
    written: list[Path] = []
    for policy, summary in summaries.items():
        written.append(save_png(_team(summary, policy, s), out / f"trajectory-{policy}.png"))
        people = _people(program, summary, policy, s, lang)
        written.append(save_png(people, out / f"people-{policy}.png"))
    written.append(save_png(_endings(program, summaries, s, lang), out / "endings.png"))
    written.append(save_png(_leaving(program, summaries, s, lang), out / "leaving.png"))
    written.append(save_png(_scores(report, s), out / "scores.png"))
    return written


def _fewer(shares: list[float]) -> int | None:
    """The first turn averaged over fewer runs than the start, if any."""
    return next((t for t, share in enumerate(shares) if share < 1.0), None)


def _marks(shares: list[float], s: Strings) -> list[tuple[int, str]]:
    first = _fewer(shares)
    return [] if first is None else [(first, s("playtest.fewer_runs"))]


def _team(summary: dict[str, Any], policy: str, s: Strings) -> pygame.Surface:
    title = s("playtest.trajectory_title", policy=policy)
    if _fewer(summary["playing"]) is not None:
        title += " · " + s("playtest.still_playing")
    marks = _marks(summary["playing"], s)

    def panel(metric: str, size: tuple[int, int]) -> pygame.Surface:
        points = summary["trajectory"][metric]
        series = [
            Series(s("playtest.mean"), [p[0] for p in points], metric),
            Series(s("playtest.p10"), [p[1] for p in points], metric),
            Series(s("playtest.p90"), [p[2] for p in points], metric),
        ]
        labels = [str(t) for t in range(len(points))]
        return line_chart(size, series, title=s("metric." + metric), x_labels=labels, marks=marks)

    panels = [partial(panel, metric) for metric in METRICS]
    return small_multiples((1200, 480), panels, title=title, columns=3)


def _people(
    program: Program, summary: dict[str, Any], policy: str, s: Strings, lang: str
) -> pygame.Surface:
    members = program.bundle.team.members
    people = summary["people"]
    title = s("playtest.people_title", policy=policy)
    if any(_fewer(people[m.id]["present"]) is not None for m in members):
        title += " · " + s("playtest.still_there")

    def panel(index: int, size: tuple[int, int]) -> pygame.Surface:
        member = members[index]
        p = people[member.id]
        series = [
            Series(s("metric.morale"), p["morale"], "morale"),
            Series(s("metric.stress"), p["stress"], "stress"),
        ]
        name = f"{tr(member.name, lang)} ({ARCHETYPES[member.archetype].name.get(lang, '')})"
        labels = [str(t) for t in range(len(p["morale"]))]
        marks = _marks(p["present"], s)
        return line_chart(size, series, title=name, x_labels=labels, marks=marks)

    columns = 3 if len(members) > 4 else 2
    rows = -(-len(members) // columns)
    panels = [partial(panel, i) for i in range(len(members))]
    return small_multiples((1200, 90 + 300 * rows), panels, title=title, columns=columns)


def _endings(
    program: Program, summaries: dict[str, dict[str, Any]], s: Strings, lang: str
) -> pygame.Surface:
    palette = load_style().series
    legend, bars = [], []
    for i, ending in enumerate(program.endings):
        colour = palette[i % len(palette)]
        legend.append((tr(ending.title, lang), colour))
        bars += [
            Bar(policy, summary["endings"][ending.id], colour)
            for policy, summary in summaries.items()
        ]
    height = max(300, 120 + 30 * len(bars))
    return bar_chart((1000, height), bars, title=s("playtest.endings_by_policy"), legend=legend)


def _leaving(
    program: Program, summaries: dict[str, dict[str, Any]], s: Strings, lang: str
) -> pygame.Surface:
    palette = load_style().series
    legend, bars = [], []
    for i, member in enumerate(program.bundle.team.members):
        colour = palette[i % len(palette)]
        legend.append((tr(member.name, lang), colour))
        for policy, summary in summaries.items():
            p = summary["people"][member.id]
            why = [
                f"{s('playtest.reason.' + r)} {p['reasons'][r]:.0%}"
                for r in REASONS
                if p["reasons"][r] > 0
            ]
            note = f"{p['left']:.0%}" + (f" ({', '.join(why)})" if why else "")
            bars.append(Bar(policy, p["left"], colour, note))
    height = max(300, 120 + 30 * len(bars))
    return bar_chart((1000, height), bars, title=s("playtest.leaving_title"), legend=legend)


def _scores(report: dict[str, Any], s: Strings) -> pygame.Surface:
    palette = load_style().series
    policy_colour, found_colour = palette[0], palette[2 % len(palette)]
    summaries: dict[str, dict[str, Any]] = report["policies"]
    scores = [
        Bar(policy, summary["mean_score"] / 100.0, policy_colour, f"{summary['mean_score']:.1f}")
        for policy, summary in summaries.items()
    ]
    legend = [(s("playtest.policies"), policy_colour)]
    analysis = report.get("analysis")
    if analysis:
        search = analysis["search"]
        legend.append((s("playtest.sequences"), found_colour))
        for key, label in (
            ("best", "playtest.best_sequence"),
            ("best_unprincipled", "playtest.best_unprincipled"),
        ):
            found = search[key]
            if found is not None:
                value, note = found["score"] / 100.0, f"{found['score']:.1f}"
                scores.append(Bar(s(label), value, found_colour, note))
    size = (1000, 160 + 60 * len(scores))
    return bar_chart(size, scores, title=s("playtest.scores_title"), legend=legend)
