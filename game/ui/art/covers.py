"""Cover art for each scenario setting: a wide illustration drawn in the window's palette.

`cover(setting, (width, height), palette)` composes a sky in the palette's background colours
tinted with the setting's accent, a skyline or hills, the team standing at the bottom, and a
medallion with the setting's emblem surrounded by three smaller emblems (Tabler Icons). The
same setting and size always give the same picture. Any aspect ratio works; 16:9 looks best.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

import pygame

from game.ui.art.colour import mix, shade
from game.ui.art.icons import icon_group
from game.ui.art.svg import circle, for_display, num, path, rasterise, rect, stroke


class CoverTheme(NamedTuple):
    accent: str
    emblem: str  # Tabler icon in the medallion
    around: tuple[str, str, str]  # three smaller emblems
    ground: str  # "city" or "hills"


THEMES: Mapping[str, CoverTheme] = MappingProxyType({
    "product": CoverTheme("#4aa3ff", "rocket", ("device-laptop", "bulb", "chart-dots"), "city"),
    "project": CoverTheme(
        "#5cc97a", "layout-kanban", ("calendar-stats", "checklist", "clock"), "city"
    ),
    "marketing": CoverTheme(
        "#ff8a5c", "speakerphone", ("chart-pie", "target-arrow", "ad-2"), "city"
    ),
    "finance": CoverTheme(
        "#2fbf9f", "coins", ("chart-line", "building-bank", "calculator"), "city"
    ),
    "pr": CoverTheme("#c792ea", "microphone-2", ("news", "camera", "message-circle"), "city"),
    "procurement": CoverTheme(
        "#f5b83d", "truck", ("building-warehouse", "package", "file-invoice"), "hills"
    ),
    "event": CoverTheme("#ff6fa8", "confetti", ("ticket", "balloon", "calendar-event"), "hills"),
    "crisis": CoverTheme("#ff5e57", "lifebuoy", ("alert-triangle", "flame", "bolt"), "city"),
    "sports": CoverTheme("#ff9f43", "trophy", ("ball-basketball", "stopwatch", "medal"), "hills"),
    "client": CoverTheme("#4dd0c8", "briefcase", ("heart-handshake", "phone", "mail"), "city"),
    "healthcare": CoverTheme(
        "#6fd3a0", "stethoscope", ("first-aid-kit", "heart-rate-monitor", "pill"), "hills"
    ),
    "public": CoverTheme(
        "#7f9cff", "building-community", ("users-group", "file-text", "bus"), "city"
    ),
    "other": CoverTheme("#a9b8c6", "users-group", ("bulb", "message-circle", "puzzle"), "hills"),
})  # fmt: skip
SETTINGS = tuple(THEMES)
STANDARD = MappingProxyType({"background": "#13202b", "background_top": "#1b3042"})
H = 90.0  # drawing units from top to bottom; the width follows the requested aspect


def _unit(setting: str, name: str) -> float:
    digest = hashlib.blake2b(f"{setting}\x00{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _sky(w: float, t: CoverTheme, bg: str, top: str, setting: str) -> str:
    out = (
        '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{mix(top, t.accent, 0.3)}"/>'
        f'<stop offset="1" stop-color="{mix(bg, t.accent, 0.06)}"/></linearGradient>'
        f'<radialGradient id="glow" cx="50%" cy="50%" r="50%">'
        f'<stop offset="0" stop-color="{t.accent}" stop-opacity="0.45"/>'
        f'<stop offset="1" stop-color="{t.accent}" stop-opacity="0"/></radialGradient>'
        f'<linearGradient id="medal" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{shade(t.accent, 0.12)}"/>'
        f'<stop offset="1" stop-color="{shade(t.accent, -0.28)}"/></linearGradient></defs>'
    )
    out += rect(0, 0, w, H, "url(#sky)")
    cx = w / 2
    for i in range(12):
        a0 = math.radians(i * 30 + 6)
        a1 = a0 + math.radians(12)
        far = w
        out += path(
            f"M {num(cx)},36 L {num(cx + far * math.cos(a0))},{num(36 + far * math.sin(a0))} "
            f"L {num(cx + far * math.cos(a1))},{num(36 + far * math.sin(a1))} Z",
            t.accent,
            opacity="0.05",
        )
    out += circle(cx, 36, 52, "url(#glow)")
    for i in range(9):
        x = _unit(setting, f"bx{i}") * w
        y = _unit(setting, f"by{i}") * 60
        r = 2 + _unit(setting, f"br{i}") * 9
        out += circle(
            x, y, r, shade(t.accent, 0.3), opacity=num(0.05 + 0.08 * _unit(setting, f"bo{i}"))
        )
    for i in range(7):
        x, y = _unit(setting, f"sx{i}") * w, 4 + _unit(setting, f"sy{i}") * 46
        s = 0.8 + _unit(setting, f"ss{i}") * 1.2
        out += path(
            f"M {num(x)},{num(y - 2 * s)} Q {num(x)},{num(y)} {num(x + 2 * s)},{num(y)} "
            f"Q {num(x)},{num(y)} {num(x)},{num(y + 2 * s)} Q {num(x)},{num(y)} {num(x - 2 * s)},"
            f"{num(y)} Q {num(x)},{num(y)} {num(x)},{num(y - 2 * s)} Z",
            "#ffffff",
            opacity="0.55",
        )
    return out


def _ground(w: float, t: CoverTheme, bg: str, setting: str) -> str:
    far, near = mix(bg, t.accent, 0.2), mix(bg, t.accent, 0.08)
    out = ""
    if t.ground == "city":
        x = -2.0
        i = 0
        while x < w:
            bw = 7 + _unit(setting, f"w{i}") * 9
            bh = 10 + _unit(setting, f"h{i}") * 18
            out += rect(x, 74 - bh, bw - 1.2, bh + 20, far)
            for wy in range(int(74 - bh + 3), 70, 4):
                for wx in range(int(x + 2), int(x + bw - 2.5), 3):
                    if _unit(setting, f"lit{i}.{wx}.{wy}") < 0.22:
                        out += rect(wx, wy, 1.3, 1.6, shade(t.accent, 0.4), opacity="0.55")
            x += bw
            i += 1
    else:
        out += path(
            f"M 0,64 C {num(w * 0.2)},54 {num(w * 0.35)},58 {num(w * 0.5)},62 "
            f"C {num(w * 0.68)},66 {num(w * 0.8)},52 {num(w)},58 L {num(w)},{num(H)} "
            f"L 0,{num(H)} Z",
            far,
        )
    out += path(
        f"M 0,76 C {num(w * 0.25)},70 {num(w * 0.45)},74 {num(w * 0.6)},73 "
        f"C {num(w * 0.78)},72 {num(w * 0.9)},70 {num(w)},72 L {num(w)},{num(H)} L 0,{num(H)} Z",
        near,
    )
    return out


def _team(w: float, t: CoverTheme, bg: str) -> str:
    """The team at the bottom edge, the leader a step ahead in the middle."""
    dark, rim = shade(bg, -0.35), t.accent
    out = ""
    spots = (-30, -20, -10, 10, 20, 30)
    for k, dx in enumerate(spots):
        x, s = w / 2 + dx, 0.9 + 0.1 * (k % 2)
        out += _person(x, 84, s, mix(dark, bg, 0.35))
    out += _person(w / 2, 86, 1.3, dark, rim)
    return out


def _person(x: float, y: float, s: float, fill: str, rim: str | None = None) -> str:
    body = (
        f"M {num(x - 7 * s)},{num(H + 1)} C {num(x - 7 * s)},{num(y - 1 * s)} {num(x - 4 * s)},"
        f"{num(y - 3.5 * s)} {num(x)},{num(y - 3.5 * s)} C {num(x + 4 * s)},{num(y - 3.5 * s)} "
        f"{num(x + 7 * s)},{num(y - 1 * s)} {num(x + 7 * s)},{num(H + 1)} Z"
    )
    extra = {"stroke": rim, "stroke_width": "0.8"} if rim else {}
    return path(body, fill, **extra) + circle(x, y - 8 * s, 3.6 * s, fill, **extra)


def _medallion(w: float, t: CoverTheme, bg: str) -> str:
    cx, cy = w / 2, 36.0
    spots = ((-38, -12), (37, -15), (33, 15))
    out = ""
    for dx, dy in spots:
        out += stroke(
            (
                f"M {num(cx)},{num(cy)} Q {num(cx + dx * 0.5)},{num(cy + dy - 6)} "
                f"{num(cx + dx)},{num(cy + dy)}"
            ),
            t.accent,
            0.7,
            opacity="0.5",
            stroke_dasharray="1.5 2",
        )
    out += circle(cx, cy, 24.5, "none", stroke=t.accent, stroke_width="0.8", opacity="0.45")
    out += circle(cx, cy, 20, "url(#medal)", stroke=shade(t.accent, 0.35), stroke_width="1.2")
    out += icon_group(t.emblem, "#ffffff", cx - 12, cy - 12, 24, 1.7)
    for (dx, dy), name in zip(spots, t.around, strict=True):
        x, y = cx + dx, cy + dy
        out += circle(x, y, 9, mix(bg, t.accent, 0.18), stroke=t.accent, stroke_width="0.9")
        out += icon_group(name, shade(t.accent, 0.25), x - 5.5, y - 5.5, 11, 1.7)
    return out


def cover_svg(
    setting: str, width: int, height: int, palette: Mapping[str, str] | None = None
) -> str:
    """The cover of `setting` as an SVG document with the aspect of `width` x `height`."""
    if setting not in THEMES:
        raise ValueError(f"unknown setting {setting!r}; known settings: {', '.join(SETTINGS)}")
    colours = palette or STANDARD
    bg = colours.get("background", STANDARD["background"])
    top = colours.get("background_top", STANDARD["background_top"])
    t = THEMES[setting]
    w = H * width / height
    body = _sky(w, t, bg, top, setting) + _ground(w, t, bg, setting) + _team(w, t, bg)
    body += _medallion(w, t, bg)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(w)} {num(H)}" '
        f'width="{width}" height="{height}">{body}</svg>'
    )


def cover(
    setting: str, size: tuple[int, int], palette: Mapping[str, str] | None = None
) -> pygame.Surface:
    """The cover of `setting` drawn at `size` pixels; `palette` is a Theme's colours mapping
    (its "background" and "background_top" are used), the standard palette if None."""
    width, height = int(size[0]), int(size[1])
    if width < 16 or height < 9:
        raise ValueError(f"cover size must be at least 16 x 9 pixels, got {width} x {height}")
    return for_display(rasterise(cover_svg(setting, width, height, palette), (width, height)))
