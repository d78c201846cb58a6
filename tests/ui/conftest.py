"""Fixtures for the window tests: a real window on SDL's dummy driver, a private data folder."""

from __future__ import annotations

import os

# Before pygame opens anything: no screen and no sound card are needed (see STYLE.md).
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from tests.ui.helpers import FIXTURES, STRESS, finish_work, settle


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saves, settings and the leaderboard go to a fresh folder in every test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_app() -> Iterator[Callable[..., object]]:
    """`make_app(scenario=..., lang=..., size=..., scenarios=..., class_client=...)` -> a
    started App with its background work done (closed afterwards)."""
    from game.ui.app import App, start
    from game.ui.options import Options
    from game.ui.services import ClientMaker

    made: list[App] = []

    def make(
        scenario: str | None = STRESS,
        lang: str = "en",
        size: tuple[int, int] = (1280, 720),
        scenarios: tuple[Path, ...] = (FIXTURES,),
        class_client: ClientMaker | None = None,
    ) -> App:
        pygame.display.init()
        pygame.font.init()
        options = Options(scenario=scenario, seed=7, lang=lang, size=size, scenarios=scenarios)
        app = start(options, class_client)
        made.append(app)
        finish_work(app)
        settle(app)
        return app

    yield make
    for app in made:
        app.services.close()
    pygame.quit()
