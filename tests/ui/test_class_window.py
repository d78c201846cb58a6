"""The window as a class client, against a real `leadsim serve` started here: connect from
the settings, the title says so, the picker lists the class's scenarios, a finished game is
sent through the outbox on the worker; a wrong PIN and a server that does not answer are
said in words, and the local leaderboard keeps working."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.library import BUNDLED
from game.play import client as net
from game.store.classboard import ClassBoard
from game.ui import classroom as cl
from game.ui.flow import new_run
from tests.serve.conftest import Running, free_port, serving
from tests.ui.helpers import finish_work, press, settle, top
from tests.ui.test_pictures import shown_texts

MakeApp = Callable[..., Any]


@pytest.fixture(scope="module")
def instructor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The instructor's scenarios: a copy of the bundled example under a class-only id."""
    folder = tmp_path_factory.mktemp("instructor")
    text = (BUNDLED / "example_release.yaml").read_text(encoding="utf-8")
    (folder / "class_release.yaml").write_text(
        text.replace("id: example_release", "id: class_release", 1), encoding="utf-8"
    )
    shutil.copy(BUNDLED / "example_team.yaml", folder / "example_team.yaml")
    return folder


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, instructor: Path) -> Iterator[Running]:
    target = str(tmp_path_factory.mktemp("class"))
    with serving(target, scenario_dirs=(instructor,)) as running:
        running.target = target  # type: ignore[attr-defined]
        yield running


@pytest.fixture
def server(shared: Running) -> Running:
    """The module's server, forgetting the wrong PINs of earlier tests (it holds back an
    address that tried too many)."""
    shared.services.wrong_pins.seen.clear()
    return shared


def connect(app: Any, url: str, pin: str) -> Any:
    """Open the settings, the class page, type the address and PIN, press Connect."""
    app.push(app.scene("settings"))
    settle(app, 3)
    settings = top(app)
    next(i for i in settings.focus.items if i.key == "setting:class").action()
    settle(app, 3)
    page = settings.class_page
    assert page is not None and page.address is not None and page.pin is not None
    assert page.address.is_focused  # typing starts in the address
    page.address.set_text(url)
    page.pin.set_text(pin)
    next(i for i in settings.focus.items if i.key == "connect").action()
    settle(app, 2)
    finish_work(app)
    settle(app, 3)
    return settings


def finished_game(app: Any, bundle: Any, pick: int = 0) -> Any:
    """A game of `bundle` played to its ending, taking the `pick`-th choice each time (the
    class board takes a game's log once: other tests play other choices)."""
    run = new_run(app, bundle)
    while not run.finished:
        choices = run.session.choices()
        run.take(choices[min(pick, len(choices) - 1)].id)
    return run


def save_score(app: Any, run: Any, name: str) -> None:
    app.push(app.scene("name_entry", run))
    settle(app, 3)
    entry = top(app)
    entry.entry.set_text(name)
    next(i for i in entry.focus.items if i.key == "save").action()
    settle(app, 2)
    finish_work(app)
    settle(app, 3)


def test_the_client_status_names_are_the_windows(server: Running) -> None:
    names = (cl.OFF, cl.CONNECTED, cl.UNREACHABLE, cl.NOT_A_CLASS)
    assert names == (net.OFF, net.CONNECTED, net.UNREACHABLE, net.NOT_A_CLASS)


def test_connect_see_the_class_and_send_a_game(make_app: MakeApp, server: Running) -> None:
    app = make_app(scenario=None)
    room = app.services.classroom
    assert room.status == cl.OFF
    assert "Not connected to a class" in " ".join(shown_texts(app))
    connect(app, server.url, server.pin)
    assert room.status == cl.CONNECTED and room.url == server.url
    assert f"Connected to the class at {server.url}" in " ".join(shown_texts(app))
    # the title screen says so too
    press(pygame.K_ESCAPE)  # the class page goes back to the settings
    settle(app, 10)
    assert top(app).name == "settings" and top(app).class_page is None
    press(pygame.K_ESCAPE)
    settle(app, 10)
    assert top(app).name == "title"
    assert f"Connected to the class at {server.url}" in " ".join(shown_texts(app))
    # the class's scenario is in the picker, fetched and checked
    app.push(app.scene("picker"))
    finish_work(app)
    picker = top(app)
    offered = [e for e in picker.entries if e.path in picker.from_class]
    # the class's own scenario; a bundled one only if its file changed since the server read
    # it (versions this computer has are played from the library, not listed twice)
    assert "class_release" in [e.id for e in offered]
    local = {
        e.bundle.content_hash
        for e in picker.entries
        if e.path not in picker.from_class and e.bundle
    }
    assert all(e.bundle is not None and e.bundle.content_hash not in local for e in offered)
    offered = [e for e in offered if e.id == "class_release"]
    assert any(item.button.label_text.startswith("Class: ") for item in picker.focus.items)
    app.pop()
    settle(app, 3)
    # a finished game goes to the class (and to the local leaderboard)
    run = finished_game(app, offered[0].bundle)
    save_score(app, run, "Ann")
    assert top(app).name == "leaderboard"
    sent = room.sent
    assert sent is not None and sent.state == cl.ACCEPTED and sent.score is not None
    assert "The class has your game" in " ".join(shown_texts(app))
    board = ClassBoard.open(server.target)  # type: ignore[attr-defined]
    try:
        rows = [item.row for item in board.rows()]
    finally:
        board.close()
    assert [(r.name, r.run_id) for r in rows] == [("Ann", run.run_id)]
    local = app.services.leaderboard()
    assert local is not None
    assert [r.name for r in local.top("class_release", run.bundle.content_hash, 10)] == ["Ann"]
    # the connection is remembered: the next window connects by itself
    app.services.close()
    again = make_app(scenario=None)
    assert again.services.classroom.status == cl.CONNECTED
    assert again.services.classroom.url == server.url


