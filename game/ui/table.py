"""A table drawn as one picture (leaderboard, saves): cells wrap, rows grow, one row can glow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.charts.draw import wrap_text as wrap
from game.ui.theme import Theme


@dataclass(frozen=True)
class Column:
    share: float  # of the width left after fixed columns; 0 = as wide as its widest cell
    align: str = "left"  # left | right


def paint_table(
    theme: Theme,
    width: int,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    columns: Sequence[Column],
    highlight: int | None = None,
) -> pygame.Surface:
    """The table at `width` pixels, as tall as its wrapped rows."""
    font = theme.font(theme.font_px())
    bold = theme.font(theme.font_px(), bold=True)
    pad = theme.px("small_gap")
    widths = _widths(font, bold, width, header, rows, columns, pad)
    lines = [_cells(bold, header, widths, pad)] + [_cells(font, r, widths, pad) for r in rows]
    line_height = font.get_linesize()
    heights = [max(len(c) for c in cells) * line_height + pad for cells in lines]
    surface = pygame.Surface((max(1, width), max(1, sum(heights))), pygame.SRCALPHA)
    y = 0
    for index, cells in enumerate(lines):
        row_rect = pygame.Rect(0, y, width, heights[index])
        if index == 0:
            pygame.draw.line(
                surface, theme.colour("panel_border"), row_rect.bottomleft, row_rect.bottomright, 2
            )
        elif highlight is not None and index - 1 == highlight:
            pygame.draw.rect(surface, theme.colour("button_focus"), row_rect, border_radius=6)
            pygame.draw.rect(surface, theme.colour("accent"), row_rect, 2, 6)
        elif index % 2 == 0:
            pygame.draw.rect(surface, theme.colour("panel"), row_rect)
        colour = theme.colour("text_dim" if index == 0 else "text")
        x = 0
        for col, (cell, column) in enumerate(zip(cells, columns, strict=True)):
            use = bold if index == 0 else font
            for n, text in enumerate(cell):
                image = use.render(text, True, colour)
                left = x + pad
                if column.align == "right":
                    left = x + widths[col] - pad - image.get_width()
                surface.blit(image, (left, y + pad // 2 + n * line_height))
            x += widths[col]
        y += heights[index]
    return surface


def _widths(
    font: pygame.font.Font,
    bold: pygame.font.Font,
    width: int,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    columns: Sequence[Column],
    pad: int,
) -> list[int]:
    fixed = [
        max([bold.size(header[i])[0]] + [font.size(r[i])[0] for r in rows]) + 2 * pad
        if c.share == 0
        else 0
        for i, c in enumerate(columns)
    ]
    free = max(0, width - sum(fixed))
    shares = sum(c.share for c in columns) or 1.0
    return [
        f if c.share == 0 else int(free * c.share / shares)
        for f, c in zip(fixed, columns, strict=True)
    ]


def _cells(
    font: pygame.font.Font, row: Sequence[str], widths: Sequence[int], pad: int
) -> list[list[str]]:
    return [wrap(font, text, max(8, w - 2 * pad)) for text, w in zip(row, widths, strict=True)]
