"""What a decision visibly did to the team, measured from what the leader saw before and after.

The outcome screen shows the authored outcome text, and beside it these measurements: who
reacted (each member whose visible meters moved or who left), by how much, and a count per
meter ("Trust fell for 4 of 5"), so the words on the screen never hide what the numbers did.
Only what the leader can see counts: the hidden feelings of a member not yet known (an
estimate) stay hidden, and only their output, which everyone sees, is measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.sim.records import MemberView, TeamView

SHOWN = ("morale", "stress", "productivity", "trust")  # the meters a reaction lists
COUNTED = ("morale", "stress", "trust", "productivity")  # the order of the measured lines
THRESHOLD = 0.005  # below half a percent point a change does not show


@dataclass(frozen=True)
class Reaction:
    """One member's visible change: meter -> change, and whether they left or went away."""

    member: MemberView  # as the leader sees them now
    before: MemberView
    deltas: dict[str, float] = field(default_factory=dict)
    status_changed: bool = False

    @property
    def signs(self) -> dict[str, int]:
        """+1 or -1 per meter that moved."""
        return {k: (1 if v > 0 else -1) for k, v in self.deltas.items()}


@dataclass(frozen=True)
class Tally:
    """How many of the members measured saw a meter rise and fall."""

    metric: str
    rose: int
    fell: int
    total: int


def visible(member: MemberView, before: MemberView) -> tuple[str, ...]:
    """The meters whose change the leader can see: all of them once the member is known,
    only the output while one of the two views is an estimate."""
    if not (member.present and before.present):
        return ()
    if member.estimated or before.estimated:
        return ("productivity",)
    return SHOWN


def reactions(before: TeamView, after: TeamView) -> list[Reaction]:
    """Every member whose visible state changed, in team order."""
    was = {m.id: m for m in before.members}
    found = []
    for member in after.members:
        old = was.get(member.id)
        if old is None or member.status == "not_joined":
            continue
        deltas = {k: getattr(member, k) - getattr(old, k) for k in visible(member, old)}
        deltas = {k: v for k, v in deltas.items() if abs(v) >= THRESHOLD}
        moved = member.status != old.status
        if deltas or moved:
            found.append(Reaction(member, old, deltas, moved))
    return found


def tallies(before: TeamView, after: TeamView) -> list[Tally]:
    """Per meter, of the members whose change in it can be seen: how many rose, how many fell
    (meters that moved for nobody are left out)."""
    was = {m.id: m for m in before.members}
    pairs = [(m, was[m.id]) for m in after.members if m.id in was]
    out = []
    for metric in COUNTED:
        seen = [(m, old) for m, old in pairs if metric in visible(m, old)]
        changes = [getattr(m, metric) - getattr(old, metric) for m, old in seen]
        rose = sum(1 for c in changes if c >= THRESHOLD)
        fell = sum(1 for c in changes if c <= -THRESHOLD)
        if rose or fell:
            out.append(Tally(metric, rose, fell, len(seen)))
    return out


def stakeholder_tally(before: TeamView, after: TeamView) -> Tally | None:
    """How many stakeholders' trust in the leader rose and fell (None: it moved for none)."""
    was = {p.id: p for p in before.stakeholders}
    changes = [p.trust - was[p.id].trust for p in after.stakeholders if p.id in was]
    rose = sum(1 for c in changes if c >= THRESHOLD)
    fell = sum(1 for c in changes if c <= -THRESHOLD)
    return Tally("stakeholder_trust", rose, fell, len(changes)) if rose or fell else None


def good(metric: str, sign: int) -> bool:
    """Whether a change in this direction is good news (stress is the one that should fall)."""
    return sign < 0 if metric == "stress" else sign > 0


def unchanged(after: TeamView, moved: Sequence[Reaction]) -> list[MemberView]:
    """The members on the team now whose visible state did not change."""
    ids = {r.member.id for r in moved}
    return [m for m in after.members if m.status != "not_joined" and m.id not in ids]
