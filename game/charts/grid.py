"""Small multiples: several small charts of the same kind under one title, in a grid.

One chart per person or per metric keeps each legend short, where one chart with every series
would need a legend longer than the chart."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.charts.line import chart_frame
from game.charts.style import ChartStyle, load_style

Panel = Callable[[tuple[int, int]], pygame.Surface]
"""Draws one panel at the size it is given."""


def small_multiples(
    size: tuple[int, int],
    panels: Sequence[Panel],
    *,
    title: str | None = None,
    columns: int = 2,
    style: ChartStyle | None = None,
) -> pygame.Surface:
    """Draw `panels` in a grid of `columns` under `title` on a new surface of `size`."""
    style = style or load_style()
    frame = chart_frame(size, style, title)
    body, gap = frame.body, max(4, frame.px // 2)
    columns = max(1, min(columns, len(panels)))
    rows = max(1, -(-len(panels) // columns))
    width = max(1, (body.width - gap * (columns - 1)) // columns)
    height = max(1, (body.height - gap * (rows - 1)) // rows)
    for i, draw_panel in enumerate(panels):
        row, column = divmod(i, columns)
        at = (body.x + column * (width + gap), body.y + row * (height + gap))
        frame.surface.blit(draw_panel((width, height)), at)
    return frame.surface
