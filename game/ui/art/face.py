"""A portrait as SVG text: a head and shoulders in a circle, whose expression follows mood/stress.

`portrait_svg(features, mood, stress, ...)` is pure: the same arguments give the same text.
Mood (0 = miserable .. 1 = delighted) shapes the mouth, the eyes and the cheeks; stress
(0 = relaxed .. 1 = overwhelmed) lifts and knits the brows, widens the eyes, tightens or wobbles
the mouth and brings out a sweat drop and tension marks. Coordinates are a 100 x 100 box.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from game.content.look import Features
from game.ui.art.colour import contrast, desaturate, mix, shade
from game.ui.art.hair import STYLES, HairPaint, Head
from game.ui.art.svg import circle, document, ellipse, num, path, stroke
from game.ui.art.wear import earrings, glasses, torso

Paint = Callable[[str], str]
EYE = "#2a211e"
SILHOUETTE = "#5b6874"
GONE_BACKGROUND = "#26323d"
SWEAT = "#9fdcff"
# The figure is drawn at a comfortable scale, then enlarged so the face fills the circle.
ZOOM = 1.3
ZOOM_ORIGIN_Y = 58.0
SWEAT_EDGE = "#3d8fd1"


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def _plain(colour: str) -> str:
    return colour


def _uncertain(colour: str) -> str:
    return mix(desaturate(colour, 0.8), "#8d98a3", 0.25)


def _silhouette(_colour: str) -> str:
    return SILHOUETTE


@dataclass(frozen=True)
class Mood:
    """The expression's controls, from mood and stress."""

    joy: float  # 0..1, how happy above neutral
    gloom: float  # 0..1, how unhappy below neutral
    stress: float  # 0..1
    valence: float  # -1..1

    @classmethod
    def of(cls, mood: float, stress: float) -> Mood:
        v = _clamp(mood) * 2 - 1
        return cls(max(v, 0.0), max(-v, 0.0), _clamp(stress), v)


def _head(f: Features) -> Head:
    hw = 16.6 + 2.4 * f.face_width
    hw += {"feminine": -0.6, "masculine": 0.5}.get(f.presentation, 0.0)
    return Head(50.0, 44.0, hw, 21.0)


def _background(f: Features, paint: Paint) -> str:
    base = paint(f.background)
    grad = (
        '<defs><radialGradient id="bg" cx="50%" cy="32%" r="70%">'
        f'<stop offset="0" stop-color="{paint(shade(base, 0.22))}"/>'
        f'<stop offset="1" stop-color="{paint(shade(base, -0.12))}"/>'
        "</radialGradient></defs>"
    )
    return grad + circle(50, 50, 50, "url(#bg)")


def _head_shape(f: Features, h: Head) -> str:
    jaw = {"feminine": 0.5, "masculine": 0.7}.get(f.presentation, 0.6)
    cx, cy, hw, hh = h.cx, h.cy, h.hw, h.hh
    return (
        f"M {num(cx)},{num(cy - hh)} "
        f"C {num(cx + hw * 0.6)},{num(cy - hh)} {num(cx + hw)},{num(cy - hh * 0.6)} "
        f"{num(cx + hw)},{num(cy - 2)} "
        f"C {num(cx + hw)},{num(cy + hh * 0.5)} {num(cx + hw * jaw)},{num(cy + hh)} "
        f"{num(cx)},{num(cy + hh)} "
        f"C {num(cx - hw * jaw)},{num(cy + hh)} {num(cx - hw)},{num(cy + hh * 0.5)} "
        f"{num(cx - hw)},{num(cy - 2)} "
        f"C {num(cx - hw)},{num(cy - hh * 0.6)} {num(cx - hw * 0.6)},{num(cy - hh)} "
        f"{num(cx)},{num(cy - hh)} Z"
    )