def test_a_wrong_pin_is_said_in_words(make_app: MakeApp, server: Running) -> None:
    app = make_app(scenario=None)
    wrong = "1" if server.pin != "1" else "2"
    connect(app, server.url, wrong)
    assert app.services.classroom.status == "wrong_pin"
    assert f"The class at {server.url} does not take this PIN" in " ".join(shown_texts(app))


def test_a_bad_address_is_said_in_words(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    connect(app, "http://", "1234")
    assert app.services.classroom.status == cl.OFF
    assert "This is not a server address" in " ".join(shown_texts(app))


def test_without_an_answer_the_game_waits_and_the_local_board_works(
    make_app: MakeApp,
) -> None:
    app = make_app(scenario=None)
    nobody = f"http://127.0.0.1:{free_port()}"
    connect(app, nobody, "1234")
    room = app.services.classroom
    assert room.status == "unreachable"
    assert "does not answer" in " ".join(shown_texts(app))
    app.pop()
    settle(app, 3)
    picker = app.scene("picker")
    app.push(picker)
    finish_work(app)
    bundle = next(e.bundle for e in picker.entries if e.bundle is not None)
    app.pop()
    run = finished_game(app, bundle)
    save_score(app, run, "Bo")
    assert room.sent is not None and room.sent.state == cl.QUEUED
    assert "will be sent when it answers" in " ".join(shown_texts(app))
    waiting = room.folder / "outbox"
    assert [p.stem for p in waiting.glob("*.json")] == [run.run_id]
    local = app.services.leaderboard()
    assert local is not None
    assert [r.name for r in local.top(bundle.scenario.id, bundle.content_hash, 10)] == ["Bo"]


class NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        del format, args


def test_a_web_server_that_is_not_a_class_is_not_taken_for_one(make_app: MakeApp) -> None:
    web = ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    thread = threading.Thread(target=web.serve_forever, daemon=True)
    thread.start()
    try:
        app = make_app(scenario=None)
        connect(app, f"127.0.0.1:{web.server_address[1]}", "1234")
    finally:
        web.shutdown()
        web.server_close()
    room = app.services.classroom
    assert room.status == cl.NOT_A_CLASS and room.offers == ()
    assert "is not a LeadSim class" in " ".join(shown_texts(app))
    # a game finished now goes to the local leaderboard only
    app.pop()
    picker = app.scene("picker")
    app.push(picker)
    finish_work(app)
    bundle = next(e.bundle for e in picker.entries if e.bundle is not None)
    app.pop()
    save_score(app, finished_game(app, bundle), "Di")
    assert room.sent is None and not (room.folder / "outbox").exists()


def test_without_a_local_leaderboard_the_class_still_gets_the_game(
    make_app: MakeApp, server: Running
) -> None:
    app = make_app(scenario=None)
    app.services.open_leaderboard = None  # this computer's leaderboard cannot be opened
    app.services.problem = "the disk is read-only"
    connect(app, server.url, server.pin)
    app.pop()
    settle(app, 3)
    picker = app.scene("picker")
    app.push(picker)
    finish_work(app)
    offered = next(e for e in picker.entries if e.path in picker.from_class)
    app.pop()
    run = finished_game(app, offered.bundle, pick=1)
    save_score(app, run, "Cy")
    sent = app.services.classroom.sent
    assert sent is not None and sent.state == cl.ACCEPTED and sent.run_id == run.run_id


def test_the_arrows_on_the_class_row_change_nothing(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    app.push(app.scene("settings"))
    settle(app, 3)
    settings = top(app)
    before = app.settings
    assert settings.focus.focus_key("setting:class")
    for arrow in (pygame.K_LEFT, pygame.K_RIGHT):
        press(arrow)
        settle(app, 10)
    assert app.settings == before and settings.class_page is None
    assert top(app) is settings and settings.focus.current_key == "setting:class"


def test_an_address_the_http_library_cannot_use_is_said_in_words(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    connect(app, "еёаcв!0.c", "1234")  # what a random typist once made of it
    room = app.services.classroom
    assert room.status == cl.UNREACHABLE
    assert "does not answer" in " ".join(shown_texts(app))


def test_a_game_that_waited_goes_when_the_class_answers(
    make_app: MakeApp, instructor: Path, tmp_path: Path
) -> None:
    port = free_port()
    app = make_app(scenario=None)
    connect(app, f"127.0.0.1:{port}", "0000")  # the class is not up yet
    room = app.services.classroom
    assert room.status == "unreachable"
    app.pop()
    picker = app.scene("picker")
    app.push(picker)
    finish_work(app)
    bundle = next(e.bundle for e in picker.entries if e.id == "example_release")
    app.pop()
    run = finished_game(app, bundle, pick=2)
    with serving(str(tmp_path / "late"), port=port, scenario_dirs=(instructor,)) as late:
        # the class comes up (with another PIN than the one typed: it is typed again)
        save_score(app, run, "Ed")
        assert room.sent is not None and room.sent.state == cl.QUEUED
        assert room.pending == 1
        room.connect(late.url, late.pin)
        settle(app, 2)
        finish_work(app)  # connecting sends what waited
        settle(app, 3)
        assert room.status == cl.CONNECTED and room.pending == 0
        assert room.sent.state == cl.ACCEPTED
        assert top(app).name == "leaderboard"
        assert "The class has your game." in " ".join(shown_texts(app))
        board = ClassBoard.open(str(tmp_path / "late"))
        try:
            assert [item.row.run_id for item in board.rows()] == [run.run_id]
        finally:
            board.close()
        assert not list((room.folder / "outbox").glob("*.json"))
