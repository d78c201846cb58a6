"""Radar (profile) charts: one axis per principle or function, one polygon per series."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.charts import draw
from game.charts.line import Series, chart_frame, legend_entries
from game.charts.style import ChartStyle, Fonts, load_style

FILL_ALPHA = 70


def radar_chart(
    size: tuple[int, int],
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    title: str | None = None,
    value_range: tuple[float, float] = (0.0, 1.0),
    rings: int = 4,
    style: ChartStyle | None = None,
) -> pygame.Surface:
    """Draw each series' values (one per axis, in `axes` order) as a polygon."""
    style = style or load_style()
    entries = legend_entries(series, style) if len(series) > 1 else []
    frame = chart_frame(size, style, title, entries)
    surface, fonts, body = frame.surface, frame.fonts, frame.body
    count = len(axes)
    if count < 3:
        return surface
    px, radius = _fit(fonts, axes, body, max(8, round(frame.px * 0.85)))
    centre = pygame.Vector2(body.center)
    lo, hi = value_range
    if hi <= lo:
        hi = lo + 1.0
    grid, axis, text = (pygame.Color(c) for c in (style.grid, style.axis, style.text))
    angles = [-math.pi / 2 + 2 * math.pi * i / count for i in range(count)]

    def point(share: float, angle: float) -> tuple[float, float]:
        r = radius * max(0.0, min(1.0, share))
        return (centre.x + r * math.cos(angle), centre.y + r * math.sin(angle))

    for ring in range(1, rings + 1):
        pygame.draw.polygon(surface, grid, [point(ring / rings, a) for a in angles], 1)
    for angle, label in zip(angles, axes, strict=True):
        pygame.draw.line(surface, axis, centre, point(1.0, angle), 1)
        _axis_label(surface, fonts, label, centre, radius + px * 0.6, angle, px, text)
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    for i, s in enumerate(series):
        colour = style.colour(s.colour, i)
        shares = [
            (float(v) - lo) / (hi - lo) if v is not None else 0.0 for v in list(s.values)[:count]
        ]
        shares += [0.0] * (count - len(shares))
        points = [point(sh, a) for sh, a in zip(shares, angles, strict=True)]
        fill = pygame.Color(colour)
        fill.a = FILL_ALPHA
        pygame.draw.polygon(layer, fill, points)
        pygame.draw.polygon(layer, colour, points, 3)
        shape = entries[i][2] if entries else "circle"
        for p in points:
            draw.marker(layer, shape, colour, p, max(2.5, px / 3.5))
    surface.blit(layer, (0, 0))
    return surface


def _fit(fonts: Fonts, axes: Sequence[str], body: pygame.Rect, px: int) -> tuple[int, float]:
    """The label size and radius that leave room for every axis label around the circle."""
    size = px
    while True:
        font = fonts.get(size)
        widest = max(font.size(a)[0] for a in axes)
        line = font.get_linesize()
        radius = min(body.width / 2 - widest - size, body.height / 2 - line - size)
        if radius >= min(body.width, body.height) * 0.25 or size <= 7:
            return size, max(8.0, radius)
        size -= 1


def _axis_label(
    surface: pygame.Surface,
    fonts: Fonts,
    text: str,
    centre: pygame.Vector2,
    distance: float,
    angle: float,
    px: int,
    colour: pygame.Color,
) -> None:
    x = centre.x + distance * math.cos(angle)
    y = centre.y + distance * math.sin(angle)
    cos, sin = math.cos(angle), math.sin(angle)
    if cos > 0.3:
        anchor = "midleft"
    elif cos < -0.3:
        anchor = "midright"
    else:
        anchor = "midbottom" if sin < 0 else "midtop"
    width = surface.get_width()
    room = {"midleft": width - x, "midright": x}.get(anchor, width)
    draw.label(
        surface, fonts, text, (x, y), px, colour, anchor=anchor, max_width=max(10, int(room))
    )
