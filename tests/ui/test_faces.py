"""Faces on the briefing, decision, outcome and debrief screens of the real window: the same
person every time, drawn as the leader sees them (an estimate, someone who left), drawn once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.content.look import portrait_seed
from game.ui.faces import art, face_of, look_of
from game.ui.team import on_team
from tests.ui.helpers import finish_work, press, settle, top

MakeApp = Callable[..., Any]
REVEAL_OLEG, SHOUT_AT_OLEG = 1, 4  # the storm's choices by their place in the file


def begin(app: Any) -> None:
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "decision"


def take(app: Any, index: int) -> None:
    """Press the number key of the choice at `index` in the file; wait out the animation."""
    scene = top(app)
    number = next(n for n, o in enumerate(scene.options, start=1) if o.index == index)
    press(getattr(pygame, f"K_{number}"), str(number))
    settle(app, 80)
    assert top(app).name == "outcome"


def states(scene: Any) -> dict[str, str]:
    return {face.member_id: face.state for face in scene.faces}


def test_decision_screen_shows_every_member_as_the_leader_sees_them(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    scene = top(app)
    session = scene.run.session
    view = session.view()
    assert [f.member_id for f in scene.faces] == [m.id for m in on_team(view)]
    for face, member in zip(scene.faces, on_team(view), strict=True):
        assert face.seed == portrait_seed(session.bundle.team.id, member.id)
        assert face.state == ("estimate" if member.estimated else "seen")
        assert (face.mood, face.stress) == (member.morale, member.stress)
    # nobody is known yet at the start of this scenario
    assert set(states(scene).values()) == {"estimate"}
    # the look is the author's, with the presentation from the gender where it says none
    for member in session.bundle.team.members:
        look = look_of(session, member.id)
        wanted = {"female": "feminine", "male": "masculine"}.get(member.gender or "")
        if member.portrait is not None and member.portrait.presentation:
            wanted = member.portrait.presentation
        assert (look.presentation if look else None) == wanted


def test_the_briefing_shows_the_same_faces_as_the_first_decision(make_app: MakeApp) -> None:
    app = make_app()
    briefing = top(app)
    assert briefing.name == "briefing"
    met = [(f.member_id, f.seed, f.state, f.mood, f.stress) for f in briefing.faces]
    assert [m for m, *_ in met] == [m.id for m in on_team(briefing.run.session.view())]
    begin(app)
    assert [(f.member_id, f.seed, f.state, f.mood, f.stress) for f in top(app).faces] == met


def test_a_revealed_member_is_drawn_seen_and_one_who_left_gone(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    seeds = {f.member_id: f.seed for f in top(app).faces}
    take(app, REVEAL_OLEG)
    assert states(top(app)).get("oleg") == "seen"
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    assert top(app).name == "decision"
    assert states(top(app))["oleg"] == "seen"
    assert {v for k, v in states(top(app)).items() if k != "oleg"} == {"estimate"}
    assert {f.member_id: f.seed for f in top(app).faces} == seeds  # the same people

    other = make_app()
    begin(other)
    take(other, SHOUT_AT_OLEG)
    assert states(top(other))["oleg"] == "gone"
    assert next(f for f in top(other).faces if f.member_id == "oleg").gone


def test_portraits_are_drawn_once_not_every_frame(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    settle(app, 10)
    drawn = art().renders
    for _ in range(30):
        app.hot = 1.0  # full frames, as right after input
        app.frame(1 / 60)
    assert art().renders == drawn
    # a new layout of the same screen finds them in the cache too
    app.relayout()
    settle(app, 3)
    assert art().renders == drawn


def test_debrief_shows_everyone_with_what_became_of_them(make_app: MakeApp) -> None:
    app = make_app()
    begin(app)
    take(app, SHOUT_AT_OLEG)
    press(pygame.K_RETURN, "\r")
    settle(app, 5)
    run = top(app).run
    while not run.finished:
        take(app, top(app).options[0].index)
        press(pygame.K_RETURN, "\r")
        settle(app, 5)
    finish_work(app)
    scene = top(app)
    assert scene.name == "debrief"
    view = run.view
    assert [f.member_id for f in scene.faces] == [m.id for m in view.members]
    assert states(scene)["oleg"] == "gone"
    for member in view.members:
        assert scene.faces[[m.id for m in view.members].index(member.id)] == face_of(
            run.session, member
        )
