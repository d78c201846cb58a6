"""Member cards: a face, name, role, archetype and morale / stress / output meters, as one
picture.

Estimates (values the leader has not yet learned) are drawn striped with a "~" before the
number; measured values are solid. Each meter has its icon beside its label; a change is
shown by an arrow, a sign and a colour together (never colour alone). Text is wrapped to the
card's width, so nothing is cut. The leader (stress, energy) and each stakeholder (trust,
patience) get a card of plain meters next to the team's (`side_cards`), marked by an icon.
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
from game.i18n.words import PERSON_GENDERS
from game.sim.session import MemberView, TeamView
from game.ui.art.svg import for_display
from game.ui.faces import Face, face_size, icon, portrait
from game.ui.theme import Theme

METRICS = ("morale", "stress", "productivity")
LEADER_METRICS = ("stress", "energy")
STAKEHOLDER_METRICS = ("trust", "patience")
ALL_METRICS = (*METRICS, "trust", "energy", "patience")
LEADER_BADGE = "progress"  # the leader's card: the flag of the one who leads
STAKEHOLDER_BADGE = "stakeholder_trust"
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
    face: Face | None = None
    badge: str | None = None  # an icon name in place of a face (the leader, stakeholders)
    status: str = "present"
    gender: str = "other"  # grammatical gender of the person, for the status label


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
        self.icon_px = max(10, self.small_font.get_height() - 2)

    def value_text(self, data: CardData, metric: str) -> str:
        value = round(data.values.get(metric, 0.0) * 100)
        key = "meter.estimate" if data.estimated and metric != "productivity" else "meter.value"
        text = self.s(key, value=value)
        delta = round(data.deltas.get(metric, 0.0) * 100)
        if delta:
            text = self.s("meter.with_delta", value=text, delta=f"{delta:+d}")
        return text

    def picture_px(self, data: CardData, width: int) -> int:
        """The side of the face (or badge) at the card's top left; 0 when it has none."""
        if data.face is not None and self.compact:
            # beside the name and the meters: as tall as they are, but leaving the meters room
            row = max(self.small_font.get_linesize(), self.bar_height) + self.row_gap
            tall = self.name_font.get_linesize() + self.row_gap + len(data.metrics) * row
            return max(24, min(tall, width // 6))
        if data.face is not None:
            return face_size(self.theme, 3.0)
        if data.badge is not None:
            return self.name_font.get_linesize()
        return 0

    def _beside(self, data: CardData) -> bool:
        """Compact cards put the meters right of the face rather than under it."""
        return self.compact and data.face is not None and data.present

    def _meter_left(self, data: CardData, width: int) -> int:
        return self._text_left(data, width) if self._beside(data) else self.pad

    def _text_left(self, data: CardData, width: int) -> int:
        picture = self.picture_px(data, width)
        return self.pad + (picture + self.pad if picture else 0)

    def _text_lines(self, data: CardData, width: int) -> list[tuple[str, pygame.font.Font, str]]:
        inner = max(10, width - self._text_left(data, width) - self.pad)
        lines = [(t, self.name_font, "text") for t in wrap(self.name_font, data.name, inner)]
        if not self.compact and (data.role or data.archetype):
            about = data.role
            if data.archetype:
                about = self.s("card.role", role=data.role, archetype=data.archetype)
            lines += [(t, self.small_font, "text_dim") for t in wrap(self.small_font, about, inner)]
        label = data.face.label_key if data.face is not None else None
        if data.status in ("away", "not_joined") or (label and not data.present):
            text = self.s(label or f"face.{data.status}", gender=data.gender)
            tone = "bad" if data.status not in ("away", "not_joined") else "warn"
            lines += [(t, self.small_font, tone) for t in wrap(self.small_font, text, inner)]
        elif not data.present:
            left = self.s("card.left")
            lines += [(t, self.small_font, "bad") for t in wrap(self.small_font, left, inner)]
        elif data.private:
            note = self.s("card.private", text=data.private)
            lines += [(t, self.small_font, "accent") for t in wrap(self.small_font, note, inner)]
        return lines

    def _label_width(self) -> int:
        """Room for the widest meter label with its icon."""
        widest = max(self.small_font.size(t)[0] for t in self.labels.values())
        return self.icon_px + 4 + widest

    def _stacked(self, width: int) -> bool:
        """Narrow cards put each meter's label above its bar (`width`: the meters' room and
        a padding on each side)."""
        label_width = self._label_width()
        value_width = self.small_font.size(self.s("meter.sample"))[0] + self.icon_px
        return (
            width - 2 * self.pad - label_width - value_width - 16
            < self.theme.px("meter_height") * 5
        )

    def height(self, data: CardData, width: int) -> int:
        lines = self._text_lines(data, width)
        text = sum(font.get_linesize() for _, font, _ in lines)
        meters = 0
        if data.present:
            row = max(self.small_font.get_linesize(), self.bar_height)
            if self._stacked(width - self._meter_left(data, width) + self.pad):
                row = self.small_font.get_linesize() + self.bar_height
            meters = self.row_gap + len(data.metrics) * (row + self.row_gap)
        if self._beside(data):
            return self.pad * 2 + max(text + meters, self.picture_px(data, width))
        return self.pad * 2 + max(text, self.picture_px(data, width)) + meters

    def paint(self, data: CardData, width: int, height: int = 0) -> pygame.Surface:
        """The card; `height` (at least its own) makes cards of one row equally tall."""
        height = max(height, self.height(data, width))
        surface = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
        theme = self.theme
        pygame.draw.rect(surface, theme.colour("card"), surface.get_rect(), border_radius=8)
        pygame.draw.rect(surface, theme.colour("panel_border"), surface.get_rect(), 1, 8)
        x, y = self._text_left(data, width), self.pad
        for text, font, colour in self._text_lines(data, width):
            surface.blit(font.render(text, True, theme.colour(colour)), (x, y))
            y += font.get_linesize()
        picture = self.picture_px(data, width)
        if data.face is not None:
            surface.blit(portrait(data.face, picture), (self.pad, self.pad))
        elif data.badge is not None:
            surface.blit(icon(data.badge, picture, theme.colour("accent")), (self.pad, self.pad))
        if not self._beside(data):
            y = max(y, self.pad + picture)
        if data.present:
            y += self.row_gap
            for metric in data.metrics:
                y = self._meter(surface, data, metric, y, width) + self.row_gap
        return for_display(surface)

    def _meter(
        self, surface: pygame.Surface, data: CardData, metric: str, y: int, width: int
    ) -> int:
        font = self.small_font
        label = self.labels[metric]
        value = self.value_text(data, metric)
        line = font.get_linesize()
        value_image = font.render(value, True, self._value_colour(data, metric))
        left, right = self._meter_left(data, width), width - self.pad
        if self._stacked(width - left + self.pad):
            self._label(surface, metric, label, left, y)
            surface.blit(value_image, (right - value_image.get_width(), y))
            self._arrow(surface, data, metric, right - value_image.get_width(), y)
            bar = pygame.Rect(left, y + line, right - left, self.bar_height)
            bottom = bar.bottom
        else:
            label_width = self._label_width()
            value_width = font.size(self.s("meter.sample"))[0] + self.icon_px
            row = max(line, self.bar_height)
            self._label(surface, metric, label, left, y + (row - line) // 2)
            surface.blit(value_image, (right - value_image.get_width(), y + (row - line) // 2))
            self._arrow(
                surface, data, metric, right - value_image.get_width(), y + (row - line) // 2
            )
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

    def _label(self, surface: pygame.Surface, metric: str, label: str, x: int, y: int) -> None:
        """A meter's icon and name."""
        colour = self.theme.colour("text_dim")
        line = self.small_font.get_linesize()
        picture = icon(metric, self.icon_px, colour)
        surface.blit(picture, (x, y + (line - self.icon_px) // 2))
        surface.blit(self.small_font.render(label, True, colour), (x + self.icon_px + 4, y))

    def _arrow(
        self, surface: pygame.Surface, data: CardData, metric: str, right: int, y: int
    ) -> None:
        """An arrow up or down left of a changed value: the direction without the colour."""
        delta = data.deltas.get(metric, 0.0)
        if abs(delta) < 0.005:
            return
        line = self.small_font.get_linesize()
        side = max(6, round(self.icon_px * 0.7))
        x1, x2 = right - 4 - side, right - 4
        top, bottom = y + (line - side) // 2, y + (line + side) // 2
        mid = (x1 + x2) / 2
        points = (
            [(x1, bottom), (x2, bottom), (mid, top)]
            if delta > 0
            else [(x1, top), (x2, top), (mid, bottom)]
        )
        pygame.draw.polygon(surface, self._value_colour(data, metric), points)

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
    face: Face | None = None,
    metrics: tuple[str, ...] = METRICS,
) -> CardData:
    """A card from what the leader sees of a member (with optional animated values and
    changes, and the member's face)."""
    info = ARCHETYPES.get(member.archetype)
    archetype = info.name.get(lang, info.name["en"]) if info else member.archetype
    return CardData(
        name=tr(member.name, lang),
        role=tr(member.role, lang),
        archetype=archetype,
        present=member.present,
        estimated=member.estimated,
        values=values or {k: float(getattr(member, k)) for k in metrics},
        deltas=deltas or {},
        private=tr(member.private, lang) if member.private else None,
        metrics=metrics,
        face=face,
        status=member.status,
        gender=PERSON_GENDERS.get(member.gender or "", "other"),
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
    cards = [_plain(strings("run.leader"), "", leader, old, LEADER_METRICS, share, LEADER_BADGE)]
    was = {person.id: person for person in before.stakeholders} if before else {}
    for person in view.stakeholders:
        now = {"trust": person.trust, "patience": person.patience}
        prev = was.get(person.id)
        then = {"trust": prev.trust, "patience": prev.patience} if prev is not None else now
        role = text(person.role) if person.role is not None else ""
        cards.append(
            _plain(
                text(person.name), role, now, then, STAKEHOLDER_METRICS, share, STAKEHOLDER_BADGE
            )
        )
    return cards


def _plain(
    name: str,
    role: str,
    now: Mapping[str, float],
    then: Mapping[str, float],
    metrics: tuple[str, ...],
    share: float,
    badge: str,
) -> CardData:
    deltas = {k: now[k] - then[k] for k in metrics if abs(now[k] - then[k]) >= 0.005}
    values = {k: now[k] - deltas.get(k, 0.0) * (1 - share) for k in metrics}
    return CardData(name, role, "", True, False, values, deltas, metrics=metrics, badge=badge)
