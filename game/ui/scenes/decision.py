"""The decision screen: the situation, 2-5 choices, the team, progress, and a countdown.

The choices are shown in the order the game shuffled them for this player, numbered 1..n;
a decision hands the choice's id to the game run. After a live reload the screen takes the
new version's choices when it is back on top.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pygame

from game.play.run import GameRun
from game.sim.session import ChoiceOption
from game.ui.button import LabelStyle
from game.ui.faces import Face, face_of
from game.ui.meters import card_data, side_cards
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel, on_team
from game.ui.widgets import Build, bounded_text, esc, fit_scroller, list_width

NUMBER_KEYS = MappingProxyType(
    {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
    | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}
)


class DecisionScene(Scene):
    name = "decision"

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run
        self.options: list[ChoiceOption] = []
        self.remaining: float | None = None
        self.limit: float | None = None
        self._shown: tuple[int, int] = (-1, -1)  # (reloads, turn) the choices were taken at
        self.bar = pygame.Rect(0, 0, 0, 0)  # progress bar
        self.clock_rect = pygame.Rect(0, 0, 0, 0)  # countdown
        self._shown_seconds = -1
        self.faces: list[Face] = []  # the faces on the team panel, as last laid out

    # --- state ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._sync()

    def resume(self) -> None:
        self._sync()

    def _sync(self) -> None:
        """A new turn (or a new version of the scenario) gets its choices and a fresh
        countdown; a resumed one keeps both."""
        session = self.run.session
        shown = (self.run.reloads, session.turn)
        if session.finished or shown == self._shown:
            return
        self._shown = shown
        self.options = session.choices()
        limit = session.time_limit
        self.limit = float(limit) if limit else None
        self.remaining = self.limit
        self.focus.clear()
        self._focus_key = None

    def choose(self, option: ChoiceOption | None) -> None:
        """Take the choice (None: the time ran out) and show what came of it."""
        before = self.run.view
        record = self.run.take(option.id if option is not None else None)
        self.host.push(self.host.scene("outcome", self.run, record, before))

    def _timeout(self) -> None:
        self.choose(None)

    # --- widgets ----------------------------------------------------------------------------

    def build(self, ui: Build) -> None:
        session, s, lang = self.run.session, ui.strings, ui.lang
        event = session.event
        if event is None:
            return
        margin, gap = ui.px("margin"), ui.px("gap")
        area = ui.rect.inflate(-2 * margin, -2 * margin)
        side = round(area.width * float(ui.theme.style.layout("side_panel_share")))
        main = pygame.Rect(area.x, area.y, area.width - side - gap, area.height)
        title = session.text(session.scenario.title, lang)
        status = s("decision.status", turn=session.turn + 1, title=title)
        head = ui.text(esc(status), pygame.Rect(main.x, main.y, main.width, -1), "#small")
        title = session.text(event.title, lang) if event.title else title
        heading = ui.text(
            f"<b>{esc(title)}</b>",
            pygame.Rect(main.x, head.rect.bottom, main.width, -1),
            "#heading",
        )
        y = heading.rect.bottom + ui.px("small_gap")
        hint = ui.text(esc(self._hint()), pygame.Rect(main.x, 0, main.width, -1), "#small")
        hint.set_relative_position((main.x, main.bottom - hint.rect.height))
        bottom = hint.rect.top - ui.px("small_gap")
        # the choices come first: the story gets what they leave, but at least a third
        look = LabelStyle(ui.theme, "#choice")
        need = sum(look.height(label, main.width) + ui.px("small_gap") for label in self._labels())
        text_limit = max(60, round((bottom - y) / 3), bottom - y - need - gap)
        story = bounded_text(
            ui,
            esc(session.text(event.text, lang)),
            pygame.Rect(main.x, y, main.width, text_limit),
            "#body",
        )
        y = story.rect.bottom + gap
        self._choices(ui, pygame.Rect(main.x, y, main.width, max(40, bottom - y)))
        self._side(ui, pygame.Rect(main.right + gap, area.y, side, area.height))

    def _choices(self, ui: Build, rect: pygame.Rect) -> None:
        box = ui.scroller(rect)
        inner, y = box.get_container(), 0
        labels = self._labels()
        width = list_width(ui, labels, "#choice", rect)
        for label, option in zip(labels, self.options, strict=True):
            button = ui.button(
                f"choice:{option.id}",
                label,
                pygame.Rect(0, y, width, -1),
                self._chooser(option),
                "#choice",
                container=inner,
                scroller=box,
            )
            y += button.rect.height + ui.px("small_gap")
        fit_scroller(box, max(1, y))

    def _labels(self) -> list[str]:
        s, lang, session = self.host.strings, self.host.lang, self.run.session
        return [
            s("choice.label", number=n, text=session.text(o.choice.text, lang))
            for n, o in enumerate(self.options, start=1)
        ]

    def _chooser(self, option: ChoiceOption) -> Any:
        return lambda: self.choose(option)

    def _side(self, ui: Build, rect: pygame.Rect) -> None:
        s, session = ui.strings, self.run.session
        view = self.run.view
        line = ui.theme.font(ui.theme.font_px("#small")).get_linesize()
        y = rect.y
        if self.limit:
            self.clock_rect = pygame.Rect(rect.x, y, rect.width, max(line, ui.px("meter_height")))
            y = self.clock_rect.bottom + ui.px("gap")
        label = s("decision.progress", percent=round(view.progress * 100))
        ui.text(esc(label), pygame.Rect(rect.x, y, rect.width, -1), "#small")
        self.bar = pygame.Rect(rect.x, y + line + 8, rect.width, ui.px("meter_height"))
        top = self.bar.bottom + ui.px("gap")
        heading = ui.text(
            f"<b>{esc(s('decision.team'))}</b>", pygame.Rect(rect.x, top, rect.width, -1), "#small"
        )
        top = heading.rect.bottom + ui.px("small_gap")
        members = on_team(view)
        cards = [card_data(m, ui.lang, s, face=face_of(session, m)) for m in members]
        cards += side_cards(view, lambda text: session.text(text, ui.lang), s)
        area = pygame.Rect(rect.x, top, rect.width, rect.bottom - top)
        panel = TeamPanel(ui, area, cards, max_columns=2, allow_compact=True)
        self.faces = panel.faces

    def _hint(self) -> str:
        s = self.host.strings
        text = s("decision.keys", last=len(self.options))
        if self.run.problem:
            text += " " + s("decision.save_problem", problem=self.run.problem)
        return text

    # --- per frame ------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            number = NUMBER_KEYS.get(event.key)
            if number is not None:
                if 1 <= number <= len(self.options):
                    self.choose(self.options[number - 1])
                return True
        return super().handle_event(event)

    def back(self) -> bool:
        self.host.push(self.host.scene("pause", self.run))
        return True

    def update(self, dt: float) -> bool:
        if self.remaining is None:
            return False
        self.remaining = max(0.0, self.remaining - dt)
        if self.remaining <= 0.0:
            self.remaining = None
            self._timeout()
            return True
        seconds = int(self.remaining * 10)
        changed = seconds != self._shown_seconds
        self._shown_seconds = seconds
        return changed

    def frame_rate(self) -> float:
        return self.host.theme.style.timing("countdown_fps") if self.remaining else 0.0

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.host.theme
        view = self.run.view
        pygame.draw.rect(surface, theme.colour("meter_track"), self.bar, border_radius=4)
        done = self.bar.copy()
        done.width = round(self.bar.width * max(0.0, min(1.0, view.progress)))
        if done.width:
            pygame.draw.rect(surface, theme.colour("progress"), done, border_radius=4)
        if self.remaining is not None and self.limit:
            self._draw_clock(surface)

    def _draw_clock(self, surface: pygame.Surface) -> None:
        theme, rect = self.host.theme, self.clock_rect
        assert self.remaining is not None and self.limit
        share = self.remaining / self.limit
        warn = share <= theme.style.timing("countdown_warn_share")
        font = theme.font(theme.font_px("#small"), bold=True)
        text = self.host.strings("decision.countdown", seconds=int(self.remaining + 0.999))
        image = font.render(text, True, theme.colour("bad" if warn else "text"))
        track = pygame.Rect(rect.x, rect.y, rect.width - image.get_width() - 12, rect.height)
        pygame.draw.rect(surface, theme.colour("meter_track"), track, border_radius=4)
        fill = track.copy()
        fill.width = round(track.width * share)
        if fill.width:
            pygame.draw.rect(
                surface, theme.colour("bad" if warn else "warn"), fill, border_radius=4
            )
        surface.blit(image, image.get_rect(midright=rect.midright))
