"""`ArtKit`: the art a window needs, each picture drawn once and then reused.

A screen holds one kit (through its services) and asks it for pictures every frame; only the
first request of each key draws. `clear()` drops everything, e.g. after the palette changes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping

import pygame

from game.content.look import Look
from game.ui.art.covers import cover
from game.ui.art.icons import Colour, colour_hex, icon
from game.ui.art.logo import logo, window_icon
from game.ui.art.portraits import Portraits


class _Lru:
    """A small least-recently-used cache of Surfaces, with a count of drawings."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.renders = 0
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()

    def get(self, key: Hashable, draw: Callable[[], pygame.Surface]) -> pygame.Surface:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return found
        self.renders += 1
        made = draw()
        self._items[key] = made
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return made

    def clear(self) -> None:
        self._items.clear()


class ArtKit:
    """Portraits, icons, covers and the logo for one window, cached."""

    def __init__(self, portrait_cache: int = 256, icon_cache: int = 256, cover_cache: int = 16):
        self.portraits = Portraits(portrait_cache)
        self._icons = _Lru(icon_cache)
        self._covers = _Lru(cover_cache)
        self._logos = _Lru(8)

    @property
    def renders(self) -> int:
        """How many pictures this kit has drawn (cache misses), portraits included."""
        others = self._icons.renders + self._covers.renders + self._logos.renders
        return self.portraits.renders + others

    def portrait(
        self,
        seed: str,
        look: Look | None,
        mood: float,
        stress: float,
        *,
        estimated: bool = False,
        gone: bool = False,
        size: int = 96,
    ) -> pygame.Surface:
        return self.portraits.surface(seed, look, mood, stress, estimated, gone, size)

    def icon(self, name: str, size: int, colour: Colour = "#f1f4f7") -> pygame.Surface:
        hex_colour = colour_hex(colour)
        return self._icons.get((name, size, hex_colour), lambda: icon(name, size, hex_colour))

    def cover(
        self, setting: str, size: tuple[int, int], palette: Mapping[str, str] | None = None
    ) -> pygame.Surface:
        # a cover uses only the palette's two background colours
        colours = (palette.get("background"), palette.get("background_top")) if palette else ()
        key = (setting, (int(size[0]), int(size[1])), colours)
        return self._covers.get(key, lambda: cover(setting, size, palette))

    def logo(self, height: int) -> pygame.Surface:
        return self._logos.get(("logo", height), lambda: logo(height))

    def window_icon(self, size: int = 32) -> pygame.Surface:
        return self._logos.get(("icon", size), lambda: window_icon(size))

    def clear(self) -> None:
        self.portraits.clear()
        for cache in (self._icons, self._covers, self._logos):
            cache.clear()
