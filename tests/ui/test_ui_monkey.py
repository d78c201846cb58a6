"""A monkey test: 5,000 seeded random events (keys, typing, clicks, wheel, resizes) through the
real event path must never raise. The game quitting itself (its Quit button) starts a new one.

The monkey types addresses on the class page and presses Connect like anyone: its class client
is the real one, but its HTTP transport refuses every request (no test touches the network),
so each attempt ends as a class that does not answer, said in words."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import httpx
import pygame
import pytest

from game.ui import textfit
from tests.ui.helpers import STRESS, finish_work, settle

EVENTS = 5_000
KEYS = [
    *(getattr(pygame, f"K_{n}") for n in range(10)),
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_SPACE,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_F11,
    pygame.K_a,
    pygame.K_z,
]
TEXT = "abcxyzабвгдеёжЖЯ 0123-_.!"


class NoNetwork:
    """Makes class clients whose every request is refused before it leaves the process."""

    def __init__(self) -> None:
        self.asked: list[str] = []  # the addresses the monkey's clients tried

    def refuse(self, request: httpx.Request) -> httpx.Response:
        self.asked.append(str(request.url))
        raise httpx.ConnectError("no network in tests", request=request)

    def __call__(self, folder: Path | None) -> object:
        from game.play.client import ClassClient

        return ClassClient(folder, transport=httpx.MockTransport(self.refuse))


def random_event(rng: random.Random, size: tuple[int, int]) -> None:
    """Post one random input event (or resize the window)."""
    roll = rng.random()
    pos = (rng.randrange(-5, size[0] + 5), rng.randrange(-5, size[1] + 5))
    if roll < 0.30:
        code = rng.choice(KEYS)
        mod = rng.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL))
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=code, mod=mod, unicode="", scancode=0))
    elif roll < 0.40:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TEXT)))
    elif roll < 0.65:
        rel = rng.choice(((0, 0), (rng.randint(-9, 9), rng.randint(-9, 9))))  # resting or moving
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=(0, 0, 0), touch=False)
        )
    elif roll < 0.88:
        button = rng.choice((1, 1, 1, 3))
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=button, touch=False))
    elif roll < 0.96:
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1, 3)), flipped=False, touch=False
            )
        )
    else:
        width, height = rng.randrange(320, 1921), rng.randrange(240, 1081)
        pygame.display.set_mode((width, height), pygame.RESIZABLE)
        pygame.event.post(
            pygame.event.Event(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)
        )


@pytest.mark.parametrize(("lang", "size"), [("ru", (1024, 600)), ("en", (1920, 1080))])
def test_5000_random_events_raise_nothing(
    make_app: Callable[..., object], lang: str, size: tuple[int, int]
) -> None:
    rng = random.Random(20240601)
    network = NoNetwork()
    app = make_app(STRESS, lang, size, class_client=network)
    restarts = 0
    screens: set[str] = set()
    for _ in range(EVENTS):
        if not app.running:  # type: ignore[attr-defined]
            restarts += 1
            app = make_app(STRESS, rng.choice(("en", "ru")), size, class_client=network)
        random_event(rng, app.screen.get_size())  # type: ignore[attr-defined]
        app.step(wait=False)  # type: ignore[attr-defined]
        screens.add(app.stack[-1].name)  # type: ignore[attr-defined]
    # the monkey got around: it saw more than the first screens
    assert len(screens) >= 5, screens
    # whatever address it typed, no class answered it (every request was refused in-process)
    assert app.services.classroom.status != "connected", network.asked  # type: ignore[attr-defined]
    # and whatever screen it left is whole again at the test's window size
    pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    finish_work(app)
    settle(app, 60)
    window = app.screen.get_rect()  # type: ignore[attr-defined]
    assert textfit.problems(app.manager, window) == [], app.stack[-1].name  # type: ignore[attr-defined]
