"""Turning SVG text into pygame Surfaces, and small helpers to write SVG elements.

pygame-ce rasterises SVG itself (SDL_image's built-in renderer): antialiased, any size, no
display needed. It draws paths, basic shapes, strokes, opacity, gradients and transforms, but
not text, masks or clip paths, so the art is written within those limits.
"""

from __future__ import annotations

import io

import pygame


class ArtError(RuntimeError):
    """Raised when art cannot be drawn (an SVG the renderer rejects, a missing asset file)."""


def rasterise(svg: str, size: tuple[int, int]) -> pygame.Surface:
    """The SVG drawn into a new per-pixel-alpha Surface of `size` pixels."""
    width, height = max(1, int(size[0])), max(1, int(size[1]))
    try:
        image = pygame.image.load_sized_svg(io.BytesIO(svg.encode("utf-8")), (width, height))
    except (pygame.error, ValueError) as err:
        raise ArtError(f"the SVG renderer rejected a drawing: {err}") from err
    if not image.get_flags() & pygame.SRCALPHA:
        copy = pygame.Surface(image.get_size(), pygame.SRCALPHA)
        copy.blit(image, (0, 0))
        image = copy
    if image.get_size() != (width, height):
        image = pygame.transform.smoothscale(image, (width, height))
    return image


def for_display(surface: pygame.Surface) -> pygame.Surface:
    """The surface in the display's pixel format when a window exists (faster blits), else as is."""
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    return surface


def document(width: float, height: float, body: str) -> str:
    """A complete SVG document whose user units span `width` x `height`."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}">{body}</svg>'
    )


def num(x: float) -> str:
    """A coordinate written short: two decimals at most, no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def path(d: str, fill: str = "none", **attrs: object) -> str:
    """A <path>; keyword names use _ for - (stroke_width -> stroke-width)."""
    return f'<path d="{d}" fill="{fill}"{_attrs(attrs)}/>'


def circle(cx: float, cy: float, r: float, fill: str, **attrs: object) -> str:
    return f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{fill}"{_attrs(attrs)}/>'


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str, **attrs: object) -> str:
    return (
        f'<ellipse cx="{num(cx)}" cy="{num(cy)}" rx="{num(rx)}" ry="{num(ry)}" '
        f'fill="{fill}"{_attrs(attrs)}/>'
    )


def rect(x: float, y: float, w: float, h: float, fill: str, rx: float = 0, **attrs: object) -> str:
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="{num(rx)}" '
        f'fill="{fill}"{_attrs(attrs)}/>'
    )


def stroke(d: str, colour: str, width: float, **attrs: object) -> str:
    """A round-capped stroked path with no fill."""
    style: dict[str, object] = {
        "stroke": colour,
        "stroke_width": num(width),
        "stroke_linecap": "round",
        "stroke_linejoin": "round",
    }
    return f'<path d="{d}" fill="none"{_attrs({**style, **attrs})}/>'


def _attrs(attrs: dict[str, object]) -> str:
    return "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
