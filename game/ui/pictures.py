"""The pictures the window shows, drawn once and kept: the logo, the window icon, the covers.

Drawing an SVG picture takes milliseconds to tens of milliseconds, far too long to repeat in
every frame or every layout; so each picture is made the first time a size (and palette) is
asked for and the same Surface is handed out afterwards. Sizes are rounded to a few pixels so
that resizing a window by one pixel does not draw everything again.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.art.covers import THEMES, cover
from game.ui.art.logo import logo, window_icon
from game.ui.theme import Theme

STEP = 8  # covers and logos are drawn at sizes rounded down to this many pixels
FALLBACK_SETTING = "other"


def _rounded(value: int) -> int:
    return max(STEP, value - value % STEP)


@lru_cache(maxsize=1)
def icon() -> pygame.Surface:
    """The window icon (32 pixels: what window managers scale from)."""
    return window_icon(32)


@lru_cache(maxsize=8)
def _logo(height: int, text: str, accent: str) -> pygame.Surface:
    return logo(height, text, accent)


def logo_picture(theme: Theme, height: int, max_width: int) -> pygame.Surface:
    """The logo in the theme's colours, `height` pixels tall or smaller to fit `max_width`."""
    height = _rounded(max(16, height))
    picture = _logo(height, theme.hex("text"), theme.hex("accent"))
    if picture.get_width() > max_width and max_width > 0:
        smaller = _rounded(max(16, height * max_width // picture.get_width()))
        picture = _logo(smaller, theme.hex("text"), theme.hex("accent"))
    return picture


@lru_cache(maxsize=48)
def _cover(setting: str, width: int, height: int, top: str, bottom: str) -> pygame.Surface:
    return cover(setting, (width, height), {"background_top": top, "background": bottom})


def cover_size(width: int, max_height: int) -> tuple[int, int]:
    """The largest 16:9 cover that fits `width` x `max_height` (0 x 0 when none fits)."""
    w = min(width, max_height * 16 // 9)
    w = _rounded(w)
    h = w * 9 // 16
    if w < 64 or h > max_height:
        return 0, 0
    return w, h


def cover_picture(theme: Theme, setting: str, size: tuple[int, int]) -> pygame.Surface:
    """The cover of a scenario's setting at `size`, in the theme's background colours."""
    known = setting if setting in THEMES else FALLBACK_SETTING
    top, bottom = theme.hex("background_top"), theme.hex("background")
    return _cover(known, int(size[0]), int(size[1]), top, bottom)


def drawn() -> int:
    """How many pictures have been drawn so far (the caches' misses), for tests."""
    return icon.cache_info().misses + _logo.cache_info().misses + _cover.cache_info().misses