def _ears(f: Features, h: Head, paint: Paint) -> str:
    out = ""
    for sign in (-1, 1):
        x = h.cx + sign * (h.hw - 0.4)
        out += ellipse(x, h.cy + 2, 3.4, 4.9, paint(f.skin))
        out += ellipse(x + sign * 0.7, h.cy + 2.2, 1.5, 2.8, paint(shade(f.skin, -0.14)))
    return out


def _facial_hair(f: Features, h: Head, paint: Paint, mouth_y: float) -> tuple[str, str]:
    """(under the mouth, over the mouth) shapes for stubble, beards and moustaches."""
    colour = paint(f.beard_colour)
    cx, cy, hw, hh = h.cx, h.cy, h.hw, h.hh
    jaw = 0.7
    lower = (
        f"M {num(cx - hw + 0.3)},{num(cy + 4)} "
        f"C {num(cx - hw)},{num(cy + hh * 0.5)} {num(cx - hw * jaw)},{num(cy + hh + 0.6)} "
        f"{num(cx)},{num(cy + hh + 0.6)} "
        f"C {num(cx + hw * jaw)},{num(cy + hh + 0.6)} {num(cx + hw)},{num(cy + hh * 0.5)} "
        f"{num(cx + hw - 0.3)},{num(cy + 4)} "
        f"C {num(cx + hw * 0.6)},{num(cy + 11)} {num(cx + 5)},{num(mouth_y - 4)} {num(cx)},"
        f"{num(mouth_y - 3.2)} "
        f"C {num(cx - 5)},{num(mouth_y - 4)} {num(cx - hw * 0.6)},{num(cy + 11)} "
        f"{num(cx - hw + 0.3)},{num(cy + 4)} Z"
    )
    moustache = (
        f"M {num(cx - 6)},{num(mouth_y - 0.6)} C {num(cx - 5)},{num(mouth_y - 4.4)} "
        f"{num(cx - 1)},{num(mouth_y - 4.2)} {num(cx)},{num(mouth_y - 3.2)} "
        f"C {num(cx + 1)},{num(mouth_y - 4.2)} {num(cx + 5)},{num(mouth_y - 4.4)} "
        f"{num(cx + 6)},{num(mouth_y - 0.6)} "
        f"C {num(cx + 3)},{num(mouth_y - 2.2)} {num(cx - 3)},{num(mouth_y - 2.2)} "
        f"{num(cx - 6)},{num(mouth_y - 0.6)} Z"
    )
    if f.facial_hair == "stubble":
        return path(lower, colour, opacity="0.28"), ""
    if f.facial_hair == "beard":
        mouth_hole = ellipse(cx, mouth_y + 0.4, 5.2, 2.6, paint(f.skin))
        return path(lower, colour) + mouth_hole, path(moustache, colour)
    if f.facial_hair == "moustache":
        return "", path(moustache, colour)
    return "", ""


def _eyes(f: Features, h: Head, m: Mood, paint: Paint, detail: bool) -> str:
    out = ""
    ey = h.cy + 1.5
    rx = 2.4 if f.age == "young" else 2.2
    ry = 2.6 * (1 + 0.32 * m.stress - 0.2 * m.gloom)
    squint = _clamp((m.valence - 0.45) / 0.55)
    top_k = 1.33 * (1 - 0.3 * m.gloom)
    low_k = 1.33 * (1 - 1.6 * squint)
    for sign in (-1, 1):
        ex = h.cx + sign * h.hw * 0.43
        d = (
            f"M {num(ex - rx)},{num(ey)} C {num(ex - rx)},{num(ey - top_k * ry)} "
            f"{num(ex + rx)},{num(ey - top_k * ry)} {num(ex + rx)},{num(ey)} "
            f"C {num(ex + rx)},{num(ey + low_k * ry)} {num(ex - rx)},{num(ey + low_k * ry)} "
            f"{num(ex - rx)},{num(ey)} Z"
        )
        out += path(d, paint(EYE))
        if squint < 0.55:
            hl = 0.85 if f.age == "young" else 0.7
            out += circle(ex + 0.7, ey - ry * 0.38, hl * (1 - squint), paint("#ffffff"))
        if detail and f.presentation == "feminine":
            x_out = ex + sign * rx
            out += stroke(
                f"M {num(x_out - sign * 0.3)},{num(ey - ry * 0.55)} l {num(sign * 1.3)},-1",
                paint(EYE),
                0.8,
            )
    return out


