"""Slow work stays off the frame: the scenario library is read in the background (and again
when its files change), saved games are replayed and the debrief computed in the background,
and lists take one click to select, Enter or a double click to start."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.resources import SCENARIOS
from game.ui.resume import home
from game.ui.scan import LibraryScan
from game.ui.scenes.picker import PickerScene
from tests.ui.helpers import finish_work, press, settle, top

MakeApp = Callable[..., Any]
TURNAROUND = (SCENARIOS / "turnaround.yaml").read_text(encoding="utf-8")


def write_scenario(folder: Path, number: int, title: str = "Turnaround") -> Path:
    """A copy of the largest bundled scenario under its own id (and the given English title)."""
    name = f"turnaround_{number:02d}"
    text = re.sub(r"^id: turnaround$", f"id: {name}", TURNAROUND, count=1, flags=re.M)
    text = re.sub(
        r"^title: \{en: [^,]+,", f"title: {{en: {title} {number:02d},", text, count=1, flags=re.M
    )
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class MainThreadFiles:
    """Records every file or folder under `roots` opened or listed, and by which thread."""

    def __init__(self) -> None:
        self.roots: tuple[str, ...] = ()
        self.main: list[str] = []
        self.other: list[str] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.roots or event not in ("open", "os.scandir", "os.listdir") or not args:
            return
        path = args[0]
        if not isinstance(path, (str, bytes, os.PathLike)):
            return
        name = os.fsdecode(path)
        if name.startswith(self.roots):
            on_main = threading.current_thread() is threading.main_thread()
            (self.main if on_main else self.other).append(name)


@pytest.fixture(scope="module")
def _hook() -> MainThreadFiles:
    hook = MainThreadFiles()
    sys.addaudithook(hook)  # audit hooks cannot be removed: it records only while given roots
    return hook


@pytest.fixture
def files(_hook: MainThreadFiles) -> Iterator[MainThreadFiles]:
    _hook.main, _hook.other = [], []
    yield _hook
    _hook.roots = ()


def open_picker(app: Any) -> tuple[Any, list[float]]:
    """Push the picker and run frames until its whole list is there; the time of each frame."""
    app.push(PickerScene(app))
    picker, times = top(app), []
    for _ in range(20_000):
        start = time.perf_counter()
        app.step(wait=False)
        times.append(time.perf_counter() - start)
        if not (picker.waiting or picker.animating):  # read, and every row made
            break
        app.services.scan.wait(0.01)  # between frames: give the reading thread its turn
    settle(app, 2)
    return picker, times


def test_the_picker_reads_thirty_scenarios_in_the_background(
    make_app: MakeApp, tmp_path: Path, files: MainThreadFiles
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        write_scenario(folder, number)
    app = make_app(scenario="example_release", scenarios=(folder,))
    app.reset(*home(app))
    finish_work(app)
    files.roots = (str(folder), str(SCENARIOS))
    app.push(PickerScene(app))
    app.step(wait=False)
    picker = top(app)
    assert picker.waiting and "Reading the scenario files" in picker.details.html_text
    app.pop()
    picker, times = open_picker(app)
    assert sum(e.id.startswith("turnaround_") for e in picker.entries) == 30
    assert files.main == []  # no frame opened or listed a scenario file or folder...
    assert any(name.startswith(str(folder)) for name in files.other)  # ...a thread did
    print(f"picker visit: {len(times)} frames, slowest {max(times) * 1000:.0f} ms")
    wanted = picker.entries[picker.selected]  # the scenario named on the command line
    assert wanted.id == "example_release"
    assert top(app) is picker and picker.focus.current_key == f"entry:{wanted.path}"


def test_the_open_picker_shows_added_changed_and_removed_files(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    first = write_scenario(folder, 1)
    app = make_app(scenario=None, scenarios=(folder,))
    picker, _ = open_picker(app)
    ids = {e.id for e in picker.entries}
    assert "turnaround_01" in ids and "turnaround_02" not in ids

    def shown_when(check: Callable[[dict[str, str]], bool]) -> None:
        """Wait for readings of the library (no sleeping) until the picker shows what
        `check` wants of its {id: English title}; a file may be read half written first."""
        deadline = time.monotonic() + 20.0
        while True:
            settle(app, 2)
            titles = {e.id: e.bundle.scenario.title["en"] for e in picker.entries if e.bundle}
            if check(titles):
                return
            assert time.monotonic() < deadline, f"the picker still shows {sorted(titles)}"
            app.services.scan.wait_for_version(picker.state.version, 1.0)

    write_scenario(folder, 2)
    shown_when(lambda titles: "turnaround_02" in titles)
    write_scenario(folder, 1, title="Renamed")
    shown_when(lambda titles: titles.get("turnaround_01") == "Renamed 01")
    first.unlink()
    shown_when(lambda titles: "turnaround_01" not in titles and "turnaround_02" in titles)


def test_the_library_is_read_on_another_thread_and_only_again_after_a_change() -> None:
    readers: list[threading.Thread] = []
    release = threading.Event()
    stamp = [("a.yaml", 1, 1)]

    def read() -> list[Any]:
        readers.append(threading.current_thread())
        release.wait(10)
        return [len(readers)]

    scan = LibraryScan(read=read, stamp=lambda: tuple(stamp), poll=0.01)
    try:
        state = scan.state()  # starts the reading and returns at once
        assert state.entries is None and state.reading
        release.set()
        state = scan.wait_for_version(0, 10)
        assert state.entries == (1,) and readers[0] is not threading.main_thread()
        scan.request()
        assert scan.wait(10).version == 1 and len(readers) == 1  # nothing changed
        scan.watch(True)
        stamp.append(("b.yaml", 1, 1))
        assert scan.wait_for_version(1, 10).entries == (2,)  # the watcher noticed by itself
    finally:
        scan.close()


def test_the_debrief_is_computed_on_another_thread(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.sim.debrief as lessons

    threads: list[threading.Thread] = []
    original = lessons.debrief

    def recorded(session: Any, moments: bool = True) -> Any:
        threads.append(threading.current_thread())
        return original(session, moments)

    monkeypatch.setattr(lessons, "debrief", recorded)
    app = make_app(scenario="example_release", scenarios=())
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    while top(app).name in ("decision", "outcome"):
        if top(app).name == "decision":
            press(pygame.K_1, "1")
        else:
            press(pygame.K_RETURN, "\r")
        settle(app, 5)
    assert top(app).name in ("loading", "debrief")
    finish_work(app)
    assert top(app).name == "debrief"
    assert threads and all(t is not threading.main_thread() for t in threads)


# --- lists ---------------------------------------------------------------------------------


def click(pos: tuple[int, int]) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, touch=False))


def entry_button(picker: Any, entry_id: str) -> Any:
    entry = next(e for e in picker.entries if e.id == entry_id)
    item = next(i for i in picker.focus.items if i.key == f"entry:{entry.path}")
    assert picker.focus.focus_key(item.key)  # scrolled into view
    picker.focus.focus(0)
    return item.button


def test_one_click_selects_a_scenario_and_a_double_click_starts_it(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    picker, _ = open_picker(app)
    button = entry_button(picker, "example_release")
    click(button.rect.center)
    settle(app, 40)  # longer than a double click
    assert top(app) is picker
    assert picker.entries[picker.selected].id == "example_release"
    assert "Friday release" in picker.details.html_text
    click(button.rect.center)
    settle(app, 2)
    click(button.rect.center)
    settle(app, 3)
    assert top(app).name == "briefing"
    assert top(app).run.bundle.scenario.id == "example_release"


def test_enter_starts_the_scenario_a_click_selected(make_app: MakeApp) -> None:
    app = make_app(scenario=None)
    picker, _ = open_picker(app)
    click(entry_button(picker, "example_release").rect.center)
    settle(app, 40)
    press(pygame.K_RETURN, "\r")
    settle(app, 3)
    assert top(app).name == "briefing"
    assert top(app).run.bundle.scenario.id == "example_release"


def test_one_click_selects_a_saved_game_and_enter_continues_it(make_app: MakeApp) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    press(pygame.K_1, "1")
    settle(app, 10)
    decisions = list(app.stack[-2].run.session.decisions)
    app.reset(*home(app), app.scene("saves"))
    finish_work(app)
    saves = top(app)
    assert saves.name == "saves" and len(saves.saves) == 1
    row = next(i for i in saves.focus.items if i.key.startswith("save:"))
    saves.focus.focus_key("back")
    click(row.button.rect.center)
    settle(app, 40)
    assert top(app) is saves and saves.focus.current_key == row.key
    press(pygame.K_RETURN, "\r")
    finish_work(app)
    assert top(app).name == "decision"
    assert list(top(app).run.session.decisions) == decisions


def test_one_click_on_a_leaderboard_version_shows_its_table(make_app: MakeApp) -> None:
    from game.sim.policies import choose
    from game.ui.flow import new_run, record_score
    from game.ui.resume import load

    app = make_app(scenario=None)
    for ref in ("example_release", "ui_stress_test"):
        bundle = load(app, ref)
        assert not isinstance(bundle, str)
        run = new_run(app, bundle, 3)
        while not run.finished:
            run.take(choose("principled", run.session))
        assert record_score(app, run, "Ann") is None
    app.push(app.scene("leaderboard", None))
    finish_work(app)
    board = top(app)
    assert len(board.boards) == 2 and board.index == 0
    first = board.rows[0].scenario_id
    second = next(i for i in board.focus.items if i.key == "board:1")
    click(second.button.rect.center)
    settle(app, 5)
    assert top(app) is board and board.index == 1
    assert board.rows and board.rows[0].scenario_id != first
    press(pygame.K_UP)
    settle(app, 5)
    assert board.index == 0 and board.rows[0].scenario_id == first


def test_an_overlay_dims_the_screen_as_shown_instead_of_building_it_again(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    press(pygame.K_RETURN, "\r")
    settle(app, 10)
    decision, built = top(app), []
    original = decision.build
    monkeypatch.setattr(decision, "build", lambda ui: (built.append(1), original(ui)))
    shown = app.screen.copy()
    press(pygame.K_ESCAPE)
    settle(app, 3)
    assert top(app).name == "pause" and built == []
    assert app.backdrop is not None and app.backdrop.get_size() == shown.get_size()
    corner = (5, app.screen.get_height() - 5)  # away from the pause panel: the dimmed screen
    dimmed, before = app.backdrop.get_at(corner), shown.get_at(corner)
    assert sum(dimmed[:3]) < sum(before[:3])
    press(pygame.K_RETURN, "\r")  # Resume
    settle(app, 3)
    assert top(app) is decision and built == [1]
