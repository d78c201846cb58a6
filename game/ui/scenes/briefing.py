"""The briefing: the situation and the team, a card per member, before the first decision."""

from __future__ import annotations

import pygame

from game.content.text import tr
from game.ui.flow import GameRun
from game.ui.meters import card_data
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel
from game.ui.widgets import Build, coloured, esc


def team_notes(host: Host, run: GameRun) -> str:
    """The team's stated values and how to read estimates, as HTML."""
    s, lang, theme = host.strings, host.lang, host.theme
    team = run.bundle.team
    parts = []
    if team.values:
        values = "<br>".join(f"• {esc(tr(v, lang))}" for v in team.values)
        parts.append(f"<b>{esc(s('briefing.values'))}</b><br>{values}")
    parts.append(coloured(s("briefing.estimates"), theme.hex("text_dim")))
    return "<br><br>".join(parts)


class BriefingScene(Scene):
    name = "briefing"

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run

    def build(self, ui: Build) -> None:
        s, lang = ui.strings, ui.lang
        scenario = self.run.bundle.scenario
        sub = s(
            "briefing.sub",
            team=tr(self.run.bundle.team.name, lang),
            setting=s(f"setting.{scenario.setting}"),
            minutes=scenario.minutes,
        )
        frame = page(
            ui,
            tr(scenario.title, lang),
            [
                ("begin", s("button.begin"), self._begin),
                ("back", s("button.back"), self.host.pop),
            ],
            subheading=sub,
        )
        body, gap = frame.body, ui.px("gap")
        text = tr(scenario.briefing or scenario.summary, lang)
        left_width = round(body.width * 0.42)
        markup = f"{esc(text)}<br><br>{team_notes(self.host, self.run)}"
        ui.text(markup, pygame.Rect(body.x, body.y, left_width, body.height), "#body")
        view = self.run.session.view()
        cards = [card_data(m, lang, s) for m in view.members]
        right = pygame.Rect(body.x + left_width + gap, body.y, 0, body.height)
        right.width = body.right - right.x
        TeamPanel(ui, right, cards, max_columns=3)

    def _begin(self) -> None:
        from game.ui.scenes.decision import DecisionScene

        self.host.replace(DecisionScene(self.host, self.run))
