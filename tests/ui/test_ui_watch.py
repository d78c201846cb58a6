"""Live reload in the window: edit the scenario while the real App plays it (`--watch`)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.i18n import Strings
from tests.play.helpers import (
    edit_events,
    example_copy,
    reverse_choices,
    share_testing_removed,
    without_choice,
)
from tests.ui.helpers import finish_work, press, settle, top

EN = Strings("en")


def _open(tmp_path: Path) -> Any:
    from game.ui.app import start
    from game.ui.options import Options

    scenario = example_copy(tmp_path)
    pygame.display.init()
    pygame.font.init()
    options = Options(scenario=str(scenario), seed=3, lang="en", size=(1280, 720), watch=True)
    app = start(options)
    finish_work(app)  # the scenario is read in the background
    settle(app)
    while top(app).name != "decision":
        press(pygame.K_RETURN)
        settle(app, 10)
    return app


def _decide(app: Any, choice: str) -> None:
    """Press the number the decision screen shows for `choice`, then go past the outcome."""
    shown = [option.id for option in top(app).options]
    number = shown.index(choice) + 1
    press(getattr(pygame, f"K_{number}"), str(number))
    settle(app, 30)
    assert top(app).name == "outcome"
    press(pygame.K_RETURN, "\r")
    settle(app, 10)


def _wait_for_notice(app: Any) -> str:
    """Run frames at the window's pace until a notice shows (a file is read once it has
    been still for a moment, then replayed on the worker), for up to 10 s."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.step(wait=False)
        if top(app).name == "notice":
            return str(top(app).text)
        app.services.wait(5.0)  # the files are read and the game replayed on the worker
        time.sleep(1 / 60)
    raise AssertionError("no notice after the file changed")


def test_saving_the_scenario_reloads_it_and_keeps_the_decisions(tmp_path):
    app = _open(tmp_path)
    try:
        first = top(app).options[0].id
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
        assert _wait_for_notice(app) == EN("text.reloaded", count=1)
        assert run.bundle.content_hash != old_hash
        assert run.session.decisions == [first]
        assert run.session.event.title["en"] == "The final stretch"
        press(pygame.K_RETURN)
        settle(app, 10)
        scenario.write_text(text.replace("kind: scenario", "kind: scenari"), "utf-8")
        assert EN("text.reload_broken") in _wait_for_notice(app)
        assert run.session.event.title["en"] == "The final stretch", "the last good version runs"
    finally:
        app.services.close()
        pygame.quit()


def test_reordered_and_deleted_choices_while_the_window_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui import watch

    threads: list[threading.Thread] = []
    original = watch.look

    def look(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(watch, "look", look)
    scenario = tmp_path / "example_release.yaml"
    app = _open(tmp_path)
    try:
        _decide(app, "ask_oleg")
        _decide(app, "share_testing")
        run = top(app).run
        settle(app, 40)  # the watcher takes its first look at the files
        # reordering the choices in the file replays the same choices
        edit_events(scenario, reverse_choices)
        assert _wait_for_notice(app) == EN("text.reloaded", count=2)
        assert run.session.decisions == ["ask_oleg", "share_testing"]
        press(pygame.K_RETURN, "\r")
        settle(app, 10)
        assert top(app).name == "decision"
        assert top(app).options == run.session.choices(), "the new version's choices"
        # deleting the taken choice stops at that decision; the player decides it again
        edit_events(scenario, without_choice("share_testing"))
        said = share_testing_removed()
        assert _wait_for_notice(app) == said
        assert [s.name for s in app.stack] == ["title", "decision", "notice"]
        assert run.session.decisions == ["ask_oleg"]
        press(pygame.K_RETURN, "\r")
        settle(app, 10)
        assert sorted(o.id for o in top(app).options) == ["everything", "one_goal"]
        _decide(app, "one_goal")
        assert run.session.decisions == ["ask_oleg", "one_goal"]
        # after several reloads the count is still right, and so is the save
        edit_events(scenario, reverse_choices)
        assert _wait_for_notice(app) == EN("text.reloaded", count=2)
        assert run.autosave is not None
        assert run.autosave.record.decisions == ("ask_oleg", "one_goal")
        assert threads and all(t is not threading.main_thread() for t in threads)
    finally:
        app.services.close()
        pygame.quit()
