"""The leaderboard: the best games of one scenario version, the player's new row highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.content.text import tr
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.table import Column, paint_table
from game.ui.widgets import SCROLLBAR_ROOM, Build, esc, fit_scroller

TOP = 10
COLUMNS = (Column(0, "right"), Column(0.5), Column(0, "right"), Column(0.5), Column(0))


@dataclass(frozen=True)
class Board:
    """Which board to show: a scenario version, its title, and a row to highlight."""

    scenario_id: str
    content_hash: str
    title: Any = None
    highlight: int | None = None  # leaderboard row id


class LeaderboardScene(Scene):
    name = "leaderboard"

    def __init__(self, host: Host, board: Board | None) -> None:
        super().__init__(host)
        self.boards: list[Board] = [board] if board is not None else []
        self.index = 0
        self.rows: list[Any] = []
        self.problem: str | None = None
        self.ending_titles: dict[str, Any] = {}

    def enter(self) -> None:
        services = self.host.services
        board = services.leaderboard()
        if board is None:
            self.problem = services.problem or ""
            return
        if not self.boards:
            try:
                versions = board.versions()
            except Exception as err:
                self.problem = str(err)
                return
            titles = {e.id: e.bundle.scenario.title for e in services.library() if e.bundle}
            self.boards = [
                Board(v.scenario_id, v.content_hash, titles.get(v.scenario_id)) for v in versions
            ]
        for entry in services.library():
            if entry.bundle is not None:
                for ending in entry.bundle.scenario.endings:
                    self.ending_titles[f"{entry.id}:{ending.id}"] = ending.title
        self._load()

    def _load(self) -> None:
        self.rows = []
        if not self.boards:
            return
        board = self.host.services.leaderboard()
        current = self.boards[self.index]
        try:
            self.rows = board.top(current.scenario_id, current.content_hash, TOP)
        except Exception as err:
            self.problem = str(err)

    def build(self, ui: Build) -> None:
        s = ui.strings
        buttons = []
        if len(self.boards) > 1:
            buttons.append(("next", s("leaderboard.next"), self._next))
        buttons.append(("done", s("button.done"), self._done))
        sub = None
        if self.boards:
            board = self.boards[self.index]
            title = tr(board.title, ui.lang) if board.title else board.scenario_id
            sub = s("leaderboard.sub", scenario=title, version=board.content_hash[:8])
        frame = page(ui, s("leaderboard.heading"), buttons, subheading=sub)
        body = frame.body
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
            ending = tr(self.ending_titles.get(key), ui.lang) or (row.ending_id or "")
            rows.append([str(rank), row.name, f"{row.score:.0f}", ending, row.played_at[:10]])
            if highlight is not None and row.row_id == highlight:
                mark = rank - 1
        image = paint_table(ui.theme, body.width, header, rows, COLUMNS, mark)
        if image.get_height() > body.height:  # it will scroll: leave room for the scroll bar
            image = paint_table(ui.theme, width, header, rows, COLUMNS, mark)
        ui.image(image, pygame.Rect((0, 0), image.get_size()), box.get_container())
        fit_scroller(box, image.get_height())

    def default_focus(self) -> int:
        return len(self.focus.items) - 1

    def _next(self) -> None:
        self.index = (self.index + 1) % len(self.boards)
        self._load()
        self.host.relayout()

    def _done(self) -> None:
        self.host.pop()  # the title screen is always below
