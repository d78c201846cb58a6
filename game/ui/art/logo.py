"""The LeadSim mark (a leader stepping ahead of the team), the logo and the window icon."""

from __future__ import annotations

import pygame

from game.resources import ASSETS
from game.ui.art.icons import Colour, colour_hex
from game.ui.art.svg import circle, for_display, num, path, rasterise

NAVY = "#13202b"
WARM_TOP = "#f8c550"
WARM_BOTTOM = "#ee8434"
BOLD_FONT = ASSETS / "fonts" / "DejaVuSans-Bold.ttf"
ICON_SIZES = (32, 64)


def _figure(x: float, y: float, s: float, fill: str, opacity: float = 1.0) -> str:
    """Head and shoulders, the shoulders' base at y."""
    body = (
        f"M {num(x - 10 * s)},{num(y)} C {num(x - 10 * s)},{num(y - 8 * s)} {num(x - 6 * s)},"
        f"{num(y - 11 * s)} {num(x)},{num(y - 11 * s)} C {num(x + 6 * s)},{num(y - 11 * s)} "
        f"{num(x + 10 * s)},{num(y - 8 * s)} {num(x + 10 * s)},{num(y)} Z"
    )
    op = {} if opacity >= 1 else {"opacity": num(opacity)}
    return path(body, fill, **op) + circle(x, y - 17 * s, 5.6 * s, fill, **op)


def mark_svg() -> str:
    """The mark on a 64 x 64 box: a rounded warm tile, two teammates and the leader ahead."""
    tile = (
        '<defs><linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{WARM_TOP}"/><stop offset="1" stop-color="{WARM_BOTTOM}"/>'
        "</linearGradient></defs>"
        '<rect x="2" y="2" width="60" height="60" rx="15" fill="url(#tile)"/>'
    )
    team = _figure(18, 50, 0.82, NAVY, 0.45) + _figure(46, 50, 0.82, NAVY, 0.45)
    leader = _figure(32, 55, 1.1, NAVY)
    spark = path(
        "M 32,5.5 L 34,10.5 L 39,12.5 L 34,14.5 L 32,19.5 L 30,14.5 L 25,12.5 L 30,10.5 Z",
        "#ffffff",
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f"{tile}{team}{leader}{spark}</svg>"
    )


def window_icon(size: int = 32) -> pygame.Surface:
    """The window icon, `size` pixels square (32 and 64 are shipped as PNG files too)."""
    if size < 16:
        raise ValueError(f"icon size must be at least 16 pixels, got {size}")
    return rasterise(mark_svg(), (size, size))


def logo(height: int = 96, text: Colour = "#f1f4f7", accent: Colour = "#f5b83d") -> pygame.Surface:
    """The mark followed by the name "LeadSim" ("Sim" in `accent`), `height` pixels tall."""
    if height < 16:
        raise ValueError(f"logo height must be at least 16 pixels, got {height}")
    if not pygame.font.get_init():
        pygame.font.init()
    font = pygame.font.Font(str(BOLD_FONT), max(8, round(height * 0.56)))
    lead = font.render("Lead", True, pygame.Color(colour_hex(text)))
    sim = font.render("Sim", True, pygame.Color(colour_hex(accent)))
    mark = rasterise(mark_svg(), (height, height))
    gap = round(height * 0.22)
    width = height + gap + lead.get_width() + sim.get_width()
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    out.blit(mark, (0, 0))
    y = (height - lead.get_height()) // 2
    out.blit(lead, (height + gap, y))
    out.blit(sim, (height + gap + lead.get_width(), y))
    return for_display(out)
