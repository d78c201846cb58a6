"""Feedback after a decision and the debrief's principles chart, on the real window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.i18n import Strings
from game.play.feedback import SHOWN
from game.ui.profile import Met, draw_profile
from game.ui.theme import Style, theme_for
from tests.ui.helpers import finish_work, press, settle, top

MakeApp = Callable[..., Any]
WEEKEND = 3  # the storm's "work the weekend" choice: stress up, morale down for everyone


def on_outcome(app: Any, index: int) -> Any:
    """Begin, take the storm's choice at `index` in the file, one frame later: the outcome."""
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    scene = top(app)
    number = next(n for n, o in enumerate(scene.options, start=1) if o.index == index)
    press(getattr(pygame, f"K_{number}"), str(number))
    app.step(wait=False)
    assert top(app).name == "outcome"
    return top(app)


def test_outcome_lists_exactly_who_changed_with_the_sign(make_app: MakeApp) -> None:
    app = make_app()
    scene = on_outcome(app, WEEKEND)
    before = {m.id: m for m in scene.before_view.members}
    expected: dict[str, dict[str, int]] = {}
    for member in scene.after.members:
        old = before[member.id]
        known = not (member.estimated or old.estimated)
        metrics = SHOWN if known else ("productivity",)
        signs = {}
        for metric in metrics:
            change = getattr(member, metric) - getattr(old, metric)
            if abs(change) >= 0.005:
                signs[metric] = 1 if change > 0 else -1
        if signs or member.status != old.status:
            expected[member.id] = signs
    assert expected  # the weekend moves someone's output at least
    assert {r.member.id: r.signs for r in scene.reactions} == expected
    # the cards are theirs, in that order, after the animation
    settle(app, 80)
    faces = [f.member_id for f in scene.panel.faces]
    assert faces == [r.member.id for r in scene.reactions]
    # the measured lines count the same changes
    for tally in scene.tallies:
        if tally.metric in SHOWN:
            fell = sum(1 for r in scene.reactions if r.signs.get(tally.metric) == -1)
            rose = sum(1 for r in scene.reactions if r.signs.get(tally.metric) == 1)
            assert (tally.fell, tally.rose) == (fell, rose)


def test_meters_animate_from_old_to_new_and_finish_by_themselves(make_app: MakeApp) -> None:
    app = make_app()
    scene = on_outcome(app, WEEKEND)
    moved = scene.reactions[0]
    metric, change = next(iter(moved.deltas.items()))
    card = scene.panel.cards[0]
    start = card.values[metric]
    assert scene.animating
    assert abs(start - (getattr(moved.member, metric) - change)) < abs(change)
    settle(app, 20)  # a third of a second: on the way
    middle = scene.panel.cards[0].values[metric]
    assert scene.animating
    assert min(start, start + change) <= middle <= max(start, start + change)
    assert middle != start
    settle(app, 60)  # well past the duration
    assert not scene.animating
    assert scene.panel.cards[0].values[metric] == getattr(moved.member, metric)
    assert top(app) is scene  # it waits for the player


def test_any_key_skips_the_animation_without_moving_on(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    number = next(n for n, o in enumerate(top(app).options, start=1) if o.index == WEEKEND)
    key = getattr(pygame, f"K_{number}")
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=str(number), scancode=0)
    pygame.event.post(down)  # the number key goes down and is held
    app.step(wait=False)
    scene = top(app)
    assert scene.name == "outcome" and scene.animating
    # its repeats and its release belong to the decision screen: they skip nothing
    for event in (down, down, pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0)):
        pygame.event.post(event)
        app.step(wait=False)
    assert scene.animating
    press(pygame.K_a, "a")  # a key that activates nothing
    app.step(wait=False)
    assert not scene.animating
    assert top(app) is scene
    moved = scene.reactions[0]
    metric = next(iter(moved.deltas))
    assert scene.panel.cards[0].values[metric] == getattr(moved.member, metric)
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "decision"


