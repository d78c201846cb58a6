"""Name entry after a game: the name goes on the leaderboard with the score, and to the class
when the window is connected to one (the class alone when this computer has no leaderboard)."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UITextBox, UITextEntryLine

from game.play.messages import store_text
from game.play.run import GameRun
from game.store.errors import InvalidName
from game.store.names import normalize_name
from game.ui.boards import Board
from game.ui.dialogs import MAX_NAME, TextEntryMixin
from game.ui.flow import record_score
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc


class NameEntryScene(TextEntryMixin, Scene):
    name = "name_entry"

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run
        self.name_text = run.player_name or host.options.name or ""
        self.error: str | None = None
        self.message: UITextBox | None = None

    def build(self, ui: Build) -> None:
        s = ui.strings
        board = self.host.services.leaderboard()
        score = self.run.session.score().total
        width = min(ui.rect.width - 2 * ui.px("margin"), ui.px("card_min_width") * 3)
        frame = page(
            ui,
            s("name.heading", score=f"{score:.0f}"),
            [
                ("save", s("button.save_score"), self._save),
                ("skip", s("button.skip"), self._skip),
            ],
            max_width=width,
        )
        body = frame.body
        prompt = (
            s("name.prompt")
            if board is not None
            else s("leaderboard.unavailable", problem=self.host.services.problem or "")
        )
        intro = ui.text(esc(prompt), pygame.Rect(body.x, body.y, body.width, -1), "#plain")
        y = intro.rect.bottom + ui.px("gap")
        self.entry = UITextEntryLine(
            pygame.Rect(body.x, y, body.width, -1),
            ui.manager,
            placeholder_text=s("name.placeholder"),
        )
        self.entry.set_text_length_limit(MAX_NAME)
        self.entry.set_text(self.name_text)
        y = self.entry.rect.bottom + ui.px("gap")
        self.message = ui.text(
            self._message(), pygame.Rect(body.x, y, body.width, max(20, body.bottom - y))
        )
        if board is None and self.host.services.classroom.url is None:
            self.entry.disable()  # no leaderboard here and no class to send the game to

    def built(self) -> None:
        if self.entry is not None and self.entry.is_enabled:
            self.focus_entry(self)
        else:
            super().built()

    def _message(self) -> str:
        if self.error:
            return coloured(
                self.host.strings("name.problem", problem=self.error), self.host.theme.hex("bad")
            )
        return coloured(
            self.host.strings("name.hint", limit=MAX_NAME), self.host.theme.hex("text_dim")
        )

    def teardown(self) -> None:
        if self.entry is not None:
            self.name_text = self.entry.get_text()
        self.entry = None
        super().teardown()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self._save()
            return True
        if self.entry_keys(self, event):
            return True
        return super().handle_event(event)

    def back(self) -> bool:
        self._skip()
        return True

    def update(self, dt: float) -> bool:
        return self.blink_update(dt)

    def _save(self) -> None:
        if self.entry is None or not self.entry.is_enabled:
            self._skip()
            return
        self.name_text = self.entry.get_text()
        if self.host.services.leaderboard() is None:
            problem = self._check_name()  # the class alone gets the game
        else:
            problem = record_score(self.host, self.run, self.name_text)
        if problem is not None and self.run.recorded_row is not None:
            # this very game (same seed, same decisions) is on the board already: show it there
            self._show_board(self.run.recorded_row, self.host.strings("name.already"))
            return
        if problem is not None:
            self.error = problem
            if self.message is not None:
                self.message.set_text(self._message())
            return
        # the class gets the game too, when the window is connected to one (on the worker)
        name = normalize_name(self.name_text)
        self.host.services.classroom.submit(self.run, name, self.host.lang)
        self._show_board(self.run.recorded_row)

    def _check_name(self) -> str | None:
        try:
            normalize_name(self.name_text)
        except InvalidName as err:
            return store_text(self.host.strings, err, str(err))
        return None

    def _skip(self) -> None:
        self._show_board(None)

    def _show_board(self, row: int | None, note: str | None = None) -> None:
        bundle, session, lang = self.run.bundle, self.run.session, self.host.lang
        title = session.text(bundle.scenario.title, lang)
        endings = {e.id: session.text(e.title, lang) for e in bundle.scenario.endings}
        board = Board(
            bundle.scenario.id,
            bundle.content_hash,
            title,
            row,
            endings,
            run_id=self.run.run_id,
            note=note,
        )
        self.host.replace(self.host.scene("leaderboard", board))
