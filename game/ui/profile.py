"""The debrief's principles chart: per principle met, how many decisions applied it and how many
violated it, as two bars on one scale, counted apart (never netted).

Every bar is to scale: one decision is the same length in every row, the scale is drawn under
the rows (tick marks with their numbers and "0 … N decisions"), and each bar carries its count
with a sign, so neither the colour nor the length alone tells applied from violated. The text
is the theme's "#small" size, so it follows the window and the text-size setting (at least
18 px at 1920x1080 with the smallest text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.charts.draw import wrap_text
from game.i18n import Strings
from game.ui.art.svg import for_display
from game.ui.faces import icon
from game.ui.theme import Theme

KINDS = ("applied", "violated")


@dataclass(frozen=True)
class Met:
    """One principle met in a playthrough."""

    principle: str  # its id (for the icon)
    name: str
    applied: int
    violated: int


@dataclass
class Profile:
    """The drawn chart and where its bars are: (principle id, "applied"/"violated") -> Rect
    (a bar of no decisions has width 0)."""

    surface: pygame.Surface
    bars: dict[tuple[str, str], pygame.Rect] = field(default_factory=dict)
    unit: float = 0.0  # pixels per decision
    scale: int = 1  # the number of decisions the scale reaches
    shown: int = 0  # how many principles fit
    names: list[str] = field(default_factory=list)  # each shown row's name, as drawn


def ticks(top: int) -> list[int]:
    """Whole numbers from 0 to `top` a readable step apart (at most about six)."""
    step = 1
    for step in (1, 2, 5, 10, 20, 50, 100):
        if top / step <= 6:
            break
    return list(range(0, top + 1, step))


def draw_profile(theme: Theme, strings: Strings, met: list[Met], size: tuple[int, int]) -> Profile:
    width, height = max(1, size[0]), max(1, size[1])
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    font = theme.font(theme.font_px("#small"))
    bold = theme.font(theme.font_px("#small"), bold=True)
    line = font.get_linesize()
    gap = theme.px("small_gap")
    colours = {"applied": theme.colour("good"), "violated": theme.colour("bad")}
    text, dim = theme.colour("text"), theme.colour("text_dim")
    y = 0
    for part in wrap_text(bold, strings("debrief.profile"), width):
        surface.blit(bold.render(part, True, text), (0, y))
        y += bold.get_linesize()
    # the legend: a swatch, the word and the sign for each kind
    x = 0
    for kind in KINDS:
        swatch = pygame.Rect(x, y + line // 4, line // 2 * 2, line // 2)
        pygame.draw.rect(surface, colours[kind], swatch, border_radius=2)
        sign = "+" if kind == "applied" else "\u2212"
        word = font.render(f"{sign} {strings(f'run.counts.{kind}')}", True, text)
        surface.blit(word, (swatch.right + 6, y))
        x = swatch.right + 6 + word.get_width() + gap * 3
    y += line + gap
    top = max([m.applied for m in met] + [m.violated for m in met] + [1])
    if not met:
        for part in wrap_text(font, strings("profile.none"), width):
            surface.blit(font.render(part, True, dim), (0, y))
            y += line
        return Profile(for_display(surface), scale=top)
    # violated to the left of a middle line, applied to the right, on one scale; the scale
    # (tick numbers and "0 … N decisions") under the rows
    axis_height = line * 2 + gap
    longest = max(font.size(m.name)[0] for m in met) + line + 6
    label_width = min(round(width * 0.44), longest)
    room = height - y - axis_height
    # a long name takes a second line when every row still fits so; else the names get a
    # wider column (shorter bars, the same scale for all) and only what still does not fit
    # is cut
    names = [wrap_text(font, m.name, label_width - line - 6) for m in met]
    heights = [line * min(2, len(n)) + gap for n in names]
    if sum(heights) > room:
        label_width = min(round(width * 0.58), longest)
        names = [[_fit(font, m.name, label_width - line - 6)] for m in met]
        heights = [line + gap] * len(met)
    counts_width = font.size("\u2212" + str(top))[0] + 6
    half = max(10, (width - label_width - gap - 2 * counts_width) // 2)
    middle = label_width + gap + counts_width + half
    unit = half / top
    shown = 0
    while shown < len(met) and sum(heights[: shown + 1]) <= room:
        shown += 1
    if shown < len(met):  # a last line says how many did not fit
        while shown > 1 and sum(heights[:shown]) > room - line:
            shown -= 1
    shown = max(1, shown)
    rows_top = y
    bars: dict[tuple[str, str], pygame.Rect] = {}
    bar_height = max(6, line - line // 3)
    drawn: list[str] = []
    for m, name, row_height in zip(met[:shown], names, heights, strict=False):
        surface.blit(icon(m.principle, line - 2, text), (0, y + 1))
        lines = []
        for n, part in enumerate(name[:2]):
            if n == 1 and len(name) > 2:
                part = _fit(font, " ".join(name[1:]), label_width - line - 6)
            surface.blit(font.render(part, True, text), (line + 4, y + n * line))
            lines.append(part)
        drawn.append(" ".join(lines))
        track = pygame.Rect(middle - half, y + (line - bar_height) // 2, 2 * half, bar_height)
        pygame.draw.rect(surface, theme.colour("meter_track"), track, border_radius=3)
        for kind in KINDS:
            count = m.applied if kind == "applied" else m.violated
            length = round(unit * count)
            x0 = middle if kind == "applied" else middle - length
            bar = pygame.Rect(x0, track.y, length, bar_height)
            bars[(m.principle, kind)] = bar
            if length:
                pygame.draw.rect(surface, colours[kind], bar, border_radius=3)
            sign = "+" if kind == "applied" else "\u2212"
            label = font.render(f"{sign}{count}" if count else "0", True, text if count else dim)
            lx = bar.right + 4 if kind == "applied" else bar.left - 4 - label.get_width()
            surface.blit(label, (lx, y))
        y += row_height
    pygame.draw.line(surface, dim, (middle, rows_top), (middle, y), 1)
    pygame.draw.line(surface, dim, (middle - half, y), (middle + half, y), 1)
    for value in ticks(top):
        for side in (-1, 1) if value else (1,):
            tx = middle + side * round(unit * value)
            pygame.draw.line(surface, dim, (tx, y - gap // 2), (tx, y + gap // 2), 1)
            number = font.render(str(value), True, dim)
            nx = min(max(0, tx - number.get_width() // 2), width - number.get_width())
            surface.blit(number, (nx, y + gap // 2))
    caption = font.render(strings("profile.scale", count=top), True, dim)
    surface.blit(caption, (middle - caption.get_width() // 2, y + gap // 2 + line))
    if shown < len(met):
        more = strings("profile.more", count=len(met) - shown)
        surface.blit(font.render(_fit(font, more, width), True, dim), (0, y + gap // 2 + line * 2))
    return Profile(for_display(surface), bars, unit, top, shown, drawn)


def _fit(font: pygame.font.Font, text: str, width: int) -> str:
    """`text`, cut at a word with "…" when wider than `width`."""
    if font.size(text)[0] <= width:
        return text
    words = text.split()
    while len(words) > 1 and font.size(" ".join(words) + "\u2026")[0] > width:
        words.pop()
    return " ".join(words) + "\u2026"
