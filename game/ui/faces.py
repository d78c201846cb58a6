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
from game.ui.art.kit import ArtKit

if TYPE_CHECKING:
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
