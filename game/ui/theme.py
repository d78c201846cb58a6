"""The look of the window: colours, sizes and fonts from assets/theme/, scaled to the window.

`assets/theme/palette.json` holds the colours (a standard and a colour-blind-safe palette),
layout sizes and timing; `assets/theme/gui.json` is a pygame_gui theme whose colours are
written `$name` (looked up in the palette) and whose font sizes are for a 720-pixel-high window.
A `Theme` is both, resolved for one window height, text size and palette.
"""

from __future__ import annotations

import copy
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame
import pygame_gui

from game.charts.style import ChartStyle, style_from_palette
from game.resources import ASSETS
from game.ui.manager import Manager

PALETTE_FILE = ASSETS / "theme" / "palette.json"
GUI_FILE = ASSETS / "theme" / "gui.json"
FONT_NAME = "dejavu"
SCALED_MISC = (
    "padding",
    "text_horiz_alignment_padding",
    "text_vert_alignment_padding",
    "shape_corner_radius",
    "border_width",
)


@dataclass(frozen=True)
class Style:
    """The theme files as read from disk (once per app)."""

    palette: dict[str, Any]
    gui: dict[str, Any]
    assets: Path = ASSETS

    @classmethod
    def load(cls, palette_file: Path = PALETTE_FILE, gui_file: Path = GUI_FILE) -> Style:
        palette = json.loads(palette_file.read_text(encoding="utf-8"))
        gui = json.loads(gui_file.read_text(encoding="utf-8"))
        return cls(palette, gui, palette_file.parent.parent)

    def layout(self, name: str) -> Any:
        return self.palette["layout"][name]

    def timing(self, name: str) -> float:
        return float(self.palette["timing"][name])

    def text_scales(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.palette["text_scales"].items()}

    def palette_names(self) -> list[str]:
        return list(self.palette["palettes"])

    def font_path(self, bold: bool = False) -> Path:
        return self.assets / self.palette["fonts"]["bold" if bold else "regular"]

    def window_scale(self, height: int) -> float:
        """How much larger than at the reference height everything is drawn, in steps."""
        step = float(self.layout("scale_step"))
        raw = height / float(self.layout("reference_height"))
        clamped = min(float(self.layout("max_scale")), max(float(self.layout("min_scale")), raw))
        return round(round(clamped / step) * step, 4)


@dataclass
class Theme:
    """The style resolved for one window scale, text size and palette."""

    style: Style
    palette_name: str = "standard"
    ui_scale: float = 1.0
    text_scale: float = 1.0
    _fonts: dict[tuple[int, bool], pygame.font.Font] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> tuple[str, float, float]:
        """Two themes with the same key look the same."""
        return (self.palette_name, self.ui_scale, self.text_scale)

    @property
    def colours(self) -> dict[str, Any]:
        palettes = self.style.palette["palettes"]
        return dict(palettes.get(self.palette_name) or palettes["standard"])

    def colour(self, name: str) -> pygame.Color:
        return pygame.Color(self.colours[name])

    def hex(self, name: str) -> str:
        """A palette colour as #rrggbb, for pygame_gui's HTML text."""
        c = self.colour(name)
        return f"#{c.r:02x}{c.g:02x}{c.b:02x}"

    def px(self, name: str) -> int:
        """A layout size from the palette file, scaled to the window."""
        return max(1, round(float(self.style.layout(name)) * self.ui_scale))

    def font_px(self, object_id: str = "defaults") -> int:
        """The pixel size of the font the GUI theme gives an object id (e.g. "#small")."""
        block = self.style.gui.get(object_id, {}).get("font") or self.style.gui["defaults"]["font"]
        return max(8, round(float(block["size"]) * self.text_scale))

    def font_bold(self, object_id: str = "defaults") -> bool:
        """Whether the GUI theme sets the object id's font in bold."""
        block = self.style.gui.get(object_id, {}).get("font") or self.style.gui["defaults"]["font"]
        return str(block.get("bold", "0")) == "1"

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        """A font for custom drawing (meters, cards), opened once per size."""
        key = (max(6, px), bold)
        if key not in self._fonts:
            if not pygame.font.get_init():
                pygame.font.init()
            self._fonts[key] = pygame.font.Font(str(self.style.font_path(bold)), key[0])
        return self._fonts[key]

    def gui_theme(self) -> dict[str, Any]:
        """The pygame_gui theme dict: colours resolved, fonts and paddings scaled."""
        theme = copy.deepcopy(self.style.gui)
        colours = self.colours
        for block in theme.values():
            for name, value in block.get("colours", {}).items():
                if isinstance(value, str) and value.startswith("$"):
                    block["colours"][name] = colours[value[1:]]
            font = block.get("font")
            if font:
                font["name"] = FONT_NAME
                font["size"] = str(max(8, round(float(font["size"]) * self.text_scale)))
                font["regular_path"] = str(self.style.font_path(False))
                font["bold_path"] = str(self.style.font_path(True))
                font["italic_path"] = str(self.style.font_path(False))
                font["bold_italic_path"] = str(self.style.font_path(True))
            misc = block.get("misc", {})
            for name in SCALED_MISC:
                if name in misc:
                    misc[name] = ",".join(
                        str(max(1, round(int(v) * self.ui_scale)) if int(v) else 0)
                        for v in str(misc[name]).split(",")
                    )
        return theme

    def font_list(self) -> list[dict[str, Any]]:
        """Every font the GUI theme uses, for preloading (no load-on-demand warnings)."""
        sizes = {self.font_px(key) for key, block in self.style.gui.items() if "font" in block}
        return [
            {"name": FONT_NAME, "point_size": size, "style": style, "antialiased": "1"}
            for size in sorted(sizes)
            for style in ("regular", "bold")
        ]

    def make_manager(self, size: tuple[int, int]) -> pygame_gui.UIManager:
        """A UI manager for a window of `size` with this theme and its fonts loaded."""
        manager = Manager(size, self.gui_theme(), enable_live_theme_updates=False)
        manager.add_font_paths(
            FONT_NAME,
            str(self.style.font_path(False)),
            str(self.style.font_path(True)),
            str(self.style.font_path(False)),
            str(self.style.font_path(True)),
        )
        with warnings.catch_warnings():
            # the theme has already loaded some of these; pygame_gui warns about each
            warnings.simplefilter("ignore", UserWarning)
            manager.preload_fonts(self.font_list())
        return manager

    def chart_style(self) -> ChartStyle:
        """The chart look matching this theme (same palette, fonts scaled with the text)."""
        return style_from_palette(
            self.style.palette,
            self.palette_name,
            self.style.assets,
            font_px=self.font_px(),  # axis labels come out at about the "#small" size
        )


def theme_for(style: Style, size: tuple[int, int], palette: str, text_size: str) -> Theme:
    """The theme for a window of `size` with the player's palette and text size settings."""
    scale = style.window_scale(size[1])
    text = style.text_scales().get(text_size, 1.0)
    return Theme(style, palette, scale, round(scale * text, 4))
