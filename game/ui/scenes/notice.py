"""A message over the current screen (an error, a confirmation), with OK and optional actions."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.dialogs import dialog_rect
from game.ui.focus import Action
from game.ui.page import ButtonSpec, button_row
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, bounded_text, esc


class NoticeScene(Scene):
    """Shows `text`; OK (or Esc) closes it, other buttons run their action after closing."""

    name = "notice"
    overlay = True

    def __init__(self, host: Host, text: str, actions: Sequence[ButtonSpec] = ()) -> None:
        super().__init__(host)
        self.text = text
        self.actions = list(actions)
        self.panel = pygame.Rect(0, 0, 0, 0)

    def build(self, ui: Build) -> None:
        area = dialog_rect(ui)
        pad = ui.px("gap")
        inner = area.inflate(-2 * pad, -2 * pad)
        buttons: list[ButtonSpec] = [(k, label, self._then(a)) for k, label, a in self.actions]
        buttons.append(("ok", ui.strings("button.ok"), self.host.pop))
        made = button_row(ui, inner, buttons)
        top_of_buttons = min(b.rect.top for b in made)
        limit = pygame.Rect(inner.x, inner.y, inner.width, top_of_buttons - pad - inner.y)
        box = bounded_text(ui, esc(self.text), limit)
        used = box.rect.height + pad + (inner.bottom - top_of_buttons)
        offset = (inner.height - used) // 2
        box.set_relative_position((inner.x, inner.y + offset))
        for button in made:
            y = button.relative_rect.y - top_of_buttons + inner.y + box.rect.height + pad + offset
            button.set_relative_position((button.relative_rect.x, y))
        self.panel = pygame.Rect(area.x, inner.y + offset - pad, area.width, used + 2 * pad)

    def _then(self, action: Action) -> Action:
        def run() -> None:
            self.host.pop()
            action()

        return run

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.host.theme
        pygame.draw.rect(surface, theme.colour("panel"), self.panel, border_radius=10)
        pygame.draw.rect(surface, theme.colour("accent"), self.panel, 2, 10)
