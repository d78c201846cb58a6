"""Drawing primitives shared by the charts and the game window's meters.

Everything draws onto a given `pygame.Surface`; nothing here needs a display.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pygame

from game.charts.style import Fonts

Point = tuple[float, float]


def wrap_text(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Word wrap to `width` pixels; words longer than a line are split between letters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut])
                word = word[cut:]
            candidate = f"{line} {word}" if line else word
            if line and font.size(candidate)[0] > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def label(
    surface: pygame.Surface,
    fonts: Fonts,
    text: str,
    pos: Point,
    px: int,
    colour: pygame.Color | str,
    *,
    anchor: str = "topleft",
    bold: bool = False,
    max_width: int | None = None,
) -> pygame.Rect:
    """Draw one line of text at `pos` (anchor is a pygame.Rect attribute name), shrunk to fit."""
    font = fonts.fitting(text, max_width, px, bold) if max_width else fonts.get(px, bold)
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    surface.blit(image, rect)
    return rect


def dashed_lines(
    surface: pygame.Surface,
    colour: pygame.Color,
    points: Sequence[Point],
    width: int,
    dash: Sequence[int] = (),
) -> None:
    """A polyline; `dash` is a pattern of on/off lengths in pixels (empty = solid)."""
    if len(points) < 2:
        return
    if not dash:
        pygame.draw.lines(surface, colour, False, points, width)
        return
    pattern = list(dash)
    index, left, on = 0, float(pattern[0]), True
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                a = done / length
                b = (done + step) / length
                start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
                end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
                pygame.draw.line(surface, colour, start, end, width)
            done += step
            left -= step
            if left <= 0:
                index = (index + 1) % len(pattern)
                left, on = float(pattern[index]), not on


def marker(
    surface: pygame.Surface, shape: str, colour: pygame.Color, centre: Point, radius: float
) -> None:
    """A filled marker shape centred on a point."""
    x, y = centre
    r = max(2.0, radius)
    if shape == "square":
        pygame.draw.rect(surface, colour, pygame.Rect(x - r, y - r, 2 * r, 2 * r))
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - r * 1.2), (x + r, y + r), (x - r, y + r)])
    elif shape == "diamond":
        r *= 1.25
        pygame.draw.polygon(surface, colour, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
    elif shape == "cross":
        w = max(2, round(r / 1.5))
        pygame.draw.line(surface, colour, (x - r, y - r), (x + r, y + r), w)
        pygame.draw.line(surface, colour, (x - r, y + r), (x + r, y - r), w)
    elif shape == "star":
        points = []
        for i in range(10):
            angle = -math.pi / 2 + i * math.pi / 5
            rr = r * 1.3 if i % 2 == 0 else r * 0.55
            points.append((x + rr * math.cos(angle), y + rr * math.sin(angle)))
        pygame.draw.polygon(surface, colour, points)
    else:
        pygame.draw.circle(surface, colour, (x, y), r)


def stripes(
    surface: pygame.Surface, rect: pygame.Rect, colour: pygame.Color, period: int, width: int = 2
) -> None:
    """Diagonal stripes inside `rect`: the look of an estimate rather than a measurement."""
    if rect.width <= 0 or rect.height <= 0:
        return
    period = max(3, period)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for offset in range(-rect.height, rect.width, period):
        start = (rect.x + offset, rect.bottom)
        end = (rect.x + offset + rect.height, rect.y)
        pygame.draw.line(surface, colour, start, end, width)
    surface.set_clip(clip)


def panel(surface: pygame.Surface, rect: pygame.Rect, colour: pygame.Color, radius: int) -> None:
    """A filled rounded rectangle (the chart's background)."""
    pygame.draw.rect(surface, colour, rect, border_radius=radius)


def legend(
    surface: pygame.Surface,
    fonts: Fonts,
    entries: Sequence[tuple[str, pygame.Color, str, Sequence[int]]],
    area: pygame.Rect,
    px: int,
    colour: pygame.Color,
    draw: bool = True,
) -> int:
    """Legend entries (label, colour, marker, dash) flowing in rows; returns the height used."""
    font = fonts.get(px)
    swatch = px * 2
    x, y = area.x, area.y
    row_height = font.get_linesize()
    for text, entry_colour, shape, dash in entries:
        text_width = min(font.size(text)[0], area.width - swatch - px // 2)
        width = swatch + px // 2 + text_width
        if x > area.x and x + width > area.right:
            x, y = area.x, y + row_height
        if draw:
            mid = y + row_height / 2
            dashed_lines(surface, entry_colour, [(x, mid), (x + swatch, mid)], 3, dash)
            marker(surface, shape, entry_colour, (x + swatch / 2, mid), px / 3.2)
            label(
                surface,
                fonts,
                text,
                (x + swatch + px // 2, y),
                px,
                colour,
                max_width=area.width - swatch - px // 2,
            )
        x += width + round(px * 1.5)
    return y + row_height - area.y
