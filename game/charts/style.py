"""How charts look: colours, fonts and line styles, read from assets/theme/palette.json.

A `ChartStyle` is plain data; `Fonts` opens the font files lazily at the sizes a chart asks
for (one instance per drawing, so nothing is cached at module level).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.resources import ASSETS

PALETTE_FILE = ASSETS / "theme" / "palette.json"

# Marker shapes and dash patterns cycle with the colours, so that series stay apart when
# colours cannot be told apart (colour-blind viewers, grey-scale print-outs).
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "star")
DASHES: tuple[tuple[int, ...], ...] = ((), (10, 6), (3, 5), (12, 4, 3, 4), (6, 6), (2, 3))


@dataclass(frozen=True)
class ChartStyle:
    """Colours (hex strings) and font files of charts."""

    background: str = "#182836"
    grid: str = "#2d4254"
    axis: str = "#7b8fa1"
    text: str = "#dce4eb"
    series: tuple[str, ...] = ("#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#e69f00", "#f0e442")
    good: str = "#56b4e9"
    bad: str = "#e69f00"
    regular_font: Path = ASSETS / "fonts" / "DejaVuSans.ttf"
    bold_font: Path = ASSETS / "fonts" / "DejaVuSans-Bold.ttf"
    line_width: int = 3
    corner_radius: int = 8
    font_px: int = 0  # 0 = derived from the chart's size
    named: dict[str, str] = field(default_factory=dict)  # role name -> colour, e.g. "stress"

    def colour(self, value: str | None, index: int = 0) -> pygame.Color:
        """A colour by role name ("stress"), hex string, or else the index-th series colour."""
        if value and value in self.named:
            return pygame.Color(self.named[value])
        if value and value.startswith("#"):
            return pygame.Color(value)
        return pygame.Color(self.series[index % len(self.series)])

    def base_px(self, size: tuple[int, int]) -> int:
        """The body font size for a chart of this size."""
        if self.font_px:
            return self.font_px
        return max(11, min(30, round(min(size[0] * 0.75, size[1]) / 20)))


def read_palette_file(path: Path = PALETTE_FILE) -> dict[str, Any]:
    """The palette file as a dict (raises OSError / ValueError when unreadable)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return data


def style_from_palette(
    data: dict[str, Any], palette: str = "standard", assets: Path = ASSETS, font_px: int = 0
) -> ChartStyle:
    """A chart style from the palette file's data; unknown palette names fall back to standard."""
    palettes = data["palettes"]
    colours = palettes.get(palette) or palettes["standard"]
    fonts = data.get("fonts", {})
    named = {k: v for k, v in colours.items() if isinstance(v, str)}
    return ChartStyle(
        background=colours["chart_background"],
        grid=colours["chart_grid"],
        axis=colours["chart_axis"],
        text=colours["chart_text"],
        series=tuple(colours["series"]),
        good=colours["good"],
        bad=colours["bad"],
        regular_font=assets / fonts.get("regular", "fonts/DejaVuSans.ttf"),
        bold_font=assets / fonts.get("bold", "fonts/DejaVuSans-Bold.ttf"),
        font_px=font_px,
        named=named,
    )


def load_style(palette: str = "standard", font_px: int = 0) -> ChartStyle:
    """The chart style of a named palette ("standard" or "colourblind") from the assets."""
    return style_from_palette(read_palette_file(), palette, ASSETS, font_px)


class Fonts:
    """Font objects of one style, opened on first use at each size."""

    def __init__(self, style: ChartStyle) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.style = style
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (max(6, int(px)), bold)
        font = self._cache.get(key)
        if font is None:
            path = self.style.bold_font if bold else self.style.regular_font
            font = pygame.font.Font(str(path), key[0])
            self._cache[key] = font
        return font

    def fitting(self, text: str, max_width: int, px: int, bold: bool = False) -> pygame.font.Font:
        """The largest font not above `px` (down to 60 % of it) in which `text` fits."""
        smallest = max(6, int(px * 0.6))
        size = px
        font = self.get(size, bold)
        while size > smallest and font.size(text)[0] > max_width:
            size -= 1
            font = self.get(size, bold)
        return font
