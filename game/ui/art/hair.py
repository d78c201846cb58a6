"""Hair styles as SVG shapes: what lies behind the head and body, and what lies over the face.

Coordinates are in the portrait's 100 x 100 box (see `face.Head`). Each style is a function
returning `(back, front)` SVG fragments; the table `STYLES` maps a style name to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from game.ui.art.colour import shade
from game.ui.art.svg import circle, ellipse, num, path, stroke


@dataclass(frozen=True)
class Head:
    """Where the head is: centre, half width and half height, in the 100-unit box."""

    cx: float
    cy: float
    hw: float
    hh: float

    @property
    def top(self) -> float:
        return self.cy - self.hh


@dataclass(frozen=True)
class HairPaint:
    colour: str
    scarf: str
    part_left: bool
    detail: bool


Style = Callable[[Head, HairPaint], tuple[str, str]]


def _outer(h: Head, t: float, lift: float = 0.0, down: float = 1.0) -> str:
    """The outline over the skull from the left temple to the right, `t` outside the head."""
    cx, top, hw = h.cx, h.top - t - lift, h.hw + t
    y0 = h.cy + down
    return (
        f"M {num(cx - hw)},{num(y0)} "
        f"C {num(cx - hw)},{num(h.cy - h.hh * 0.62 - t)} {num(cx - hw * 0.6)},{num(top)} "
        f"{num(cx)},{num(top)} "
        f"C {num(cx + hw * 0.6)},{num(top)} {num(cx + hw)},{num(h.cy - h.hh * 0.62 - t)} "
        f"{num(cx + hw)},{num(y0)} "
    )


def _sideburns_and(h: Head, fringe: str) -> str:
    """From the right temple down a sideburn, along `fringe` (right to left), down the left one."""
    cx, cy, hw = h.cx, h.cy, h.hw
    return (
        f"L {num(cx + hw - 0.4)},{num(cy + 3)} L {num(cx + hw - 2.6)},{num(cy + 3)} "
        f"L {num(cx + hw - 2.5)},{num(cy - 8)} {fringe} "
        f"L {num(cx - hw + 2.6)},{num(cy + 3)} L {num(cx - hw + 0.4)},{num(cy + 3)} Z"
    )


def _curve_fringe(h: Head, depth: float, tilt: float = 0.0) -> str:
    """A smooth hairline from right temple to left, `depth` below the top of the head."""
    cx, top, hw = h.cx, h.top, h.hw
    return (
        f"C {num(cx + hw * 0.5)},{num(top + depth - tilt)} {num(cx - hw * 0.5)},"
        f"{num(top + depth + tilt)} {num(cx - hw + 2.5)},{num(h.cy - 8)}"
    )


def _mirror(d: str, cx: float, flip: bool) -> str:
    """`d` mirrored about x = cx when `flip` (coordinates written "x,y")."""
    if not flip:
        return d
    out = []
    for token in d.split():
        if "," in token:
            x, y = token.split(",")
            out.append(f"{num(2 * cx - float(x))},{y}")
        else:
            out.append(token)
    return " ".join(out)


def _sheen(h: Head, p: HairPaint, lift: float = 0.0) -> str:
    if not p.detail:
        return ""
    cx, top, hw = h.cx, h.top - lift, h.hw
    d = (
        f"M {num(cx - hw * 0.62)},{num(top + 4)} Q {num(cx - hw * 0.3)},{num(top - 0.6)} "
        f"{num(cx + hw * 0.1)},{num(top + 0.2)}"
    )
    return stroke(d, shade(p.colour, 0.28), 1.7, opacity="0.55")


def _cap(
    h: Head, p: HairPaint, t: float, depth: float, lift: float = 0.0, tilt: float = 0.0
) -> str:
    d = _outer(h, t, lift) + _sideburns_and(h, _curve_fringe(h, depth, tilt))
    return path(_mirror(d, h.cx, p.part_left), p.colour)


def bald(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw = h.cx, h.cy, h.hw
    sides = ""
    for sign in (-1, 1):
        x0 = cx + sign * (hw + 0.8)
        d = (
            f"M {num(x0)},{num(cy + 3)} C {num(x0 + sign * 0.6)},{num(cy - 5)} "
            f"{num(x0 - sign * 1.0)},{num(cy - 9)} {num(x0 - sign * 3.2)},{num(cy - 10)} "
            f"L {num(x0 - sign * 3.0)},{num(cy + 3)} Z"
        )
        sides += path(d, p.colour, opacity="0.9")
    return "", sides


def buzz(h: Head, p: HairPaint) -> tuple[str, str]:
    d = _outer(h, 0.9) + _sideburns_and(h, _curve_fringe(h, 7.5))
    return "", path(d, p.colour, opacity="0.92")


def short(h: Head, p: HairPaint) -> tuple[str, str]:
    return "", _cap(h, p, 2.6, 8.5, lift=1.0) + _sheen(h, p, 3.0)


def side_part(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, top, hw = h.cx, h.top, h.hw
    fringe = (
        f"C {num(cx + hw * 0.3)},{num(top + 12)} {num(cx - hw * 0.2)},{num(top + 5)} "
        f"{num(cx - hw * 0.55)},{num(top + 6.5)} "
        f"C {num(cx - hw * 0.75)},{num(top + 7)} {num(cx - hw + 2)},{num(top + 9)} "
        f"{num(cx - hw + 2.5)},{num(h.cy - 8)}"
    )
    d = _outer(h, 3.0, lift=1.5) + _sideburns_and(h, fringe)
    part = (
        stroke(
            _mirror(
                (
                    f"M {num(cx - hw * 0.55)},{num(top + 6)} Q "
                    f"{num(cx - hw * 0.5)},{num(top + 1)} {num(cx - hw * 0.4)},{num(top - 3.5)}"
                ),
                cx,
                p.part_left,
            ),
            shade(p.colour, -0.25),
            0.9,
        )
        if p.detail
        else ""
    )
    return "", path(_mirror(d, cx, p.part_left), p.colour) + part + _sheen(h, p, 4.0)


def quiff(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, top, hw = h.cx, h.top, h.hw
    lift = 7.0
    d = (
        f"M {num(cx - hw - 1.6)},{num(h.cy + 1)} "
        f"C {num(cx - hw - 2)},{num(top - 2)} {num(cx - hw * 0.7)},{num(top - lift + 1)} "
        f"{num(cx - hw * 0.1)},{num(top - lift)} "
        f"C {num(cx + hw * 0.5)},{num(top - lift - 1.5)} {num(cx + hw + 2)},{num(top - 4)} "
        f"{num(cx + hw + 1.6)},{num(h.cy + 1)} "
    ) + _sideburns_and(h, _curve_fringe(h, 6.5, tilt=1.0))
    return "", path(_mirror(d, cx, p.part_left), p.colour) + _sheen(h, p, lift)


def pixie(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, top, hw = h.cx, h.top, h.hw
    fringe = (
        f"L {num(cx + hw * 0.55)},{num(top + 8)} Q {num(cx + hw * 0.2)},{num(top + 9)} "
        f"{num(cx - hw * 0.1)},{num(top + 11.5)} Q {num(cx - hw * 0.25)},{num(top + 9)} "
        f"{num(cx - hw * 0.45)},{num(top + 13)} Q {num(cx - hw * 0.7)},{num(top + 10)} "
        f"{num(cx - hw + 2.9)},{num(h.cy - 3)}"
    )
    d = _outer(h, 3.2, lift=2.0) + _sideburns_and(h, fringe)
    return "", path(_mirror(d, cx, p.part_left), p.colour) + _sheen(h, p, 4.0)


def _bumps(
    cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int, r: float, colour: str
) -> str:
    out = []
    for i in range(n):
        a = math.radians(a0 + (a1 - a0) * i / max(1, n - 1))
        out.append(circle(cx + rx * math.cos(a), cy + ry * math.sin(a), r, colour))
    return "".join(out)


def curly(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw, top = h.cx, h.cy, h.hw, h.top
    back = _bumps(cx, cy - 2, hw + 2.2, h.hh * 0.9, 160, 380, 12, 4.6, p.colour)
    cap = path(_outer(h, 3.0, lift=1.0) + _sideburns_and(h, _curve_fringe(h, 8.0)), p.colour)
    fringe = _bumps(cx, top + 3.5, hw * 0.78, 4.5, 200, 340, 6, 3.6, p.colour)
    crown = _bumps(cx, cy - 2, hw + 2.6, h.hh + 2.8, 205, 335, 7, 4.2, p.colour)
    return back, cap + crown + fringe


def afro(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw, top = h.cx, h.cy, h.hw, h.top
    big = hw + 10.5
    back = circle(cx, cy - 5, big, p.colour) + _bumps(
        cx, cy - 5, big, big, 0, 345, 24, 3.6, p.colour
    )
    front = path(_outer(h, 2.0) + _sideburns_and(h, _curve_fringe(h, 8.5)), p.colour)
    front += _bumps(cx, top + 4.5, hw * 0.72, 4, 200, 340, 6, 3.0, p.colour)
    return back, front


def _curtains(h: Head, p: HairPaint, length: float, t: float = 3.0) -> str:
    """Hair parted in the middle (or to one side) falling past the face to `length`."""
    cx, cy, hw, top = h.cx, h.cy, h.hw, h.top
    part = cx + (3.0 if p.part_left else -3.0)
    y_end = cy + length
    d = (
        f"M {num(cx - hw - t)},{num(y_end)} "
        f"C {num(cx - hw - t - 0.5)},{num(cy - h.hh * 0.7)} {num(cx - hw * 0.7)},{num(top - t)} "
        f"{num(cx)},{num(top - t)} "
        f"C {num(cx + hw * 0.7)},{num(top - t)} {num(cx + hw + t + 0.5)},{num(cy - h.hh * 0.7)} "
        f"{num(cx + hw + t)},{num(y_end)} "
        f"L {num(cx + hw - 0.8)},{num(y_end)} "
        f"C {num(cx + hw - 0.2)},{num(cy - 6)} {num(cx + hw * 0.5)},{num(top + 5)} "
        f"{num(part)},{num(top + 3)} "
        f"C {num(cx - hw * 0.5)},{num(top + 5)} {num(cx - hw + 0.2)},{num(cy - 6)} "
        f"{num(cx - hw + 0.8)},{num(y_end)} Z"
    )
    return path(d, p.colour)


def bob(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw, top = h.cx, h.cy, h.hw, h.top
    w = hw + 4.5
    back = path(
        f"M {num(cx - w)},{num(cy + 15)} C {num(cx - w - 1)},{num(top - 2)} {num(cx - w * 0.6)},"
        f"{num(top - 4)} {num(cx)},{num(top - 4)} C {num(cx + w * 0.6)},{num(top - 4)} "
        f"{num(cx + w + 1)},{num(top - 2)} {num(cx + w)},{num(cy + 15)} "
        f"Q {num(cx)},{num(cy + 18)} {num(cx - w)},{num(cy + 15)} Z",
        shade(p.colour, -0.12),
    )
    bangs = (
        f"C {num(cx + hw * 0.6)},{num(top + 11)} {num(cx - hw * 0.6)},{num(top + 11)} "
        f"{num(cx - hw + 1.5)},{num(top + 10)}"
    )
    sides = (
        f"M {num(cx - hw - 3.2)},{num(cy + 14)} "
        f"C {num(cx - hw - 3.6)},{num(cy - h.hh * 0.7)} {num(cx - hw * 0.7)},{num(top - 3.2)} "
        f"{num(cx)},{num(top - 3.2)} "
        f"C {num(cx + hw * 0.7)},{num(top - 3.2)} {num(cx + hw + 3.6)},{num(cy - h.hh * 0.7)} "
        f"{num(cx + hw + 3.2)},{num(cy + 14)} L {num(cx + hw - 0.6)},{num(cy + 14)} "
        f"C {num(cx + hw)},{num(cy)} {num(cx + hw - 0.4)},{num(top + 12)} "
        f"{num(cx + hw - 1.5)},{num(top + 10)} {bangs} "
        f"C {num(cx - hw + 0.4)},{num(top + 12)} {num(cx - hw)},{num(cy)} "
        f"{num(cx - hw + 0.6)},{num(cy + 14)} Z"
    )
    return back, path(sides, p.colour) + _sheen(h, p, 3.0)


def long(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw, top = h.cx, h.cy, h.hw, h.top
    w = hw + 5
    back = path(
        f"M {num(cx - w - 3)},{num(96)} C {num(cx - w - 1)},{num(cy + 10)} {num(cx - w - 2)},"
        f"{num(top)} {num(cx)},{num(top - 4)} C {num(cx + w + 2)},{num(top)} {num(cx + w + 1)},"
        f"{num(cy + 10)} {num(cx + w + 3)},{num(96)} Z",
        shade(p.colour, -0.12),
    )
    return back, _curtains(h, p, 24.0) + _sheen(h, p, 3.0)


def ponytail(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw = h.cx, h.cy, h.hw
    side = -1 if p.part_left else 1
    x0 = cx + side * (hw - 1)
    tail = path(
        f"M {num(x0)},{num(cy - 6)} C {num(x0 + side * 9)},{num(cy - 4)} {num(x0 + side * 9)},"
        f"{num(cy + 14)} {num(x0 + side * 5)},{num(cy + 27)} C {num(x0 + side * 3)},{num(cy + 16)} "
        f"{num(x0 + side * 1)},{num(cy + 6)} {num(x0 - side * 1)},{num(cy + 1)} Z",
        shade(p.colour, -0.1),
    )
    front = path(_outer(h, 2.2) + _sideburns_and(h, _curve_fringe(h, 7.0, tilt=-1.5)), p.colour)
    return tail, front + _sheen(h, p, 2.2)


def bun(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, top = h.cx, h.top
    back = circle(cx, top - 4.5, 7.2, p.colour) + (
        stroke(
            (
                f"M {num(cx - 4)},{num(top - 3)} Q {num(cx)},{num(top - 7)} "
                f"{num(cx + 3)},{num(top - 8)}"
            ),
            shade(p.colour, -0.22),
            0.9,
        )
        if p.detail
        else ""
    )
    front = path(_outer(h, 2.3) + _sideburns_and(h, _curve_fringe(h, 7.0)), p.colour)
    return back, front + _sheen(h, p, 2.3)


def braids(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw = h.cx, h.cy, h.hw
    back = ""
    for sign in (-1, 1):
        for i in range(7):
            x = cx + sign * (hw + 1.5 + i * 0.5)
            back += ellipse(x, cy + 2 + i * 4.6, 3.1, 3.0, p.colour)
            if p.detail:
                back += stroke(
                    (
                        f"M {num(x - 2.2)},{num(cy + 1 + i * 4.6)} Q "
                        f"{num(x)},{num(cy + 3.5 + i * 4.6)} {num(x + 2.2)},{num(cy + 1 + i * 4.6)}"
                    ),
                    shade(p.colour, -0.3),
                    0.7,
                )
    return back, _curtains(h, p, 6.0, t=2.4)


def headscarf(h: Head, p: HairPaint) -> tuple[str, str]:
    cx, cy, hw, hh, top = h.cx, h.cy, h.hw, h.hh, h.top
    scarf = p.scarf
    w = hw + 6.5
    hood = (
        f"M {num(cx)},{num(top - 6)} C {num(cx + w + 2)},{num(top - 6)} "
        f"{num(cx + w)},{num(cy + 14)} "
        f"{num(cx + w + 9)},{num(82)} L {num(cx + 24)},{num(104)} L {num(cx - 24)},{num(104)} "
        f"L {num(cx - w - 9)},{num(82)} C {num(cx - w)},{num(cy + 14)} {num(cx - w - 2)},"
        f"{num(top - 6)} {num(cx)},{num(top - 6)} Z"
    )
    face = (
        f"M {num(cx)},{num(top + 3.5)} C {num(cx - hw + 0.5)},{num(top + 3.5)} {num(cx - hw + 1)},"
        f"{num(cy + hh - 3)} {num(cx)},{num(cy + hh + 1.5)} C "
        f"{num(cx + hw - 1)},{num(cy + hh - 3)} "
        f"{num(cx + hw - 0.5)},{num(top + 3.5)} {num(cx)},{num(top + 3.5)} Z"
    )
    front = path(hood + " " + face, scarf, fill_rule="evenodd")
    if p.detail:
        front += stroke(
            f"M {num(cx - hw + 1)},{num(cy + 8)} C {num(cx - hw + 3)},{num(cy + hh + 6)} "
            f"{num(cx + hw - 3)},{num(cy + hh + 6)} {num(cx + hw - 1)},{num(cy + 8)}",
            shade(scarf, -0.2),
            1.0,
            opacity="0.7",
        )
    return "", front


STYLES: dict[str, Style] = {
    "bald": bald,
    "buzz": buzz,
    "short": short,
    "side_part": side_part,
    "quiff": quiff,
    "pixie": pixie,
    "curly": curly,
    "afro": afro,
    "bob": bob,
    "long": long,
    "ponytail": ponytail,
    "bun": bun,
    "braids": braids,
    "headscarf": headscarf,
}
