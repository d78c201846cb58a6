"""The outcome of a decision: what happened, messages, and the team's meters moving."""

from __future__ import annotations

from typing import Any

import pygame

from game.content.text import tr
from game.i18n import Strings
from game.sim.session import MemberView, TeamView, TurnRecord
from game.ui.flow import GameRun
from game.ui.meters import METRICS, CardData, card_data
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel
from game.ui.widgets import Build, coloured, esc


def message_text(run: GameRun, strings: Strings, lang: str, kind: str, payload: Any) -> str:
    """One engine message in words (the same wording as the terminal)."""
    names = {m.id: tr(m.name, lang) for m in run.bundle.team.members}
    if kind == "later":
        return tr(payload, lang)
    if kind == "left":
        return strings("msg.left", name=names.get(payload, payload))
    if kind == "milestone":
        reached, name = payload
        label = tr(name, lang) if name else strings("msg.milestone_default")
        return strings("msg.milestone_reached" if reached else "msg.milestone_missed", name=label)
    if kind == "reveal":
        return strings("msg.revealed", names=", ".join(names.get(m, m) for m in payload))
    return ""


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
        self.before = {m.id: m for m in before.members}
        self.after = run.views[-1]
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
        s, lang, theme = self.host.strings, self.host.lang, self.host.theme
        record = self.record
        program = self.run.session.program
        event = program.events[program.event_index[record.event_id]].model
        if record.choice_index:
            chosen = tr(event.choices[record.choice_index - 1].text, lang)
            parts = [f"<b>{esc(s('outcome.chosen'))}</b> {esc(chosen)}"]
        else:
            parts = [coloured(s("msg.timeout"), theme.hex("bad"), bold=True)]
        if record.outcome is not None:
            parts.append(esc(tr(record.outcome, lang)))
        for kind, payload in record.messages:
            text = message_text(self.run, s, lang, kind, payload)
            if text:
                colour = theme.hex("bad" if kind == "left" else "accent")
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
        s, lang = self.host.strings, self.host.lang
        cards = []
        for member in self.after.members:
            deltas = self._deltas(member)
            values = {k: float(getattr(member, k)) for k in METRICS}
            for k, delta in deltas.items():
                values[k] -= delta * (1 - share)
            cards.append(card_data(member, lang, s, deltas, values))
        return cards

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
            from game.ui.resume import debrief_later, home

            self.host.reset(*home(self.host), debrief_later(self.host, self.run))
        else:
            self.host.pop()
