"""The leaderboard: the best games of one scenario version, the player's new row highlighted.

Opened from the title it lists every scenario version played; one click (or the arrows)
selects a version and shows its table. Scenario and ending titles come from the scenario
library, read in the background: until it is there, ids stand in for them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game.content.text import tr
from game.store.errors import StoreError
from game.ui.boards import Board, numbered
from game.ui.classpage import sent_line
from game.ui.page import page
from game.ui.scan import LibraryState
from game.ui.scene import Host, Scene
from game.ui.table import Column, paint_table
from game.ui.widgets import SCROLLBAR_ROOM, Build, esc, fit_scroller, list_width

TOP = 10
COLUMNS = (Column(0, "right"), Column(0.5), Column(0, "right"), Column(0.5), Column(0))


class LeaderboardScene(Scene):
    name = "leaderboard"
    shows_class = True  # laid out again when the class answers about the game just sent

    def __init__(self, host: Host, board: Board | None) -> None:
        super().__init__(host)
        self.boards: list[Board] = [board] if board is not None else []
        self.index = 0
        self.rows: list[Any] = []
        self.problem: str | None = None
        self.ending_titles: dict[str, Any] = {}
        if board is not None:  # a game just played knows its endings' titles
            for ending, text in board.endings.items():
                self.ending_titles[f"{board.scenario_id}:{ending}"] = text
        self.library = LibraryState()

    def enter(self) -> None:
        services = self.host.services
        board = services.leaderboard()
        if board is None:
            self.problem = services.problem or ""
            return
        try:
            versions = board.versions()
        except (StoreError, OSError) as err:
            self.problem = str(err)
            return
        if not self.boards:
            self.boards = [Board(v.scenario_id, v.content_hash) for v in versions]
        self.boards = numbered(self.boards, [(v.scenario_id, v.content_hash) for v in versions])
        if services.scan.state().entries is None:
            services.scan.request()  # the endings' titles come from the scenario library
        self._titles(services.scan.state())
        self._load()

    @property
    def waiting(self) -> bool:
        """Until the library is read (titles), unless there is nothing to name."""
        state = self.library
        return bool(self.boards) and state.entries is None and state.problem is None

    def update(self, dt: float) -> bool:
        del dt
        state = self.host.services.scan.state()
        if (state.version, state.problem) == (self.library.version, self.library.problem):
            return False
        self._titles(state)
        self.host.relayout()
        return True

    def _titles(self, state: LibraryState) -> None:
        """Scenario and ending titles from a reading of the library."""
        self.library = state
        titles: dict[str, Any] = {}
        for entry in state.entries or ():
            if entry.bundle is not None:
                titles.setdefault(entry.id, entry.bundle.scenario.title)
                for ending in entry.bundle.scenario.endings:
                    self.ending_titles.setdefault(f"{entry.id}:{ending.id}", ending.title)
        self.boards = [
            b if b.title is not None else replace(b, title=titles.get(b.scenario_id))
            for b in self.boards
        ]

    def _load(self) -> None:
        self.rows = []
        if not self.boards:
            return
        board = self.host.services.leaderboard()
        if board is None:
            self.problem = self.host.services.problem or ""
            return
        current = self.boards[self.index]
        try:
            self.rows = board.top(current.scenario_id, current.content_hash, TOP)
        except (StoreError, OSError) as err:
            self.problem = str(err)

    def build(self, ui: Build) -> None:
        s = ui.strings
        sub = None
        if self.boards:
            board = self.boards[self.index]
            sub = s("leaderboard.sub", scenario=self._title(board), version=board.number)
            sending = sent_line(self.host, board.run_id)
            if sending:
                sub = f"{sub}\n{sending}"
            if board.note:
                sub = f"{sub}\n{board.note}"
        frame = page(
            ui, s("leaderboard.heading"), [("done", s("button.done"), self._done)], subheading=sub
        )
        body, gap = frame.body, ui.px("gap")
        if len(self.boards) > 1:
            share = max(ui.px("card_min_width"), round(body.width * 0.32))
            self._board_list(ui, pygame.Rect(body.x, body.y, share, body.height))
            body = pygame.Rect(body.x + share + gap, body.y, body.width - share - gap, body.height)
        if self.problem is not None or not self.rows:
            text = (
                s("leaderboard.unavailable", problem=self.problem)
                if self.problem is not None
                else s("leaderboard.empty")
            )
            ui.text(esc(text), body, "#body")
            return
        box = ui.scroller(body)
        width = body.width - SCROLLBAR_ROOM
        header = [
            s("leaderboard.rank"),
            s("leaderboard.name"),
            s("leaderboard.score"),
            s("leaderboard.ending"),
            s("leaderboard.date"),
        ]
        highlight = self.boards[self.index].highlight
        rows, mark = [], None
        for rank, row in enumerate(self.rows, start=1):
            key = f"{row.scenario_id}:{row.ending_id}"
            ending = tr(self.ending_titles.get(key), ui.lang) or "—"
            rows.append([str(rank), row.name, f"{row.score:.0f}", ending, row.played_at[:10]])
            if highlight is not None and row.row_id == highlight:
                mark = rank - 1
        image = paint_table(ui.theme, body.width, header, rows, COLUMNS, mark)
        if image.get_height() > body.height:  # it will scroll: leave room for the scroll bar
            image = paint_table(ui.theme, width, header, rows, COLUMNS, mark)
        ui.image(image, pygame.Rect((0, 0), image.get_size()), box.get_container())
        fit_scroller(box, image.get_height())

    def _board_list(self, ui: Build, area: pygame.Rect) -> None:
        """The scenario versions played, one button each: a click or the arrows select one."""
        box = ui.scroller(area)
        inner, y = box.get_container(), 0
        labels = [
            ui.strings("leaderboard.sub", scenario=self._title(b), version=b.number)
            for b in self.boards
        ]
        width = list_width(ui, labels, "#list_item", area)
        for i, label in enumerate(labels):
            button = ui.button(
                f"board:{i}",
                label,
                pygame.Rect(0, y, width, -1),
                self._shower(i),
                "#list_item",
                container=inner,
                scroller=box,
                on_focus=self._shower(i),
                list_item=True,
            )
            y += button.rect.height + ui.px("small_gap")
        fit_scroller(box, max(1, y))
        # Done comes first in the page's buttons; the list is what should be focused first
        self.focus.items = self.focus.items[1:] + self.focus.items[:1]

    def _title(self, board: Board) -> str:
        if board.title:
            return tr(board.title, self.host.lang)
        return self.host.strings("leaderboard.unknown_scenario")

    def default_focus(self) -> int:
        return self.index if len(self.boards) > 1 else len(self.focus.items) - 1

    def _shower(self, index: int) -> Any:
        def show() -> None:
            if index != self.index:
                self.index = index
                self._load()
                self.host.relayout()

        return show

    def _done(self) -> None:
        self.host.pop()  # the title screen is always below
