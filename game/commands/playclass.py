"""`leadsim play --text --server URL --pin PIN`: the command-line side of a game in a class.

The game itself is game.text.classplay; this module checks the options, says the class's
lines where they belong and hands over to `leadsim play`'s terminal game.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from game.commands.classopts import ClassLink
from game.content.text import DEFAULT_LANG
from game.safe_text import visible

PIN = re.compile(r"[!-~]{1,64}")  # what an HTTP header carries as it is: visible ASCII
NAME_NEEDED = "a game for a class needs the name for its board: add --name NAME"


def class_problem(args: argparse.Namespace, terminal: bool) -> str | None:
    """Why the class options cannot be used as given, or None."""
    if (args.pin or args.send) and not args.server:
        return "--pin and --send go with --server URL (the address leadsim serve printed)"
    if args.server and not (terminal or args.send):
        return (
            "--server plays in a class in the terminal: add --text (the game window connects "
            "to a class in its settings)"
        )
    if args.server and not args.pin:
        return "--server needs the class PIN too: add --pin PIN (leadsim serve printed it)"
    if args.server and not PIN.fullmatch(args.pin.strip()):
        return "--pin: the class PIN is the digits leadsim serve printed (e.g. --pin 482913)"
    if args.server and args.team:
        return "a class plays its scenarios with their own teams: leave out --team"
    if args.send and (args.scenario or args.resume):
        return "--send only sends the runs that wait for the class: leave out the scenario"
    return None


def say_for(args: argparse.Namespace) -> Callable[[str], None]:
    """Where the class's lines go: with the story, or to stderr when stdout is JSON."""
    out = sys.stderr if args.json else sys.stdout

    def say(line: str) -> None:
        print(visible(line, keep_newlines=False), file=out, flush=True)

    return say


def send(args: argparse.Namespace) -> int:
    """`--send`: the runs waiting for the class are sent, and what became of them is said."""
    from game.commands.play import fail
    from game.i18n import Strings
    from game.text.classplay import Refused, send_outbox

    try:
        return send_outbox(args, Strings(args.lang or DEFAULT_LANG), say_for(args))
    except Refused as err:
        return fail(str(err), err.code)


def link_for(args: argparse.Namespace, lang: str) -> ClassLink | int:
    """The class of --server (connected or not: see ClassLink), or the exit code after
    saying why there is none."""
    from game.commands.play import fail
    from game.i18n import Strings
    from game.text.classplay import Refused, connect

    try:
        link = connect(args, Strings(lang), say_for(args))
    except Refused as err:
        return fail(str(err), err.code)
    assert link is not None
    return link


def play_in_class(args: argparse.Namespace, script: list[str | int | None]) -> int:
    """A new game in the class of --server: its scenario, then the game (see play_text)."""
    from game.commands.play import fail, load, play_text
    from game.text.classplay import Refused, class_scenario
    from game.text.play import LineReader

    if args.json and not args.name:  # asked before anything is sent: nobody to ask here
        return fail(NAME_NEEDED, 2)
    lang = args.lang or DEFAULT_LANG
    link = link_for(args, lang)
    if isinstance(link, int):
        return link
    reader = None if args.json else LineReader(sys.stdin, None)
    try:
        bundle = class_scenario(
            link, args.scenario, lang, reader, say_for(args),
            lambda ref: load(ref, args.scenarios),
        )  # fmt: skip
    except Refused as err:
        link.client.close()
        return fail(str(err), err.code)
    if bundle is None:
        link.client.close()
        return 1 if args.scenario else 0  # not found (said), or the player left the list
    return play_text(args, bundle, script, link=link, reader=reader)