def test_a_click_skips_the_animation_and_enter_moves_on_at_once(make_app: MakeApp) -> None:
    app = make_app()
    scene = on_outcome(app, WEEKEND)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(5, 5)))
    app.step(wait=False)
    assert not scene.animating
    assert top(app) is scene
    other = make_app()
    scene = on_outcome(other, WEEKEND)
    assert scene.animating
    press(pygame.K_RETURN, "\r")  # the player has seen enough
    settle(other, 5)
    assert top(other).name == "decision"


def test_profile_bars_are_to_scale_and_counted_apart() -> None:
    pygame.font.init()
    theme = theme_for(Style.load(), (1920, 1080), "standard", "normal")
    met = [
        Met("planning", "Planning", 2, 0),
        Met("composure", "Composure", 1, 2),
        Met("decisiveness", "Decisiveness", 0, 1),
    ]
    profile = draw_profile(theme, Strings("en"), met, (900, 600))
    bars = profile.bars
    assert profile.shown == 3 and profile.scale == 2
    twice, once = bars[("planning", "applied")].width, bars[("composure", "applied")].width
    assert once > 0 and abs(twice - 2 * once) <= 1
    assert bars[("composure", "violated")].width == twice
    assert bars[("planning", "violated")].width == 0
    # applied grows right of the middle, violated left of it
    middle = bars[("planning", "applied")].left
    assert bars[("composure", "violated")].right == middle


def test_long_names_take_a_wider_column_before_they_are_cut() -> None:
    pygame.font.init()
    theme = theme_for(Style.load(), (1024, 600), "standard", "normal")
    long = ["Объективная оценка ситуации", "Решения на основе информации", "Знать своих людей"]
    met = [Met("planning", name, 5 - n, 0) for n, name in enumerate(long * 3)]
    # too low for names on two lines, wide enough for each on one line at 58 % of the width
    profile = draw_profile(theme, Strings("ru"), met, (470, 230))
    assert 1 <= profile.shown < len(met)
    assert profile.names == [m.name for m in met[: profile.shown]]
    # a narrower chart still cuts them, at a word
    narrow = draw_profile(theme, Strings("ru"), met, (300, 230))
    assert any(name.endswith("\u2026") for name in narrow.names)


def test_chart_text_is_readable_and_follows_the_text_size() -> None:
    pygame.font.init()
    style = Style.load()
    sizes = {}
    for text in ("small", "normal", "largest"):
        theme = theme_for(style, (1920, 1080), "standard", text)
        sizes[text] = theme.font_px("#small")
    assert sizes["small"] >= 18
    assert sizes["small"] < sizes["normal"] < sizes["largest"]
    # larger text: the same rows take more room, so fewer fit in the same chart
    met = [Met(p, p.title(), 3, 1) for p in ("planning", "composure", "decisiveness") * 4]
    shown = [
        draw_profile(theme_for(style, (1920, 1080), "standard", t), Strings("en"), met, (900, 420))
        for t in ("normal", "largest")
    ]
    assert shown[0].shown > shown[1].shown


def test_debrief_profile_draws_the_session_counts(make_app: MakeApp) -> None:
    app = make_app()
    on_outcome(app, WEEKEND)
    settle(app, 80)
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    run = top(app).run
    while not run.finished:
        press(pygame.K_1, "1")
        settle(app, 80)
        press(pygame.K_RETURN, "\r")
        settle(app, 5)
    finish_work(app)
    scene = top(app)
    assert scene.name == "debrief"
    scene._toggle()
    settle(app, 3)
    profile = scene.profile
    counts = run.session.principle_counts()
    assert counts and profile.shown == len(counts)
    for pid, (applied, violated) in counts.items():
        assert profile.bars[(pid, "applied")].width == round(profile.unit * applied)
        assert profile.bars[(pid, "violated")].width == round(profile.unit * violated)
