"""What a portrait wears: clothes at the shoulders, glasses and earrings (100 x 100 box)."""

from __future__ import annotations

from collections.abc import Callable

from game.content.look import Features
from game.ui.art.colour import shade
from game.ui.art.hair import Head
from game.ui.art.svg import circle, num, path, stroke

Paint = Callable[[str], str]


def torso(f: Features, h: Head, paint: Paint, detail: bool) -> str:
    cloth = paint(f.clothes_colour)
    neck_colour = paint(shade(f.skin, -0.13))
    band = paint(shade(f.clothes_colour, -0.18))
    out = ""
    if f.clothes == "hoodie":
        out += path("M 33,76 Q 50,62 67,76 Q 50,86 33,76 Z", band)
    out += path(
        f"M {num(h.cx - 6.6)},{num(h.cy + h.hh - 9)} L {num(h.cx - 7.2)},80 "
        f"L {num(h.cx + 7.2)},80 L {num(h.cx + 6.6)},{num(h.cy + h.hh - 9)} Z",
        neck_colour,
    )
    out += path("M 7,104 C 8,86 20,77.5 36,75 Q 50,73 64,75 C 80,77.5 92,86 93,104 Z", cloth)
    if f.clothes == "crew":
        out += path("M 41.5,74.6 Q 50,83 58.5,74.6 Z", neck_colour)
        out += stroke("M 41.5,74.6 Q 50,83 58.5,74.6", band, 1.8)
    elif f.clothes == "vneck":
        out += path("M 42,74.5 L 50,85 L 58,74.5 Z", neck_colour)
        out += stroke("M 42,74.5 L 50,85 L 58,74.5", band, 1.8)
    elif f.clothes == "collar":
        collar = paint(shade(f.clothes_colour, 0.35))
        out += path("M 43,74.5 Q 50,80 57,74.5 Z", neck_colour)
        out += path("M 43.5,73.5 L 49.6,80.5 L 41,80 Z", collar)
        out += path("M 56.5,73.5 L 50.4,80.5 L 59,80 Z", collar)
        if detail:
            out += stroke("M 50,81 L 50,100", band, 0.8)
            out += circle(50, 86, 0.8, band) + circle(50, 92, 0.8, band)
    elif f.clothes == "hoodie":
        out += path("M 43,75 Q 50,81 57,75 Z", neck_colour)
        lace = paint(shade(f.clothes_colour, 0.45))
        out += stroke("M 46,79 L 45.4,90", lace, 1.2) + stroke("M 54,79 L 54.6,90", lace, 1.2)
    else:  # blazer over a light shirt
        shirt = paint("#eef1f4")
        out += path("M 40.5,74.8 L 50,101 L 59.5,74.8 Z", shirt)
        out += path("M 44,74.6 L 50,81 L 56,74.6 Z", neck_colour)
        lapel = paint(shade(f.clothes_colour, -0.22))
        out += path("M 40.5,74.8 L 47.5,94 L 43.5,83 L 37.5,80.5 Z", lapel)
        out += path("M 59.5,74.8 L 52.5,94 L 56.5,83 L 62.5,80.5 Z", lapel)
    return out


def glasses(f: Features, h: Head, paint: Paint, detail: bool) -> str:
    if f.glasses == "none":
        return ""
    frame = paint(f.glasses_frame)
    ey = h.cy + 1.5
    w = 1.15 if detail else 1.5
    out = ""
    for sign in (-1, 1):
        ex = h.cx + sign * h.hw * 0.43
        if f.glasses == "round":
            out += circle(
                ex,
                ey,
                4.9,
                paint("#ffffff"),
                fill_opacity="0.12",
                stroke=frame,
                stroke_width=num(w),
            )
        else:
            out += path(
                f"M {num(ex - 5.2)},{num(ey - 3.6)} L {num(ex + 5.2)},{num(ey - 3.6)} "
                f"L {num(ex + 4.6)},{num(ey + 3.4)} L {num(ex - 4.6)},{num(ey + 3.4)} Z",
                paint("#ffffff"),
                fill_opacity="0.12",
                stroke=frame,
                stroke_width=num(w),
                stroke_linejoin="round",
            )
        out += stroke(
            f"M {num(ex + sign * 5)},{num(ey - 1)} L {num(h.cx + sign * h.hw)},{num(ey - 1.8)}",
            frame,
            w,
        )
    out += stroke(
        (
            f"M {num(h.cx - 2.2)},{num(ey - 1)} Q {num(h.cx)},{num(ey - 2.4)} "
            f"{num(h.cx + 2.2)},{num(ey - 1)}"
        ),
        frame,
        w,
    )
    return out


def earrings(f: Features, h: Head, paint: Paint) -> str:
    if not f.earrings or f.hair == "headscarf":
        return ""
    gold = paint("#e8c15a")
    return circle(h.cx - h.hw - 0.2, h.cy + 6.6, 1.2, gold) + circle(
        h.cx + h.hw + 0.2, h.cy + 6.6, 1.2, gold
    )
