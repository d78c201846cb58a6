"""What a game says to the player, worded once for the terminal and the window.

`Wording` turns the engine's records into sentences in one language: the messages of a turn
(who left, joined, came back; milestones; what a talk revealed; what landed later), the
choice a decision took, a line of the principle ledger, a principle's name and meaning, the
principles met (applied and violated, counted apart). Scenario texts are read through
`Session.text`, so their conditional parts and `{member}` names follow the game; names in
interface strings bring their case forms (`game.i18n.person`). The words are plain text: a
terminal escapes control characters, the window escapes markup.
"""

from __future__ import annotations

from typing import Any

from game.content import models as m
from game.content.principles import PRINCIPLES
from game.i18n import Noun, Strings, person
from game.sim.session import Session, TurnRecord

# engine message kind -> interface string; the payload is a member id
_MEMBER_MESSAGES = {
    "left": "msg.left",
    "joined": "msg.joined",
    "away": "msg.away",
    "back": "msg.back",
}


class Wording:
    """The words of one game in one language."""

    def __init__(self, session: Session, lang: str, strings: Strings | None = None) -> None:
        self.session = session
        self.lang = lang
        self.s = strings or Strings(lang)

    def t(self, value: Any) -> str:
        """A scenario text as the player reads it now."""
        return self.session.text(value, self.lang)

    def member_name(self, member_id: str) -> Noun:
        """A member's name with its case forms (the id for someone not on the team)."""
        for member in self.session.bundle.team.members:
            if member.id == member_id:
                return person(member, self.lang)
        return Noun(member_id)

    def message(self, kind: str, payload: Any) -> str:
        """One message of a turn in words ("" for a kind the player is not told about)."""
        if kind == "later":
            return self.t(payload)
        if kind in _MEMBER_MESSAGES:
            return self.s(_MEMBER_MESSAGES[kind], name=self.member_name(payload))
        if kind == "milestone":
            reached, name = payload
            if not name:  # an unnamed milestone is said without a placeholder for its name
                return self.s(
                    "msg.milestone_reached_unnamed" if reached else "msg.milestone_missed_unnamed"
                )
            key = "msg.milestone_reached" if reached else "msg.milestone_missed"
            return self.s(key, name=self.t(name))
        if kind == "reveal":
            return self.s("msg.revealed", names=[self.member_name(m) for m in payload])
        return ""

    def messages(self, record: TurnRecord) -> list[tuple[str, str]]:
        """(kind, words) for each message of a turn the player is told about."""
        said = [(kind, self.message(kind, payload)) for kind, payload in record.messages]
        return [(kind, text) for kind, text in said if text]

    def event(self, record: TurnRecord) -> m.Event:
        program = self.session.program
        return program.events[program.event_index[record.event_id]].model

    def event_title(self, event: m.Event) -> str:
        return self.t(event.title) if event.title else event.id

    def taken(self, record: TurnRecord) -> str:
        """What the player did at a decision: the choice's text, or that the time ran out."""
        if not record.choice_index:
            return self.s("text.timed_out")
        return self.t(self.event(record).choices[record.choice_index - 1].text)

    def ledger_line(self, record: TurnRecord) -> str:
        """`Decision 2 · The last two days: One goal ...`"""
        title = self.event_title(self.event(record))
        return self.s(
            "text.ledger_line", turn=record.turn + 1, event=title, choice=self.taken(record)
        )

    def principle(self, pid: str) -> Noun:
        return self.s.principle(pid)

    def explain(self, pid: str) -> str:
        info = PRINCIPLES.get(pid)
        return info.explain.get(self.lang, info.explain["en"]) if info else ""

    def counts(self) -> list[tuple[str, int, int]]:
        """(principle name, times applied, times violated) for each principle met, the most
        met first: counted apart, never netted (applying it later does not undo a breach)."""
        met = self.session.principle_counts()
        order = sorted(met.items(), key=lambda item: (-(item[1][0] + item[1][1]), item[0]))
        return [(self.principle(pid), applied, violated) for pid, (applied, violated) in order]