def brow_colour(f: Features) -> str:
    """The hair colour darkened until the brows stand out against the skin."""
    colour = shade(f.beard_colour, -0.3)
    for _ in range(6):
        if contrast(colour, f.skin) >= 2.2:
            break
        colour = shade(colour, -0.3)
    return colour


def _brows(f: Features, h: Head, m: Mood, paint: Paint, detail: bool) -> str:
    base = h.cy + 1.5 - 6.4
    worry = _clamp(0.8 * m.stress + 0.6 * m.gloom)
    inner_y = base - 3.0 * worry - 0.6 * m.joy
    outer_y = base + 0.8 * worry - 0.8 * m.joy
    arch = 1.3 + 0.9 * m.joy - 0.7 * worry
    width = {"feminine": 2.0, "masculine": 2.9}.get(f.presentation, 2.4) * (1.0 if detail else 1.25)
    colour = paint(brow_colour(f))
    out = ""
    for sign in (-1, 1):
        xi = h.cx + sign * (3.4 - 0.9 * m.stress)
        xo = h.cx + sign * (h.hw * 0.43 + 3.9)
        xm = (xi + xo) / 2
        d = (
            f"M {num(xi)},{num(inner_y)} Q {num(xm)},{num(min(inner_y, outer_y) - arch)} "
            f"{num(xo)},{num(outer_y)}"
        )
        out += stroke(d, colour, width)
    return out


def lip_colour(skin: str) -> str:
    """A reddish dark line for the mouth that stands out even against the deepest skin tones."""
    colour = mix(shade(skin, -0.5), "#8a3030", 0.35)
    return colour if contrast(colour, skin) >= 2.0 else mix(EYE, "#5a1f1f", 0.3)


