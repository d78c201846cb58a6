"""How the story map looks: sizes, fonts, the colour-blind-safe colours and fitting text.

The colours are the report's paper look (game.report.figures.print_style: Okabe-Ito on
white); the traffic ramp is one hue from pale to deep blue, so it reads in grey-scale and
for every common colour-vision deficiency. Text is measured with the game's own font
(DejaVu Sans), which the page asks the browser for too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.report.figures import print_style

FONT_FAMILY = "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"

CARD_WIDTH = 236
ENDING_WIDTH = 204
PAD = 9
TITLE_PX = 13
TITLE_LINE = 16
TITLE_LINES = 2
META_PX = 10
META_LINE = 14
ROW_PX = 11
ROW_HEIGHT = 19
SHARE_WIDTH = 36  # room for "100%" at the right of a row
PILL = (66, 28)  # the start and the end

_STYLE = print_style()
TEXT = _STYLE.text
DIM = "#5f6f7e"
FAINT = "#8a99a8"
CARD = "#ffffff"
CARD_EDGE = "#9aa8b5"
ROW_ALT = "#f3f6f9"
BLUE = _STYLE.series[0]  # #0072b2
VERMILLION = _STYLE.series[1]  # #d55e00: a problem in the flow
GREEN = _STYLE.series[2]  # #009e73: an ending
PURPLE = _STYLE.series[3]  # #cc79a7: interruptions, early endings
ORANGE = _STYLE.series[4]  # #e69f00: not reached in the playtest
EARLY_TEXT = "#7a3563"  # the purple darkened enough to read as text
UNTAKEN = "#b5c0ca"
PALE = (0xBF, 0xDB, 0xEE)
DEEP = (0x08, 0x36, 0x5A)

MIN_STROKE = 1.3
MAX_STROKE = 11.0

# Dash patterns by link kind (the legend shows each).
DASHES = {
    "flow": "",
    "skip": "7 4",
    "resume": "12 4 2 4",
    "interrupt": "2 4",
    "schedule": "1 4",
    "ending": "",
}


def stroke(share: float) -> float:
    """Line width for a link taken `share` times per run (0 = never)."""
    if share <= 0:
        return MIN_STROKE
    return MIN_STROKE + (MAX_STROKE - MIN_STROKE) * math.sqrt(min(share, 1.0))


def colour(share: float) -> str:
    """Pale blue for a rare link to deep blue for one every run takes; grey for never."""
    if share <= 0:
        return UNTAKEN
    t = 0.25 + 0.75 * math.sqrt(min(share, 1.0))
    mix = (round(a + (b - a) * t) for a, b in zip(PALE, DEEP, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*mix)


@dataclass
class Fonts:
    """The map's fonts, opened once per drawing (pygame.font needs no display)."""

    title: pygame.font.Font
    meta: pygame.font.Font
    row: pygame.font.Font

    @classmethod
    def open(cls, scale: float = 1.0) -> Fonts:
        if not pygame.font.get_init():
            pygame.font.init()
        regular, bold = str(_STYLE.regular_font), str(_STYLE.bold_font)
        return cls(
            pygame.font.Font(bold, round(TITLE_PX * scale)),
            pygame.font.Font(regular, round(META_PX * scale)),
            pygame.font.Font(regular, round(ROW_PX * scale)),
        )


def fit(font: pygame.font.Font, text: str, width: float) -> str:
    """`text` on one line, cut at a word (or inside one) with an ellipsis to fit `width`."""
    text = " ".join(text.split())
    if font.size(text)[0] <= width:
        return text
    words = text.split(" ")
    out = ""
    for word in words:
        trial = f"{out} {word}" if out else word
        if font.size(trial + "…")[0] > width:
            break
        out = trial
    if not out:  # one long word: cut inside it
        out = text
        while out and font.size(out + "…")[0] > width:
            out = out[:-1]
    return out.rstrip(",.;:—–- ") + "…"


def wrap(font: pygame.font.Font, text: str, width: float, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width`, the last one cut with an ellipsis."""
    words = " ".join(text.split()).split(" ")
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if font.size(trial)[0] <= width or not current:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            return [*out, fit(font, " ".join(words[i:]), width)]
    if current:
        out.append(fit(font, current, width))
    return out or [""]
