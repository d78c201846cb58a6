"""pygame_gui's UI manager with a faster theme look-up for widgets in containers.

pygame_gui 0.6 finds a widget's theme ids through a cache whose key it builds by nesting
`str.join` over the id lists of the widget and its containers. The key grows with the product
of those lists' lengths: for a button in a scrolling container it is most of a megabyte and
takes about 1.5 ms to build, for every widget made, so a screen with a list of 40 scenarios
spent over half a second in it. `Manager` keys the same cache by the id lists themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame_gui
from pygame_gui.core import UIAppearanceTheme

Ids = Sequence[str | None] | None


class FastIdTheme(UIAppearanceTheme):
    """A pygame_gui theme whose combined-id look-up is keyed by tuples (same results)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._combined: dict[tuple[tuple[str | None, ...] | None, ...], list[str]] = {}

    def build_all_combined_ids(
        self, element_base_ids: Ids, element_ids: Ids, class_ids: Ids, object_ids: Ids
    ) -> list[str]:
        key = tuple(
            None if ids is None else tuple(ids)
            for ids in (element_base_ids, element_ids, class_ids, object_ids)
        )
        found = self._combined.get(key)
        if found is None:
            found = super().build_all_combined_ids(
                element_base_ids,  # type: ignore[arg-type]
                element_ids,  # type: ignore[arg-type]
                class_ids,  # type: ignore[arg-type]
                object_ids,  # type: ignore[arg-type]
            )
            self._combined[key] = found
        return found


class Manager(pygame_gui.UIManager):
    """A pygame_gui UI manager using `FastIdTheme`."""

    def create_new_theme(self, theme_path: Any = None) -> UIAppearanceTheme:
        theme = FastIdTheme(self.resource_loader, self._locale)
        if theme_path is not None:
            theme.load_theme(theme_path)
        return theme
