"""Building a screen's pygame_gui widgets: text boxes, buttons, scroll areas, images.

A `Build` is handed to a scene's `build` for one layout pass. Widgets made with a height of
-1 size themselves to their (wrapped) text, which is how no text is ever cut: text wraps,
and where there is not room enough it scrolls.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pygame
from pygame_gui import UIManager
from pygame_gui.core import ObjectID
from pygame_gui.core.interfaces import IContainerLikeInterface
from pygame_gui.elements import UIImage, UIScrollingContainer, UITextBox

from game.i18n import Strings
from game.ui.button import LabelStyle, TextButton
from game.ui.focus import Action, Focusable, FocusRing
from game.ui.theme import Theme

MIN_TEXT_WIDTH = 120  # narrower boxes can send pygame_gui's word wrap into an endless loop
SCROLLBAR_ROOM = 26  # pygame_gui draws scroll bars 20 pixels wide


def esc(text: str) -> str:
    """Plain text (e.g. from a scenario) made safe for pygame_gui's HTML subset."""
    return html.escape(text.strip(), quote=False).replace("\n", "<br>")


def coloured(text: str, colour: str, bold: bool = False) -> str:
    """HTML for escaped text in a colour (a #rrggbb string)."""
    inner = f"<b>{esc(text)}</b>" if bold else esc(text)
    return f"<font color='{colour}'>{inner}</font>"


@dataclass
class Column:
    """Places widgets one below the other in a column, `gap` apart."""

    x: int
    y: int
    width: int
    gap: int

    def next(self, height: int) -> pygame.Rect:
        rect = pygame.Rect(self.x, self.y, self.width, height)
        return rect

    def advance(self, height: int) -> None:
        self.y += height + self.gap


@dataclass
class Build:
    """One layout pass of one screen: where to put widgets and how they look."""

    manager: UIManager
    theme: Theme
    strings: Strings
    rect: pygame.Rect
    focus: FocusRing
    lang: str
    scrollers: list[UIScrollingContainer] = field(default_factory=list)
    texts: list[UITextBox] = field(default_factory=list)

    def px(self, name: str) -> int:
        return self.theme.px(name)

    def text(
        self,
        markup: str,
        rect: pygame.Rect,
        object_id: str = "#plain",
        container: IContainerLikeInterface | None = None,
    ) -> UITextBox:
        """A text box; with `rect.height == -1` it is exactly as tall as its wrapped text."""
        box = UITextBox(
            markup,
            pygame.Rect(rect.x, rect.y, max(MIN_TEXT_WIDTH, rect.width), rect.height),
            self.manager,
            container=container,
            object_id=ObjectID(object_id=object_id),
        )
        self.texts.append(box)
        return box

    def stacked_text(
        self,
        column: Column,
        markup: str,
        object_id: str = "#plain",
        container: IContainerLikeInterface | None = None,
    ) -> UITextBox:
        """A text box sized to its text at the column's position; the column moves down."""
        box = self.text(markup, column.next(-1), object_id, container)
        column.advance(box.rect.height)
        return box

    def button(
        self,
        key: str,
        label: str,
        rect: pygame.Rect,
        action: Action,
        object_id: str = "#menu",
        *,
        container: IContainerLikeInterface | None = None,
        scroller: UIScrollingContainer | None = None,
        on_focus: Action | None = None,
        enabled: bool = True,
        focusable: bool = True,
        list_item: bool = False,
    ) -> TextButton:
        """A button in the focus ring, at least as tall as its text wrapped to the width.

        A `list_item` is selected by one click and started by a double click (or Enter)."""
        button = TextButton(
            pygame.Rect(rect.x, rect.y, max(8, rect.width), rect.height),
            label,
            self.manager,
            self.theme,
            object_id=object_id,
            container=container,
            allow_double_clicks=list_item,
        )
        if not enabled:
            button.disable()
        if focusable:
            self.focus.add(Focusable(key, button, action, on_focus, scroller, list_item))
        return button

    def scroller(self, rect: pygame.Rect) -> UIScrollingContainer:
        """A vertically scrolling area; size its content with `fit_scroller`."""
        box = UIScrollingContainer(
            pygame.Rect(rect.x, rect.y, max(8, rect.width), max(8, rect.height)),
            self.manager,
            allow_scroll_x=False,
        )
        self.scrollers.append(box)
        return box

    def image(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        container: IContainerLikeInterface | None = None,
    ) -> UIImage:
        return UIImage(rect, surface, self.manager, container=container)


def fit_scroller(box: UIScrollingContainer, content_height: int) -> None:
    """Tell a scroll area how tall its content is (it scrolls when taller than the area)."""
    box.set_scrollable_area_dimensions((box.rect.width - SCROLLBAR_ROOM, content_height))


def bounded_text(
    ui: Build,
    markup: str,
    rect: pygame.Rect,
    object_id: str = "#plain",
    container: IContainerLikeInterface | None = None,
) -> UITextBox:
    """A text box as tall as its text but at most `rect.height` (then it scrolls)."""
    box = ui.text(markup, pygame.Rect(rect.x, rect.y, rect.width, -1), object_id, container)
    if box.rect.height > rect.height:
        box.kill()
        box = ui.text(markup, rect, object_id, container)
    return box


def list_width(
    ui: Build, labels: list[str], object_id: str, area: pygame.Rect, extra: int = 0
) -> int:
    """The width of buttons stacked in a scroll area: the full width, or less the scroll
    bar's room when they will not all fit."""
    look = LabelStyle(ui.theme, object_id)
    gap = ui.px("small_gap")
    total = sum(look.height(t, area.width) + gap for t in labels) + extra
    return area.width - SCROLLBAR_ROOM if total > area.height else area.width
