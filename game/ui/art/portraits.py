"""Team members' portraits as pygame Surfaces, drawn once per look and kept in a bounded cache.

    portraits = Portraits(cache_size=256)
    face = portraits.surface(portrait_seed(team.id, member.id), look, mood=0.7, stress=0.4,
                             estimated=True, gone=False, size=96)

Mood and stress are rounded to `LEVELS` steps before drawing, so a meter that creeps by 0.001
per frame reuses the cached picture; the screens never draw or decode a face per frame. The
surfaces are shared: blit them, do not draw on them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

import pygame

from game.content.look import Look, resolve
from game.ui.art.face import portrait_svg
from game.ui.art.svg import circle, document, for_display, num, path, rasterise

LEVELS = 9  # steps of mood and of stress: 0, 1/8, ..., 1
DETAIL_FROM = 64  # pixels; smaller portraits drop fine lines and thicken the rest
BADGE = "#f1f4f7"
BADGE_INK = "#13202b"
RING_ESTIMATE = "#dce4eb"
RING_GONE = "#7b8fa1"


class PortraitKey(NamedTuple):
    seed: str
    look: Look | None
    mood: float
    stress: float
    estimated: bool
    gone: bool
    size: int


def quantise(value: float, levels: int = LEVELS) -> float:
    """`value` clamped to 0..1 and rounded to one of `levels` evenly spaced steps."""
    clamped = min(1.0, max(0.0, float(value)))
    return round(clamped * (levels - 1)) / (levels - 1)


def _ring(colour: str, dashed: bool, width: float) -> str:
    dash = ' stroke-dasharray="6 4.5"' if dashed else ""
    return (
        f'<circle cx="50" cy="50" r="{num(50 - width / 2)}" fill="none" stroke="{colour}" '
        f'stroke-width="{num(width)}"{dash}/>'
    )


def _question_badge(detail: bool) -> str:
    """A round "?" badge in the lower right: this face shows an estimate, not the truth."""
    r = 13.5 if detail else 17.0
    cx = cy = 100 - r - 1
    k = r / 13.5
    mark = (
        f"M {num(cx - 4.4 * k)},{num(cy - 3.6 * k)} C {num(cx - 4.4 * k)},{num(cy - 10 * k)} "
        f"{num(cx + 4.6 * k)},{num(cy - 10 * k)} {num(cx + 4.6 * k)},{num(cy - 4.2 * k)} "
        f"C {num(cx + 4.6 * k)},{num(cy - 0.6 * k)} {num(cx)},{num(cy - 0.8 * k)} {num(cx)},"
        f"{num(cy + 3 * k)}"
    )
    return (
        circle(cx, cy, r, BADGE, stroke=BADGE_INK, stroke_width=num(2.2 * k))
        + path(
            mark,
            stroke=BADGE_INK,
            stroke_width=num(3.3 * k),
            stroke_linecap="round",
            stroke_linejoin="round",
        )
        + circle(cx, cy + 7.4 * k, 2.1 * k, BADGE_INK)
    )


class Portraits:
    """Draws portraits on demand and keeps the last `cache_size` of them.

    `renders` counts drawings (cache misses), so callers and tests can tell a hit from a redraw.
    """

    def __init__(self, cache_size: int = 256) -> None:
        if cache_size < 1:
            raise ValueError(f"cache_size must be at least 1, got {cache_size}")
        self.cache_size = cache_size
        self.renders = 0
        self._cache: OrderedDict[PortraitKey, pygame.Surface] = OrderedDict()
        self._masks: OrderedDict[int, pygame.Surface] = OrderedDict()

    def key(
        self,
        seed: str,
        look: Look | None,
        mood: float,
        stress: float,
        estimated: bool,
        gone: bool,
        size: int,
    ) -> PortraitKey:
        """The cache key a request maps to (mood and stress rounded; ignored for the gone)."""
        if size < 8:
            raise ValueError(f"portrait size must be at least 8 pixels, got {size}")
        if gone:
            return PortraitKey(seed, look, 0.5, 0.5, False, True, int(size))
        return PortraitKey(
            seed, look, quantise(mood), quantise(stress), bool(estimated), False, int(size)
        )

    def surface(
        self,
        seed: str,
        look: Look | None = None,
        mood: float = 0.5,
        stress: float = 0.3,
        estimated: bool = False,
        gone: bool = False,
        size: int = 96,
    ) -> pygame.Surface:
        """The portrait of the person `seed` names, `size` pixels square (cached)."""
        key = self.key(seed, look, mood, stress, estimated, gone, size)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        image = self._draw(key)
        self._cache[key] = image
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return image

    def clear(self) -> None:
        """Forget every drawn portrait (after the display mode changes, for example)."""
        self._cache.clear()
        self._masks.clear()

    def __len__(self) -> int:
        return len(self._cache)

    def _draw(self, key: PortraitKey) -> pygame.Surface:
        self.renders += 1
        detail = key.size >= DETAIL_FROM
        features = resolve(key.seed, key.look)
        svg = portrait_svg(
            features, key.mood, key.stress, estimated=key.estimated, gone=key.gone, detail=detail
        )
        image = rasterise(svg, (key.size, key.size))
        image.blit(self._mask(key.size), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        overlay = ""
        if key.gone:
            overlay = _ring(RING_GONE, True, 2.4 if detail else 3.2)
        elif key.estimated:
            overlay = _ring(RING_ESTIMATE, True, 2.0 if detail else 3.0) + _question_badge(detail)
        if overlay:
            image.blit(rasterise(document(100, 100, overlay), (key.size, key.size)), (0, 0))
        return for_display(image)

    def _mask(self, size: int) -> pygame.Surface:
        """White inside the portrait's circle, transparent outside (antialiased edge)."""
        mask = self._masks.get(size)
        if mask is None:
            mask = rasterise(document(100, 100, circle(50, 50, 50, "#ffffff")), (size, size))
            self._masks[size] = mask
            if len(self._masks) > 8:
                self._masks.popitem(last=False)
        return mask
