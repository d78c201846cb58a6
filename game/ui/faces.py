"""Faces of the people on the screens: who they are (the same person every time), how they
look to the leader (mood and stress as seen, an estimate, gone) and one picture cache for the
whole window.

A `Face` is plain data, made from what the leader sees (`Session.view()`), so the screens can
say which faces they drew and in what state; `portrait` turns it into a cached picture. The
art kit is shared by every screen of the process (made on first use), so a face drawn on the
decision screen is not drawn again on the outcome screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game.content.look import Look, portrait_seed
from game.content.text import tr
from game.i18n.words import PERSON_GENDERS
from game.ui.art.kit import ArtKit
from game.ui.art.svg import for_display

if TYPE_CHECKING:
    from game.i18n import Strings
    from game.sim.records import MemberView
    from game.sim.session import Session
    from game.ui.theme import Theme

# a member's status -> how the face is drawn; every one but "present" is labelled
GONE = frozenset({"quit", "burnout", "decided"})
LABELLED = frozenset({"quit", "burnout", "decided", "away", "not_joined"})
PRESENTATION = {"female": "feminine", "male": "masculine"}

_kit: ArtKit | None = None


def art() -> ArtKit:
    """The window's art cache (portraits, icons), made on first use."""
    global _kit
    if _kit is None:
        _kit = ArtKit(portrait_cache=256)
    return _kit


@dataclass(frozen=True)
class Face:
    """One person's face as the leader sees it now."""

    member_id: str
    seed: str
    look: Look | None
    mood: float
    stress: float
    status: str = "present"  # see game/sim/world.py STATUS_NAMES
    estimated: bool = False

    @property
    def gone(self) -> bool:
        return self.status in GONE

    @property
    def state(self) -> str:
        """What the picture shows: "gone", "away", "not_joined", "estimate" or "seen"."""
        if self.gone:
            return "gone"
        if self.status in ("away", "not_joined"):
            return self.status
        return "estimate" if self.estimated else "seen"

    @property
    def label_key(self) -> str | None:
        """The string key of the label under a face that is not simply there."""
        return f"face.{self.status}" if self.status in LABELLED else None

    def at(self, mood: float, stress: float) -> Face:
        """The same face with other feelings (for meters moving between two values)."""
        return replace(self, mood=mood, stress=stress)


def look_of(session: Session, member_id: str) -> Look | None:
    """The author's portrait keys for a member, with the presentation taken from `gender`
    when the keys do not give one."""
    for member in session.bundle.team.members:
        if member.id == member_id:
            look = member.portrait
            presentation = PRESENTATION.get(member.gender or "")
            if presentation and (look is None or look.presentation is None):
                look = replace(look or Look(), presentation=presentation)
            return look
    return None


def face_of(session: Session, member: MemberView) -> Face:
    """The face of a member as `session.view()` shows them."""
    return Face(
        member_id=member.id,
        seed=portrait_seed(session.bundle.team.id, member.id),
        look=look_of(session, member.id),
        mood=float(member.morale),
        stress=float(member.stress),
        status=member.status,
        estimated=bool(member.estimated),
    )


def portrait(face: Face, size: int) -> pygame.Surface:
    """The face's picture, `size` pixels square (drawn once, then cached). Someone away or not
    yet on the team is drawn as an estimate: the leader cannot see how they are now."""
    unseen = face.estimated or face.status in ("away", "not_joined")
    return art().portrait(
        face.seed,
        face.look,
        face.mood,
        face.stress,
        estimated=unseen and not face.gone,
        gone=face.gone,
        size=max(8, size),
    )


def face_size(theme: Theme, lines: float = 3.0) -> int:
    """A portrait size that follows the window and the text size: `lines` lines of the card
    text, the name's line included."""
    small = theme.font(theme.font_px("#small")).get_linesize()
    name = theme.font(theme.font_px("#card"), bold=True).get_linesize()
    return max(24, round(name + small * (lines - 1)))


def icon(name: str, size: int, colour: pygame.Color | str) -> pygame.Surface:
    """A meter's, a principle's or an interface icon from the shared cache."""
    if isinstance(colour, pygame.Color):
        colour = f"#{colour.r:02x}{colour.g:02x}{colour.b:02x}"
    return art().icon(name, max(8, size), colour)


@dataclass(frozen=True)
class Tile:
    """A face with the person's name and an optional caption under it."""

    face: Face
    name: str
    caption: str = ""
    tone: str = "text_dim"  # the palette colour of the caption


def tile(
    session: Session, member: MemberView, strings: Strings, lang: str, end: bool = False
) -> Tile:
    """A member's face with their name and, for someone not simply there, what became of them
    (`end`: at the end of the game, when someone who has not joined never did)."""
    face = face_of(session, member)
    gender = PERSON_GENDERS.get(member.gender or "", "other")
    name = tr(member.name, lang)
    if end and member.status == "not_joined":
        return Tile(face, name, strings("face.never_joined", gender=gender))
    if face.label_key is None:
        return Tile(face, name)
    return Tile(face, name, strings(face.label_key, gender=gender), "bad" if face.gone else "warn")


def strip(theme: Theme, tiles: list[Tile], width: int, size: int) -> pygame.Surface:
    """Faces side by side in rows (as many as fit in `width`), each with its name and
    caption wrapped under it; the surface is as tall as its rows."""
    from game.charts.draw import wrap_text

    name_font = theme.font(theme.font_px("#small"), bold=True)
    font = theme.font(theme.font_px("#small"))
    gap = theme.px("small_gap")
    tile_w = max(size, round(size * 1.5))
    columns = max(1, (width + gap) // (tile_w + gap))
    tile_w = (
        max(tile_w, (width - gap * (columns - 1)) // columns) if len(tiles) >= columns else tile_w
    )
    laid = []
    for tile in tiles:
        lines = [(t, name_font, "text") for t in wrap_text(name_font, tile.name, tile_w)]
        if tile.caption:
            lines += [(t, font, tile.tone) for t in wrap_text(font, tile.caption, tile_w)]
        laid.append(lines)
    rows = [laid[i : i + columns] for i in range(0, len(laid), columns)]
    heights = [
        size + 4 + max(sum(f.get_linesize() for _, f, _ in ls) for ls in row) for row in rows
    ]
    surface = pygame.Surface(
        (max(1, width), max(1, sum(heights) + gap * (len(rows) - 1))), pygame.SRCALPHA
    )
    y = 0
    for r, row in enumerate(rows):
        for c, lines in enumerate(row):
            tile = tiles[r * columns + c]
            x = c * (tile_w + gap)
            surface.blit(portrait(tile.face, size), (x + (tile_w - size) // 2, y))
            ty = y + size + 4
            for text, f, tone in lines:
                image = f.render(text, True, theme.colour(tone))
                surface.blit(image, (x + (tile_w - image.get_width()) // 2, ty))
                ty += f.get_linesize()
        y += heights[r] + gap
    return for_display(surface)
