"""The window plays through the game run layer: saves of the terminal and of the first engine
continue in it, and its screens find each other by name, never by import."""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.cli import main
from game.ui.scene import Scene
from tests.play.helpers import first_engine_save
from tests.ui.helpers import finish_work, press, settle, top

MakeApp = Callable[..., Any]
SCENES = Path(__file__).resolve().parents[2] / "game" / "ui" / "scenes"


def test_no_screen_module_imports_another_screen_module() -> None:
    found = []
    for path in sorted(SCENES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found += [(path.name, n) for n in names if n.startswith("game.ui.scenes")]
    assert found == []


def test_every_screen_is_made_by_its_name(make_app: MakeApp) -> None:
    import importlib

    from game.ui.screens import screens

    registry = screens()
    defined = set()
    for path in SCENES.glob("*.py"):
        module = importlib.import_module(f"game.ui.scenes.{path.stem}")
        defined |= {
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Scene)
            and value.__module__ == module.__name__
        }
    assert set(registry.values()) == defined
    assert all(cls.name == name for name, cls in registry.items())
    app = make_app(scenario=None)
    assert type(app.scene("settings")) is registry["settings"]


@pytest.mark.parametrize(("lang", "title"), [("en", "Friday release"), ("ru", "Релиз в пятницу")])
def test_a_game_saved_in_the_terminal_shows_its_title_in_the_window(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, lang: str, title: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n"))
    args = ["play", "example_release", "--text", "--seed", "3", "--untimed", "--lang", "en"]
    assert main(args) == 0
    app = make_app(scenario=None, lang=lang)
    continue_label = top(app).focus.items[0]
    assert continue_label.key == "continue"
    assert title in continue_label.button.label_text
    assert "example_release" not in continue_label.button.label_text


def test_a_first_engine_save_continues_in_the_window_with_ids(
    make_app: MakeApp, _data_dir: Path
) -> None:
    first_engine_save(_data_dir)
    app = make_app(scenario=None)
    assert top(app).focus.items[0].key == "continue"
    assert "Friday release" in top(app).focus.items[0].button.label_text  # from the library
    press(pygame.K_RETURN, "\r")
    finish_work(app)
    assert [s.name for s in app.stack] == ["title", "decision", "notice"]
    run = app.stack[1].run
    assert run.session.decisions == ["ask_oleg", "one_goal"]
    assert run.autosave.record.decisions == ("ask_oleg", "one_goal")
    assert "was updated since this game was saved" in top(app).text


def test_the_window_plays_a_scenario_with_another_team() -> None:
    from game.ui.app import start
    from game.ui.options import Options

    pygame.display.init()
    pygame.font.init()
    options = Options(scenario="promoted_from_within", team="squad_south", seed=1, lang="en")
    app = start(options)
    try:
        finish_work(app)
        assert top(app).name == "briefing"
        assert top(app).run.bundle.team.id == "squad_south"
    finally:
        app.services.close()
        pygame.quit()


def test_the_leaderboard_after_a_game_names_its_ending_at_once(make_app: MakeApp) -> None:
    from game.sim.policies import choose
    from game.ui.flow import new_run
    from game.ui.resume import home, load

    app = make_app(scenario=None, lang="ru")
    bundle = load(app, "example_release")
    assert not isinstance(bundle, str)
    run = new_run(app, bundle, 3)
    while not run.finished:
        run.take(choose("principled", run.session))
    app.reset(*home(app), app.scene("name_entry", run))
    press(pygame.K_ESCAPE)  # no name: straight to the board
    settle(app, 5)
    board = top(app)
    assert board.name == "leaderboard"
    ending = run.session.ending
    title = run.session.text(ending.title, "ru")  # the title as the game showed it
    assert board.ending_titles[f"example_release:{ending.id}"] == title


def test_the_same_game_played_twice_goes_to_its_row_on_the_board(make_app: MakeApp) -> None:
    from game.sim.policies import choose
    from game.ui.flow import new_run
    from game.ui.resume import home, load

    app = make_app(scenario=None)
    bundle = load(app, "example_release")
    assert not isinstance(bundle, str)
    rows = []
    for name in ("Ann", "Bob"):  # same seed, same decisions: the same game twice
        run = new_run(app, bundle, 3)
        while not run.finished:
            run.take(choose("principled", run.session))
        app.reset(*home(app), app.scene("name_entry", run))
        settle(app, 5)
        for char in name:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        press(pygame.K_RETURN, "\r")
        settle(app, 5)
        board = top(app)
        assert board.name == "leaderboard", f"{name}: stuck on {board.name}"
        rows.append(board.boards[board.index].highlight)
    assert rows[0] is not None and rows[1] == rows[0]  # the first game's row, highlighted
    assert [row.name for row in board.rows] == ["Ann"]  # not stored twice
    assert board.boards[board.index].note == app.strings("name.already")
