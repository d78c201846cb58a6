"""Long lists of buttons built a few at a time, so that no frame waits for all of them.

A pygame_gui button takes a few milliseconds to make; a list of 40 scenarios made at once
held its frame for a quarter of a second. `Rows` makes a few of a list's buttons in the layout
pass and the rest a few per frame from the screen's `update`, so the list fills in over a few
frames; a row further down that should have the focus gets it when it is made. The rows take
their place in the focus ring in list order, before the buttons that follow the list.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame_gui.elements import UIScrollingContainer

from game.ui.focus import Action
from game.ui.widgets import Build, fit_scroller

ROWS_PER_FRAME = 4


@dataclass(frozen=True)
class Row:
    key: str  # the focus key
    label: str
    action: Action
    object_id: str = "#list_item"
    on_focus: Action | None = None


class Rows:
    """The rows of one list in one layout pass (see the module docstring)."""

    def __init__(
        self, ui: Build, box: UIScrollingContainer, width: int, rows: list[Row], at: int = 0
    ) -> None:
        """`at`: where the list begins in the focus ring (0: before the page's buttons)."""
        self.ui = ui
        self.box = box
        self.width = width
        self.rows = rows
        self.made = 0
        self.y = 0
        self.at = at  # where the next row goes in the focus ring
        self.wanted: str | None = None  # the key to focus once its row is made

    @property
    def done(self) -> bool:
        return self.made >= len(self.rows)

    def first(self, wanted_key: str | None = None) -> None:
        """The layout pass: a frame's worth of rows. The row with `wanted_key` (where the
        focus was, or the selected item) gets the focus once it is made: see `wanted`."""
        while not self.done and self.made < ROWS_PER_FRAME:
            self._make()
        made = {row.key for row in self.rows[: self.made]}
        later = {row.key for row in self.rows} - made
        self.wanted = wanted_key if wanted_key in later else None
        self._fit()

    def more(self, count: int = ROWS_PER_FRAME) -> bool:
        """Make up to `count` more rows; True when any was made."""
        if self.done or not self.box.alive():
            return False
        ring = self.ui.focus
        current = ring.current_key
        for _ in range(count):
            if self.done:
                break
            self._make()
        keys = [item.key for item in ring.items]
        if self.wanted in keys:
            ring.focus_key(self.wanted)
            self.wanted = None
        elif current is not None:  # the rows went in before the focused item: follow it
            ring.index = keys.index(current)
        self._fit()
        return True

    def _make(self) -> None:
        row, ui = self.rows[self.made], self.ui
        button = ui.button(
            row.key,
            row.label,
            pygame.Rect(0, self.y, self.width, -1),
            row.action,
            row.object_id,
            container=self.box.get_container(),
            scroller=self.box,
            on_focus=row.on_focus,
            list_item=True,
        )
        ring = ui.focus.items
        ring.insert(self.at, ring.pop())
        self.at += 1
        self.made += 1
        self.y += button.rect.height + ui.px("small_gap")

    def _fit(self) -> None:
        fit_scroller(self.box, max(1, self.y))


class Texts:
    """Text boxes stacked in a scroll area, made a few per frame like `Rows` (for long texts
    in parts: pygame_gui lays out and draws a text box's every line when it is made)."""

    def __init__(
        self, ui: Build, box: UIScrollingContainer, width: int, parts: list[str], gap: int
    ) -> None:
        self.ui = ui
        self.box = box
        self.width = width
        self.parts = parts
        self.gap = gap
        self.made = 0
        self.y = 0

    @property
    def done(self) -> bool:
        return self.made >= len(self.parts)

    def more(self, count: int) -> bool:
        """Make up to `count` more text boxes; True when any was made."""
        if self.done or not self.box.alive():
            return False
        gap = self.gap
        for _ in range(count):
            if self.done:
                break
            rect = pygame.Rect(0, self.y, self.width, -1)
            text = self.ui.text(self.parts[self.made], rect, "#plain", self.box.get_container())
            self.y += text.rect.height + gap
            self.made += 1
        fit_scroller(self.box, max(1, self.y - gap))
        return True
