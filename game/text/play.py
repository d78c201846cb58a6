"""Playing a scenario in the terminal: by prompt, by a script of choices, or by a policy.

The game itself (autosave, live reload, the leaderboard) is a `game.play.run.GameRun`; this
module asks the player, prints what happens and hands the decisions to the run.
"""

from __future__ import annotations

import math
import os
import re
import select
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from game.content.watch import Broken, Reloaded, Watcher
from game.play.run import GameRun
from game.safe_text import visible
from game.sim.policies import choose
from game.sim.session import InvalidChoice, Session, TurnRecord
from game.text.debrief import principle_chart
from game.text.render import WARN_SECONDS, Renderer, wrap

QUIT, EOF = "quit", "eof"
SAVE_CURSOR, RESTORE_CURSOR = "\x1b7", "\x1b8"  # DEC save / restore cursor


@dataclass
class Decider:
    """Where decisions come from: scripted first, then a policy, then the prompt."""

    script: list[str | int | None] = field(default_factory=list)
    policy: str | None = None
    interactive: bool = True


@dataclass
class TextGame:
    game_run: GameRun
    out: TextIO
    inp: TextIO
    quiet: bool = False
    watcher: Watcher | None = None
    timed: bool = True  # enforce decision time limits where the input allows it
    # the reader that already asked something before the game (it may hold read-ahead input)
    lines: LineReader | None = None
    after_turn: Callable[[], None] | None = None  # told after each decision

    def __post_init__(self) -> None:
        self.lang = self.game_run.lang
        self.reader = self.lines or LineReader(self.inp, self.watcher)
        self.reader.watcher = self.watcher
        self.view = Renderer(self.session, self.lang, self._timed())

    @property
    def session(self) -> Session:
        """The game as it stands (live reload may replace it)."""
        return self.game_run.session

    def _timed(self) -> bool:
        """Time limits are enforced when asked for and when the input can be waited on."""
        return self.timed and self.reader.can_time

    def say(self, lines: list[str]) -> None:
        """Print lines; control characters in them are shown escaped, never acted on."""
        if not self.quiet:
            self.out.write("\n".join(visible(line) for line in lines) + "\n")
            self.out.flush()

    def run(self, decider: Decider) -> str | None:
        """Play until an ending; returns None when finished, QUIT or EOF when stopped early."""
        script = list(decider.script)
        if not self.session.history:
            self.say(["", *self.view.briefing()])
        while not self.session.finished:
            s = self.session
            before = s.view()
            self.say(["", *self.view.header(), *self.view.event(), ""])
            self.say([*self.view.team(before), "", *self.view.choices(s.choices())])
            if script:
                record = self._scripted(script.pop(0))
            elif decider.policy:
                picked = choose(decider.policy, s)
                shown = [o.id for o in s.choices()].index(picked) + 1 if picked else 0
                self.say([self.view.s("text.policy", policy=decider.policy, number=shown)])
                record = self.game_run.take(picked)
            elif decider.interactive:
                answer = self._prompt()
                if isinstance(answer, (Reloaded, Broken)):
                    self._reload(answer)
                    continue
                if isinstance(answer, str):
                    return answer
                record = self.game_run.take(None if isinstance(answer, TimedOut) else answer.id)
            else:
                return EOF
            self.say(self.view.outcome(record, before))
            if self.after_turn is not None:
                self.after_turn()
        self.say(self.view.ending())
        self.say(
            [
                "",
                self.view.s("text.debrief.profile"),
                *principle_chart(self.session.principle_counts(), self.view.s),
            ]
        )
        return None

    def _reload(self, change: Reloaded | Broken) -> None:
        """Live reload (game.play.reload): replay the decisions so far on the new version, up
        to one that no longer fits; a version that does not validate leaves the game as it was."""
        report = self.game_run.reload(change)
        head, *details = report.lines
        self.say(["", *wrap(head), *("  " + line for line in details)])
        if report.kind != "broken":
            self.view = Renderer(self.session, self.lang, self._timed())

    def _scripted(self, ref: str | int | None) -> TurnRecord:
        try:
            return self.game_run.take(ref)
        except InvalidChoice as err:
            raise ScriptError(self.session.turn + 1, str(err)) from None

    def _prompt(self) -> Picked | str | Reloaded | Broken | TimedOut:
        """The choice the player types: its number on screen, returned as the choice's index."""
        s, strings = self.session, self.view.s
        offered = [o.id for o in s.choices()]
        count = len(offered)
        deadline = None
        countdown = None
        if s.time_limit and self.timed and self.reader.can_time:
            deadline = time.monotonic() + s.time_limit
            countdown = Countdown(self.view, self.out, count, float(s.time_limit))
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            prompt = self.view.prompt(count, left, float(s.time_limit or 0))
            if countdown is not None:
                countdown.shown = prompt
            self.out.write(prompt)
            self.out.flush()
            line = self.reader.readline(deadline, countdown.tick if countdown else None)
            if isinstance(line, TooLong):
                self.say([strings("text.too_long", count=count)])
                continue
            if isinstance(line, (Reloaded, Broken, TimedOut)):
                if isinstance(line, TimedOut):
                    self.out.write("\n")
                return line
            if not line:
                self.out.write("\n")
                return EOF
            answer = line.strip().lower()
            if answer in ("q", "quit", "exit", "й"):
                return QUIT
            if answer in ("h", "history", "р"):
                self.say(self.view.history())
                continue
            if not answer:
                self.say([strings("text.empty")])
                continue
            number = choice_number(answer)
            if number is not None and 1 <= number <= count:
                return Picked(offered[number - 1])
            self.say([strings("text.bad_number", count=count)])


