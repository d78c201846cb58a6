"""Live reload in the window: edit the scenario while it is being played."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from tests.ui.helpers import finish_work, press, settle, top

ROOT = Path(__file__).resolve().parents[2]


def _open(tmp_path: Path):
    from game.ui.app import start
    from game.ui.options import Options

    for name in ("example_release.yaml", "example_team.yaml"):
        shutil.copy(ROOT / "game" / "data" / "scenarios" / name, tmp_path / name)
    pygame.display.init()
    pygame.font.init()
    options = Options(
        scenario=str(tmp_path / "example_release.yaml"),
        seed=3,
        lang="en",
        size=(1280, 720),
        watch=True,
    )
    app = start(options)
    finish_work(app)  # the scenario is read in the background
    settle(app)
    while top(app).name != "decision":
        press(pygame.K_RETURN)
        settle(app, 10)
    return app


def _wait_for_notice(app) -> None:
    for _ in range(240):  # up to 4 s of frames at 1/60 s
        app.step(wait=False)
        if top(app).name == "notice":
            return
    raise AssertionError("no notice after the file changed")


def test_saving_the_scenario_reloads_it_and_keeps_the_decisions(tmp_path):
    app = _open(tmp_path)
    try:
        press(pygame.K_1, "1")
        settle(app, 30)
        while top(app).name != "decision":
            press(pygame.K_RETURN)
            settle(app, 10)
        run = app.stack[-1].run
        old_hash = run.bundle.content_hash
        scenario = tmp_path / "example_release.yaml"
        text = scenario.read_text(encoding="utf-8")
        settle(app, 40)  # the watcher takes its first look at the files
        scenario.write_text(text.replace("The last two days", "The final stretch"), "utf-8")
        _wait_for_notice(app)
        assert "reloaded, 1 decisions replayed" in top(app).text
        assert run.bundle.content_hash != old_hash
        assert run.session.decisions == [1]
        assert run.session.event.title["en"] == "The final stretch"
        press(pygame.K_RETURN)
        settle(app, 10)
        scenario.write_text(text.replace("kind: scenario", "kind: scenari"), "utf-8")
        _wait_for_notice(app)
        assert "no longer validates" in top(app).text
        assert run.session.event.title["en"] == "The final stretch", "the last good version runs"
    finally:
        app.services.close()
        pygame.quit()
