"""The common frame of a screen: a heading at the top, buttons along the bottom, a body between."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame
from pygame_gui.elements import UIButton, UITextBox

from game.ui.focus import Action
from game.ui.widgets import Build, esc

ButtonSpec = tuple[str, str, Action]  # focus key, label, action


@dataclass
class Page:
    heading: UITextBox | None
    body: pygame.Rect
    buttons: list[UIButton]


def page(
    ui: Build,
    heading: str | None,
    buttons: Sequence[ButtonSpec] = (),
    *,
    subheading: str | None = None,
    max_width: int | None = None,
) -> Page:
    """Lay out a heading, a row of buttons at the bottom, and return the body between them."""
    margin, gap = ui.px("margin"), ui.px("gap")
    area = ui.rect.inflate(-2 * margin, -2 * margin)
    if max_width and area.width > max_width:
        area = pygame.Rect(area.centerx - max_width // 2, area.y, max_width, area.height)
    top = area.y
    box = None
    if heading is not None:
        markup = f"<b>{esc(heading)}</b>"
        box = ui.text(markup, pygame.Rect(area.x, top, area.width, -1), "#heading")
        top = box.rect.bottom + ui.px("small_gap")
    if subheading:
        sub = ui.text(esc(subheading), pygame.Rect(area.x, top, area.width, -1), "#small")
        top = sub.rect.bottom + ui.px("small_gap")
    made = button_row(ui, pygame.Rect(area.x, top, area.width, area.bottom - top), buttons)
    bottom = min((b.rect.top for b in made), default=area.bottom + gap) - gap
    body = pygame.Rect(area.x, top + gap // 2, area.width, max(20, bottom - top - gap // 2))
    return Page(box, body, made)


def button_row(ui: Build, area: pygame.Rect, buttons: Sequence[ButtonSpec]) -> list[UIButton]:
    """Buttons side by side at the bottom of `area` (two rows when they would be too narrow)."""
    if not buttons:
        return []
    gap = ui.px("gap")
    min_width = ui.px("card_min_width") * 3 // 4
    per_row = max(1, min(len(buttons), (area.width + gap) // (min_width + gap)))
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    made: list[UIButton] = []
    bottom = area.bottom
    for row in reversed(rows):
        width = (area.width - gap * (len(row) - 1)) // len(row)
        row_buttons = []
        for n, (key, label, action) in enumerate(row):
            rect = pygame.Rect(area.x + n * (width + gap), 0, width, -1)
            row_buttons.append(ui.button(key, label, rect, action))
        height = max(b.rect.height for b in row_buttons)
        for b in row_buttons:
            b.set_dimensions((b.rect.width, height))
            b.set_relative_position((b.relative_rect.x, bottom - height))
        bottom -= height + gap
        made = row_buttons + made
    # the focus ring holds them in creation order (bottom row first); reading order is wanted
    keys = [key for row in rows for key, _, _ in row]
    items = {item.key: item for item in ui.focus.items[-len(buttons) :]}
    del ui.focus.items[-len(buttons) :]
    ui.focus.items.extend(items[k] for k in keys)
    return made