class Countdown:
    """Keeps a timed prompt's clock running while the player thinks: on a terminal the prompt
    is redrawn in place each second (the cursor, and what the player has typed, stay where
    they are); when `WARN_SECONDS` remain, a warning is printed once on a line of its own
    and the prompt again below it, in a terminal or a pipe alike."""

    def __init__(self, view: Renderer, out: TextIO, count: int, limit: float) -> None:
        self.view, self.out, self.count, self.limit = view, out, count, limit
        self.warned = limit <= WARN_SECONDS  # the prompt itself warns from the start
        self.shown = view.prompt(count, limit, limit)
        try:
            self.live = out.isatty()
        except (AttributeError, ValueError):
            self.live = False

    def tick(self, left: float) -> None:
        prompt = self.view.prompt(self.count, left, self.limit)
        if not self.warned and left <= WARN_SECONDS:
            self.warned = True
            self.out.write("\n" + self.view.hurry(left) + "\n" + prompt)
        elif self.live and prompt != self.shown:
            self.out.write(SAVE_CURSOR + "\r" + prompt + RESTORE_CURSOR)
        else:
            return
        self.shown = prompt
        self.out.flush()


@dataclass(frozen=True)
class Picked:
    """The choice the player typed the number of."""

    id: str


_NUMBER = re.compile(r"[0-9]{1,4}")


def choice_number(answer: str) -> int | None:
    """The number the player typed: ASCII digits only, a few of them (not "²", not 5,000)."""
    return int(answer) if _NUMBER.fullmatch(answer) else None


class ScriptError(ValueError):
    """A scripted decision (`--choices`) that is not on offer."""

    def __init__(self, turn: int, problem: str) -> None:
        super().__init__(f"decision {turn}: {problem}")
        self.turn = turn
        self.problem = problem


class TimedOut:
    """The decision's time limit ran out while the player was thinking."""


TIMED_OUT = TimedOut()


class TooLong:
    """The player's line was longer than any answer; it was read and thrown away."""


TOO_LONG = TooLong()


class LineReader:
    """Reads lines from the player, noticing a running clock and changed files meanwhile.

    On POSIX, whenever the input has a file descriptor, lines are read straight from it, so
    that waiting can stop for a time limit or a live reload. Elsewhere (or for an in-memory
    input) it is a plain readline: no countdown, no reload while waiting.

    A line longer than `MAX_LINE` bytes is no answer: it is read to its end, thrown away as it
    comes (memory stays bounded, time linear) and reported as TOO_LONG.
    """

    POLL_SECONDS = 0.3
    MAX_LINE = 256
    CHUNK = 4096

    def __init__(self, inp: TextIO, watcher: Watcher | None) -> None:
        self.inp = inp
        self.watcher = watcher
        self.buffer = bytearray()
        self.discarding = False  # inside a line too long, until its newline
        self.fd: int | None = None
        if os.name == "posix":
            try:
                self.fd = inp.fileno()
            except (AttributeError, OSError, ValueError):
                self.fd = None

    @property
    def can_time(self) -> bool:
        return self.fd is not None

    def readline(
        self, deadline: float | None = None, tick: Callable[[float], None] | None = None
    ) -> str | Reloaded | Broken | TimedOut | TooLong:
        """A line (with its newline; "" at the end of input), a file change, TIMED_OUT or
        TOO_LONG. While waiting for a deadline, `tick(seconds left)` is called each time the
        whole seconds left change."""
        if self.fd is None:
            return self._readline_stream()
        while True:
            line = self._take_line()
            if line is not None:
                return line
            wait = self.POLL_SECONDS if self.watcher is not None else None
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return TIMED_OUT
                wait = left if wait is None else min(wait, left)
                if tick is not None:  # until the next whole second
                    wait = min(wait, left - math.ceil(left) + 1)
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                if tick is not None and deadline is not None:
                    tick(deadline - time.monotonic())
                if self.watcher is not None:
                    change = self.watcher.poll()
                    if change is not None:
                        return change
                continue
            chunk = os.read(self.fd, self.CHUNK)
            if not chunk:  # end of input: what is left is the last line
                rest, self.buffer = bytes(self.buffer), bytearray()
                if self.discarding:
                    self.discarding = False
                    return TOO_LONG
                return rest.decode("utf-8", errors="replace")
            self.buffer += chunk

    def _take_line(self) -> str | TooLong | None:
        """The first whole line of the buffer, if there is one; drops an overlong start."""
        end = self.buffer.find(b"\n")
        if end < 0:
            if len(self.buffer) > self.MAX_LINE:
                self.buffer.clear()  # no answer is this long: keep nothing of it
                self.discarding = True
            return None
        line = bytes(self.buffer[:end])
        del self.buffer[: end + 1]
        if self.discarding or end > self.MAX_LINE:
            self.discarding = False
            return TOO_LONG
        return line.decode("utf-8", errors="replace") + "\n"

    def _readline_stream(self) -> str | TooLong:
        line = self.inp.readline(self.MAX_LINE + 1)
        if len(line) <= self.MAX_LINE or line.endswith("\n"):
            return line
        while line and not line.endswith("\n"):  # throw the rest away, a piece at a time
            line = self.inp.readline(self.CHUNK)
        return TOO_LONG