def _mouth(f: Features, h: Head, m: Mood, paint: Paint, detail: bool) -> str:
    cx, my = h.cx, h.cy + 14.6
    lip = paint(lip_colour(f.skin))
    width = 1.45 if detail else 2.1
    w = 5.4 + 1.8 * m.joy - 1.4 * m.stress * (1 - m.joy)
    c = 5.0 * m.valence
    corner_y = my - 0.45 * c
    opened = _clamp((m.valence - 0.3) / 0.5)
    if opened > 0:
        lower = my + 0.9 * c + 2.6 * opened
        upper = corner_y + 0.6
        mouth = (
            f"M {num(cx - w)},{num(corner_y)} Q {num(cx)},{num(upper)} "
            f"{num(cx + w)},{num(corner_y)} "
            f"Q {num(cx)},{num(lower)} {num(cx - w)},{num(corner_y)} Z"
        )
        teeth_low = upper + (lower - upper) * 0.4
        teeth = (
            f"M {num(cx - w * 0.8)},{num(corner_y + 0.3)} Q {num(cx)},{num(upper + 0.3)} "
            f"{num(cx + w * 0.8)},{num(corner_y + 0.3)} Q {num(cx)},{num(teeth_low)} "
            f"{num(cx - w * 0.8)},{num(corner_y + 0.3)} Z"
        )
        return (
            path(mouth, paint("#5a2323"))
            + path(teeth, paint("#ffffff"))
            + stroke(mouth, lip, width * 0.6)
        )
    grimace = _clamp((m.stress - 0.72) / 0.2) * _clamp((0.15 - m.valence) / 0.4)
    if grimace > 0.5:
        gw = w * 0.95
        teeth = path(
            f"M {num(cx - gw)},{num(my)} L {num(cx + gw)},{num(my)} "
            f"L {num(cx + gw)},{num(my + 1.8)} L {num(cx - gw)},{num(my + 1.8)} Z",
            paint("#ffffff"),
        )
        frame = (
            f"M {num(cx - gw)},{num(my - 0.2)} Q {num(cx)},{num(my - 1.4)} "
            f"{num(cx + gw)},{num(my - 0.2)} "
            f"L {num(cx + gw)},{num(my + 2)} Q {num(cx)},{num(my + 2.6)} "
            f"{num(cx - gw)},{num(my + 2)} Z"
        )
        lines = (
            "".join(
                stroke(
                    (
                        f"M {num(cx + k * gw / 3)},{num(my - 0.6)} L "
                        f"{num(cx + k * gw / 3)},{num(my + 2.2)}"
                    ),
                    lip,
                    0.6,
                )
                for k in (-1, 0, 1)
            )
            if detail
            else ""
        )
        return path(frame, paint("#ffffff")) + teeth + lines + stroke(frame, lip, width * 0.8)
    wobble = _clamp((m.stress - 0.5) / 0.35) * (1 - m.joy)
    if wobble > 0.05:
        points = []
        for i in range(13):
            t = i / 12
            x = cx - w + 2 * w * t
            base = corner_y + (1 - (2 * t - 1) ** 2) * 0.9 * c * 0.5
            points.append((x, base + 0.75 * wobble * math.sin(t * math.pi * 4)))
        d = "M " + " L ".join(f"{num(x)},{num(y)}" for x, y in points)
        return stroke(d, lip, width)
    d = (
        f"M {num(cx - w)},{num(corner_y)} Q {num(cx)},{num(my + 0.9 * c)} "
        f"{num(cx + w)},{num(corner_y)}"
    )
    return stroke(d, lip, width)


def _details(f: Features, h: Head, m: Mood, paint: Paint, detail: bool) -> str:
    cx, ey = h.cx, h.cy + 1.5
    line = paint(shade(f.skin, -0.26))
    out = path(
        (
            f"M {num(cx - 1.7)},{num(ey + 7.4)} Q {num(cx)},{num(ey + 9.4)} "
            f"{num(cx + 1.7)},{num(ey + 7.4)}"
        ),
        stroke=line,
        stroke_width=num(1.3 if detail else 1.7),
        stroke_linecap="round",
    )
    if m.joy > 0.25:
        blush = paint("#ff6f6f")
        alpha = num(0.3 * (m.joy - 0.25) / 0.75 + 0.05)
        for sign in (-1, 1):
            out += ellipse(
                cx + sign * (h.hw * 0.43 + 2.4), ey + 5.6, 3.2, 1.8, blush, opacity=alpha
            )
    tired = _clamp(0.9 * m.stress + 0.6 * m.gloom - 0.45)
    if detail and tired > 0:
        for sign in (-1, 1):
            ex = cx + sign * h.hw * 0.43
            out += stroke(
                (
                    f"M {num(ex - 2.1)},{num(ey + 3.6)} Q {num(ex)},{num(ey + 4.9)} "
                    f"{num(ex + 2.1)},{num(ey + 3.6)}"
                ),
                line,
                0.8,
                opacity=num(min(0.9, tired * 1.6)),
            )
    if detail and m.stress > 0.55:
        furrow = num(min(1.0, (m.stress - 0.55) / 0.3))
        for sign in (-1, 1):
            out += stroke(
                f"M {num(cx + sign * 0.9)},{num(ey - 9.6)} l {num(sign * 0.3)},2.4",
                line,
                0.75,
                opacity=furrow,
            )
    if detail and f.age == "senior":
        for sign in (-1, 1):
            x = cx + sign * (h.hw * 0.43 + 3.0)
            out += stroke(f"M {num(x)},{num(ey - 0.6)} l {num(sign * 1.6)},-0.6", line, 0.7)
            out += stroke(f"M {num(x)},{num(ey + 0.9)} l {num(sign * 1.6)},0.6", line, 0.7)
            out += stroke(
                f"M {num(cx + sign * 4.2)},{num(ey + 8.4)} Q {num(cx + sign * 6.2)},{num(ey + 11)} "
                f"{num(cx + sign * 6.0)},{num(ey + 13.6)}",
                line,
                0.75,
                opacity="0.8",
            )
    return out


