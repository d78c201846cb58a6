"""The charts of `leadsim playtest --plot DIR`: trajectories, endings and scores per policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.charts.bar import Bar, bar_chart
from game.charts.line import Series, line_chart
from game.charts.style import load_style
from game.content.text import tr
from game.i18n import Strings

METRICS = ("morale", "stress", "productivity")


def write_playtest_charts(
    program: Any, summaries: dict[str, dict[str, Any]], out: Path, lang: str = "en"
) -> list[Path]:
    """Write the PNG charts of a playtest report into `out`; returns their paths."""
    from game.charts import save_png

    s = Strings(lang)
    written: list[Path] = []
    for policy, summary in summaries.items():
        series = []
        for metric in METRICS:
            points = summary["trajectory"][metric]
            name = s("metric." + metric)
            series.append(Series(name, [p[0] for p in points], metric))
            series.append(Series(f"{name} 10%", [p[1] for p in points], metric))
            series.append(Series(f"{name} 90%", [p[2] for p in points], metric))
        turns = max(len(x.values) for x in series)
        chart = line_chart(
            (1000, 520),
            series,
            title=s("playtest.trajectory_title", policy=policy),
            x_labels=[str(i) for i in range(turns)],
        )
        written.append(save_png(chart, out / f"trajectory-{policy}.png"))
    palette = load_style().series
    colour = {policy: palette[i % len(palette)] for i, policy in enumerate(summaries)}
    bars = [
        Bar(f"{tr(ending.title, lang)} · {policy}", summary["endings"][ending.id], colour[policy])
        for ending in program.endings
        for policy, summary in summaries.items()
    ]
    height = max(300, 40 + 34 * len(bars))
    chart = bar_chart((1000, height), bars, title=s("playtest.endings_title"))
    written.append(save_png(chart, out / "endings.png"))
    scores = [
        Bar(policy, summary["mean_score"] / 100.0, colour[policy], f"{summary['mean_score']:.1f}")
        for policy, summary in summaries.items()
    ]
    chart = bar_chart((1000, 120 + 60 * len(scores)), scores, title=s("playtest.scores_title"))
    written.append(save_png(chart, out / "scores.png"))
    return written
