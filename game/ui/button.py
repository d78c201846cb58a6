"""Buttons whose text wraps to their width and never spills over the border.

pygame_gui 0.6 wraps a button's text to the whole button width, ignoring its padding and
border, so long (and especially Russian) labels run over the edge. A `TextButton` is a plain
pygame_gui button (states, hover, clicks, theme) with an empty caption, plus a label picture
wrapped here with the theme's font and laid over it. The label ignores the mouse, so hover and
clicks reach the button below.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage

from game.charts.draw import wrap_text as wrap
from game.ui.theme import Theme


class PassThroughImage(UIImage):
    """An image that neither takes the hover nor blocks it for what lies below."""

    def hover_point(self, hover_x: float, hover_y: float) -> bool:
        del hover_x, hover_y
        return False

    def can_hover(self) -> bool:
        return False


def _misc(theme: Theme, object_id: str, name: str, default: str) -> str:
    for block in (object_id, "button"):
        value = theme.style.gui.get(block, {}).get("misc", {}).get(name)
        if value is not None:
            return str(value)
    return default


class LabelStyle:
    """Font, border and padding of a button's label under an object id of the theme."""

    def __init__(self, theme: Theme, object_id: str) -> None:
        scale = theme.ui_scale
        self.border = max(1, round(int(_misc(theme, object_id, "border_width", "1")) * scale))
        self.pad_x = round(
            int(_misc(theme, object_id, "text_horiz_alignment_padding", "10")) * scale
        )
        self.pad_y = round(int(_misc(theme, object_id, "text_vert_alignment_padding", "6")) * scale)
        self.align = _misc(theme, object_id, "text_horiz_alignment", "center")
        self.font = theme.font(theme.font_px(object_id), theme.font_bold(object_id))

    def inner_width(self, width: int) -> int:
        return max(8, width - 2 * (self.pad_x + self.border))

    def height(self, text: str, width: int) -> int:
        """How tall a button of `width` must be for `text`."""
        lines = wrap(self.font, text, self.inner_width(width))
        return len(lines) * self.font.get_linesize() + 2 * (self.pad_y + self.border)


class TextButton(UIButton):
    """A button with a wrapped, padded label (see the module docstring)."""

    def __init__(
        self,
        rect: pygame.Rect,
        text: str,
        manager: Any,
        theme: Theme,
        *,
        object_id: str = "#menu",
        container: Any = None,
        allow_double_clicks: bool = False,
    ) -> None:
        look = LabelStyle(theme, object_id)
        font, inner = look.font, look.inner_width(rect.width)
        self.align = look.align
        self.label_text = text
        self.lines = wrap(font, text, inner)
        text_height = len(self.lines) * font.get_linesize()
        height = max(rect.height, look.height(text, rect.width))
        super().__init__(
            pygame.Rect(rect.x, rect.y, rect.width, height),
            "",
            manager,
            container=container,
            object_id=ObjectID(object_id=object_id),
            allow_double_clicks=allow_double_clicks,
        )
        self.theme = theme
        self._font = font
        self._inner = inner
        self._offset = (look.pad_x + look.border, (height - text_height) // 2)
        self.label = PassThroughImage(
            pygame.Rect(
                rect.x + self._offset[0], rect.y + self._offset[1], inner, max(1, text_height)
            ),
            self._paint("text"),
            manager,
            container=container,
        )

    def _paint(self, colour: str) -> pygame.Surface:
        font = self._font
        surface = pygame.Surface(
            (self._inner, max(1, len(self.lines) * font.get_linesize())), pygame.SRCALPHA
        )
        for n, line in enumerate(self.lines):
            image = font.render(line, True, self.theme.colour(colour))
            x = 0 if self.align == "left" else (self._inner - image.get_width()) // 2
            surface.blit(image, (x, n * font.get_linesize()))
        return surface

    def set_relative_position(self, position: Any) -> None:
        super().set_relative_position(position)
        if getattr(self, "label", None) is not None:
            x, y = position
            self.label.set_relative_position((x + self._offset[0], y + self._offset[1]))

    def set_position(self, position: Any) -> None:
        super().set_position(position)
        if getattr(self, "label", None) is not None:
            x, y = position
            self.label.set_position((x + self._offset[0], y + self._offset[1]))

    def set_dimensions(self, dimensions: Any, clamp_to_container: bool = False) -> None:
        super().set_dimensions(dimensions, clamp_to_container)
        if getattr(self, "label", None) is not None:
            height = int(dimensions[1])
            self._offset = (self._offset[0], (height - self.label.rect.height) // 2)
            self.set_relative_position(self.relative_rect.topleft)

    def disable(self) -> None:
        super().disable()
        if getattr(self, "label", None) is not None:
            self.label.set_image(self._paint("text_disabled"))

    def enable(self) -> None:
        super().enable()
        if getattr(self, "label", None) is not None:
            self.label.set_image(self._paint("text"))

    def kill(self) -> None:
        if getattr(self, "label", None) is not None:
            self.label.kill()
        super().kill()
