"""The report's PNG charts, all drawn by `game.charts` in a look made for paper.

Every text on a chart is translated by the caller's `Strings` or taken from the scenario in
the report's language; this module only arranges them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pygame

from game.charts import Bar, ChartStyle, bar_chart, load_style, save_png
from game.content.principles import PRINCIPLES
from game.i18n import Strings
from game.report.stats import Bin, PrincipleStat

WIDTH = 1000
FONT_PX = 15
# Longer texts are cut where they are only a reminder (an event's prompt above its table).
LABEL_CHARS = 90


@dataclass(frozen=True)
class Image:
    """A chart written next to the report: its relative path, alt text and pixel size."""

    src: str
    alt: str
    width: int
    height: int


def print_style() -> ChartStyle:
    """The colour-blind-safe palette on white: the theme's palettes are dark screen colours,
    which waste toner and lose contrast on paper."""
    return replace(
        load_style("colourblind", font_px=FONT_PX),
        background="#ffffff",
        grid="#dfe5eb",
        axis="#5f6f7e",
        text="#1b2631",
        series=("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"),
        good="#0072b2",
        bad="#d55e00",
    )


def write(surface: pygame.Surface, out: Path, src: str, alt: str) -> Image:
    """Save a chart as ``out/src`` (``src`` relative, with ``/``) and describe it for the page."""
    save_png(surface, out.joinpath(*src.split("/")))
    width, height = surface.get_size()
    return Image(src, alt, width, height)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",.;:—–- ") + "…"


def scores_chart(bins: Sequence[Bin], s: Strings, style: ChartStyle) -> pygame.Surface:
    """The score distribution: plays per band of ten points."""
    bars = [Bar(f"{b.low}–{b.high}", float(b.count)) for b in bins]
    top = max([b.count for b in bins] + [1])
    return bar_chart(
        (WIDTH, 340),
        bars,
        title=s("report.chart.scores"),
        value_range=(0.0, float(top)),
        value_format="{:.0f}",
        horizontal=False,
        style=style,
    )


def endings_chart(
    endings: Sequence[tuple[str, int]], total: int, s: Strings, style: ChartStyle
) -> pygame.Surface:
    """Plays per ending; ``endings`` are (translated title, plays)."""
    bars = [
        Bar(title, count / total if total else 0.0, style.good, _share_note(s, count, total))
        for title, count in endings
    ]
    return bar_chart(
        (WIDTH, _bars_height(len(bars))),
        bars,
        title=s("report.chart.endings"),
        style=style,
    )


def principles_chart(
    stats: Sequence[PrincipleStat], lang: str, s: Strings, style: ChartStyle
) -> pygame.Surface:
    """The class's mean balance (applied minus violated per play) on every principle."""
    reach = max([abs(p.mean) for p in stats] + [1.0])
    reach = math.ceil(reach * 2) / 2  # a round axis end, in half points
    bars = [
        Bar(
            PRINCIPLES[p.id].name.get(lang, PRINCIPLES[p.id].name["en"]),
            p.mean,
            colour=style.good if p.mean >= 0 else style.bad,
        )
        for p in stats
    ]
    return bar_chart(
        (WIDTH, 90 + 36 * len(bars)),
        bars,
        title=s("report.chart.principles"),
        value_range=(-reach, reach),
        value_format="{:+.2f}",
        style=style,
    )


def _share_note(s: Strings, count: int, total: int) -> str:
    share = count / total if total else 0.0
    return s("report.share_note", share=share, count=count)


def _bars_height(count: int, row: int = 48, titled: bool = True) -> int:
    return (80 if titled else 40) + row * max(1, count)
