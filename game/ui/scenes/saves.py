"""Saved games: each readable save (newest first) to resume; files that could not be read.

The saves are read in the background; one click selects a game, Enter or a double click
continues it."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.flow import save_title
from game.ui.jobs import Job
from game.ui.page import page
from game.ui.resume import resume_save
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc, fit_scroller, list_width


class SavesScene(Scene):
    name = "saves"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.saves: list[Any] = []
        self.problems: list[Any] = []
        self.job: Job[Any] | None = None

    def enter(self) -> None:
        store = self.host.services.saves
        if store is not None:
            self.job = self.host.services.jobs.submit(lambda: _scan(store))

    @property
    def waiting(self) -> bool:
        return self.job is not None

    def update(self, dt: float) -> bool:
        del dt
        if self.job is None or not self.job.done:
            return False
        listing, problem = self.job.result()
        self.job = None
        if listing is not None:
            self.saves = [e for e in listing.saves if not e.record.finished]
            self.problems = list(listing.problems)
        else:
            self.problems = [self.host.strings("title.store_problem", problem=problem)]
        self.reset_focus()
        self.host.relayout()
        return True

    def build(self, ui: Build) -> None:
        s = ui.strings
        frame = page(
            ui,
            s("saves.heading"),
            [("back", s("button.back"), self.host.pop)],
            subheading=s("saves.hint"),
        )
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
        self.focus.items = self.focus.items[1:] + self.focus.items[:1]

    def _label(self, entry: Any) -> str:
        s = self.host.strings
        record = entry.record
        title = save_title(self.host, record)
        slot = record.slot or s("saves.autosave")
        return s(
            "saves.item",
            slot=slot,
            scenario=title,
            decisions=len(record.decisions),
            date=record.updated[:16].replace("T", " "),
        )

    def _resumer(self, index: int) -> Any:
        def run() -> None:
            scenes = resume_save(self.host, self.saves[index])
            self.host.pop()
            for scene in scenes:
                self.host.push(scene)

        return run


def _scan(store: Any) -> tuple[Any, str | None]:
    """Every save in the data folder, or why it could not be read (worker thread)."""
    from game.store.errors import StoreError

    try:
        return store.scan(), None
    except (OSError, StoreError) as err:
        return None, str(err)
