"""The scenario picker: every scenario found, its details, broken files with their first error.

The library is read in the background (`game.ui.scan`): until the first reading is there the
picker says it is reading the files, and while it is open a changed, added or removed file
shows up within a second. One click selects a scenario and shows its details; Enter or a
double click starts it.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIImage, UITextBox

from game.content.library import LibraryEntry
from game.content.text import tr
from game.ui.page import page
from game.ui.pictures import cover_picture, cover_size
from game.ui.resume import new_game
from game.ui.rows import Row, Rows
from game.ui.scan import LibraryState
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc
from game.ui.widgets import list_width as fitted_width


class PickerScene(Scene):
    name = "picker"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.entries: list[LibraryEntry] = []
        self.state = LibraryState()
        self.selected = 0
        self.details: UITextBox | None = None
        self.cover: UIImage | None = None
        self.cover_size = (0, 0)
        self.cover_due = False  # the cover's picture is still to be put in
        self.class_version = -1  # the class's scenarios shown come from this version
        self.from_class: set[Any] = set()
        self.best: dict[str, float | None] = {}  # content hash -> best score, asked on demand
        self.touched = False  # the player pressed a key or clicked since the screen came up
        self.rows: Rows | None = None  # the list's buttons, made a few per frame

    def enter(self) -> None:
        self.host.services.scan.watch(True)
        self._take(self.host.services.scan.state())

    def resume(self) -> None:
        self.host.services.scan.watch(True)

    def pause(self) -> None:
        self.host.services.scan.watch(False)

    def exit(self) -> None:
        self.host.services.scan.watch(False)

    @property
    def waiting(self) -> bool:
        return self.state.entries is None

    def update(self, dt: float) -> bool:
        del dt
        if self.cover_due and self.cover is not None:
            self.cover_due = False
            self.cover.set_image(self._cover(self.selected))
            return True
        if self.rows is not None and self.rows.more():
            return True
        if self._look_up_best():
            return True
        state = self.host.services.scan.state()
        seen = (self.state.version, self.state.problem, self.class_version)
        if (state.version, state.problem, self.host.services.classroom.version) == seen:
            return False
        first = self.state.entries is None
        self._take(state)
        if first and not self.touched:
            self.reset_focus()  # the list arrived: its selected item gets the focus
        self.host.relayout()
        return True

    def _take(self, state: LibraryState) -> None:
        """Show a reading of the library, keeping the selected file selected."""
        old = self.entries[self.selected].path if self.entries else None
        self.state = state
        # broken files go last and share one row of the list (see `_label`)
        room = self.host.services.classroom
        self.class_version = room.version
        self.from_class = {entry.path for entry in room.offers}
        read = list(state.entries or ())
        # the class's scenarios first; broken files last, sharing one row (see `_label`)
        local = sorted((e for e in read if e.bundle is not None), key=self._order)
        have = {e.bundle.content_hash for e in local if e.bundle is not None}
        offers = [e for e in room.offers if e.bundle and e.bundle.content_hash not in have]
        self.entries = offers + local
        self.entries += [e for e in read if e.bundle is None]
        self.best.clear()  # scores are looked up again for the new versions
        paths = [entry.path for entry in self.entries]
        wanted = self.host.options.scenario
        if old in paths:
            self.selected = paths.index(old)
        else:
            found = (i for i, e in enumerate(self.entries) if e.bundle and e.id == wanted)
            self.selected = next(found, 0)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.touched = True
        return super().handle_event(event)

    def build(self, ui: Build) -> None:
        s = ui.strings
        frame = page(
            ui,
            s("picker.heading"),
            [
                ("start", s("button.start"), self._start),
                ("back", s("button.back"), self.host.pop),
            ],
            subheading=s("picker.hint"),
        )
        body, gap = frame.body, ui.px("gap")
        list_width = max(ui.px("card_min_width"), round(body.width * 0.4))
        box = ui.scroller(pygame.Rect(body.x, body.y, list_width, body.height))
        shown = self.entries[: self._rows_wanted()]
        labels = [self._label(entry) for entry in shown]
        width = fitted_width(ui, [label for label, _ in labels], "#list_item", box.rect)
        rows = [
            Row(f"entry:{e.path}", label, self._activate(i), object_id, self._focused(i))
            for i, (e, (label, object_id)) in enumerate(zip(shown, labels, strict=True))
        ]
        # the list comes first in the focus ring, before Start and Back
        self.rows = Rows(ui, box, width, rows, at=0)
        self.selected = min(self.selected, max(0, len(shown) - 1))
        key = self._focus_key  # where the focus was; at first, the selected scenario
        if key is None and shown:
            key = f"entry:{shown[self.selected].path}"
        self.rows.first(key)
        detail_rect = pygame.Rect(body.x + list_width + gap, body.y, 0, body.height)
        detail_rect.width = body.right - detail_rect.x
        self.cover_size = cover_size(detail_rect.width, round(body.height * 0.4))
        self.cover = None
        if self.cover_size[1]:
            spot = pygame.Rect(detail_rect.topleft, self.cover_size)
            spot.centerx = detail_rect.centerx
            # the picture comes in the next frame (`update`): this one lays out the screen
            self.cover = ui.image(pygame.Surface(self.cover_size, pygame.SRCALPHA), spot)
            self.cover_due = True
            detail_rect.y += spot.height + gap
            detail_rect.height -= spot.height + gap
        self.details = ui.text(self._details(self.selected), detail_rect, "#body")
        if not self.entries:
            self.details.set_text(self._empty())

    def _cover(self, index: int) -> pygame.Surface:
        """The cover of the scenario at `index` (an empty picture for a broken file)."""
        entry = self.entries[index] if 0 <= index < len(self.entries) else None
        if entry is None or entry.bundle is None:
            return pygame.Surface(self.cover_size, pygame.SRCALPHA)
        return cover_picture(self.host.theme, entry.bundle.scenario.setting, self.cover_size)

    def teardown(self) -> None:
        self.rows = None
        self.cover = None
        super().teardown()

    @property
    def animating(self) -> bool:
        return self.cover_due or (self.rows is not None and not self.rows.done)

    def default_focus(self) -> int:
        made = self.rows.made if self.rows is not None else 0
        if self.rows is not None and self.rows.wanted is not None:
            return made  # Start, until the selected row is made and takes the focus
        return min(self.selected, max(0, made - 1))

    def _order(self, entry: LibraryEntry) -> tuple[int, str]:
        """Easiest first (the short tutorial leads), then by title in the window's language,
        an English title's leading "The" aside."""
        assert entry.bundle is not None
        scenario = entry.bundle.scenario
        title = tr(scenario.title, self.host.lang).casefold()
        return scenario.difficulty, title.removeprefix("the ")

    def _label(self, entry: LibraryEntry) -> tuple[str, str]:
        s = self.host.strings
        if entry.bundle is None:
            return s("picker.unreadable", count=len(self._broken())), "#broken_item"
        title = tr(entry.bundle.scenario.title, self.host.lang)
        if entry.path in self.from_class:
            return s("picker.class_item", title=title), "#list_item"
        return title, "#list_item"

    def _focused(self, index: int) -> Any:
        def show() -> None:
            if index != self.selected and self.details is not None:
                self.selected = index
                self.details.set_text(self._details(index))
                self.cover_due = self.cover is not None

        return show

    def _activate(self, index: int) -> Any:
        def run() -> None:
            self.selected = index
            self._start()

        return run

    def _start(self) -> None:
        if not self.entries:
            return
        entry = self.entries[self.selected]
        if entry.bundle is None:
            s = self.host.strings
            more = [("details", s("picker.unreadable_details"), self._show_problems)]
            self.host.push(self.host.scene("notice", s("picker.cannot_start"), more))
            return
        for scene in new_game(self.host, entry.bundle):
            self.host.push(scene)

    def _empty(self) -> str:
        s, theme = self.host.strings, self.host.theme
        if self.state.problem:
            return coloured(s("picker.scan_problem", problem=self.state.problem), theme.hex("bad"))
        if self.state.entries is None:
            return esc(s("loading.scenarios"))
        return esc(s("picker.empty"))

    def _look_up_best(self) -> bool:
        """The best score of the shown scenario, looked up in the frame after it is first
        shown (the first look opens the leaderboard, which can take a frame of its own)."""
        entry = self.entries[self.selected] if self.entries else None
        if entry is None or entry.bundle is None or self.details is None:
            return False
        key = entry.bundle.content_hash
        if key in self.best:
            return False
        self.best[key] = self.host.services.best_score(entry.id, key)
        self.details.set_text(self._details(self.selected))
        return True

    def _details(self, index: int) -> str:
        if not self.entries:
            return ""
        s, lang, theme = self.host.strings, self.host.lang, self.host.theme
        entry = self.entries[index]
        if entry.bundle is None:
            count = len(self._broken())
            return (
                coloured(s("picker.unreadable", count=count), theme.hex("bad"), bold=True)
                + "<br><br>"
                + esc(s("picker.unreadable_note", count=count))
            )
        scenario, team = entry.bundle.scenario, entry.bundle.team
        key = entry.bundle.content_hash
        best = self.best.get(key)
        if key not in self.best:
            best_text = ""  # looked up in the next frame
        elif best is None:
            best_text = s("picker.no_best")
        else:
            best_text = s("picker.best", score=f"{best:.0f}")
        languages = ", ".join(s(f"lang.{code}") for code in scenario.languages)
        facts = [
            s("picker.setting", setting=s(f"setting.{scenario.setting}")),
            s("picker.difficulty", level=scenario.difficulty),
            s("picker.minutes", minutes=scenario.minutes),
            s("picker.languages", languages=languages),
            s("picker.team", team=tr(team.name, lang), count=len(team.members)),
            best_text,
        ]
        if entry.path in self.from_class:
            facts.append(s("picker.from_class", url=self.host.services.classroom.url or ""))
        facts = [fact for fact in facts if fact]
        return (
            f"<b>{esc(tr(scenario.title, lang))}</b><br><br>{esc(tr(scenario.summary, lang))}"
            + "<br><br>"
            + "<br>".join(esc(f) for f in facts)
        )

    def _broken(self) -> list[LibraryEntry]:
        return [entry for entry in self.entries if entry.bundle is None]

    def _rows_wanted(self) -> int:
        """Every playable scenario has a row; the broken files share the last one."""
        playable = len(self.entries) - len(self._broken())
        return playable + (1 if playable < len(self.entries) else 0)

    def _problems(self) -> str:
        """What is wrong with each broken file, and where it is: shown only on request."""
        s = self.host.strings
        parts = []
        for entry in self._broken():
            error = entry.error.format() if entry.error is not None else ""
            parts.append(
                "\n".join(
                    (
                        s("picker.broken_item", id=entry.path.name),
                        s("picker.broken"),
                        error,
                        s("picker.file", path=str(entry.path)),
                    )
                )
            )
        return "\n\n".join(parts)

    def _show_problems(self) -> None:
        self.host.push(self.host.scene("notice", self._problems()))
