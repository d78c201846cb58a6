"""The team panel: member cards in a grid inside a scroll area (it scrolls when they do not fit)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame_gui.elements import UIImage, UIScrollingContainer

from game.sim.session import MemberView, TeamView
from game.ui.faces import Face
from game.ui.meters import CardData, CardPainter
from game.ui.widgets import SCROLLBAR_ROOM, Build, fit_scroller


class TeamPanel:
    """Cards laid out in as many columns as fit; `show` repaints them (for animations)."""

    def __init__(
        self,
        ui: Build,
        rect: pygame.Rect,
        cards: Sequence[CardData],
        max_columns: int = 4,
        allow_compact: bool = False,
    ) -> None:
        self.painter = CardPainter(ui.theme, ui.strings)
        self.box: UIScrollingContainer = ui.scroller(rect)
        self.gap = ui.px("small_gap")
        self.cards = list(cards)
        most = max(1, min(max_columns, len(cards) or 1))
        # lay out at the full width; leave room for a scroll bar only if it will be needed
        self._plan(rect.width, most, ui.px("card_min_width"))
        if self.total > rect.height and allow_compact:
            self.painter.compact = True
            self._plan(rect.width, most, ui.px("card_min_width"))
        if self.total > rect.height:
            self._plan(rect.width - SCROLLBAR_ROOM, most, ui.px("card_min_width"))
        self.images: list[UIImage] = []
        for card, place in zip(self.cards, self.places, strict=True):
            image = ui.image(
                self.painter.paint(card, place.width, place.height), place, self.box.get_container()
            )
            self.images.append(image)
        fit_scroller(self.box, max(1, self.total))

    def _plan(self, width: int, most: int, min_width: int) -> None:
        """Card rectangles in rows of equal height, as many columns as fit."""
        columns = max(1, min(most, (width + self.gap) // (min_width + self.gap)))
        self.width = max(40, (width - self.gap * (columns - 1)) // columns)
        heights = [self.painter.height(card, self.width) for card in self.cards]
        self.places: list[pygame.Rect] = []
        y = 0
        for start in range(0, len(self.cards), columns):
            row = range(start, min(len(self.cards), start + columns))
            tallest = max(heights[i] for i in row)
            for col, _ in enumerate(row):
                x = col * (self.width + self.gap)
                self.places.append(pygame.Rect(x, y, self.width, tallest))
            y += tallest + self.gap
        self.total = max(0, y - self.gap)

    @property
    def faces(self) -> list[Face]:
        """The faces drawn on the cards, in card order."""
        return [card.face for card in self.cards if card.face is not None]

    def show(self, cards: Sequence[CardData]) -> None:
        """Repaint the cards with new values (same members, same order)."""
        self.cards = list(cards)
        for image, card, place in zip(self.images, cards, self.places, strict=False):
            surface = self.painter.paint(card, place.width, place.height)
            if surface.get_size() == image.rect.size:
                image.set_image(surface)


def on_team(view: TeamView) -> list[MemberView]:
    """The members to show: everyone but those who join later and have not joined yet."""
    return [member for member in view.members if member.status != "not_joined"]
