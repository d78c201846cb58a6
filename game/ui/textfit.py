"""Checking that no text on screen overflows or is cut: every text fits its box or scrolls.

Used by the autoplay harness on every screenshot and by the tests. Text boxes must either fit
their text or have a scroll bar; button labels must fit inside their button; widgets placed
directly on the window must lie inside it (inside a scroll area they may extend: they scroll).
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui import UIManager
from pygame_gui.elements import UITextBox

from game.ui.button import TextButton


def _name(element: Any) -> str:
    text = getattr(element, "label_text", None) or getattr(element, "html_text", "") or ""
    text = " ".join(str(text).split())
    return f"{type(element).__name__}({text[:40]!r})"


def _on_root(element: Any, manager: UIManager) -> bool:
    return element.ui_container is manager.get_root_container()


def problems(manager: UIManager, window: pygame.Rect) -> list[str]:
    """Every text overflow found among the manager's visible widgets, in words."""
    found: list[str] = []
    for element in manager.get_sprite_group().sprites():
        if not getattr(element, "visible", True) or not element.alive():
            continue
        if isinstance(element, UITextBox):
            found += _text_box(element)
        elif isinstance(element, TextButton):
            found += _button(element)
        if _on_root(element, manager) and not window.contains(element.rect):
            found.append(f"{_name(element)} at {tuple(element.rect)} is outside the window")
    return found


def _text_box(box: UITextBox) -> list[str]:
    layout = box.text_box_layout
    if layout is None:
        return []
    out = []
    width = layout.layout_rect.width
    for row in layout.layout_rows:
        if row.right > width + 1:
            out.append(f"{_name(box)}: a line is {row.right}px wide in {width}px")
            break
    padding = box.padding[1] * 2 + box.border_width["top"] + box.border_width["bottom"]
    visible = box.rect.height - padding
    if layout.layout_rect.height > visible + 2 and box.scroll_bar is None:
        out.append(
            f"{_name(box)}: {layout.layout_rect.height}px of text in {visible}px, no scroll bar"
        )
    return out


def _button(button: TextButton) -> list[str]:
    out = []
    for line in button.lines:
        width = button._font.size(line)[0]
        if width > button._inner + 1:
            out.append(f"{_name(button)}: '{line}' is {width}px wide in {button._inner}px")
    if not button.rect.contains(button.label.rect):
        out.append(
            f"{_name(button)}: its label {tuple(button.label.rect)} sticks out of "
            f"{tuple(button.rect)}"
        )
    return out
