"""The briefing: the situation and the team, a card per member, before the first decision."""

from __future__ import annotations

import pygame

from game.content import models as m
from game.play.run import GameRun
from game.ui.faces import Face, face_of
from game.ui.meters import card_data, side_cards
from game.ui.page import page
from game.ui.pictures import cover_picture, cover_size
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel, on_team
from game.ui.widgets import Build, coloured, esc


def team_notes(host: Host, run: GameRun) -> str:
    """The team's stated values and how to read estimates, as HTML."""
    s, lang, theme = host.strings, host.lang, host.theme
    team, session = run.bundle.team, run.session
    parts = []
    if team.values:
        said = [v.text if isinstance(v, m.TeamValue) else v for v in team.values]
        values = "<br>".join(f"• {esc(session.text(v, lang))}" for v in said)
        parts.append(f"<b>{esc(s('briefing.values'))}</b><br>{values}")
    parts.append(coloured(s("briefing.estimates"), theme.hex("text_dim")))
    return "<br><br>".join(parts)


class BriefingScene(Scene):
    name = "briefing"

    def __init__(self, host: Host, run: GameRun) -> None:
        super().__init__(host)
        self.run = run
        self.faces: list[Face] = []  # the faces on the team cards, as last laid out

    def build(self, ui: Build) -> None:
        s, lang = ui.strings, ui.lang
        session = self.run.session
        scenario = session.scenario
        sub = s(
            "briefing.sub",
            team=session.text(self.run.bundle.team.name, lang),
            setting=s(f"setting.{scenario.setting}"),
            minutes=scenario.minutes,
        )
        frame = page(
            ui,
            session.text(scenario.title, lang),
            [
                ("begin", s("button.begin"), self._begin),
                ("back", s("button.back"), self.host.pop),
            ],
            subheading=sub,
        )
        body, gap = frame.body, ui.px("gap")
        text = session.text(scenario.briefing or scenario.summary, lang)
        left_width = round(body.width * 0.42)
        markup = f"{esc(text)}<br><br>{team_notes(self.host, self.run)}"
        left = pygame.Rect(body.x, body.y, left_width, body.height)
        size = cover_size(left_width, round(body.height * 0.36))
        if size[1]:
            picture = cover_picture(ui.theme, scenario.setting, size)
            spot = pygame.Rect(left.topleft, size)
            spot.centerx = left.centerx
            ui.image(picture, spot)
            left.y += size[1] + gap
            left.height -= size[1] + gap
        ui.text(markup, left, "#body")
        view = self.run.view
        # the same cards as the decision screen's, faces and all: the team is met here first
        cards = [card_data(m, lang, s, face=face_of(session, m)) for m in on_team(view)]
        cards += side_cards(view, lambda text: session.text(text, lang), s)
        right = pygame.Rect(body.x + left_width + gap, body.y, 0, body.height)
        right.width = body.right - right.x
        self.faces = TeamPanel(ui, right, cards, max_columns=3).faces

    def _begin(self) -> None:
        self.host.replace(self.host.scene("decision", self.run))
