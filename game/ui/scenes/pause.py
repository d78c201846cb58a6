"""The pause menu over the game (Esc): resume, save, settings, quit to the title."""

from __future__ import annotations

import time

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UITextEntryLine

from game.play.run import GameRun
from game.ui.dialogs import MAX_NAME, TextEntryMixin, dialog_rect
from game.ui.page import button_row
from game.ui.resume import home
from game.ui.savenames import shorten
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, Column, coloured, esc


class PauseScene(Scene):
    name = "pause"
    overlay = True

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run
        self.panel = pygame.Rect(0, 0, 0, 0)

    def build(self, ui: Build) -> None:
        s = ui.strings
        area = dialog_rect(ui, 0.8)
        area.width = min(area.width, ui.px("card_min_width") * 2)
        area.centerx = ui.rect.centerx
        pad = ui.px("gap")
        col = Column(area.x + pad, area.y + pad, area.width - 2 * pad, ui.px("small_gap"))
        made: list[UIElement] = [
            ui.stacked_text(col, f"<b>{esc(s('pause.heading'))}</b>", "#heading")
        ]
        items = [("resume", s("pause.resume"), self.host.pop)]
        if self.host.services.saves is not None:
            items.append(("save", s("pause.save"), self._save))
        items += [
            ("settings", s("title.settings"), self._settings),
            ("quit", s("pause.quit"), self._quit),
        ]
        for key, label, action in items:
            made.append(ui.button(key, label, col.next(-1), action))
            col.advance(made[-1].rect.height)
        made.append(ui.stacked_text(col, esc(s("pause.autosaved")), "#small"))
        height = col.y - area.y + pad - col.gap
        offset = max(0, (area.height - height) // 2)
        self.panel = pygame.Rect(area.x, area.y + offset, area.width, height)
        for element in made:
            element.set_relative_position(
                (element.relative_rect.x, element.relative_rect.y + offset)
            )

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.host.theme
        pygame.draw.rect(surface, theme.colour("panel"), self.panel, border_radius=10)
        pygame.draw.rect(surface, theme.colour("accent"), self.panel, 2, 10)

    def _save(self) -> None:
        self.host.push(self.host.scene("save_dialog", self.run))

    def _settings(self) -> None:
        self.host.push(self.host.scene("settings"))

    def _quit(self) -> None:
        self.host.reset(*home(self.host))


class SaveDialogScene(TextEntryMixin, Scene):
    """Name a save slot; Enter saves, Esc cancels."""

    name = "save_dialog"
    overlay = True

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run
        stamp = time.strftime("%Y-%m-%d %H:%M")
        # a long title is shortened, not the time: slot names are at most MAX_NAME characters
        title = shorten(
            run.session.text(run.bundle.scenario.title, host.lang), MAX_NAME - len(stamp) - 1
        )
        title = title.rstrip(" ,.;:")
        self.slot = host.strings("save.default_slot", scenario=title, time=stamp)[:MAX_NAME]
        self.error: str | None = None
        self.panel = pygame.Rect(0, 0, 0, 0)

    def build(self, ui: Build) -> None:
        s = ui.strings
        area = dialog_rect(ui, 0.8)
        pad = ui.px("gap")
        col = Column(area.x + pad, area.y + pad, area.width - 2 * pad, ui.px("small_gap"))
        ui.stacked_text(col, f"<b>{esc(s('save.heading'))}</b>", "#heading")
        ui.stacked_text(col, esc(s("save.prompt")), "#plain")
        self.entry = UITextEntryLine(col.next(-1), ui.manager)
        self.entry.set_text_length_limit(MAX_NAME)
        self.entry.set_text(self.slot)
        col.advance(self.entry.rect.height)
        if self.error:
            text = coloured(s("save.problem", problem=self.error), ui.theme.hex("bad"))
            ui.stacked_text(col, text, "#plain")
        row = pygame.Rect(col.x, col.y, col.width, area.bottom - col.y - pad)
        made = button_row(
            ui,
            row,
            [
                ("save", s("save.confirm"), self._confirm),
                ("cancel", s("button.cancel"), self.host.pop),
            ],
        )
        lift = min(b.rect.top for b in made) - col.y
        for button in made:
            button.set_relative_position((button.relative_rect.x, button.relative_rect.y - lift))
        bottom = max(b.rect.bottom for b in made) + pad
        self.panel = pygame.Rect(area.x, area.y, area.width, bottom - area.y)

    def built(self) -> None:
        self.focus_entry(self)

    def teardown(self) -> None:
        if self.entry is not None:
            self.slot = self.entry.get_text()
        self.entry = None
        super().teardown()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.host.theme
        pygame.draw.rect(surface, theme.colour("panel"), self.panel, border_radius=10)
        pygame.draw.rect(surface, theme.colour("accent"), self.panel, 2, 10)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self._confirm()
            return True
        if self.entry_keys(self, event):
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> bool:
        return self.blink_update(dt)

    def _confirm(self) -> None:
        if self.entry is not None:
            self.slot = self.entry.get_text()
        problem = self.run.save_slot(self.slot)
        if problem is not None:
            self.error = problem
            self.host.relayout()
            return
        done = self.host.strings("save.done", slot=self.slot)
        self.host.replace(self.host.scene("notice", done))
