"""The outcome of a decision: what happened, and beside it what was measured.

The left column has the choice, the authored outcome text and the messages, then a line per
meter that moved ("Trust fell for 4 of 5", with an arrow, a sign and a colour). The right
column shows who reacted: the card of each member whose visible state changed, their face and
meters moving from the old values to the new ones, then the leader's and stakeholders' cards
that changed, and a row of the faces that did not. The meters move for `meter_seconds`; any
other key or a click during that time shows the end at once, while Enter, Space, Esc and the
Continue button move on as they always do.
"""

from __future__ import annotations

import pygame

from game.play.feedback import (
    Reaction,
    Tally,
    good,
    reactions,
    stakeholder_tally,
    tallies,
    unchanged,
)
from game.play.run import GameRun
from game.sim.session import TeamView, TurnRecord
from game.ui.faces import Face, face_of, face_size, strip, tile
from game.ui.flow import words
from game.ui.meters import CardData, card_data, side_cards
from game.ui.page import page
from game.ui.resume import debrief_later, home
from game.ui.scene import Host, Scene
from game.ui.team import TeamPanel
from game.ui.widgets import Build, coloured, esc

# keys that move on at once, as on every screen (the player has seen enough); any other key,
# or a click beside the button, only shows the end of the change
MOVING_ON = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE})
CARD_METRICS = ("morale", "stress", "productivity", "trust")


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
        self.after = run.view
        self.reactions: list[Reaction] = reactions(before, self.after)
        self.tallies: list[Tally] = tallies(before, self.after)
        outside = stakeholder_tally(before, self.after)
        if outside is not None:
            self.tallies.append(outside)
        self.elapsed = 0.0
        self.duration = host.theme.style.timing("meter_seconds")
        self.panel: TeamPanel | None = None
        self.faces: list[Face] = []  # every face on the screen, as last drawn

    # --- layout -----------------------------------------------------------------------------

    def build(self, ui: Build) -> None:
        s = ui.strings
        label = s("button.debrief") if self.run.finished else s("button.continue")
        frame = page(ui, s("outcome.heading"), [("continue", label, self._continue)])
        body, gap = frame.body, ui.px("gap")
        left_width = round(body.width * 0.42)
        ui.text(self._story(), pygame.Rect(body.x, body.y, left_width, body.height), "#body")
        right = pygame.Rect(body.x + left_width + gap, body.y, 0, body.height)
        right.width = body.right - right.x
        self._right(ui, right)

    def _right(self, ui: Build, rect: pygame.Rect) -> None:
        s, gap = ui.strings, ui.px("small_gap")
        rest = unchanged(self.after, self.reactions)
        session = self.run.session
        calm = [tile(session, m, s, ui.lang) for m in rest]
        size = max(32, face_size(ui.theme, 2.0))
        row = strip(ui.theme, calm, rect.width, size) if calm else None
        bottom = rect.bottom
        if row is not None:
            bottom -= row.get_height()
            ui.image(row, pygame.Rect(rect.x, bottom, rect.width, row.get_height()))
            head = ui.text(
                esc(s("feedback.unchanged")), pygame.Rect(rect.x, 0, rect.width, -1), "#small"
            )
            bottom -= head.rect.height
            head.set_relative_position((rect.x, bottom))
            bottom -= gap * 2
        heading = ui.text(
            f"<b>{esc(s('feedback.reacted'))}</b>",
            pygame.Rect(rect.x, rect.y, rect.width, -1),
            "#small",
        )
        top = heading.rect.bottom + gap
        area = pygame.Rect(rect.x, top, rect.width, max(40, bottom - top))
        self.panel = TeamPanel(ui, area, self._cards(self._progress()), max_columns=3)
        self.faces = self.panel.faces + [t.face for t in calm]

    def _story(self) -> str:
        s, theme = self.host.strings, self.host.theme
        said, record = words(self.host, self.run), self.record
        if record.choice_index:
            parts = [f"<b>{esc(s('outcome.chosen'))}</b> {esc(said.taken(record))}"]
        else:
            parts = [coloured(s("msg.timeout"), theme.hex("bad"), bold=True)]
        if record.outcome is not None:
            parts.append(esc(said.t(record.outcome)))
        if self.tallies:
            lines = [f"<b>{esc(s('feedback.measured'))}</b>"]
            for tally in self.tallies:
                for direction, count in (("fell", tally.fell), ("rose", tally.rose)):
                    if not count:
                        continue
                    sign = 1 if direction == "rose" else -1
                    text = s(f"feedback.{tally.metric}_{direction}", count=count, total=tally.total)
                    lines.append(
                        coloured(text, theme.hex("good" if good(tally.metric, sign) else "bad"))
                    )
            parts.append("<br>".join(lines))
        for kind, text in said.messages(record):
            colour = theme.hex("bad" if kind in ("left", "away") else "accent")
            parts.append(coloured(s("outcome.bullet", text=text), colour))
        if not self.reactions:
            parts.append(coloured(s("text.no_changes"), theme.hex("text_dim")))
        return "<br><br>".join(parts)

    def _cards(self, share: float) -> list[CardData]:
        """The cards of those who reacted, `share` of the way from the old values to the new."""
        s, lang, session = self.host.strings, self.host.lang, self.run.session
        cards = []
        for reaction in self.reactions:
            member = reaction.member
            values = {k: float(getattr(member, k)) for k in CARD_METRICS}
            for k, delta in reaction.deltas.items():
                values[k] -= delta * (1 - share)
            face = face_of(session, member)
            if "morale" in reaction.deltas or "stress" in reaction.deltas:
                face = face.at(values["morale"], values["stress"])
            metrics = CARD_METRICS if not member.estimated else ("productivity",)
            cards.append(card_data(member, lang, s, dict(reaction.deltas), values, face, metrics))
        side = side_cards(
            self.after, lambda value: session.text(value, lang), s, self.before_view, share
        )
        return cards + [card for card in side if card.deltas]

    # --- time ---------------------------------------------------------------------------------

    def _progress(self) -> float:
        return ease(self.elapsed / self.duration) if self.duration > 0 else 1.0

    @property
    def animating(self) -> bool:
        return self.elapsed < self.duration

    def update(self, dt: float) -> bool:
        if not self.animating:
            return False
        self.elapsed = min(self.duration, self.elapsed + dt)
        self._show()
        return True

    def _show(self) -> None:
        if self.panel is not None:
            self.panel.show(self._cards(self._progress()))

    def skip(self) -> None:
        """Show the end of the change at once."""
        self.elapsed = self.duration
        self._show()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.animating:
            key = event.key if event.type == pygame.KEYDOWN else None
            if (key is not None and key not in MOVING_ON) or event.type == pygame.MOUSEBUTTONDOWN:
                self.skip()
                return True
        return super().handle_event(event)

    def back(self) -> bool:
        self._continue()
        return True

    def _continue(self) -> None:
        if self.run.finished:
            self.host.reset(*home(self.host), debrief_later(self.host, self.run))
        else:
            self.host.pop()
