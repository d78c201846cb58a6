"""Helpers shared by the window tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

FIXTURES = Path(__file__).parent / "fixtures"
STRESS = "ui_stress_test"  # long texts, five choices, a countdown, a resignation


def settle(app: Any, frames: int = 90) -> None:
    """Run frames without waiting (1/60 s each) until animations are over."""
    for _ in range(frames):
        app.step(wait=False)


def finish_work(app: Any, frames: int = 5, rounds: int = 20) -> None:
    """Let the background work finish (blocking on it, not sleeping) and the screens take its
    results, until the screen on top waits for nothing."""
    for _ in range(rounds):
        app.services.wait(30.0)
        settle(app, frames)
        if not app.stack[-1].waiting:
            return
    raise AssertionError(f"{app.stack[-1].name} still waits for background work")


def press(code: int, unicode: str = "") -> None:
    """Post a key press and release, as the keyboard would."""
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=code, mod=0, unicode=unicode, scancode=0))


def top(app: Any) -> Any:
    return app.stack[-1]
