"""Keyboard focus over a screen's buttons: arrows and Tab move it, Enter or Space activates.

The focused button is drawn in pygame_gui's "selected" state (theme: accent border). The
mouse moves the focus only when it really moves (a MOUSEMOTION with a non-zero `rel`) or
clicks: a pointer resting over a button never takes the focus back from the arrow keys, and
Enter always activates the focused button, never the one under the pointer. pygame_gui's
hover events are not used for the focus, since it sends them again whenever the button under
a resting pointer stops being focused.

A click activates a button at once, except in lists (`list_item`): there one click selects
the item and a double click, or Enter, starts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIScrollingContainer

Action = Callable[[], None]


@dataclass
class Focusable:
    key: str  # stable across rebuilds, so a resize keeps the focus where it was
    button: UIButton
    action: Action
    on_focus: Action | None = None
    scroller: UIScrollingContainer | None = None
    list_item: bool = False  # a click selects, a double click or Enter starts


class FocusRing:
    """The focusable buttons of one screen, in reading order."""

    def __init__(self) -> None:
        self.items: list[Focusable] = []
        self.index = -1

    def clear(self) -> None:
        self.items = []
        self.index = -1

    def add(self, item: Focusable) -> None:
        self.items.append(item)

    @property
    def current(self) -> Focusable | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    @property
    def current_key(self) -> str | None:
        item = self.current
        return item.key if item else None

    def focus(self, index: int) -> None:
        if not self.items:
            self.index = -1
            return
        index %= len(self.items)
        old = self.current
        if old is not None and old.button.alive():
            old.button.unselect()
        self.index = index
        item = self.items[index]
        item.button.select()
        _scroll_into_view(item)
        if item.on_focus is not None:
            item.on_focus()

    def focus_key(self, key: str | None) -> bool:
        """Focus the item with this key; False (and nothing changes) if there is none."""
        for i, item in enumerate(self.items):
            if item.key == key:
                self.focus(i)
                return True
        return False

    def move(self, step: int) -> None:
        if self.items:
            self.focus(self.index + step if self.index >= 0 else 0)

    def activate(self) -> bool:
        item = self.current
        if item is None or not item.button.is_enabled:
            return False
        item.action()
        return True

    def find(self, element: object) -> Focusable | None:
        return next((item for item in self.items if item.button is element), None)

    def at(self, pos: tuple[int, int]) -> Focusable | None:
        """The item whose button is under `pos` (and not scrolled out of sight)."""
        x, y = int(pos[0]), int(pos[1])
        for item in self.items:
            button = item.button
            if button.alive() and button.visible and button.hover_point(x, y):
                return item
        return None

    def point(self, pos: tuple[int, int]) -> bool:
        """The pointer moved to `pos`: focus the item there; True when the focus changed."""
        item = self.at(pos)
        if item is None or item is self.current:
            return False
        self.focus(self.items.index(item))
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keys that move or activate the focus, pointer moves and clicks on the buttons."""
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEMOTION:
            if any(getattr(event, "rel", (0, 0))):
                self.point(event.pos)
            return False  # scroll bars and text entries may want it too
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            item = self.find(event.ui_element)
            if item is not None:
                self.focus(self.items.index(item))
                if not item.list_item:
                    item.action()
                return True
        if event.type == pygame_gui.UI_BUTTON_DOUBLE_CLICKED:
            item = self.find(event.ui_element)
            if item is not None and item.list_item:
                self.focus(self.items.index(item))
                self.activate()
                return True
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_TAB:
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if key in (pygame.K_DOWN, pygame.K_RIGHT):
            self.move(1)
            return True
        if key in (pygame.K_UP, pygame.K_LEFT):
            self.move(-1)
            return True
        if key in (pygame.K_HOME, pygame.K_END) and self.items:
            self.focus(0 if key == pygame.K_HOME else len(self.items) - 1)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.activate()
        return False


def _scroll_into_view(item: Focusable) -> None:
    """Scroll the item's container so that the focused button is visible."""
    box = item.scroller
    if box is None or not box.alive():
        return
    bar = box.vert_scroll_bar
    if bar is None:
        return
    view = box.rect  # the visible part
    total = max(1, box.scrolling_height)
    inner = box.get_container().get_rect()  # the part that moves
    top = item.button.rect.y - inner.y
    bottom = top + item.button.rect.height
    visible_top = view.y - inner.y
    if top < visible_top:
        start = top
    elif bottom > visible_top + view.height:
        start = bottom - view.height
    else:
        return
    bar.set_scroll_from_start_percentage(max(0.0, min(1.0, start / total)))
