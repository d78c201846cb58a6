"""Screens as a stack (STYLE.md): enter/exit/pause/resume, handle_event, update, pure draw.

A screen makes the next one by name through its host (`host.scene("outcome", ...)`, see
game/ui/screens.py) and never imports another screen's module.

Only the top screen has widgets: the app calls `build` when a screen comes to the top or the
window changes, and clears the widgets when it leaves the top. `draw` only paints what the
state already holds; all changes happen in `handle_event` and `update`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import pygame

from game.ui.focus import FocusRing
from game.ui.widgets import Build

if TYPE_CHECKING:
    from game.i18n import Strings
    from game.ui.services import Services
    from game.ui.settings import Settings
    from game.ui.theme import Theme


class Host(Protocol):
    """What a screen may use of the app: look, strings, services and the screen stack."""

    strings: Strings
    theme: Theme
    services: Services
    settings: Settings
    options: Any

    @property
    def lang(self) -> str: ...

    def scene(self, name: str, *args: Any, **kwargs: Any) -> Scene:
        """A new screen of the kind `name` (a scene's `name`), made for this host."""
        ...

    def push(self, scene: Scene) -> None: ...

    def pop(self) -> None: ...

    def replace(self, scene: Scene) -> None: ...

    def reset(self, *scenes: Scene) -> None: ...

    def quit(self, code: int = 0) -> None: ...

    def apply_settings(self, settings: Settings) -> None: ...

    def toggle_fullscreen(self) -> None: ...

    def relayout(self) -> None: ...


class Scene:
    """A screen. Subclasses set `name` (used in screenshots) and implement `build`."""

    name: ClassVar[str] = "scene"
    overlay: ClassVar[bool] = False  # drawn over a dimmed picture of the screen below

    def __init__(self, host: Host) -> None:
        self.host = host
        self.focus = FocusRing()
        self._focus_key: str | None = None
        self._focus_reset = False
        self.scrollables: list[Any] = []  # text boxes and scroll areas, for Page Up / Down

    # --- life cycle --------------------------------------------------------------------------

    def enter(self) -> None:
        """Pushed onto the stack."""

    def exit(self) -> None:
        """Removed from the stack."""

    def pause(self) -> None:
        """Another screen was pushed on top of this one."""

    def resume(self) -> None:
        """Back on top after the screen above was removed."""

    # --- widgets -----------------------------------------------------------------------------

    def build(self, ui: Build) -> None:
        """Create this screen's widgets for the window area `ui.rect`."""
        raise NotImplementedError

    def built(self) -> None:
        """After `build`: put the focus back where it was (or on the first button)."""
        if not self.focus.focus_key(self._focus_key) and self.focus.items:
            self.focus.focus(self.default_focus())

    def default_focus(self) -> int:
        return 0

    def reset_focus(self) -> None:
        """The next layout puts the focus on the default item, not where it was (the screen's
        content arrived or changed under it)."""
        self._focus_reset = True

    def teardown(self) -> None:
        """The widgets are gone (the app cleared them); forget them, keep the focus key."""
        if self._focus_reset:
            self._focus_key, self._focus_reset = None, False
        else:
            self._focus_key = self.focus.current_key or self._focus_key
        self.focus.clear()
        self.scrollables = []

    def page(self, step: int) -> bool:
        """Page Up / Down: scroll the largest scrolling thing on the screen by most of a page."""
        bars = []
        for widget in self.scrollables:
            bar = getattr(widget, "scroll_bar", None) or getattr(widget, "vert_scroll_bar", None)
            if bar is not None and widget.alive():
                bars.append((widget.rect.width * widget.rect.height, bar))
        if not bars:
            return False
        bar = max(bars, key=lambda pair: pair[0])[1]
        start = bar.start_percentage + step * bar.visible_percentage * 0.9
        bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage, start)))
        return True

    # --- per frame ---------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to one event; True when it was used."""
        if self.focus.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.back()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return self.page(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def back(self) -> bool:
        """Esc: leave this screen (the title overrides this to do nothing)."""
        self.host.pop()
        return True

    def update(self, dt: float) -> bool:
        """Advance time by `dt` seconds; True when something visible changed."""
        del dt
        return False

    @property
    def animating(self) -> bool:
        """True while the screen changes by itself (the app then draws every frame)."""
        return False

    @property
    def waiting(self) -> bool:
        """True while the screen waits for background work (it shows that it is loading)."""
        return False

    def frame_rate(self) -> float:
        """Frames per second the screen needs while idle (0 = only on events)."""
        return 0.0

    def draw(self, surface: pygame.Surface) -> None:
        """Paint custom parts under the widgets; must not change any state."""
        del surface
