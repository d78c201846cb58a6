"""How the window behaves: keys, countdown, redraws, settings, saves, broken scenarios."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.ui import textfit
from game.ui.scenes.picker import PickerScene
from game.ui.settings import FILE_NAME, Settings, SettingsFile
from tests.ui.helpers import FIXTURES, finish_work, press, settle, top

MakeApp = Callable[..., Any]


def begin(app: Any) -> None:
    """From the briefing, press Enter on Begin and wait for the decision screen."""
    assert top(app).name == "briefing"
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "decision"


def test_number_key_picks_the_choice_shown_with_that_number(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    second = top(app).options[1].id
    press(pygame.K_2, "2")
    settle(app, 5)
    assert top(app).name == "outcome"
    assert app.stack[-2].run.session.decisions == [second]


def test_arrows_and_enter_pick_a_choice(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    third = top(app).options[2].id
    press(pygame.K_DOWN)
    press(pygame.K_DOWN)
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "outcome"
    assert app.stack[-2].run.session.decisions == [third]


def test_countdown_runs_out_into_a_timeout(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    limit = top(app).limit
    assert limit == 20
    settle(app, int(limit * 60) + 10)
    assert top(app).name == "outcome"
    assert top(app).record.choice_index == 0


def test_pause_stops_the_countdown(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    decision = top(app)
    settle(app, 60)
    left = decision.remaining
    press(pygame.K_ESCAPE)
    settle(app, 600)
    assert top(app).name == "pause"
    assert decision.remaining == left
    press(pygame.K_RETURN, "\r")  # Resume has the focus
    settle(app, 5)
    assert top(app) is decision


def test_an_idle_window_draws_nothing(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(scenario=None)
    settle(app, 120)
    drawn: list[int] = []
    original = app.draw

    def counting(surface: pygame.Surface) -> None:
        drawn.append(1)
        original(surface)

    monkeypatch.setattr(app, "draw", counting)
    settle(app, 200)
    assert drawn == []
    press(pygame.K_DOWN)
    settle(app, 1)
    assert drawn


def test_escape_leads_back_and_the_title_stays(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert [s.name for s in app.stack] == ["title"]
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert [s.name for s in app.stack] == ["title"] and app.running


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1366, 768), (1920, 1080)])
def test_resizing_relays_out_without_cut_text(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(lang="ru")
    begin(app)
    pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    settle(app, 3)
    assert app.screen.get_size() == size
    assert textfit.problems(app.manager, app.screen.get_rect()) == []


def test_f11_toggles_full_screen_and_back(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    press(pygame.K_F11)
    settle(app, 5)  # a second press within 50 ms would be taken for a bounce
    assert app.settings.fullscreen
    press(pygame.K_F11)
    settle(app, 3)
    assert not app.settings.fullscreen
    assert app.screen.get_size() == (1280, 720)


def test_language_setting_applies_at_once_and_is_remembered(
    make_app: MakeApp, _data_dir: Path
) -> None:
    app = make_app(scenario=None, lang="en")
    app.apply_settings(app.settings.cycled("lang"))
    settle(app, 3)
    assert app.strings("title.new") == "Новая игра"
    saved = json.loads((_data_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["lang"] == "ru"


def test_a_broken_settings_file_gives_the_defaults_and_says_why(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    store = SettingsFile(tmp_path)
    assert store.load() == Settings()
    assert store.problem and FILE_NAME in store.problem


def test_settings_ignore_unknown_values() -> None:
    settings = Settings.from_json({"lang": "fr", "text_size": "largest", "palette": 3})
    assert settings == Settings(text_size="largest")


def test_a_broken_scenario_is_listed_but_cannot_start(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    app.push(PickerScene(app))
    finish_work(app)
    picker = top(app)
    broken = [e for e in picker.entries if e.bundle is None and e.id == "broken_scenario"]
    assert broken and broken[0].error is not None
    assert picker.focus.focus_key(f"entry:{broken[0].path}")
    press(pygame.K_RETURN, "\r")
    settle(app, 3)
    assert top(app).name == "notice"
    assert [s.name for s in app.stack] == ["title", "picker", "notice"]


def test_continue_resumes_the_autosaved_game(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    press(pygame.K_1, "1")
    settle(app, 90)
    decisions = list(app.stack[-2].run.session.decisions)
    app.services.close()
    again = make_app(scenario=None)
    title = top(again)
    # this format 1 file's choices have no ids: the save names them by their place in the file
    assert title.latest is not None
    assert [str(d) for d in title.latest.record.decisions] == decisions
    assert title.focus.items[0].key == "continue"
    press(pygame.K_RETURN, "\r")
    finish_work(again)
    assert top(again).name == "decision"
    assert top(again).run.session.decisions == decisions


def test_continue_option_opens_the_latest_game_at_once(make_app: MakeApp) -> None:
    from game.ui.app import start
    from game.ui.options import Options

    app = make_app()
    begin(app)
    press(pygame.K_1, "1")
    settle(app, 90)
    decisions = list(app.stack[-2].run.session.decisions)
    app.services.close()
    again = start(Options(lang="en", size=(1280, 720), resume=True, scenarios=(FIXTURES,)))
    finish_work(again)
    assert [s.name for s in again.stack] == ["title", "decision"]
    assert top(again).run.session.decisions == decisions
    again.services.close()


def test_every_string_key_the_window_names_exists() -> None:
    import re

    from game.i18n import catalog

    known = set(catalog("en")) & set(catalog("ru"))
    root = Path(__file__).resolve().parents[2] / "game" / "ui"
    pattern = re.compile(r"""\b(?:s|strings|self\.s)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    used = {key for path in root.rglob("*.py") for key in pattern.findall(path.read_text())}
    assert used, "no keys found: the pattern is out of date"
    assert sorted(used - known) == []
