"""A game in the terminal as part of a class (`leadsim play --text --server URL --pin PIN`).

Connecting sends the runs that waited for the class; the class's scenarios are offered (one
only the class has is fetched, checked and played); each turn tells the projector how far the
run is, on a thread (`game.play.progress`), so a class that is gone never holds up a turn; the
finished run goes through the outbox and the player reads whether the class stored it, keeps
it for later, or refused it and why. A class that cannot be reached, or a wrong PIN, is one
line: the game is played all the same and its run waits on this computer for the class.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from game.commands.classopts import ClassLink, connect_from_args
from game.content.library import Bundle
from game.i18n import Strings
from game.play.classrun import RemoteScenario
from game.play.client import ClientError
from game.play.progress import ProgressReporter
from game.play.run import GameRun
from game.safe_text import visible
from game.store.errors import StoreError
from game.store.fields import new_run_id
from game.store.names import normalize_name
from game.text.play import LineReader, choice_number
from game.text.render import shown, wrap

Say = Callable[[str], None]


def _ask(question: str) -> None:
    """A question the answer is typed after, on the same line (asked only of a person, so
    never when stdout is JSON)."""
    sys.stdout.write(visible(question, keep_newlines=False) + " ")
    sys.stdout.flush()


class Refused(Exception):
    """The game cannot start as asked; the message says why (exit code `code`)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def connect(args: argparse.Namespace, strings: Strings, say: Say) -> ClassLink | None:
    """The class of `--server` (None without it), after saying how it stands and what became
    of the runs that waited. Raises Refused for an address that is not one."""
    try:
        link = connect_from_args(args, strings)
    except ValueError as err:
        raise Refused(str(err), 2) from None
    if link is not None:
        for line in [link.note, *link.drained_lines()]:
            say(line)
    return link


def send_outbox(args: argparse.Namespace, strings: Strings, say: Say) -> int:
    """`--send`: drain the outbox for the class and say what happened; 0 when nothing waits
    for the class any more, 1 when some runs still wait."""
    link = connect(args, strings, say)
    assert link is not None
    try:
        waiting = link.client.pending()
        if not link.drained_lines():
            say(strings("text.class.drain_nothing"))
        return 1 if waiting else 0
    finally:
        link.client.close()


def _title(offer: RemoteScenario, lang: str) -> str:
    return visible(offer.titles.get(lang) or next(iter(offer.titles.values()), offer.id))


def choose_offer(
    offers: list[RemoteScenario], strings: Strings, lang: str, reader: LineReader, say: Say
) -> RemoteScenario | None:
    """Ask which of the class's scenarios to play (None: the player quit or input ended)."""
    if not offers:
        raise Refused(strings("text.class.no_scenarios"))
    say("")
    say(strings("text.class.offers", count=len(offers)))
    for number, offer in enumerate(offers, start=1):
        say(f"{number}. {_title(offer, lang)}")
    while True:
        _ask(strings("text.class.pick", count=len(offers)))
        line = reader.readline()
        if not isinstance(line, str) or not line:
            say("")
            return None
        answer = line.strip().lower()
        if answer in ("q", "quit", "exit", "й"):
            return None
        picked = choice_number(answer)
        if picked is not None and 1 <= picked <= len(offers):
            return offers[picked - 1]
        say(strings("text.bad_number", count=len(offers)))


def class_scenario(
    link: ClassLink,
    ref: str | None,
    lang: str,
    reader: LineReader | None,
    say: Say,
    load_local: Callable[[str], Bundle | None],
) -> Bundle | None:
    """The scenario to play with a class: the class's own version of `ref` (fetched if need
    be), the player's pick from the class's list when `ref` is None, or else the local one.
    None after the reason was said (or the player quit). Raises Refused."""
    s = link.strings
    offers = link.client.scenarios() if link.connected else []
    if ref is None:
        if not link.connected:
            raise Refused(s("text.class.name_a_scenario"), 2)
        if reader is None:
            raise Refused(s("text.class.name_a_scenario"), 2)
        chosen = choose_offer(offers, s, lang, reader, say)
        if chosen is None:
            return None
    else:
        chosen = next((o for o in offers if o.id == ref), None)
    if chosen is None:
        bundle = load_local(str(ref))
        if bundle is not None and link.connected:
            say(s("text.class.not_offered", title=shown(bundle.scenario.title, lang)))
        return bundle
    try:
        return link.client.fetch(chosen)
    except ClientError as err:
        raise Refused(
            s("text.class.fetch_failed", title=_title(chosen, lang), reason=str(err))
        ) from None


def ask_name(strings: Strings, reader: LineReader, say: Say) -> str | None:
    """The player's name for the class's board (None: input ended)."""
    while True:
        _ask(strings("text.class.ask_name"))
        line = reader.readline()
        if not isinstance(line, str) or not line:
            say("")
            return None
        if line.strip().lower() in ("q", "quit", "exit", "й"):
            return None
        try:
            return normalize_name(line.strip())
        except StoreError as err:
            say(visible(str(err), keep_newlines=False))


@dataclass
class ClassGame:
    """One game's part in the class: news for the projector, then the finished run."""

    link: ClassLink
    run: GameRun
    name: str
    say: Say
    run_id: str = field(default_factory=new_run_id)
    reporter: ProgressReporter | None = None

    @classmethod
    def begin(cls, link: ClassLink, run: GameRun, name: str, say: Say) -> ClassGame:
        game = cls(link, run, name, say, run.run_id or new_run_id())
        game.reporter = ProgressReporter(link.client, game.run_id, name, run.session.scenario.id)
        game.reporter.report(len(run.session.decisions))
        return game

    def turn(self) -> None:
        """After each decision: tell the projector (never waits)."""
        if self.reporter is not None:
            self.reporter.report(len(self.run.session.decisions))

    def finish(self) -> None:
        """The game ended: send the run through the outbox and say what became of it."""
        if self.reporter is not None:
            self.reporter.report(len(self.run.session.decisions), finished=True)
        line = self.link.send(
            self.run.session,
            self.name,
            self.run.lang,
            self.run.clock() - self.run.started,
            run_id=self.run_id,
            mode=self.run.mode,
        )
        for text in wrap(visible(line)):
            self.say(text)
        self.stop()

    def stop(self) -> None:
        if self.reporter is not None:
            self.reporter.close()
            self.reporter = None
        self.link.client.close()
