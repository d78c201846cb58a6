"""Saved games: each readable save (newest first) to resume, rename or delete; files that
could not be read.

The saves are read in the background; one click selects a game, Enter or a double click
continues it. Rename asks for a name in place of the list (the store's name rules: 1-32
characters, no control characters; a refused name is said in words and the entry keeps what
was typed); Delete asks first. Renaming and deleting run on the worker, like the reading.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.play.messages import store_text
from game.store.errors import StoreError
from game.ui.dialogs import MAX_NAME, TextEntryMixin
from game.ui.jobs import Job
from game.ui.page import page
from game.ui.resume import resume_save
from game.ui.savenames import (
    TITLE_ROOM,
    default_name,
    local_time,
    named_after,
    shorten,
    title_of,
)
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc, fit_scroller, list_width

LIST, RENAME, DELETE = "list", "rename", "delete"


class SavesScene(TextEntryMixin, Scene):
    name = "saves"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.saves: list[Any] = []
        self.problems: list[Any] = []
        self.job: Job[Any] | None = None
        self.selected = 0
        self.mode = LIST
        self.name_text = ""
        self.error: str | None = None

    def enter(self) -> None:
        self._run(lambda store: None)

    def _run(self, change: Any) -> None:
        """Make `change` to the store on the worker, then read the saves again."""
        store = self.host.services.saves
        if store is not None:
            self.job = self.host.services.jobs.submit(lambda: _change(store, change))

    @property
    def waiting(self) -> bool:
        return self.job is not None

    def update(self, dt: float) -> bool:
        if self.job is None or not self.job.done:
            return self.blink_update(dt)
        listing, problem, refused = self.job.result()
        self.job = None
        if refused is not None:  # the rename or delete was refused: say why, keep the mode
            self.error = store_text(self.host.strings, refused, str(refused))
            self.host.relayout()
            return True
        if listing is not None:
            self.saves = [e for e in listing.saves if not e.record.finished]
            self.problems = list(listing.problems)
        else:
            self.problems = [self.host.strings("title.store_problem", problem=problem)]
        self.selected = min(self.selected, max(0, len(self.saves) - 1))
        self.mode, self.error = LIST, None
        self.reset_focus()
        self.host.relayout()
        return True

    # --- layout ----------------------------------------------------------------------------

    def build(self, ui: Build) -> None:
        if self.mode == RENAME and self._chosen() is not None:
            self._build_rename(ui)
        elif self.mode == DELETE and self._chosen() is not None:
            self._build_delete(ui)
        else:
            self.mode = LIST
            self._build_list(ui)

    def _build_list(self, ui: Build) -> None:
        s = ui.strings
        buttons = [("back", s("button.back"), self.host.pop)]
        if self.saves:
            buttons[:0] = [
                ("rename", s("saves.rename"), self._ask_rename),
                ("delete", s("saves.delete"), self._ask_delete),
            ]
        frame = page(ui, s("saves.heading"), buttons, subheading=s("saves.hint"))
        body = frame.body
        box = ui.scroller(body)
        inner, y = box.get_container(), 0
        labels = [self._label(entry) for entry in self.saves]
        extra = (len(self.problems) + 2) * ui.theme.font(ui.theme.font_px()).get_linesize() * 2
        width = list_width(ui, labels, "#list_item", body, extra)
        for i, (entry, label) in enumerate(zip(self.saves, labels, strict=True)):
            button = ui.button(
                f"save:{entry.path.name}",
                label,
                pygame.Rect(0, y, width, -1),
                self._resumer(i),
                "#list_item",
                container=inner,
                scroller=box,
                on_focus=self._selector(i),
                list_item=True,
            )
            y += button.rect.height + ui.px("small_gap")
        notes = []
        if self.job is not None:
            notes.append(esc(s("loading.saves")))
        elif not self.saves:
            notes.append(esc(s("saves.empty")))
        if self.problems:
            notes.append(f"<b>{esc(s('saves.problems'))}</b>")
            notes += [coloured(str(p), ui.theme.hex("text_dim")) for p in self.problems]
        if notes:
            text = ui.text("<br>".join(notes), pygame.Rect(0, y, width, -1), "#plain", inner)
            y += text.rect.height
        fit_scroller(box, max(1, y))
        # the list comes first in the focus ring, before the page's buttons
        count = len(self.saves)
        self.focus.items = (
            self.focus.items[-count:] + self.focus.items[:-count] if count else (self.focus.items)
        )

    def default_focus(self) -> int:
        return self.selected if self.mode == LIST and self.saves else 0

    def _build_rename(self, ui: Build) -> None:
        s = ui.strings
        width = min(ui.rect.width - 2 * ui.px("margin"), ui.px("card_min_width") * 3)
        frame = page(
            ui,
            s("saves.rename_heading"),
            [
                ("rename_ok", s("saves.rename"), self._rename),
                ("cancel", s("button.cancel"), self._cancel),
            ],
            max_width=width,
        )
        body = frame.body
        chosen = self._chosen()
        intro = s("saves.rename_prompt", name=self._name(chosen)) if chosen else ""
        top = ui.text(esc(intro), pygame.Rect(body.x, body.y, body.width, -1), "#plain")
        y = top.rect.bottom + ui.px("gap")
        self.entry = UITextEntryLine(pygame.Rect(body.x, y, body.width, -1), ui.manager)
        self.entry.set_text_length_limit(MAX_NAME)
        self.entry.set_text(self.name_text)
        y = self.entry.rect.bottom + ui.px("gap")
        if self.error:
            message = coloured(self.error, ui.theme.hex("bad"))
        else:
            message = coloured(s("saves.rename_rules", limit=MAX_NAME), ui.theme.hex("text_dim"))
        ui.text(message, pygame.Rect(body.x, y, body.width, max(20, body.bottom - y)))

    def _build_delete(self, ui: Build) -> None:
        s = ui.strings
        width = min(ui.rect.width - 2 * ui.px("margin"), ui.px("card_min_width") * 3)
        frame = page(
            ui,
            s("saves.delete_heading"),
            [
                ("cancel", s("button.cancel"), self._cancel),
                ("delete_ok", s("saves.delete"), self._delete),
            ],
            max_width=width,
        )
        chosen = self._chosen()
        text = s("saves.delete_prompt", name=self._name(chosen)) if chosen else ""
        if self.error:
            text += "\n\n" + self.error
        ui.text(esc(text), pygame.Rect(frame.body.x, frame.body.y, frame.body.width, -1), "#plain")

    def built(self) -> None:
        if self.mode == RENAME and self.entry is not None:
            self.focus_entry(self)
        else:
            super().built()

    def teardown(self) -> None:
        if self.entry is not None:
            self.name_text = self.entry.get_text()
        self.entry = None
        super().teardown()

    # --- what the list shows ---------------------------------------------------------------

    def _chosen(self) -> Any:
        return self.saves[self.selected] if 0 <= self.selected < len(self.saves) else None

    def _name(self, entry: Any) -> str:
        record = entry.record
        return record.slot or shorten(title_of(self.host, record), TITLE_ROOM)

    def _label(self, entry: Any) -> str:
        s = self.host.strings
        record = entry.record
        title = title_of(self.host, record)
        # a slot named after its scenario (the proposed name) does not say the title twice
        key = "saves.item_titled" if named_after(record.slot, title) else "saves.item"
        return s(
            key,
            slot=record.slot or s("saves.autosave"),
            scenario=shorten(title, TITLE_ROOM),
            decisions=len(record.decisions),
            date=local_time(record.updated),
        )

    # --- actions ---------------------------------------------------------------------------

    def _selector(self, index: int) -> Any:
        def select() -> None:
            self.selected = index

        return select

    def _resumer(self, index: int) -> Any:
        def run() -> None:
            scenes = resume_save(self.host, self.saves[index])
            self.host.pop()
            for scene in scenes:
                self.host.push(scene)

        return run

    def _ask_rename(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.job is not None:
            return
        self.mode, self.error = RENAME, None
        self.name_text = default_name(self.host, chosen.record)
        self.host.relayout()

    def _ask_delete(self) -> None:
        if self._chosen() is None or self.job is not None:
            return
        self.mode, self.error = DELETE, None
        self.reset_focus()  # Cancel first: a stray Enter deletes nothing
        self.host.relayout()

    def _cancel(self) -> None:
        self.mode, self.error = LIST, None
        self.host.relayout()

    def _rename(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.job is not None:
            return
        if self.entry is not None:
            self.name_text = self.entry.get_text()
        name, path = self.name_text, chosen.path
        self._run(lambda store: store.rename(path, name))

    def _delete(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.job is not None:
            return
        path = chosen.path
        self._run(lambda store: store.delete(path))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.mode == RENAME:
            if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
                self._rename()
                return True
            if self.entry_keys(self, event):
                return True
        return super().handle_event(event)

    def back(self) -> bool:
        if self.mode != LIST:
            self._cancel()
            return True
        return super().back()


def _change(store: Any, change: Any) -> tuple[Any, str | None, StoreError | None]:
    """Make a change to the saves and read them all again (worker thread): the listing, why
    it could not be read, and the error that refused the change."""
    try:
        change(store)
    except StoreError as err:
        return None, None, err
    try:
        return store.scan(), None, None
    except (OSError, StoreError) as err:
        return None, str(err), None
