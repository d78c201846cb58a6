"""The story map as a PNG, drawn with pygame from the same Scene as the page.

It shows the first policy's weights (the page lets the reader switch). Drawn at twice the
size and scaled down, which smooths the curves and the text.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pygame

from game.charts import save_png
from game.i18n import Strings
from game.report.storymap import look
from game.report.storymap.graph import END_NODE, SCHEDULE, START
from game.report.storymap.scene import Card, Scene, Wire, segments
from game.report.storymap.svg import percent

SCALE = 2
HEADER = 44  # room above the map for its title


def write_png(scene: Scene, path: Path, s: Strings) -> Path:
    """Draw the map and save it; returns the path."""
    big = draw(scene, s)
    size = (big.get_width() // SCALE, big.get_height() // SCALE)
    return save_png(pygame.transform.smoothscale(big, size), path)


def draw(scene: Scene, s: Strings) -> pygame.Surface:
    """The map at SCALE times its size, with a title line above it."""
    policy = scene.policies[0] if scene.policies else None
    width = math.ceil(scene.width) * SCALE
    height = (math.ceil(scene.height) + HEADER) * SCALE
    surface = pygame.Surface((width, height))
    surface.fill(pygame.Color("#ffffff"))
    fonts = look.Fonts.open(SCALE)
    heading = s("map.title", title=scene.graph.title)
    if policy is not None:
        heading += f"  ·  {policy}, {scene.runs} × seed {scene.seed}"
    _text(surface, fonts.title, heading, (look.PAD * SCALE * 2, 14 * SCALE), look.TEXT)
    order = sorted(scene.wires, key=lambda w: w.shares.get(policy or "", 0.0))
    for wire in order:
        _wire(surface, wire, policy)
    for card in scene.cards:
        _card(surface, card, fonts, s, policy)
    return surface


def _at(x: float, y: float) -> tuple[float, float]:
    return x * SCALE, (y + HEADER) * SCALE


def _text(surface: pygame.Surface, font: pygame.font.Font, text: str, at: tuple[float, float],
          colour: str, right: bool = False) -> None:  # fmt: skip
    image = font.render(text, True, pygame.Color(colour))
    x, y = at
    if right:
        x -= image.get_width()
    surface.blit(image, (round(x), round(y)))


def _bezier(seg: tuple, steps: int = 24) -> list[tuple[float, float]]:
    (x0, y0), (ax, ay), (bx, by), (x1, y1) = seg
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u**3 * x0 + 3 * u * u * t * ax + 3 * u * t * t * bx + t**3 * x1,
                    u**3 * y0 + 3 * u * u * t * ay + 3 * u * t * t * by + t**3 * y1))  # fmt: skip
    return out


def _dashed(
    points: list[tuple[float, float]], dash: list[float]
) -> list[list[tuple[float, float]]]:
    """The pieces of a polyline that a dash pattern (on, off, on, ...) draws."""
    if not dash:
        return [points]
    pieces: list[list[tuple[float, float]]] = []
    index, left, on = 0, dash[0], True
    current = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        at = 0.0
        while length - at > left:
            at += left
            t = at / length
            point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                pieces.append([*current, point])
            current = [point]
            on = not on
            index = (index + 1) % len(dash)
            left = dash[index]
        left -= length - at
        current.append((x1, y1))
    if on and len(current) > 1:
        pieces.append(current)
    return pieces


def _wire(surface: pygame.Surface, wire: Wire, policy: str | None) -> None:
    share = wire.shares.get(policy, 0.0) if policy else 0.0
    if wire.kind == SCHEDULE:
        width, colour = 1.4, look.PURPLE
    elif policy is None:
        width, colour = 1.6, "#7b8fa1"
    else:
        width, colour = look.stroke(share), look.colour(share)
    points = [_at(x, y) for seg in segments(wire.points) for x, y in _bezier(seg)]
    if len(points) < 2:
        return
    dash = [float(d) * SCALE for d in look.DASHES.get(wire.kind, "").split()]
    thick = max(1, round(width * SCALE))
    paint = pygame.Color(colour)
    for piece in _dashed(points, dash):
        pygame.draw.lines(surface, paint, False, piece, thick)
        for x, y in piece:
            pygame.draw.circle(surface, paint, (x, y), thick / 2)
    x, y = points[-1]
    size = (0.55 + width / 7) * SCALE
    pygame.draw.polygon(surface, paint, [(x, y), (x - 9 * size, y - 4.5 * size),
                                         (x - 9 * size, y + 4.5 * size)])  # fmt: skip


def _card(surface: pygame.Surface, card: Card, fonts: look.Fonts, s: Strings,
          policy: str | None) -> None:  # fmt: skip
    node = card.node
    x, y = _at(card.x, card.y)
    rect = pygame.Rect(round(x), round(y), round(card.width * SCALE), round(card.height * SCALE))
    if node.kind in (START, END_NODE):
        pygame.draw.rect(surface, pygame.Color("#e8eef3"), rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, pygame.Color(look.DIM), rect, SCALE, rect.height // 2)
        label = s("map.start") if node.kind == START else s("map.end")
        image = fonts.title.render(label, True, pygame.Color(look.TEXT))
        surface.blit(image, image.get_rect(center=rect.center))
        return
    unreached = policy is not None and card.reached.get(policy, 0.0) <= 0
    problem = node.flags & {"unreachable", "dead_end", "never"}
    fill = "#fdf0e8" if problem else "#f4f4f4" if unreached else "#eef8f4"
    fill = fill if node.kind == "ending" or problem or unreached else look.CARD
    edge, line = (look.VERMILLION, 3) if problem else (look.ORANGE, 2) if unreached else (
        look.CARD_EDGE, 1)  # fmt: skip
    pygame.draw.rect(surface, pygame.Color(fill), rect, border_radius=7 * SCALE)
    pygame.draw.rect(surface, pygame.Color(edge), rect, line * SCALE, 7 * SCALE)
    if node.kind == "ending":
        band = look.PURPLE if "early" in node.flags else look.GREEN
        pygame.draw.rect(surface, pygame.Color(band), (rect.x, rect.y, 6 * SCALE, rect.height),
                         border_radius=3 * SCALE)  # fmt: skip
    elif "interrupt" in node.flags:
        top_band = (rect.x, rect.y, rect.width, 5 * SCALE)
        pygame.draw.rect(surface, pygame.Color(look.PURPLE), top_band,
                         border_radius=3 * SCALE)  # fmt: skip
    _badges(surface, card, fonts, s, rect, unreached)
    left = x + look.PAD * SCALE
    top = y + look.PAD * SCALE - 2 * SCALE
    for text in card.title:
        _text(surface, fonts.title, text, (left, top), look.TEXT)
        top += look.TITLE_LINE * SCALE
    _text(surface, fonts.meta, card.meta, (left, top + SCALE), look.DIM)
    right = x + (card.width - look.PAD) * SCALE
    if node.kind == "ending" and policy is not None:
        _text(surface, fonts.meta, percent(card.reached.get(policy)), (right, top + SCALE),
              look.TEXT, right=True)  # fmt: skip
    for k, row in enumerate(card.rows):
        _, ry = _at(0, row.y)
        half = look.ROW_HEIGHT * SCALE / 2
        if k % 2:
            pygame.draw.rect(surface, pygame.Color(look.ROW_ALT),
                             (x + SCALE, ry - half, rect.width - 2 * SCALE, 2 * half))  # fmt: skip
        colour = look.DIM if row.kind in ("timeout", "skipped") else look.TEXT
        colour = look.EARLY_TEXT if row.kind == "early" else colour
        _text(surface, fonts.row, row.label, (left, ry - 7 * SCALE), colour)
        if policy is not None:
            _text(surface, fonts.meta, percent(row.shares.get(policy)), (right, ry - 6 * SCALE),
                  look.DIM, right=True)  # fmt: skip
        pygame.draw.circle(surface, pygame.Color("#ffffff"), (rect.right, ry), 3 * SCALE)
        pygame.draw.circle(surface, pygame.Color(look.CARD_EDGE), (rect.right, ry), 3 * SCALE,
                           SCALE)  # fmt: skip


def _badges(surface: pygame.Surface, card: Card, fonts: look.Fonts, s: Strings,
            rect: pygame.Rect, unreached: bool) -> None:  # fmt: skip
    """The same labels as on the page: flow problems on the right, "not reached" on the left."""
    right = rect.right - 6 * SCALE
    labels = [
        s(f"map.mark.{f}") for f in ("unreachable", "dead_end", "never") if f in card.node.flags
    ]
    for text in labels:
        image = fonts.meta.render(text, True, pygame.Color("#ffffff"))
        box = pygame.Rect(0, 0, image.get_width() + 10 * SCALE, 16 * SCALE)
        box.topright = (right, rect.y - 9 * SCALE)
        pygame.draw.rect(surface, pygame.Color(look.VERMILLION), box, border_radius=8 * SCALE)
        surface.blit(image, image.get_rect(center=box.center))
        right = box.x - 4 * SCALE
    if unreached:
        image = fonts.meta.render(s("map.mark.not_reached"), True, pygame.Color(look.TEXT))
        box = pygame.Rect(rect.x + 6 * SCALE, rect.y - 9 * SCALE, image.get_width() + 10 * SCALE,
                          16 * SCALE)  # fmt: skip
        pygame.draw.rect(surface, pygame.Color(look.ORANGE), box, border_radius=8 * SCALE)
        surface.blit(image, image.get_rect(center=box.center))
