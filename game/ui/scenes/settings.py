"""Settings: language, window or full screen, text size, colour-blind-safe palette, and the
class (game/ui/classpage.py: a server's address and PIN, Connect).

Each setting is one button showing its value; Enter or Right moves to the next value, Left to
the previous one. Text size stops at its smallest and largest value: the arrows stay there,
and Enter (or a click) on the largest size turns back towards the smaller ones, step by step,
so a mouse alone can reach every size and no press ever jumps from the largest to the
smallest. Changes apply at once and are remembered in the data folder.
"""

from __future__ import annotations

import pygame

from game.charts.draw import wrap_text as wrap
from game.ui.classpage import ClassPage, status_line
from game.ui.dialogs import BLINK_SECONDS
from game.ui.focus import Action
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.settings import ORDERED, Settings
from game.ui.widgets import Build, esc, fit_scroller, list_width

NAMES = ("lang", "fullscreen", "text_size", "palette")


def value_label(host: Host, name: str, settings: Settings) -> str:
    value = getattr(settings, name)
    if isinstance(value, bool):
        value = "on" if value else "off"
    s = host.strings
    return s("settings.row", setting=s(f"settings.{name}"), value=s(f"settings.{name}.{value}"))


class SettingsScene(Scene):
    name = "settings"
    shows_class = True  # laid out again when the class's status changes

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.direction = 1  # where Enter moves an ordered setting next: 1 larger, -1 smaller
        self.class_page: ClassPage | None = None  # the class part, while it is open
        self.blink = 0.0

    def build(self, ui: Build) -> None:
        if self.class_page is not None:
            self.class_page.build(ui)
            return
        s = ui.strings
        width = min(ui.rect.width - 2 * ui.px("margin"), ui.px("card_min_width") * 3)
        frame = page(
            ui, s("settings.heading"), [("back", s("button.back"), self.host.pop)], max_width=width
        )
        body = frame.body
        box = ui.scroller(body)
        inner, y = box.get_container(), 0
        labels = [value_label(self.host, name, self.host.settings) for name in NAMES]
        small = ui.theme.font(ui.theme.font_px("#small"))
        note_height = len(wrap(small, s("settings.note"), body.width)) * small.get_linesize()
        width = list_width(ui, labels, "#list_item", body, note_height + 2 * ui.px("gap"))
        for name, label in zip(NAMES, labels, strict=True):
            button = ui.button(
                f"setting:{name}",
                label,
                pygame.Rect(0, y, width, -1),
                self._cycler(name, 1),
                "#list_item",
                container=inner,
                scroller=box,
            )
            y += button.rect.height + ui.px("small_gap")
        if self.host.services.classroom.usable:
            label = s("settings.row", setting=s("classroom.heading"), value=status_line(self.host))
            button = ui.button(
                "setting:class",
                label,
                pygame.Rect(0, y, width, -1),
                self._open_class,
                "#list_item",
                container=inner,
                scroller=box,
            )
            y += button.rect.height + ui.px("small_gap")
        note = ui.text(esc(s("settings.note")), pygame.Rect(0, y, width, -1), "#small", inner)
        fit_scroller(box, note.rect.bottom - inner.get_rect().y)
        self.focus.items = self.focus.items[1:] + self.focus.items[:1]

    def built(self) -> None:
        if self.class_page is None or not self.class_page.built(self):
            super().built()

    def teardown(self) -> None:
        if self.class_page is not None:
            self.class_page.teardown()
        super().teardown()

    def _open_class(self) -> None:
        self.class_page = ClassPage(self.host, self._close_class)
        self.reset_focus()
        self.host.relayout()

    def _close_class(self) -> None:
        self.class_page = None
        self._focus_key = "setting:class"
        self.host.relayout()

    def back(self) -> bool:
        if self.class_page is not None:
            self._close_class()
            return True
        return super().back()

    def update(self, dt: float) -> bool:
        """While an entry has the keyboard, redraw about twice a second (the cursor blinks)."""
        if self.class_page is None or not self.class_page.typing_now:
            return False
        self.blink += dt
        if self.blink < BLINK_SECONDS:
            return False
        self.blink = 0.0
        return True

    def _cycler(self, name: str, step: int) -> Action:
        def run() -> None:
            settings = self.host.settings
            if name in ORDERED:
                if settings.stepped(name, self.direction * step) == settings:
                    self.direction = -self.direction  # at an end: turn back
                self.host.apply_settings(settings.stepped(name, self.direction * step))
            else:
                self.host.apply_settings(settings.cycled(name, step))

        return run

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.class_page is not None:
            if self.class_page.handle_event(self, event):
                return True
            return super().handle_event(event)
        key = self.focus.current_key or ""
        arrows = (pygame.K_LEFT, pygame.K_RIGHT)
        name = key.split(":", 1)[1] if key.startswith("setting:") else ""
        if event.type == pygame.KEYDOWN and name in NAMES and event.key in arrows:
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.direction = step
            self.host.apply_settings(self.host.settings.stepped(name, step))
            return True
        if event.type == pygame.KEYDOWN and name == "class" and event.key in arrows:
            return True  # the class row has no values to step through; the focus stays
        return super().handle_event(event)
