"""Pictures in the window: the logo and window icon, covers on the picker and the briefing,
drawn once and kept; no file paths, hashes or ids shown to a trainee."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIImage, UITextBox

from game.ui import pictures
from game.ui.button import TextButton
from tests.ui.helpers import FIXTURES, finish_work, press, settle, top

MakeApp = Callable[..., Any]


def shown_texts(app: Any) -> list[str]:
    """Every text the top screen shows: text boxes and button labels."""
    texts = []
    for element in app.manager.get_sprite_group().sprites():
        if isinstance(element, UITextBox):
            texts.append(element.html_text)
        elif isinstance(element, TextButton):
            texts.append(element.label_text)
    return texts


def images(app: Any) -> list[UIImage]:
    return [e for e in app.manager.get_sprite_group().sprites() if type(e) is UIImage]


def test_the_window_has_the_icon_and_the_title_shows_the_logo(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[pygame.Surface] = []
    original = pygame.display.set_icon

    def record(surface: pygame.Surface) -> None:
        given.append(surface)
        original(surface)

    monkeypatch.setattr(pygame.display, "set_icon", record)
    app = make_app(scenario=None)
    assert given and given[0].get_size() == (32, 32)
    assert given[0] is pictures.icon()
    assert top(app).name == "title"
    logos = images(app)
    assert len(logos) == 1
    width, height = logos[0].rect.size
    assert width > 2 * height >= 2 * 48  # the mark and the name beside it
    # the logo is the first thing on the screen, above the menu
    first_button = min(
        b.rect.top for b in app.manager.get_sprite_group().sprites() if isinstance(b, TextButton)
    )
    assert logos[0].rect.bottom < first_button
    # not drawn again for a new layout of the same size
    drawn = pictures.drawn()
    app.relayout()
    settle(app, 5)
    assert pictures.drawn() == drawn


def test_the_picker_shows_the_selected_scenarios_cover(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    app.push(app.scene("picker"))
    finish_work(app)
    picker = top(app)
    assert picker.cover is not None
    first = picker.cover.image.copy()
    playable = [i for i, e in enumerate(picker.entries) if e.bundle is not None]
    settings = {picker.entries[i].bundle.scenario.setting for i in playable}
    other = (
        next(
            i
            for i in playable
            if picker.entries[i].bundle.scenario.setting
            != picker.entries[picker.selected].bundle.scenario.setting
        )
        if len(settings) > 1
        else None
    )
    assert other is not None, "the test scenarios need two settings"
    picker.focus.focus_key(f"entry:{picker.entries[other].path}")
    settle(app, 3)
    assert picker.selected == other
    assert picker.cover.image.get_size() == first.get_size()
    changed = pygame.image.tobytes(picker.cover.image, "RGBA") != pygame.image.tobytes(
        first, "RGBA"
    )
    assert changed
    # frames without a change draw no picture
    drawn = pictures.drawn()
    settle(app, 30)
    assert pictures.drawn() == drawn


def test_the_briefing_shows_the_cover(make_app: MakeApp) -> None:
    app = make_app()
    assert top(app).name == "briefing"
    covers = images(app)
    assert covers
    setting = top(app).run.bundle.scenario.setting
    size = covers[0].image.get_size()
    expected = pictures.cover_picture(app.theme, setting, size)
    assert pygame.image.tobytes(covers[0].image, "RGB") == pygame.image.tobytes(expected, "RGB")


def test_the_picker_shows_no_path_even_with_a_broken_file(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    app.push(app.scene("picker"))
    finish_work(app)
    picker = top(app)
    broken = [e for e in picker.entries if e.bundle is None]
    assert broken, "the fixtures hold a broken scenario"
    # every row, selected in turn: no path, file name, hash or id on the screen
    rows = [item.key for item in picker.focus.items if item.key.startswith("entry:")]
    assert len(rows) == len(picker.entries) - len(broken) + 1
    for key in rows:
        picker.focus.focus_key(key)
        settle(app, 3)
        text = " ".join(shown_texts(app))
        assert str(FIXTURES) not in text and ".yaml" not in text
        assert "/" not in text.replace("</", "").replace("/>", "")
        for entry in picker.entries:
            assert entry.id not in text or (
                entry.bundle is not None and entry.id in entry.bundle.scenario.title.get("en", "")
            )
            if entry.bundle is not None:
                assert entry.bundle.content_hash[:8] not in text
    assert "could not be read" in " ".join(shown_texts(app))
    # Start on the broken row says so in words; the details are there on request
    press(pygame.K_RETURN, "\r")
    settle(app, 3)
    assert top(app).name == "notice"
    assert str(FIXTURES) not in top(app).text
    details = next(i for i in top(app).focus.items if i.key == "details")
    details.action()
    settle(app, 3)
    assert top(app).name == "notice"
    assert str(Path(broken[0].path)) in top(app).text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_picker_lists_the_tutorial_first_then_by_difficulty_and_title(
    make_app: MakeApp, lang: str
) -> None:
    app = make_app(scenario=None, lang=lang, scenarios=())
    app.push(app.scene("picker"))
    finish_work(app)
    picker = top(app)
    bundles = [e.bundle for e in picker.entries if e.bundle is not None]
    assert len(bundles) >= 13 and bundles[0].scenario.id == "example_release"
    keys = [(b.scenario.difficulty, b.scenario.title[lang].casefold()) for b in bundles]
    keys = [(d, t.removeprefix("the ")) for d, t in keys]
    assert keys == sorted(keys)
