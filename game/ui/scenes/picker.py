"""The scenario picker: every scenario found, its details, broken files with their first error."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UITextBox

from game.content.library import LibraryEntry
from game.content.text import tr
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc, fit_scroller
from game.ui.widgets import list_width as fitted_width


class PickerScene(Scene):
    name = "picker"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.entries: list[LibraryEntry] = []
        self.selected = 0
        self.details: UITextBox | None = None
        self.best: dict[str, float | None] = {}

    def enter(self) -> None:
        self.entries = self.host.services.library(reload=True)
        for entry in self.entries:
            if entry.bundle is not None:
                key = entry.bundle.content_hash
                self.best[key] = self.host.services.best_score(entry.id, key)
        wanted = self.host.options.scenario
        for i, entry in enumerate(self.entries):
            if entry.id == wanted and entry.bundle is not None:
                self.selected = i

    def build(self, ui: Build) -> None:
        s = ui.strings
        frame = page(
            ui,
            s("picker.heading"),
            [
                ("start", s("button.start"), self._start),
                ("back", s("button.back"), self.host.pop),
            ],
        )
        body, gap = frame.body, ui.px("gap")
        list_width = max(ui.px("card_min_width"), round(body.width * 0.4))
        box = ui.scroller(pygame.Rect(body.x, body.y, list_width, body.height))
        inner, y = box.get_container(), 0
        labels = [self._label(entry)[0] for entry in self.entries]
        width = fitted_width(ui, labels, "#list_item", box.rect)
        for i, entry in enumerate(self.entries):
            label, object_id = self._label(entry)
            button = ui.button(
                f"entry:{entry.path}",
                label,
                pygame.Rect(0, y, width, -1),
                self._activate(i),
                object_id,
                container=inner,
                scroller=box,
                on_focus=self._focused(i),
                list_item=True,
            )
            y += button.rect.height + ui.px("small_gap")
        fit_scroller(box, max(1, y))
        detail_rect = pygame.Rect(body.x + list_width + gap, body.y, 0, body.height)
        detail_rect.width = body.right - detail_rect.x
        self.details = ui.text(self._details(self.selected), detail_rect, "#body")
        if not self.entries:
            self.details.set_text(esc(s("picker.empty")))
        # Start comes first in the page's buttons; the list is what should be focused first
        self.focus.items = self.focus.items[2:] + self.focus.items[:2]

    def default_focus(self) -> int:
        return min(self.selected, max(0, len(self.entries) - 1))

    def _label(self, entry: LibraryEntry) -> tuple[str, str]:
        s = self.host.strings
        if entry.bundle is None:
            return s("picker.broken_item", id=entry.id), "#broken_item"
        return tr(entry.bundle.scenario.title, self.host.lang), "#list_item"

    def _focused(self, index: int) -> Any:
        def show() -> None:
            if index != self.selected and self.details is not None:
                self.selected = index
                self.details.set_text(self._details(index))

        return show

    def _activate(self, index: int) -> Any:
        def run() -> None:
            self.selected = index
            self._start()

        return run

    def _start(self) -> None:
        from game.ui.resume import new_game

        if not self.entries:
            return
        entry = self.entries[self.selected]
        if entry.bundle is None:
            from game.ui.scenes.notice import NoticeScene

            self.host.push(NoticeScene(self.host, self.host.strings("picker.cannot_start")))
            return
        for scene in new_game(self.host, entry.bundle):
            self.host.push(scene)

    def _details(self, index: int) -> str:
        if not self.entries:
            return ""
        s, lang, theme = self.host.strings, self.host.lang, self.host.theme
        entry = self.entries[index]
        if entry.bundle is None:
            error = entry.error.format() if entry.error is not None else ""
            return (
                f"<b>{esc(entry.id)}</b><br><br>"
                + coloured(s("picker.broken"), theme.hex("bad"), bold=True)
                + f"<br>{esc(error)}<br><br>"
                + coloured(s("picker.file", path=str(entry.path)), theme.hex("text_dim"))
            )
        scenario, team = entry.bundle.scenario, entry.bundle.team
        best = self.best.get(entry.bundle.content_hash)
        best_text = (
            s("picker.best", score=f"{best:.0f}") if best is not None else s("picker.no_best")
        )
        languages = ", ".join(s(f"lang.{code}") for code in scenario.languages)
        facts = [
            s("picker.setting", setting=s(f"setting.{scenario.setting}")),
            s("picker.difficulty", level=scenario.difficulty),
            s("picker.minutes", minutes=scenario.minutes),
            s("picker.languages", languages=languages),
            s("picker.team", team=tr(team.name, lang), count=len(team.members)),
            best_text,
        ]
        return (
            f"<b>{esc(tr(scenario.title, lang))}</b><br><br>{esc(tr(scenario.summary, lang))}"
            + "<br><br>"
            + "<br>".join(esc(f) for f in facts)
            + "<br><br>"
            + coloured(s("picker.file", path=str(entry.path)), theme.hex("text_dim"))
        )
