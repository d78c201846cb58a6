"""Turning a playthrough into lines of text for an 80-column terminal.

The terminal shows what the window shows: the scenario's title, the team's values, each
person's role and type, morale, stress, output and trust, the stakeholders, the leader's own
stress and energy, the open problems, and a countdown on a timed decision.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable
from typing import Any

from game.content import models as m
from game.content.text import tr
from game.i18n import Noun, Strings
from game.play.wording import Wording
from game.safe_text import visible
from game.sim.scoring import PARTS
from game.sim.session import ChoiceOption, Session, TeamView, TurnRecord

WIDTH = 78
BAR = 8
WARN_SECONDS = 10  # from here on the countdown warns that time is nearly up


def shown(text: Any, lang: str) -> str:
    """A text from a scenario, ready for a terminal: in `lang`, control characters escaped.

    Escaped before wrapping, so lines keep their width; a scenario can neither move the
    cursor nor ring the bell nor print over what the game shows.
    """
    return visible(tr(text, lang))  # plain texts only; scenario texts go through Renderer.t


GLUE = "\u00a0"  # textwrap never breaks a line at a no-break space
# a figure stays on the line of what it measures ("trust 45%", "20 minutes")
_FIGURE_BEFORE = re.compile(r" (?=[+-]?\d+%)")
_FIGURE_AFTER = re.compile(r"(?<![\w.,])(\d{1,4}) (?=\w)")


def wrap(text: str, indent: str = "", width: int = WIDTH, hang: str = "") -> list[str]:
    """`text` in lines of at most `width` characters, each starting with `indent` (and the
    lines that go on a paragraph with `hang` as well, e.g. under a list item's text); a
    figure is never parted from its label."""
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        glued = _FIGURE_BEFORE.sub(GLUE, paragraph.strip())
        glued = _FIGURE_AFTER.sub(lambda found: found.group(1) + GLUE, glued)
        wrapped = textwrap.wrap(
            glued, width=width, initial_indent=indent, subsequent_indent=indent + hang
        )
        lines += [line.replace(GLUE, " ") for line in wrapped] or [""]
    return lines


def bar(value: float, estimated: bool) -> str:
    filled = max(0, min(BAR, round(value * BAR)))
    fill = "▒" if estimated else "█"
    mark = "~" if estimated else " "
    return f"{fill * filled}{'·' * (BAR - filled)}{mark}{round(value * 100):3d}%"


def percent(value: float) -> int:
    return round(value * 100)


def clock(seconds: float, limit: float) -> str:
    """`0:59`, padded to the width of the limit's own clock so that a redraw keeps its place."""
    whole = max(0, math.ceil(seconds))
    text = f"{whole // 60}:{whole % 60:02d}"
    longest = round(limit)
    return text.rjust(len(f"{longest // 60}:{longest % 60:02d}"))


class Renderer:
    """Lays out what the player sees, in one language, for a terminal: the sentences are the
    game's own (`game.play.wording.Wording`, shared with the window), escaped before they are
    wrapped so that lines keep their width."""

    def __init__(self, session: Session, lang: str, timed: bool = False) -> None:
        self.session = session
        self.lang = lang
        self.timed = timed
        self.s = Strings(lang)
        self.words = Wording(session, lang, self.s)

    def t(self, text: Any) -> str:
        """A text of the scenario as the player reads it now, control characters escaped."""
        return visible(self.words.t(text))

    def name(self, member_id: str) -> Noun:
        """A member's name with its case forms and gender, control characters escaped."""
        noun = self.words.member_name(member_id)
        return Noun(visible(noun), {c: visible(f) for c, f in noun.forms.items()}, noun.gender)

    # --- before the first decision -----------------------------------------------------------

    def briefing(self) -> list[str]:
        """The scenario's title, the team, the situation and the team's values."""
        s, bundle = self.s, self.session.bundle
        scenario, team = bundle.scenario, bundle.team
        lines = ["═" * WIDTH, *wrap(self.t(scenario.title).upper())]
        lines += wrap(
            s(
                "text.briefing",
                team=self.t(team.name),
                setting=s(f"setting.{scenario.setting}"),
                minutes=scenario.minutes,
                count=len(team.members),
            )
        )
        lines.append("─" * WIDTH)
        if scenario.briefing:
            lines += [*wrap(self.t(scenario.briefing)), ""]
        if team.values:
            lines.append(s("text.values"))
            for value in team.values:
                said = value.text if isinstance(value, m.TeamValue) else value
                lines += wrap(f"• {self.t(said)}", "  ")
            lines.append("")
        lines.append(s("text.people"))
        for member in team.members:
            if member.id in scenario.newcomers:
                continue
            lines += wrap(f"• {self.name(member.id)}: {self.role(member)}", "  ")
        return lines

    def role(self, member: m.Member) -> str:
        return self.s(
            "text.role",
            role=self.t(member.role),
            archetype=self.s(f"archetype.{member.archetype}", name=self.name(member.id)),
        )

    # --- a decision ----------------------------------------------------------------------------

    def header(self) -> list[str]:
        s = self.session
        view = s.view()
        title = self.s(
            "text.header",
            title=self.t(s.scenario.title),
            turn=s.turn + 1,
            progress=percent(view.progress),
        )
        return ["═" * WIDTH, *wrap(title), *self.situation(view), "─" * WIDTH]

    def situation(self, view: TeamView) -> list[str]:
        """The leader's own state, the stakeholders and the problems still open."""
        s = self.s
        lines = wrap(
            s(
                "text.leader",
                stress=percent(view.leader_stress),
                energy=percent(view.leader_energy),
            )
        )
        for holder in view.stakeholders:
            who = self.t(holder.name)
            if holder.role is not None:
                who = s("text.stakeholder_role", name=who, role=self.t(holder.role))
            lines += wrap(
                s(
                    "text.stakeholder",
                    name=who,
                    trust=percent(holder.trust),
                    patience=percent(holder.patience),
                )
            )
        if view.problems:
            titles = [self.t(title) for title in view.problems]
            # titles are headings (capitalised): set apart, not run into a sentence with "and"
            lines += wrap(s("text.problems", problems=" · ".join(titles)), "", WIDTH)
        return lines

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
        members = {mb.id: mb for mb in self.session.bundle.team.members}
        any_estimate = False
        for shown_member in view.members:
            member = members[shown_member.id]
            label = f" {self.t(member.name)}"[:23]
            if shown_member.status == "not_joined":
                continue
            if not shown_member.present:
                status = s(f"text.status.{shown_member.status}", name=self.name(member.id))
                lines.append(f"{label:<24}{status}")
                continue
            any_estimate = any_estimate or shown_member.estimated
            cells = [
                bar(shown_member.morale, shown_member.estimated),
                bar(shown_member.stress, shown_member.estimated),
                bar(shown_member.productivity, False),
                bar(shown_member.trust, shown_member.estimated),
            ]
            lines.append(f"{label:<24}" + " ".join(c.ljust(13) for c in cells).rstrip())
            lines += wrap(self.role(member), indent="   ")
            if shown_member.private is not None:
                lines += wrap(s("text.private", text=self.t(shown_member.private)), indent="   ")
        if any_estimate:
            lines.append(s("text.estimate_note"))
        return lines

    def choices(self, options: Iterable[ChoiceOption]) -> list[str]:
        """The choices on offer, numbered 1..n as the player types them."""
        lines = [self.s("text.choices")]
        for number, option in enumerate(options, start=1):
            mark = f"{number}. "
            lines += wrap(mark + self.t(option.choice.text), hang=" " * len(mark))
        return lines

    def prompt(self, count: int, left: float | None = None, limit: float = 0.0) -> str:
        """The prompt line; on a timed decision it starts with the time left (`[0:42]`), the
        same width all the way down, and warns from `WARN_SECONDS` on."""
        if left is None:
            return self.s("text.prompt", count=count)
        warn = "yes" if left <= WARN_SECONDS else "no"
        return self.s("text.prompt_timed", count=count, clock=clock(left, limit), warn=warn)

    def hurry(self, left: float) -> str:
        """The warning given once, when the time left reaches `WARN_SECONDS`."""
        return self.s("text.hurry", seconds=max(0, round(left)))

    # --- after a decision ----------------------------------------------------------------------

    def outcome(self, record: TurnRecord, before: TeamView | None = None) -> list[str]:
        """What happened: the outcome text, the engine's messages, and what visibly changed
        (with `before`, the view before the decision, also the leader and the stakeholders)."""
        lines = ["", self.s("text.outcome")]
        if record.choice_index == 0:
            lines += wrap(self.s("msg.timeout"), indent="  ")
        if record.outcome is not None:
            lines += wrap(self.t(record.outcome), indent="  ")
        kinds = set()
        for kind, text in self.words.messages(record):
            kinds.add(kind)
            lines += wrap(visible(text), indent="  ")
        after = self.session.view()
        changes = self.changes(record, after)
        if before is not None:
            changes += self.changes_around(before, after)
        if not changes and "left" not in kinds:  # someone leaving is a visible change
            changes = wrap(self.s("text.no_changes"), "  ")
        return lines + changes

    def changes_around(self, before: TeamView, after: TeamView) -> list[str]:
        """How the leader's own stress and energy and each stakeholder's trust and patience
        moved with the decision, as the window's outcome shows them."""
        s = self.s
        lines: list[str] = []

        def moved(pairs: list[tuple[str, float, float]]) -> str:
            said = [
                s(f"text.change.{name}", change=f"{(new - old) * 100:+.0f}")
                for name, old, new in pairs
                if abs(new - old) >= 0.02
            ]
            return ", ".join(said)

        mine = moved(
            [
                ("stress", before.leader_stress, after.leader_stress),
                ("energy", before.leader_energy, after.leader_energy),
            ]
        )
        if mine:
            lines += wrap(s("text.changes", name=s("text.you"), changes=mine), "  ")
        was = {holder.id: holder for holder in before.stakeholders}
        for holder in after.stakeholders:
            old = was.get(holder.id)
            if old is None:
                continue
            theirs = moved(
                [("trust", old.trust, holder.trust), ("patience", old.patience, holder.patience)]
            )
            if theirs:
                lines += wrap(s("text.changes", name=self.t(holder.name), changes=theirs), "  ")
        return lines

    def changes(self, record: TurnRecord, after: TeamView) -> list[str]:
        """Each present member's visible change (none: an empty list)."""
        view = {mb.id: mb for mb in after.members}
        lines: list[str] = []
        for change in record.changes:
            if change.left or not view[change.member_id].present:
                continue
            # Hidden feelings stay hidden: only output is shown for members not yet revealed.
            names = (
                ["productivity"]
                if view[change.member_id].estimated
                else ["morale", "stress", "productivity", "trust"]
            )
            parts = [
                self.s(f"text.change.{name}", change=f"{getattr(change, name) * 100:+.0f}")
                for name in names
                if abs(getattr(change, name)) >= 0.02
            ]
            if parts:
                who = self.name(change.member_id)
                lines += wrap(self.s("text.changes", name=who, changes=", ".join(parts)), "  ")
        return lines

    # --- the ledger and the ending ---------------------------------------------------------------

    def history(self) -> list[str]:
        session = self.session
        if not session.history:
            return [self.s("text.history_empty")]
        lines = [self.s("text.history_title")]
        for record in session.history:
            lines += self.ledger_line(record)
        return lines

    def ledger_line(self, record: TurnRecord) -> list[str]:
        """A decision of the ledger with the principles it applied and violated."""
        words = self.words
        mark = " " * len(f"{record.turn + 1}. ")
        lines = wrap(visible(words.ledger_line(record)), "  ", hang=mark)
        for pid in record.applied:
            lines += wrap(self.s("principle.applied", name=words.principle(pid)), "      ")
        for pid in record.violated:
            lines += wrap(self.s("principle.violated", name=words.principle(pid)), "      ")
        return lines

    def ending(self) -> list[str]:
        session = self.session
        ending = session.ending
        assert ending is not None
        score = session.score()
        lines = ["", "═" * WIDTH, *wrap(self.s("text.ending", title=self.t(ending.title)))]
        lines += ["", *wrap(self.t(ending.debrief)), ""]
        lines.append(self.s("text.score", score=round(score.total)))
        weights = session.score_weights()
        for part in (p for p in PARTS if weights[p] > 0):
            label = self.s(f"score.{part}")
            lines.append(f"  {label:<28}{percent(getattr(score, part)):5d}%")
        lines += ["", self.s("text.ledger")]
        for record in session.history:
            lines += self.ledger_line(record)
        return lines
