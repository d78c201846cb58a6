"""The window never plays by itself: held and bouncing keys, a resting pointer, Esc, text size."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pygame
import pytest

from game.ui.keys import KeyGate
from game.ui.settings import TEXT_SIZES, Settings
from tests.ui.helpers import finish_work, press, settle, top

MakeApp = Callable[..., Any]


def key_event(kind: int, code: int, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(kind, key=code, mod=0, unicode=unicode, scancode=0)


def hold(app: Any, code: int, frames: int, repeats_per_frame: int = 3) -> None:
    """Hold a key down for `frames` frames as SDL with key repeat on delivers it: one KEYDOWN,
    then more KEYDOWNs of the same key and no KEYUP."""
    unicode = "\r" if code == pygame.K_RETURN else ""
    pygame.event.post(key_event(pygame.KEYDOWN, code, unicode))
    for _ in range(frames):
        for _ in range(repeats_per_frame):
            pygame.event.post(key_event(pygame.KEYDOWN, code, unicode))
        app.step(wait=False)


def release(app: Any, code: int) -> None:
    pygame.event.post(key_event(pygame.KEYUP, code))
    settle(app, 3)


def decisions(app: Any) -> list[Any]:
    run = next(s.run for s in reversed(app.stack) if hasattr(s, "run"))
    return list(run.session.decisions)


def test_enter_held_for_three_seconds_on_the_briefing_makes_one_step(make_app: MakeApp) -> None:
    app = make_app()
    assert top(app).name == "briefing"
    hold(app, pygame.K_RETURN, frames=180)
    release(app, pygame.K_RETURN)
    assert [s.name for s in app.stack] == ["title", "decision"]
    assert decisions(app) == []


def test_enter_held_on_a_decision_makes_exactly_one_decision(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    assert top(app).name == "decision"
    hold(app, pygame.K_RETURN, frames=120)
    assert top(app).name == "outcome"
    release(app, pygame.K_RETURN)
    assert top(app).name == "outcome"
    assert len(decisions(app)) == 1


def test_an_enter_that_changed_the_screen_does_not_act_on_the_next(make_app: MakeApp) -> None:
    app = make_app()
    pygame.event.post(key_event(pygame.KEYDOWN, pygame.K_RETURN, "\r"))
    settle(app, 2)
    assert top(app).name == "decision"
    # the same key's repeats and its KEYUP arrive after the decision screen is on top
    for _ in range(5):
        pygame.event.post(key_event(pygame.KEYDOWN, pygame.K_RETURN, "\r"))
        settle(app, 1)
    release(app, pygame.K_RETURN)
    assert top(app).name == "decision"
    assert decisions(app) == []
    settle(app, 10)
    press(pygame.K_RETURN, "\r")  # a fresh press acts as usual
    settle(app, 3)
    assert top(app).name == "outcome" and len(decisions(app)) == 1


def test_a_bouncing_enter_acts_once(make_app: MakeApp) -> None:
    app = make_app()
    for kind in (pygame.KEYDOWN, pygame.KEYUP, pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(key_event(kind, pygame.K_RETURN, "\r"))
    settle(app, 1)
    pygame.event.post(key_event(pygame.KEYDOWN, pygame.K_RETURN, "\r"))  # one frame later
    pygame.event.post(key_event(pygame.KEYUP, pygame.K_RETURN, "\r"))
    settle(app, 5)
    assert [s.name for s in app.stack] == ["title", "decision"]
    assert decisions(app) == []


def test_held_escape_leaves_one_screen(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    hold(app, pygame.K_ESCAPE, frames=1, repeats_per_frame=1)  # a repeat would resume
    settle(app, 30)
    release(app, pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["title", "decision", "pause"]


def test_held_arrow_keeps_moving_the_focus(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    ring = top(app).focus
    assert ring.index == 0
    hold(app, pygame.K_DOWN, frames=1, repeats_per_frame=2)
    assert ring.index == 3  # arrows repeat: the first press and two repeats


def test_the_gate_drops_repeats_and_bounces_but_not_later_presses() -> None:
    gate, screen = KeyGate(debounce=0.05), object()
    enter, down = pygame.K_RETURN, pygame.K_DOWN

    def admitted(kind: int, code: int) -> bool:
        return gate.admit(key_event(kind, code), screen)

    gate.begin_batch(0.0)
    assert admitted(pygame.KEYDOWN, enter)
    assert not admitted(pygame.KEYDOWN, enter)  # repeat
    assert admitted(pygame.KEYUP, enter)
    gate.begin_batch(0.016)
    assert not admitted(pygame.KEYDOWN, enter)  # the next batch: may be 1 ms later
    assert admitted(pygame.KEYUP, enter)
    for now in (0.032, 0.2, 0.216):
        gate.begin_batch(now)
    assert admitted(pygame.KEYDOWN, enter)  # at least 168 ms after the last release
    assert admitted(pygame.KEYDOWN, down) and admitted(pygame.KEYDOWN, down)
    assert not gate.admit(key_event(pygame.KEYUP, enter), object())  # another screen


# --- the pointer --------------------------------------------------------------------------


def move_pointer(pos: tuple[int, int], rel: tuple[int, int]) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=(0, 0, 0), touch=False)
    )


def button_centre(app: Any, key: str) -> tuple[int, int]:
    item = next(i for i in top(app).focus.items if i.key == key)
    return item.button.rect.center


def test_a_resting_pointer_never_takes_the_focus_from_the_arrows(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    ring = top(app).focus
    assert [i.key for i in ring.items][:4] == ["new", "saves", "leaderboard", "settings"]
    where = button_centre(app, "saves")
    pygame.mouse.set_pos(where)  # the pointer now rests on Saved games...
    move_pointer(where, (4, 3))  # ...after a real move there
    settle(app, 10)
    assert ring.current_key == "saves"
    press(pygame.K_DOWN)
    settle(app, 60)  # a second with the pointer resting
    assert ring.current_key == "leaderboard"
    press(pygame.K_DOWN)
    settle(app, 60)
    assert ring.current_key == "settings"
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "settings"


def test_a_pointer_where_the_window_opened_does_not_take_the_focus(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    ring = top(app).focus
    where = button_centre(app, "settings")
    pygame.mouse.set_pos(where)
    move_pointer(where, (0, 0))  # a motion event that is no movement
    settle(app, 30)
    assert ring.current_key == "new"
    press(pygame.K_DOWN)
    settle(app, 30)
    assert ring.current_key == "saves"


# --- Esc and text size --------------------------------------------------------------------


def test_escape_on_the_debrief_moves_on_to_name_entry(make_app: MakeApp) -> None:
    from game.sim.policies import choose
    from game.ui.flow import new_run
    from game.ui.resume import debrief_later, home, load

    app = make_app(scenario=None)
    bundle = load(app, "example_release")
    assert not isinstance(bundle, str)
    run = new_run(app, bundle, 3)
    while not run.finished:
        run.take(choose("principled", run.session))
    app.reset(*home(app), debrief_later(app, run))
    finish_work(app)
    assert top(app).name == "debrief"
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert top(app).name == "name_entry"
    press(pygame.K_ESCAPE)  # the name entry has the keyboard: Esc still skips
    settle(app, 5)
    assert top(app).name == "leaderboard"
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert [s.name for s in app.stack] == ["title"]


def test_escape_on_the_outcome_moves_on(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    press(pygame.K_1, "1")
    settle(app, 10)
    assert top(app).name == "outcome"
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert top(app).name == "decision" and len(decisions(app)) == 1


def test_escape_in_the_save_dialog_goes_back_to_the_pause_menu(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert top(app).name == "pause"
    assert top(app).focus.focus_key("save")
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "save_dialog"
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert top(app).name == "pause"


@pytest.mark.parametrize(("start", "key", "end"), [(-1, pygame.K_RIGHT, -1), (0, pygame.K_LEFT, 0)])
def test_text_size_arrows_stop_at_the_ends(
    make_app: MakeApp, start: int, key: int, end: int
) -> None:
    from game.ui.scenes.settings import SettingsScene

    app = make_app(scenario=None)
    app.apply_settings(Settings(lang="en", text_size=TEXT_SIZES[start]))
    app.push(SettingsScene(app))
    settle(app, 3)
    assert top(app).focus.focus_key("setting:text_size")
    for _ in range(3):
        press(key)
        settle(app, 5)
    assert app.settings.text_size == TEXT_SIZES[end]


def test_enter_on_the_largest_text_size_turns_back_one_step(make_app: MakeApp) -> None:
    from game.ui.scenes.settings import SettingsScene

    app = make_app(scenario=None)
    app.apply_settings(Settings(lang="en", text_size="large"))
    app.push(SettingsScene(app))
    settle(app, 3)
    seen = []
    for _ in range(5):
        assert top(app).focus.focus_key("setting:text_size")
        press(pygame.K_RETURN, "\r")
        settle(app, 5)
        seen.append(app.settings.text_size)
    assert seen == ["largest", "large", "normal", "small", "normal"]


def test_enter_on_the_loading_screen_keeps_waiting(make_app: MakeApp) -> None:
    from game.ui.resume import home, later

    app = make_app(scenario=None)
    release = threading.Event()
    app.reset(*home(app), later(app, "loading.game", lambda: release.wait(10), lambda _: []))
    settle(app, 3)
    assert top(app).name == "loading"
    press(pygame.K_RETURN, "\r")
    settle(app, 3)
    assert top(app).name == "loading"
    press(pygame.K_ESCAPE)
    settle(app, 3)
    assert [s.name for s in app.stack] == ["title"]
    release.set()


@pytest.mark.parametrize(
    ("scenario", "title"),
    [("client_escalation", "The Client Is Furious"), ("conference_countdown", "Ten Days to")],
)
def test_the_save_dialog_proposes_a_name_shortened_at_a_word(
    make_app: MakeApp, scenario: str, title: str
) -> None:
    """The proposed name keeps the date and time and cuts a long title after a whole word."""
    app = make_app(scenario=scenario)
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    finish_work(app)
    settle(app, 10)
    assert top(app).name == "decision"
    press(pygame.K_ESCAPE)
    settle(app, 5)
    assert top(app).name == "pause" and top(app).focus.focus_key("save")
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    dialog = top(app)
    assert dialog.name == "save_dialog"
    name, stamp = (
        dialog.slot.rsplit(" ", 2)[0],
        dialog.slot.split(
            " ",
        )[-2:],
    )
    assert len(dialog.slot) <= 32
    assert "-" in stamp[0] and ":" in stamp[1]  # the date and the time are whole
    assert title.startswith(name.removesuffix("…")) and name.endswith("…")
    assert name.removesuffix("…").split()[-1] in title.split()  # the last word is a whole word


def test_only_the_entry_that_has_the_keyboard_has_the_accent_border(
    make_app: Callable[..., Any],
) -> None:
    app = make_app(scenario=None)
    app.push(app.scene("settings"))
    settle(app, 3)
    settings = top(app)
    next(i for i in settings.focus.items if i.key == "setting:class").action()
    settle(app, 3)
    page = settings.class_page
    accent, idle = app.theme.colour("accent"), app.theme.colour("button_border")
    assert page.address.is_focused
    assert (page.address.border_colour, page.pin.border_colour) == (accent, idle)
    press(pygame.K_TAB)  # to the PIN
    settle(app, 3)
    assert page.pin.is_focused
    assert (page.address.border_colour, page.pin.border_colour) == (idle, accent)
    press(pygame.K_TAB)  # to the buttons: no entry has the keyboard, one button the accent
    settle(app, 3)
    assert not page.pin.is_focused and settings.focus.current_key is not None
    assert (page.address.border_colour, page.pin.border_colour) == (idle, idle)
    app.relayout()  # as when the class's status changes: new entries, the same rule
    settle(app, 3)
    assert page.address is not None and page.pin is not None
    assert not (page.address.is_focused or page.pin.is_focused)
    assert (page.address.border_colour, page.pin.border_colour) == (idle, idle)
