"""Turning a playthrough into lines of text for an 80-column terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from game.content.principles import PRINCIPLES
from game.content.text import tr
from game.i18n import Strings
from game.safe_text import visible
from game.sim.scoring import PARTS
from game.sim.session import ChoiceOption, Session, TeamView, TurnRecord

WIDTH = 78
BAR = 8


def shown(text: Any, lang: str) -> str:
    """A text from a scenario, ready for a terminal: in `lang`, control characters escaped.

    Escaped before wrapping, so lines keep their width; a scenario can neither move the
    cursor nor ring the bell nor print over what the game shows.
    """
    return visible(tr(text, lang))  # plain texts only; scenario texts go through Renderer.t


def wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines += textwrap.wrap(
            paragraph.strip(), width=width, initial_indent=indent, subsequent_indent=indent
        ) or [""]
    return lines


def bar(value: float, estimated: bool) -> str:
    filled = max(0, min(BAR, round(value * BAR)))
    fill = "▒" if estimated else "█"
    mark = "~" if estimated else " "
    return f"{fill * filled}{'·' * (BAR - filled)}{mark}{round(value * 100):3d}%"


class Renderer:
    """Formats what the player sees, in one language."""

    def __init__(self, session: Session, lang: str, timed: bool = False) -> None:
        self.session = session
        self.lang = lang
        self.timed = timed
        self.s = Strings(lang)

    def t(self, text: Any) -> str:
        """A text of the scenario as the player reads it now, control characters escaped."""
        return visible(self.session.text(text, self.lang))

    def header(self) -> list[str]:
        s = self.session
        view = s.view()
        title = self.s(
            "text.header",
            title=self.t(s.scenario.title),
            turn=s.turn + 1,
            progress=f"{round(view.progress * 100)}%",
        )
        return ["═" * WIDTH, *wrap(title), "─" * WIDTH]

    def event(self) -> list[str]:
        event = self.session.event
        assert event is not None
        lines: list[str] = []
        if event.title:
            lines += [self.t(event.title).upper(), ""]
        lines += wrap(self.t(event.text))
        limit = self.session.time_limit
        if limit:
            key = "text.time_limit" if self.timed else "text.time_limit_untimed"
            lines += ["", *wrap(self.s(key, seconds=limit))]
        return lines

    def team(self, view: TeamView) -> list[str]:
        s = self.s
        head = (
            f"{s('text.team'):<24}{s('metric.morale'):<14}{s('metric.stress'):<14}"
            f"{s('metric.productivity'):<14}{s('metric.trust')}"
        )
        lines = [head[:WIDTH]]
        any_estimate = False
        for member in view.members:
            label = f" {self.t(member.name)}"[:23]
            if not member.present:
                lines.append(f"{label:<24}{s('text.left_team')}")
                continue
            any_estimate = any_estimate or member.estimated
            cells = [
                bar(member.morale, member.estimated),
                bar(member.stress, member.estimated),
                bar(member.productivity, False),
                bar(member.trust, member.estimated),
            ]
            lines.append(f"{label:<24}" + " ".join(c.ljust(13) for c in cells).rstrip())
            if member.private is not None:
                lines += wrap(s("text.private", text=self.t(member.private)), indent="   ")
        if any_estimate:
            lines.append(s("text.estimate_note"))
        return lines

    def choices(self, options: Iterable[ChoiceOption]) -> list[str]:
        """The choices on offer, numbered 1..n as the player types them."""
        lines = [self.s("text.choices")]
        for number, option in enumerate(options, start=1):
            lines += wrap(f"{number}. {self.t(option.choice.text)}", width=WIDTH)
        return lines

    def outcome(self, record: TurnRecord) -> list[str]:
        lines = ["", self.s("text.outcome") + ":"]
        if record.choice_index == 0:
            lines += wrap(self.s("msg.timeout"), indent="  ")
        if record.outcome is not None:
            lines += wrap(self.t(record.outcome), indent="  ")
        for kind, payload in record.messages:
            text = self.message(kind, payload)
            if text:
                lines += wrap(text, indent="  ")
        lines += self.changes(record)
        return lines

    def member_name(self, member_id: str) -> str:
        for member in self.session.bundle.team.members:
            if member.id == member_id:
                return self.t(member.name)
        return member_id

    def message(self, kind: str, payload: Any) -> str:
        if kind == "later":
            return self.t(payload)
        if kind == "left":
            return self.s("msg.left", name=self.member_name(payload))
        if kind == "milestone":
            reached, name = payload
            label = self.t(name) if name else self.s("msg.milestone_default")
            return self.s(
                "msg.milestone_reached" if reached else "msg.milestone_missed", name=label
            )
        if kind == "reveal":
            names = ", ".join(self.member_name(m) for m in payload)
            return self.s("msg.revealed", names=names)
        return ""

    def changes(self, record: TurnRecord) -> list[str]:
        view = {m.id: m for m in self.session.view().members}
        lines: list[str] = []
        for change in record.changes:
            if change.left or not view[change.member_id].present:
                continue
            # Hidden feelings stay hidden: only output is shown for members not yet revealed.
            shown = (
                ["productivity"]
                if view[change.member_id].estimated
                else [
                    "morale",
                    "stress",
                    "productivity",
                    "trust",
                ]
            )
            parts = [
                f"{self.s('metric.' + name)} {getattr(change, name) * 100:+.0f}"
                for name in shown
                if abs(getattr(change, name)) >= 0.02
            ]
            if parts:
                name = self.member_name(change.member_id)
                lines += wrap(self.s("text.changes", name=name, changes=", ".join(parts)), "  ")
        return lines or wrap(self.s("text.no_changes"), "  ")

    def history(self) -> list[str]:
        session = self.session
        if not session.history:
            return [self.s("text.history_empty")]
        lines = [self.s("text.history_title") + ":"]
        for record in session.history:
            lines += self.ledger_line(record)
        return lines

    def ledger_line(self, record: TurnRecord) -> list[str]:
        program = self.session.program
        event = program.events[program.event_index[record.event_id]].model
        if record.choice_index:
            choice = self.t(event.choices[record.choice_index - 1].text)
        else:
            choice = self.s("text.timed_out")
        title = self.t(event.title) if event.title else event.id
        lines = wrap(
            self.s("text.ledger_line", turn=record.turn + 1, event=title, choice=choice), "  "
        )
        for pid in record.applied:
            lines += wrap(f"+ {self.principle(pid)} ({self.s('principle.applied')})", "      ")
        for pid in record.violated:
            lines += wrap(f"- {self.principle(pid)} ({self.s('principle.violated')})", "      ")
        return lines

    def principle(self, pid: str) -> str:
        info = PRINCIPLES.get(pid)
        return info.name.get(self.lang, info.name["en"]) if info else pid

    def ending(self) -> list[str]:
        session = self.session
        ending = session.ending
        assert ending is not None
        score = session.score()
        lines = ["", "═" * WIDTH, *wrap(self.s("text.ending", title=self.t(ending.title)))]
        lines += ["", *wrap(self.t(ending.debrief)), ""]
        lines.append(self.s("text.score", score=f"{score.total:.0f}"))
        weights = session.score_weights()
        for part in (p for p in PARTS if weights[p] > 0):
            lines.append(f"  {self.s('score.' + part):<28}{getattr(score, part) * 100:5.0f}%")
        lines += ["", self.s("text.ledger") + ":"]
        for record in session.history:
            lines += self.ledger_line(record)
        return lines
