"""Bar charts: score parts, principle profiles (negative values allowed), distributions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.charts import draw
from game.charts.line import chart_frame
from game.charts.style import ChartStyle, Fonts, load_style


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value and optional colour (palette role, "#rrggbb" or None)."""

    label: str
    value: float
    colour: str | None = None
    note: str | None = None  # shown at the bar's end instead of the formatted value


def bar_chart(
    size: tuple[int, int],
    bars: Sequence[Bar],
    *,
    title: str | None = None,
    value_range: tuple[float, float] = (0.0, 1.0),
    value_format: str = "{:.0%}",
    horizontal: bool = True,
    legend: Sequence[tuple[str, str]] = (),
    style: ChartStyle | None = None,
) -> pygame.Surface:
    """Draw bars on a new surface of `size`; a range below zero draws bars both ways.

    `legend` lists (text, colour) pairs that explain what the bars' colours stand for.
    """
    style = style or load_style()
    entries = [(text, style.colour(c, i), "square", ()) for i, (text, c) in enumerate(legend)]
    frame = chart_frame(size, style, title, entries)
    lo, hi = value_range
    if hi <= lo:
        hi = lo + 1.0
    if bars:
        if horizontal:
            _horizontal(
                frame.surface,
                frame.fonts,
                frame.px,
                frame.body,
                bars,
                (lo, hi),
                value_format,
                style,
            )
        else:
            _vertical(
                frame.surface,
                frame.fonts,
                frame.px,
                frame.body,
                bars,
                (lo, hi),
                value_format,
                style,
            )
    return frame.surface


def _colour(bar: Bar, index: int, style: ChartStyle, diverging: bool = False) -> pygame.Color:
    if bar.colour:
        return style.colour(bar.colour, index)
    if diverging:
        return pygame.Color(style.bad if bar.value < 0 else style.good)
    return style.colour(None, index)


def _share(value: float, lo: float, hi: float) -> float:
    return (min(hi, max(lo, value)) - lo) / (hi - lo)


def _horizontal(
    surface: pygame.Surface,
    fonts: Fonts,
    px: int,
    body: pygame.Rect,
    bars: Sequence[Bar],
    value_range: tuple[float, float],
    value_format: str,
    style: ChartStyle,
) -> None:
    lo, hi = value_range
    row = body.height / len(bars)
    label_px = max(8, min(px, round(row * 0.55)))
    font = fonts.get(label_px)
    label_width = min(max(font.size(b.label)[0] for b in bars), round(body.width * 0.42))
    value_texts = [b.note or value_format.format(b.value) for b in bars]
    value_width = max(font.size(t)[0] for t in value_texts) + label_px // 2
    track = pygame.Rect(body.x + label_width + label_px, body.y, 0, body.height)
    track.width = max(1, body.right - track.x - value_width)
    zero_x = track.x + _share(0.0, lo, hi) * track.width if lo < 0 < hi else track.x
    text = pygame.Color(style.text)
    grid = pygame.Color(style.grid)
    thickness = max(3, min(round(row * 0.55), round(px * 1.3)))
    for i, bar in enumerate(bars):
        mid = body.y + row * (i + 0.5)
        _label_left(surface, fonts, bar.label, body.x, mid, label_width, label_px, text, row)
        pygame.draw.rect(
            surface,
            grid,
            pygame.Rect(track.x, mid - thickness / 2, track.width, thickness),
            border_radius=3,
        )
        end_x = track.x + _share(bar.value, lo, hi) * track.width
        left, right = sorted((zero_x, end_x))
        rect = pygame.Rect(
            round(left), round(mid - thickness / 2), max(2, round(right - left)), thickness
        )
        pygame.draw.rect(surface, _colour(bar, i, style, lo < 0), rect, border_radius=3)
        draw.label(
            surface,
            fonts,
            value_texts[i],
            (track.right + label_px // 2, mid),
            label_px,
            text,
            anchor="midleft",
        )
    if lo < 0 < hi:
        pygame.draw.line(
            surface, pygame.Color(style.axis), (zero_x, body.y), (zero_x, body.bottom), 2
        )


def _label_left(
    surface: pygame.Surface,
    fonts: Fonts,
    text: str,
    x: int,
    mid: float,
    width: int,
    px: int,
    colour: pygame.Color,
    row: float,
) -> None:
    """A bar label in its column: one line if it fits, else two wrapped lines if they fit the
    row, else shrunk until it fits."""
    font = fonts.get(px)
    if font.size(text)[0] <= width:
        draw.label(surface, fonts, text, (x, mid), px, colour, anchor="midleft")
        return
    lines = draw.wrap_text(font, text, width)
    height = font.get_linesize()
    if len(lines) == 2 and all(font.size(line)[0] <= width for line in lines) and 2 * height <= row:
        top = mid - height
        for n, line in enumerate(lines):
            draw.label(surface, fonts, line, (x, top + n * height), px, colour)
        return
    draw.label(surface, fonts, text, (x, mid), px, colour, anchor="midleft", max_width=width)


def _vertical(
    surface: pygame.Surface,
    fonts: Fonts,
    px: int,
    body: pygame.Rect,
    bars: Sequence[Bar],
    value_range: tuple[float, float],
    value_format: str,
    style: ChartStyle,
) -> None:
    lo, hi = value_range
    small = max(8, round(px * 0.85))
    font = fonts.get(small)
    line = font.get_linesize()
    plot = pygame.Rect(body.x, body.y + line, body.width, max(1, body.height - 2 * line - 4))
    column = plot.width / len(bars)
    zero_y = plot.bottom - _share(0.0, lo, hi) * plot.height if lo < 0 < hi else plot.bottom
    text = pygame.Color(style.text)
    last_right = -1e9
    for i, bar in enumerate(bars):
        centre = plot.x + column * (i + 0.5)
        end_y = plot.bottom - _share(bar.value, lo, hi) * plot.height
        top, bottom = sorted((zero_y, end_y))
        width = max(2, round(column * 0.7))
        rect = pygame.Rect(
            round(centre - width / 2), round(top), width, max(1, round(bottom - top))
        )
        pygame.draw.rect(surface, _colour(bar, 0, style), rect, border_radius=2)
        value = bar.note or value_format.format(bar.value)
        if font.size(value)[0] <= column:
            draw.label(
                surface, fonts, value, (centre, rect.top - 2), small, text, anchor="midbottom"
            )
        label_width = font.size(bar.label)[0]
        if centre - label_width / 2 > last_right + small // 2:
            draw.label(
                surface, fonts, bar.label, (centre, plot.bottom + 4), small, text, anchor="midtop"
            )
            last_right = centre + label_width / 2
    pygame.draw.line(surface, pygame.Color(style.axis), (plot.x, zero_y), (plot.right, zero_y), 2)
