"""The title screen: continue the last game, start a new one, saves, leaderboard, settings."""

from __future__ import annotations

from typing import Any

import pygame

from game.store.errors import StoreError
from game.store.saves import SaveEntry, SaveStore
from game.ui.classpage import status_line
from game.ui.jobs import Job
from game.ui.pictures import logo_picture
from game.ui.resume import resume_save
from game.ui.savenames import shorten, title_of
from game.ui.scene import Host, Scene
from game.ui.widgets import SCROLLBAR_ROOM, Build, Column, esc, fit_scroller

CONTINUE_ROOM = 40  # characters of the title on the Continue button (a longer one is shortened)


class TitleScene(Scene):
    name = "title"
    shows_class = True  # laid out again when the class's status changes

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.latest: Any = None
        self.job: Job[Any] | None = None
        self.touched = False  # a key or click since the screen came up: keep the focus there
        self.library_version = -1  # the reading of the scenario library the titles come from

    def enter(self) -> None:
        self._scan(fresh=True)

    def resume(self) -> None:
        self._scan(fresh=False)

    def _scan(self, fresh: bool) -> None:
        """Look for the latest saved game in the background (reading saves takes a while).
        On a `fresh` title screen, Continue takes the focus when it appears, unless the
        player has pressed a key or clicked meanwhile."""
        saves = self.host.services.saves
        self.touched = not fresh
        if saves is not None:
            self.job = self.host.services.jobs.submit(lambda: _latest(saves))

    @property
    def waiting(self) -> bool:
        return self.job is not None

    def update(self, dt: float) -> bool:
        del dt
        if self.job is None or not self.job.done:
            return self._titles_arrived()
        latest, problem = self.job.result()
        self.job = None
        if problem is not None:
            self.host.services.problem = problem
        if latest is None and self.latest is None and problem is None:
            return False
        self.latest = latest
        if not self.touched:
            self.reset_focus()  # Continue, when there is one, comes first and gets the focus
        self.host.relayout()
        return True

    def _titles_arrived(self) -> bool:
        """A save that does not carry its scenario's title shows the id until the scenario
        library has been read: then it shows the title."""
        if self.latest is None or (self.latest.record.snapshot or {}).get("title"):
            return False
        version = self.host.services.scan.state().version
        if version == self.library_version:
            return False
        self.library_version = version
        self.host.relayout()
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.touched = True
        return super().handle_event(event)

    def build(self, ui: Build) -> None:
        s = ui.strings
        margin = ui.px("margin")
        width = min(ui.rect.width - 2 * margin, round(ui.px("card_min_width") * 2.6))
        x = ui.rect.centerx - width // 2
        area = pygame.Rect(x, margin, width + SCROLLBAR_ROOM, ui.rect.height - 2 * margin)
        box = ui.scroller(area)
        inner = box.get_container()
        col = Column(0, 0, width, ui.px("gap"))
        picture = logo_picture(ui.theme, round(ui.rect.height * 0.09), width)
        ui.image(picture, pygame.Rect((x_centre(width, picture), col.y), picture.get_size()), inner)
        col.advance(picture.get_height())
        ui.stacked_text(col, esc(s("title.tagline")), "#tagline", inner)
        col.advance(ui.px("gap"))
        for key, label, action in self._menu():
            button = ui.button(key, label, col.next(-1), action, container=inner, scroller=box)
            col.advance(button.rect.height)
        notes = esc(s("title.keys"))
        if self.host.services.classroom.usable:
            notes += "<br>" + esc(status_line(self.host))
        ui.stacked_text(col, notes, "#tagline_small", inner)
        problem = self.host.services.problem
        if problem:
            ui.stacked_text(col, esc(s("title.store_problem", problem=problem)), "#small", inner)
        fit_scroller(box, col.y)

    def _menu(self) -> list[tuple[str, str, Any]]:
        s = self.host.strings
        items = []
        if self.latest is not None:
            record = self.latest.record
            label = s(
                "title.continue",
                scenario=shorten(title_of(self.host, record), CONTINUE_ROOM),
                decisions=len(record.decisions),
            )
            items.append(("continue", label, self._continue))
        items.append(("new", s("title.new"), self._new))
        if self.host.services.saves is not None:
            items.append(("saves", s("title.saves"), self._saves))
        items.append(("leaderboard", s("title.leaderboard"), self._leaderboard))
        items.append(("settings", s("title.settings"), self._settings))
        items.append(("quit", s("title.quit"), lambda: self.host.quit(0)))
        return items

    def back(self) -> bool:
        return False  # Esc on the title does nothing; Quit is one button away

    def _continue(self) -> None:
        if self.latest is not None:
            for scene in resume_save(self.host, self.latest):
                self.host.push(scene)

    def _new(self) -> None:
        self.host.push(self.host.scene("picker"))

    def _saves(self) -> None:
        self.host.push(self.host.scene("saves"))

    def _leaderboard(self) -> None:
        self.host.push(self.host.scene("leaderboard", None))

    def _settings(self) -> None:
        self.host.push(self.host.scene("settings"))


def _latest(saves: SaveStore) -> tuple[SaveEntry | None, str | None]:
    """The latest unfinished save, and why the saves could not be read (worker thread)."""
    try:
        return saves.latest(), None
    except (StoreError, OSError) as err:  # an unreadable data folder: no Continue, say why
        return None, str(err)


def x_centre(width: int, picture: pygame.Surface) -> int:
    return max(0, (width - picture.get_width()) // 2)
