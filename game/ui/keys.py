"""Which key events reach the screens.

pygame's key repeat (`pygame.key.set_repeat`, and pygame_gui's text entry turns it on too)
sends a held key's KEYDOWN again and again, and those repeats look exactly like fresh presses.
The `KeyGate` tells them apart by remembering which keys are down, and holds three rules:

- Only navigation keys (arrows, Tab, Page Up/Down, Backspace, Delete) repeat. A held Enter,
  Space, Esc, number or F11 acts once, however long it is held.
- A key acts only on the screen where it went down: its repeats and its KEYUP are dropped
  once another screen is on top, so an Enter that opened a screen never also acts on it.
- A key that bounces (down, up, down within a few milliseconds) acts once: a press of a
  non-repeating key is dropped when the same key went down or up less than `debounce`
  seconds before. pygame events carry no time stamp, so each batch of events (one
  `pygame.event.get()`) is stamped when it is fetched, and an event of one batch may have
  happened at any time since the batch before; the gate counts a press as a bounce unless
  even its earliest possible time is `debounce` after the key's last event. Presses in the
  same or the next batch as the key's last event are therefore always bounces.
"""

from __future__ import annotations

import math

import pygame

REPEATING = frozenset(
    {
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_TAB,
        pygame.K_PAGEUP,
        pygame.K_PAGEDOWN,
        pygame.K_BACKSPACE,
        pygame.K_DELETE,
    }
)
DEBOUNCE_SECONDS = 0.05


class KeyGate:
    """Decides, event by event, whether a key event reaches the screen on top."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        self.debounce = debounce
        self._down: dict[int, object] = {}  # key -> the screen on top when it went down
        self._last: dict[int, float] = {}  # key -> stamp of the batch of its last down or up
        self._batch = -math.inf
        self._previous = -math.inf

    def begin_batch(self, now: float) -> None:
        """A new batch of events was fetched at `now` (seconds, any steadily rising clock)."""
        self._previous, self._batch = self._batch, now

    def release_all(self) -> None:
        """Forget which keys are down (the window lost the keyboard)."""
        self._down.clear()

    def is_down(self, key: int) -> bool:
        return key in self._down

    def admit(self, event: pygame.event.Event, screen: object) -> bool:
        """True when `event` may reach `screen`, the screen now on top; other events pass."""
        if event.type == pygame.KEYDOWN:
            return self._press(event.key, screen)
        if event.type == pygame.KEYUP:
            owner = self._down.pop(event.key, None)
            self._last[event.key] = self._batch
            return owner is screen
        return True

    def _press(self, key: int, screen: object) -> bool:
        if key in self._down:  # a repeat: the key has not come up since it went down
            return key in REPEATING and self._down[key] is screen
        bounce = self._previous - self._last.get(key, -math.inf) < self.debounce
        self._down[key] = screen
        self._last[key] = self._batch
        return key in REPEATING or not bounce
