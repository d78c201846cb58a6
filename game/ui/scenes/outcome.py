"""The outcome of a decision: what happened, messages, and the team's meters moving."""

from __future__ import annotations

import pygame

from game.play.run import GameRun
from game.sim.session import MemberView, TeamView, TurnRecord
from game.ui.flow import words
from game.ui.meters import METRICS, CardData, card_data, side_cards
from game.ui.page import page
from game.ui.resume import debrief_later, home
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel, on_team
from game.ui.widgets import Build, coloured, esc


def ease(t: float) -> float:
    """Ease-out cubic: fast at first, settling gently."""
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3


class OutcomeScene(Scene):
    name = "outcome"

    def __init__(self, host: Host, run: GameRun, record: TurnRecord, before: TeamView) -> None:
        super().__init__(host)
        self.run = run
        self.record = record
        self.before_view = before
        self.before = {m.id: m for m in before.members}
        self.after = run.view
        self.elapsed = 0.0
        self.duration = host.theme.style.timing("meter_seconds")
        self.panel: TeamPanel | None = None

    def build(self, ui: Build) -> None:
        s = ui.strings
        label = s("button.debrief") if self.run.finished else s("button.continue")
        frame = page(ui, s("outcome.heading"), [("continue", label, self._continue)])
        body, gap = frame.body, ui.px("gap")
        left_width = round(body.width * 0.46)
        ui.text(self._story(), pygame.Rect(body.x, body.y, left_width, body.height), "#body")
        right = pygame.Rect(body.x + left_width + gap, body.y, 0, body.height)
        right.width = body.right - right.x
        self.panel = TeamPanel(ui, right, self._cards(self._progress()), max_columns=3)

    def _story(self) -> str:
        s, theme = self.host.strings, self.host.theme
        said, record = words(self.host, self.run), self.record
        if record.choice_index:
            parts = [f"<b>{esc(s('outcome.chosen'))}</b> {esc(said.taken(record))}"]
        else:
            parts = [coloured(s("msg.timeout"), theme.hex("bad"), bold=True)]
        if record.outcome is not None:
            parts.append(esc(said.t(record.outcome)))
        for kind, text in said.messages(record):
            colour = theme.hex("bad" if kind in ("left", "away") else "accent")
            parts.append(coloured(s("outcome.bullet", text=text), colour))
        if not any(self._deltas(m) for m in self.after.members):
            parts.append(coloured(s("text.no_changes"), theme.hex("text_dim")))
        return "<br><br>".join(parts)

    def _deltas(self, member: MemberView) -> dict[str, float]:
        """Visible changes: hidden feelings stay hidden, only output shows for estimates."""
        old = self.before.get(member.id)
        if old is None or not member.present:
            return {}
        shown = ("productivity",) if member.estimated or old.estimated else METRICS
        deltas = {k: getattr(member, k) - getattr(old, k) for k in shown}
        return {k: v for k, v in deltas.items() if abs(v) >= 0.005}

    def _cards(self, share: float) -> list[CardData]:
        s, lang, session = self.host.strings, self.host.lang, self.run.session
        cards = []
        for member in on_team(self.after):
            deltas = self._deltas(member)
            values = {k: float(getattr(member, k)) for k in METRICS}
            for k, delta in deltas.items():
                values[k] -= delta * (1 - share)
            cards.append(card_data(member, lang, s, deltas, values))
        side = side_cards(
            self.after, lambda value: session.text(value, lang), s, self.before_view, share
        )
        return cards + side

    def _progress(self) -> float:
        return ease(self.elapsed / self.duration) if self.duration > 0 else 1.0

    @property
    def animating(self) -> bool:
        return self.elapsed < self.duration

    def update(self, dt: float) -> bool:
        if not self.animating:
            return False
        self.elapsed = min(self.duration, self.elapsed + dt)
        if self.panel is not None:
            self.panel.show(self._cards(self._progress()))
        return True

    def back(self) -> bool:
        self._continue()
        return True

    def _continue(self) -> None:
        if self.run.finished:
            self.host.reset(*home(self.host), debrief_later(self.host, self.run))
        else:
            self.host.pop()
