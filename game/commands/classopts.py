"""`--server URL --pin PIN` for a command that plays: connect to a class, send finished runs.

For ``leadsim play --text`` (and anything else that plays in the terminal)::

    add_class_options(parser)                       # in register()
    link = connect_from_args(args, strings)          # before playing: None without --server
    if link is not None:
        print(link.note)                             # "Connected to the class at ..."
        ...                                          # play; link.client.progress(...) per turn
        print(link.send(session, name, lang, duration_s, run_id, mode))   # after the ending

The run goes to the outbox first and is sent at once when the class answers; otherwise it is
sent at the next start (``link.client.drain()``) and the line says so. Nothing here raises
for a network problem.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from game.i18n import Strings
from game.play.client import CONNECTED, WRONG_PIN, ClassClient, ClientError, Run


def add_class_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--server URL`` and ``--pin PIN``."""
    parser.add_argument(
        "--server",
        metavar="URL",
        help="send finished runs to this class (the address leadsim serve printed)",
    )
    parser.add_argument("--pin", metavar="PIN", help="the class PIN leadsim serve printed")


@dataclass
class ClassLink:
    """A connected (or not yet reachable) class and the line that says how it stands."""

    client: ClassClient
    note: str
    strings: Strings

    def send(
        self, session: Any, name: str, lang: str, duration_s: float,
        run_id: str | None = None, mode: str = "player",
    ) -> str:  # fmt: skip
        """Queue and send a finished session; the line to show the player."""
        s = self.strings
        run = Run.from_session(
            session, name=name, lang=lang, duration_s=duration_s, run_id=run_id, mode=mode
        )
        try:
            queued = self.client.submit(run)
        except ClientError as exc:
            return s("class.not.queued", reason=str(exc))
        if queued.sent and queued.result is not None:
            return s("class.sent", score=round(float(queued.result["score"]), 1))
        if queued.refused:
            return s("class.refused", reason=queued.refused)
        return s("class.queued", count=self.client.pending())


def connect_from_args(args: argparse.Namespace, strings: Strings) -> ClassLink | None:
    """The class ``--server``/``--pin`` name (None without ``--server``); runs waiting in
    the outbox for it are sent on the way. Raises ValueError for an address that is not one."""
    if not getattr(args, "server", None):
        return None
    client = ClassClient()
    status = client.connect(args.server, args.pin or "", remember=False)
    if status == CONNECTED:
        client.drain(force=True)
        note = strings("class.connected", url=client.url or "")
    elif status == WRONG_PIN:
        note = strings("class.wrong.pin", url=client.url or "")
    else:
        note = strings("class.unreachable", url=client.url or "", reason=client.message)
    return ClassLink(client, note, strings)
