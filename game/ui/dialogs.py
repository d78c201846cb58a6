"""What dialogs and text entry screens share: a centred dialog box, and a text entry line
that shares the keyboard with the focus ring."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui.scene import Scene
from game.ui.widgets import Build

MAX_NAME = 32  # characters in a player's name or a save slot's name
BLINK_SECONDS = 0.4


def dialog_rect(ui: Build, share: float = 0.9) -> pygame.Rect:
    """The area of a centred dialog box for the current window."""
    width = min(round(ui.rect.width * share), ui.px("card_min_width") * 3)
    height = round(ui.rect.height * share)
    rect = pygame.Rect(0, 0, width, height)
    rect.center = ui.rect.center
    return rect


class TextEntryMixin:
    """A text entry line that shares the keyboard with the focus ring: Tab, Down and Up move
    between the entry and the buttons; typing goes to the entry while it has focus."""

    entry: UITextEntryLine | None = None
    blink = 0.0

    def blink_update(self, dt: float) -> bool:
        """True about twice a second while the entry has the focus, so that the idle window
        still shows the text cursor blinking."""
        if self.entry is None or not self.entry.is_focused:
            return False
        self.blink += dt
        if self.blink >= BLINK_SECONDS:
            self.blink = 0.0
            return True
        return False

    def entry_keys(self, scene: Scene, event: pygame.event.Event) -> bool:
        entry = self.entry
        if entry is None or event.type != pygame.KEYDOWN:
            return False
        leave = (pygame.K_TAB, pygame.K_DOWN)
        if entry.is_focused and event.key in leave and scene.focus.items:
            entry.unfocus()
            scene.focus.focus(0)
            return True
        at_top = scene.focus.index <= 0
        if not entry.is_focused and event.key in (pygame.K_UP,) and at_top:
            self.focus_entry(scene)
            return True
        return False

    def focus_entry(self, scene: Scene) -> None:
        if self.entry is None:
            return
        current = scene.focus.current
        if current is not None:
            current.button.unselect()
        scene.focus.index = -1
        self.entry.focus()


def mark_entries(manager: pygame_gui.UIManager, accent: pygame.Color, idle: pygame.Color) -> None:
    """Give the text entry that has the keyboard the accent border and the others a button's
    border (pygame_gui themes one border colour for both), so that a page with two entries,
    or an entry and a focused button, shows one place where keys go."""
    for element in manager.get_sprite_group().sprites():
        if isinstance(element, UITextEntryLine):
            wanted = accent if element.is_focused else idle
            if element.border_colour != wanted:
                element.border_colour = wanted
                element.rebuild()
