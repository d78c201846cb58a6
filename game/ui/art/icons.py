"""Icons for the meters, the principles and a few interface notions, in any colour and size.

The drawings are Tabler Icons (MIT licence, see assets/art/LICENSES.md), shipped as SVG files in
`assets/art/icons/` and drawn by pygame's own SVG renderer, so they stay crisp from 16 to 64 px
and beyond. `icon(name, size, colour)` draws one; `ICONS` maps each name the game uses to its file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pygame

from game.resources import ASSETS
from game.ui.art.svg import ArtError, for_display, rasterise

ICON_DIR = ASSETS / "art" / "icons"

METER_ICONS = MappingProxyType({
    "morale": "mood-happy",
    "stress": "temperature",
    "trust": "heart-handshake",
    "productivity": "gauge",
    "progress": "flag-3",
    "energy": "battery-3",  # the leader's energy
    "leader_stress": "activity-heartbeat",
    "stakeholder_trust": "shield-check",
    "patience": "hourglass-high",  # a stakeholder's patience
})  # fmt: skip
PRINCIPLE_ICONS = MappingProxyType({
    "planning": "calendar-event",
    "organizing": "sitemap",
    "motivating": "flame",
    "controlling": "clipboard-check",
    "composure": "ear",
    "emotional_balance": "scale",
    "stress_resistance": "umbrella",
    "decisiveness": "arrows-split-2",
    "strategic_thinking": "chess-knight",
    "objectivity": "binoculars",
    "rational_thinking": "bulb",
    "self_demand": "barbell",
    "expertise": "tool",
    "people_psychology": "brain",
    "clear_priorities": "list-numbers",
    "informed_decisions": "report-search",
    "know_your_people": "user-search",
    "values_and_culture": "compass",
})  # fmt: skip
EXTRA_ICONS = MappingProxyType({
    "team": "users-group",
    "time": "clock",
    "estimate": "help-circle",
    "gone": "door-exit",
})  # fmt: skip
ICONS: Mapping[str, str] = MappingProxyType({**METER_ICONS, **PRINCIPLE_ICONS, **EXTRA_ICONS})
ICON_NAMES = tuple(ICONS)

# A dot is a zero-length stroke, which the SVG renderer drops; it becomes a small disc.
_DOT = re.compile(
    r'<path d="M([-\d.]+)[ ,]([-\d.]+)\s*(?:l-?\.01 0|l0 -?\.01|h-?\.01|v-?\.01)"\s*/>'
)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
Colour = str | pygame.Color | tuple[int, int, int] | tuple[int, int, int, int]


def colour_hex(colour: Colour) -> str:
    """A colour given as '#rrggbb', a pygame Color or an (r, g, b[, a]) tuple, as '#rrggbb'."""
    try:
        c = pygame.Color(colour)
    except (ValueError, TypeError) as err:
        raise ValueError(f"not a colour: {colour!r}") from err
    return f"#{c.r:02x}{c.g:02x}{c.b:02x}"


def source_file(file_stem: str) -> Path:
    """The shipped SVG file of a Tabler icon, by its Tabler name."""
    return ICON_DIR / f"{file_stem}.svg"


def icon_body(file_stem: str, colour: str) -> str:
    """The inside of a shipped icon (24 x 24 units), coloured, dots made drawable."""
    file = source_file(file_stem)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as err:
        raise ArtError(f"icon file missing or unreadable: {file.name} ({err.strerror})") from err
    text = _DOT.sub(r'<circle cx="\1" cy="\2" r="1.05" fill="currentColor" stroke="none"/>', text)
    opening = _SVG_OPEN.search(text)
    body = text[opening.end() : text.rindex("</svg>")] if opening else ""
    return body.replace("currentColor", colour)


def icon_group(
    file_stem: str, colour: str, x: float, y: float, size: float, width: float = 2.0
) -> str:
    """An icon placed in a larger drawing: `size` units wide with its top left at (x, y)."""
    k = size / 24
    return (
        f'<g transform="translate({x:.2f} {y:.2f}) scale({k:.4f})" fill="none" stroke="{colour}" '
        f'stroke-width="{width:g}" stroke-linecap="round" stroke-linejoin="round">'
        f"{icon_body(file_stem, colour)}</g>"
    )


def icon_svg(name: str, colour: Colour = "#f1f4f7", stroke_width: float = 2.0) -> str:
    """The SVG document of icon `name` in `colour` (see ICON_NAMES)."""
    if name not in ICONS:
        known = ", ".join(ICON_NAMES)
        raise ValueError(f"unknown icon {name!r}; known icons: {known}")
    group = icon_group(ICONS[name], colour_hex(colour), 0, 0, 24, stroke_width)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{group}</svg>'


def icon(name: str, size: int, colour: Colour = "#f1f4f7") -> pygame.Surface:
    """Icon `name` drawn `size` pixels square in `colour`, on a transparent background.

    Below 24 px the strokes are drawn a little finer, so small icons stay open and legible.
    """
    if size < 8:
        raise ValueError(f"icon size must be at least 8 pixels, got {size}")
    width = 1.75 if size < 24 else 2.0
    return for_display(rasterise(icon_svg(name, colour, width), (size, size)))
