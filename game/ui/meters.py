"""Member cards: name, role, archetype and morale / stress / output meters, as one picture.

Estimates (values the leader has not yet learned) are drawn striped with a "~" before the
number; measured values are solid. Text is wrapped to the card's width, so nothing is cut.
The leader (stress, energy) and each stakeholder (trust, patience) get a card of plain meters
next to the team's (`side_cards`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.charts.draw import stripes
from game.charts.draw import wrap_text as wrap
from game.content.principles import ARCHETYPES
from game.content.text import tr
from game.i18n import Strings
from game.sim.session import MemberView, TeamView
from game.ui.theme import Theme

METRICS = ("morale", "stress", "productivity")
LEADER_METRICS = ("stress", "energy")
STAKEHOLDER_METRICS = ("trust", "patience")
ALL_METRICS = (*METRICS, "trust", "energy", "patience")
# the palette colour of a meter that has none of its own
COLOURS = {"energy": "progress", "patience": "morale"}


@dataclass(frozen=True)
class CardData:
    name: str
    role: str
    archetype: str
    present: bool
    estimated: bool
    values: dict[str, float]
    deltas: dict[str, float] = field(default_factory=dict)
    private: str | None = None
    metrics: tuple[str, ...] = METRICS


class CardPainter:
    """Draws member cards in the theme's fonts and colours."""

    def __init__(self, theme: Theme, strings: Strings) -> None:
        self.theme = theme
        self.s = strings
        self.name_font = theme.font(theme.font_px("#card"), bold=True)
        self.small_font = theme.font(theme.font_px("#small"))
        self.pad = theme.px("card_padding")
        self.bar_height = theme.px("meter_height")
        self.row_gap = theme.px("meter_row_gap")
        self.labels = {m: strings(f"metric.{m}") for m in ALL_METRICS}
        self.compact = False  # leave out the role line (the decision screen's side panel)

    def value_text(self, data: CardData, metric: str) -> str:
        value = round(data.values.get(metric, 0.0) * 100)
        key = "meter.estimate" if data.estimated and metric != "productivity" else "meter.value"
        text = self.s(key, value=value)
        delta = round(data.deltas.get(metric, 0.0) * 100)
        if delta:
            text = self.s("meter.with_delta", value=text, delta=f"{delta:+d}")
        return text

    def _text_lines(self, data: CardData, width: int) -> list[tuple[str, pygame.font.Font, str]]:
        inner = max(10, width - 2 * self.pad)
        lines = [(t, self.name_font, "text") for t in wrap(self.name_font, data.name, inner)]
        if not self.compact and (data.role or data.archetype):
            about = data.role
            if data.archetype:
                about = self.s("card.role", role=data.role, archetype=data.archetype)
            lines += [(t, self.small_font, "text_dim") for t in wrap(self.small_font, about, inner)]
        if not data.present:
            left = self.s("card.left")
            lines += [(t, self.small_font, "bad") for t in wrap(self.small_font, left, inner)]
        elif data.private:
            note = self.s("card.private", text=data.private)
            lines += [(t, self.small_font, "accent") for t in wrap(self.small_font, note, inner)]
        return lines

    def _stacked(self, width: int) -> bool:
        """Narrow cards put each meter's label above its bar."""
        label_width = max(self.small_font.size(t)[0] for t in self.labels.values())
        value_width = self.small_font.size(self.s("meter.sample"))[0]
        return (
            width - 2 * self.pad - label_width - value_width - 16
            < self.theme.px("meter_height") * 5
        )

    def height(self, data: CardData, width: int) -> int:
        lines = self._text_lines(data, width)
        total = self.pad * 2 + sum(font.get_linesize() for _, font, _ in lines)
        if data.present:
            row = max(self.small_font.get_linesize(), self.bar_height)
            if self._stacked(width):
                row = self.small_font.get_linesize() + self.bar_height
            total += self.row_gap + len(data.metrics) * (row + self.row_gap)
        return total

    def paint(self, data: CardData, width: int, height: int = 0) -> pygame.Surface:
        """The card; `height` (at least its own) makes cards of one row equally tall."""
        height = max(height, self.height(data, width))
        surface = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
        theme = self.theme
        pygame.draw.rect(surface, theme.colour("card"), surface.get_rect(), border_radius=8)
        pygame.draw.rect(surface, theme.colour("panel_border"), surface.get_rect(), 1, 8)
        y = self.pad
        for text, font, colour in self._text_lines(data, width):
            surface.blit(font.render(text, True, theme.colour(colour)), (self.pad, y))
            y += font.get_linesize()
        if data.present:
            y += self.row_gap
            for metric in data.metrics:
                y = self._meter(surface, data, metric, y, width) + self.row_gap
        return surface

    def _meter(
        self, surface: pygame.Surface, data: CardData, metric: str, y: int, width: int
    ) -> int:
        theme, font = self.theme, self.small_font
        label = self.labels[metric]
        value = self.value_text(data, metric)
        line = font.get_linesize()
        value_image = font.render(value, True, self._value_colour(data, metric))
        left, right = self.pad, width - self.pad
        if self._stacked(width):
            surface.blit(font.render(label, True, theme.colour("text_dim")), (left, y))
            surface.blit(value_image, (right - value_image.get_width(), y))
            bar = pygame.Rect(left, y + line, right - left, self.bar_height)
            bottom = bar.bottom
        else:
            label_width = max(font.size(t)[0] for t in self.labels.values())
            value_width = font.size(self.s("meter.sample"))[0]
            row = max(line, self.bar_height)
            surface.blit(
                font.render(label, True, theme.colour("text_dim")), (left, y + (row - line) // 2)
            )
            surface.blit(value_image, (right - value_image.get_width(), y + (row - line) // 2))
            bar_x = left + label_width + 8
            bar = pygame.Rect(
                bar_x,
                y + (row - self.bar_height) // 2,
                max(4, right - value_width - 8 - bar_x),
                self.bar_height,
            )
            bottom = y + row
        self.bar(
            surface,
            bar,
            data.values.get(metric, 0.0),
            metric,
            data.estimated and metric != "productivity",
        )
        return bottom

    def _value_colour(self, data: CardData, metric: str) -> pygame.Color:
        delta = data.deltas.get(metric, 0.0)
        if abs(delta) < 0.005:
            return self.theme.colour("text")
        good = delta < 0 if metric == "stress" else delta > 0
        return self.theme.colour("good" if good else "bad")

    def bar(
        self, surface: pygame.Surface, rect: pygame.Rect, value: float, metric: str, estimated: bool
    ) -> None:
        """One meter: a track and a fill; estimates are striped and a little transparent."""
        theme = self.theme
        pygame.draw.rect(surface, theme.colour("meter_track"), rect, border_radius=3)
        fill = rect.copy()
        fill.width = round(rect.width * max(0.0, min(1.0, value)))
        if fill.width <= 0:
            return
        colour = theme.colour(COLOURS.get(metric, metric))
        if estimated:
            faded = pygame.Color(colour)
            faded.a = 150
            layer = pygame.Surface(fill.size, pygame.SRCALPHA)
            pygame.draw.rect(layer, faded, layer.get_rect(), border_radius=3)
            stripes(
                layer,
                layer.get_rect(),
                theme.colour("estimate_stripe"),
                theme.px("stripe_period"),
                max(1, self.bar_height // 5),
            )
            surface.blit(layer, fill.topleft)
        else:
            pygame.draw.rect(surface, colour, fill, border_radius=3)


def card_data(
    member: MemberView,
    lang: str,
    strings: Strings,
    deltas: dict[str, float] | None = None,
    values: dict[str, float] | None = None,
) -> CardData:
    """A card from what the leader sees of a member (with optional animated values and
    changes)."""
    info = ARCHETYPES.get(member.archetype)
    archetype = info.name.get(lang, info.name["en"]) if info else member.archetype
    return CardData(
        name=tr(member.name, lang),
        role=tr(member.role, lang),
        archetype=archetype,
        present=member.present,
        estimated=member.estimated,
        values=values or {k: float(getattr(member, k)) for k in METRICS},
        deltas=deltas or {},
        private=tr(member.private, lang) if member.private else None,
    )


def side_cards(
    view: TeamView,
    text: Callable[[Any], str],
    strings: Strings,
    before: TeamView | None = None,
    share: float = 1.0,
) -> list[CardData]:
    """The leader's card (stress, energy) and a card per stakeholder (trust, patience), read
    with `text` (the session's); with `before`, the changes since, shown `share` of the way."""
    leader = {"stress": view.leader_stress, "energy": view.leader_energy}
    old = {"stress": before.leader_stress, "energy": before.leader_energy} if before else leader
    cards = [_plain(strings("run.leader"), "", leader, old, LEADER_METRICS, share)]
    was = {person.id: person for person in before.stakeholders} if before else {}
    for person in view.stakeholders:
        now = {"trust": person.trust, "patience": person.patience}
        prev = was.get(person.id)
        then = {"trust": prev.trust, "patience": prev.patience} if prev is not None else now
        role = text(person.role) if person.role is not None else ""
        cards.append(_plain(text(person.name), role, now, then, STAKEHOLDER_METRICS, share))
    return cards


def _plain(
    name: str,
    role: str,
    now: Mapping[str, float],
    then: Mapping[str, float],
    metrics: tuple[str, ...],
    share: float,
) -> CardData:
    deltas = {k: now[k] - then[k] for k in metrics if abs(now[k] - then[k]) >= 0.005}
    values = {k: now[k] - deltas.get(k, 0.0) * (1 - share) for k in metrics}
    return CardData(name, role, "", True, False, values, deltas, metrics=metrics)