def _stress_marks(h: Head, m: Mood, paint: Paint, detail: bool) -> str:
    grow = 1.0 if detail else 1.45  # small portraits: fewer, bigger marks
    out = ""
    if m.stress > 0.58:
        k = (m.stress - 0.58) / 0.42
        out += _drop(h.cx + h.hw * 0.62, h.top + 7.5, (1.7 + 1.1 * k) * grow, paint)
    if m.stress > 0.84 and detail:
        out += _drop(h.cx - h.hw * 0.78, h.top + 12, 1.4, paint)
    if m.stress > 0.72:
        mark = paint("#ffffff")
        x, y = h.cx - h.hw - 5.5, h.top + 2
        for i, (dx, dy) in enumerate(((-3.0, -1.2), (-3.3, 1.3), (-2.2, 3.6))):
            out += stroke(
                f"M {num(x + i * 0.4)},{num(y + i * 3.6)} l {num(dx)},{num(dy)}",
                mark,
                1.3 * grow,
                opacity="0.85",
            )
    return out


def _drop(x: float, y: float, r: float, paint: Paint) -> str:
    d = (
        f"M {num(x)},{num(y - 2.3 * r)} C {num(x + 0.5 * r)},{num(y - 1.3 * r)} {num(x + r)},"
        f"{num(y - 0.6 * r)} {num(x + r)},{num(y)} A {num(r)} {num(r)} 0 1 1 {num(x - r)},{num(y)} "
        f"C {num(x - r)},{num(y - 0.6 * r)} {num(x - 0.5 * r)},{num(y - 1.3 * r)} {num(x)},"
        f"{num(y - 2.3 * r)} Z"
    )
    return path(d, paint(SWEAT), stroke=paint(SWEAT_EDGE), stroke_width=num(0.55)) + ellipse(
        x - 0.35 * r, y - 0.1 * r, 0.3 * r, 0.45 * r, paint("#ffffff"), opacity="0.85"
    )


def portrait_svg(
    f: Features, mood: float, stress: float, *, estimated: bool, gone: bool, detail: bool
) -> str:
    """The portrait (background circle included) as an SVG document on a 100 x 100 box."""
    h = _head(f)
    paint: Paint = _silhouette if gone else (_uncertain if estimated else _plain)
    hair = HairPaint(paint(f.hair_colour), paint(f.scarf_colour), f.part_left, detail and not gone)
    back, front = STYLES[f.hair](h, hair)
    parts = [back, torso(f, h, paint, detail and not gone), _ears(f, h, paint)]
    parts.append(path(_head_shape(f, h), paint(f.skin)))
    if not gone:
        m = Mood.of(mood, stress)
        under, over = _facial_hair(f, h, paint, h.cy + 14.6)
        parts += [under, _details(f, h, m, paint, detail), _eyes(f, h, m, paint, detail)]
        parts += [_mouth(f, h, m, paint, detail), over, earrings(f, h, paint)]
        parts += [front, _brows(f, h, m, paint, detail), glasses(f, h, paint, detail)]
        parts.append(_stress_marks(h, m, paint, detail))
    else:
        parts.append(front)
    backdrop = circle(50, 50, 50, GONE_BACKGROUND) if gone else _background(f, paint)
    y0 = num(ZOOM_ORIGIN_Y)
    zoom = f'<g transform="translate(50 {y0}) scale({ZOOM}) translate(-50 -{y0})">'
    return document(100, 100, backdrop + zoom + "".join(parts) + "</g>")
