"""The saved games screen: readable names, rename (name rules said in words) and delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.store.names import MAX_NAME_LENGTH
from game.ui.savenames import named_after, shorten
from tests.ui.helpers import finish_work, press, settle, top
from tests.ui.test_pictures import shown_texts

MakeApp = Callable[..., Any]


def a_saved_game(make_app: MakeApp) -> Any:
    """An app back on the title screen with one unfinished game autosaved."""
    app = make_app()
    press(pygame.K_RETURN, "\r")  # Begin
    settle(app, 5)
    assert top(app).name == "decision"
    press(pygame.K_1, "1")
    settle(app, 90)
    app.services.close()
    again = make_app(scenario=None)
    assert top(again).name == "title"
    return again


def open_saves(app: Any) -> Any:
    app.push(app.scene("saves"))
    finish_work(app)
    saves = top(app)
    assert saves.name == "saves" and len(saves.saves) == 1
    return saves


def choose(app: Any, key: str) -> None:
    item = next(i for i in top(app).focus.items if i.key == key)
    item.action()
    finish_work(app)


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("The Client Is Furious", 40) == "The Client Is Furious"
    assert shorten("The Client Is Furious", 16) == "The Client Is…"
    assert shorten("Everything, everywhere", 14) == "Everything…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"
    title = "Ten Days to the Conference of the Year"
    whole = set(title.split(" "))
    for limit in range(4, 30):
        cut = shorten(title, limit)
        assert len(cut) <= limit
        assert cut.endswith("…")
        assert title.startswith(cut[:-1])
        assert all(word in whole for word in cut[:-1].split())


def test_saves_show_titles_and_dates_not_ids_or_files(make_app: MakeApp) -> None:
    app = a_saved_game(make_app)
    saves = open_saves(app)
    record = saves.saves[0].record
    text = " ".join(shown_texts(app))
    assert record.scenario_id not in text
    assert saves.saves[0].path.name not in text
    assert record.game_id not in text
    assert "Autosave" in text


def test_rename_a_save_on_the_screen(make_app: MakeApp) -> None:
    app = a_saved_game(make_app)
    saves = open_saves(app)
    game_id = saves.saves[0].record.game_id
    choose(app, "rename")
    assert saves.mode == "rename" and saves.entry is not None
    proposed = saves.entry.get_text()
    assert 0 < len(proposed) <= MAX_NAME_LENGTH
    assert saves.saves[0].record.scenario_id not in proposed
    # a name the store refuses: said in words, nothing changes, what was typed stays
    saves.entry.set_text("tab\there")
    choose(app, "rename_ok")
    assert saves.mode == "rename"
    assert saves.error is not None and "control character" in saves.error
    assert saves.entry.get_text() == "tab\there"
    # a good name
    saves.entry.set_text("Before the storm")
    choose(app, "rename_ok")
    assert saves.mode == "list"
    assert [e.record.slot for e in saves.saves] == ["Before the storm"]
    assert saves.saves[0].record.game_id == game_id
    listing = app.services.saves.scan()
    assert [e.record.slot for e in listing.saves] == ["Before the storm"]
    assert "Before the storm" in " ".join(shown_texts(app))


def test_a_save_named_after_its_scenario_says_the_title_once(make_app: MakeApp) -> None:
    app = a_saved_game(make_app)
    saves = open_saves(app)
    title = saves.saves[0].record.snapshot["title"]["en"]
    choose(app, "rename")
    proposed = saves.entry.get_text()  # the title (shortened at a word here) and the date
    assert named_after(proposed, title) and not named_after("Before the storm", title)
    choose(app, "rename_ok")
    assert saves.mode == "list"
    row = next(text for text in shown_texts(app) if proposed in text)
    assert row.count(" ".join(title.split()[:3])) == 1  # the name's, not said again


def test_delete_asks_first_and_cancel_keeps_the_game(make_app: MakeApp) -> None:
    app = a_saved_game(make_app)
    saves = open_saves(app)
    path = saves.saves[0].path
    choose(app, "delete")
    assert saves.mode == "delete"
    assert top(app).focus.current_key == "cancel"  # a stray Enter deletes nothing
    press(pygame.K_RETURN, "\r")
    finish_work(app)
    assert saves.mode == "list" and path.exists()
    choose(app, "delete")
    choose(app, "delete_ok")
    assert saves.mode == "list" and saves.saves == []
    assert not path.exists()
    assert app.services.saves.scan().saves == ()
    assert "There are no saved games yet." in " ".join(shown_texts(app))
