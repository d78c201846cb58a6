"""Colour arithmetic for the art kit: #rrggbb strings in, #rrggbb strings out (no pygame)."""

from __future__ import annotations

import colorsys
import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def rgb(colour: str) -> tuple[int, int, int]:
    """The channels of `#rrggbb` (or `#rrggbbaa`, alpha ignored)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def to_hex(r: float, g: float, b: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c))) for c in (r, g, b)))


def mix(a: str, b: str, t: float) -> str:
    """`a` moved the share `t` (0..1) of the way to `b`."""
    ra, rb = rgb(a), rgb(b)
    return to_hex(*(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))


def shade(colour: str, amount: float) -> str:
    """Darker (amount < 0, towards black) or lighter (amount > 0, towards white)."""
    return mix(colour, "#000000" if amount < 0 else "#ffffff", abs(amount))


def desaturate(colour: str, amount: float) -> str:
    """Saturation reduced by the share `amount`; lightness kept."""
    r, g, b = (c / 255 for c in rgb(colour))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    r2, g2, b2 = colorsys.hls_to_rgb(h, lum, s * (1 - amount))
    return to_hex(r2 * 255, g2 * 255, b2 * 255)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""

    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def with_hue(colour: str, hue: float) -> str:
    """The colour with its hue replaced (hue in 0..1), lightness and saturation kept."""
    r, g, b = (c / 255 for c in rgb(colour))
    _, lum, s = colorsys.rgb_to_hls(r, g, b)
    r2, g2, b2 = colorsys.hls_to_rgb(hue % 1.0, lum, s)
    return to_hex(r2 * 255, g2 * 255, b2 * 255)
