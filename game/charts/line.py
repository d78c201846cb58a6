"""Line charts: values per step (e.g. team morale, stress and productivity per turn)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.charts import draw
from game.charts.style import DASHES, MARKERS, ChartStyle, Fonts, load_style


@dataclass(frozen=True)
class Series:
    """One line (or one radar polygon): a label and a value per step (None = no value)."""

    label: str
    values: Sequence[float | None]
    colour: str | None = None  # role name from the palette ("stress"), "#rrggbb", or None


@dataclass(frozen=True)
class Frame:
    """Where a chart's parts go: filled in by `chart_frame`."""

    surface: pygame.Surface
    fonts: Fonts
    px: int
    body: pygame.Rect  # the area below the title and legend


def chart_frame(
    size: tuple[int, int],
    style: ChartStyle,
    title: str | None,
    legend: Sequence[tuple[str, pygame.Color, str, Sequence[int]]] = (),
) -> Frame:
    """A chart background with its title and legend drawn; returns the free body area."""
    width, height = max(1, int(size[0])), max(1, int(size[1]))
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    fonts = Fonts(style)
    px = style.base_px((width, height))
    draw.panel(surface, surface.get_rect(), pygame.Color(style.background), style.corner_radius)
    pad = max(4, round(px * 0.8))
    area = surface.get_rect().inflate(-2 * pad, -2 * pad)
    text = pygame.Color(style.text)
    if title:
        title_px = round(px * 1.15)
        rect = draw.label(
            surface, fonts, title, area.topleft, title_px, text, bold=True, max_width=area.width
        )
        area.height -= rect.height + pad // 2
        area.y = rect.bottom + pad // 2
    if legend:
        used = draw.legend(surface, fonts, legend, area, round(px * 0.9), text)
        area.height -= used + pad // 2
        area.y += used + pad // 2
    area.height = max(1, area.height)
    return Frame(surface, fonts, px, area)


def legend_entries(
    series: Sequence[Series], style: ChartStyle
) -> list[tuple[str, pygame.Color, str, tuple[int, ...]]]:
    """(label, colour, marker, dash) for each series, cycling markers and dashes."""
    return [
        (s.label, style.colour(s.colour, i), MARKERS[i % len(MARKERS)], DASHES[i % len(DASHES)])
        for i, s in enumerate(series)
    ]


def line_chart(
    size: tuple[int, int],
    series: Sequence[Series],
    *,
    title: str | None = None,
    x_labels: Sequence[str] | None = None,
    y_range: tuple[float, float] = (0.0, 1.0),
    y_ticks: int = 4,
    y_format: str = "{:.0%}",
    marks: Sequence[tuple[int, str]] = (),
    style: ChartStyle | None = None,
) -> pygame.Surface:
    """Draw series of values over steps 0..n-1 on a new surface of `size`.

    `x_labels` name the steps (fewer are shown when they would overlap); `marks` are
    (step, text) vertical markers such as milestones; `y_format` formats the axis values.
    """
    style = style or load_style()
    entries = legend_entries(series, style)
    frame = chart_frame(size, style, title, entries)
    surface, fonts, px, body = frame.surface, frame.fonts, frame.px, frame.body
    small = max(8, round(px * 0.85))
    font = fonts.get(small)
    lo, hi = y_range
    if hi <= lo:
        hi = lo + 1.0
    bottom = body.bottom - (font.get_linesize() if x_labels else 0) - small // 3
    top = body.y + small // 2
    # fewer grid lines when the plot is too short for their labels to stand apart
    room = max(1, (bottom - top) // round(font.get_linesize() * 1.5))
    steps = max(1, y_ticks // -(-y_ticks // room)) if y_ticks > room else max(1, y_ticks)
    ticks = [lo + (hi - lo) * i / steps for i in range(steps + 1)]
    tick_text = [y_format.format(t) for t in ticks]
    left = body.x + max(font.size(t)[0] for t in tick_text) + small // 2
    plot = pygame.Rect(left, top, max(1, body.right - left - small // 2), max(1, bottom - top))
    grid, axis, text = (pygame.Color(c) for c in (style.grid, style.axis, style.text))

    def y_of(value: float) -> float:
        share = (min(hi, max(lo, value)) - lo) / (hi - lo)
        return plot.bottom - share * plot.height

    for tick, label in zip(ticks, tick_text, strict=True):
        y = y_of(tick)
        pygame.draw.line(surface, grid, (plot.x, y), (plot.right, y), 1)
        draw.label(surface, fonts, label, (plot.x - small // 3, y), small, text, anchor="midright")
    pygame.draw.line(surface, axis, plot.bottomleft, plot.bottomright, 2)
    steps = max((len(s.values) for s in series), default=0)
    if x_labels:
        steps = max(steps, len(x_labels))

    def x_of(index: int) -> float:
        if steps <= 1:
            return plot.centerx
        return plot.x + plot.width * index / (steps - 1)

    _x_axis_labels(surface, fonts, x_labels or (), x_of, plot, small, text)
    _marks(surface, fonts, marks, x_of, plot, small, axis)
    for (_, colour, shape, dash), s in zip(entries, series, strict=True):
        run: list[tuple[float, float]] = []
        points: list[tuple[float, float]] = []
        for i, value in enumerate(s.values):
            if value is None:
                draw.dashed_lines(surface, colour, run, style.line_width, dash)
                run = []
                continue
            point = (x_of(i), y_of(float(value)))
            run.append(point)
            points.append(point)
        draw.dashed_lines(surface, colour, run, style.line_width, dash)
        radius = max(2.5, min(px / 3.0, plot.width / max(1, steps) / 3))
        for point in points:
            draw.marker(surface, shape, colour, point, radius)
    return surface


def _x_axis_labels(
    surface: pygame.Surface,
    fonts: Fonts,
    labels: Sequence[str],
    x_of: Callable[[int], float],
    plot: pygame.Rect,
    px: int,
    colour: pygame.Color,
) -> None:
    font = fonts.get(px)
    last_right = -1e9
    for i, text in enumerate(labels):
        x = x_of(i)
        width = font.size(text)[0]
        if x - width / 2 < last_right + px // 2:
            continue
        rect = draw.label(
            surface, fonts, text, (x, plot.bottom + px // 3), px, colour, anchor="midtop"
        )
        last_right = rect.right


def _marks(
    surface: pygame.Surface,
    fonts: Fonts,
    marks: Sequence[tuple[int, str]],
    x_of: Callable[[int], float],
    plot: pygame.Rect,
    px: int,
    colour: pygame.Color,
) -> None:
    font = fonts.get(px)
    last_right = -1e9
    for index, text in marks:
        x = x_of(index)
        draw.dashed_lines(surface, colour, [(x, plot.y), (x, plot.bottom)], 1, (4, 4))
        width = min(font.size(text)[0], plot.width // 2)
        left = min(max(plot.x, x - width / 2), plot.right - width)
        if text and left > last_right + px // 2:
            draw.label(surface, fonts, text, (left, plot.y), px, colour, max_width=plot.width // 2)
            last_right = left + width
