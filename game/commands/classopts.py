"""`--server URL --pin PIN` for a command that plays: connect to a class, send finished runs.

For ``leadsim play --text`` (and anything else that plays in the terminal)::

    add_class_options(parser)                       # in register()
    link = connect_from_args(args, strings)          # before playing: None without --server
    if link is not None:
        print(link.note)                             # "Connected to the class at ..."
        for line in link.drained_lines(): print(line)   # runs that waited, sent now
        ...                                          # play; link.client.progress(...) per turn
        print(link.send(session, name, lang, duration_s, run_id, mode))   # after the ending

The run goes to the outbox first and is sent at once when the class answers; otherwise it is
sent at the next start (connecting drains the outbox) or by ``--send``, and the line says so.
Nothing here raises for a network problem.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from game.i18n import Strings
from game.play.classrun import DrainReport
from game.play.client import CONNECTED, WRONG_PIN, ClassClient, ClientError, Run


def add_class_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--server URL``, ``--pin PIN`` and ``--send``."""
    parser.add_argument(
        "--server",
        metavar="URL",
        help="play in this class (the address leadsim serve printed, e.g. 192.168.1.5:8750): "
        "its scenarios are offered and the finished run is sent to it",
    )
    parser.add_argument("--pin", metavar="PIN", help="the class PIN leadsim serve printed")
    parser.add_argument(
        "--send",
        action="store_true",
        help="with --server and --pin: send the finished runs still waiting for that class, "
        "say what became of them, and stop (exit 1 while some still wait)",
    )


@dataclass
class ClassLink:
    """A connected (or not yet reachable) class and the line that says how it stands."""

    client: ClassClient
    note: str
    strings: Strings
    drained: DrainReport | None = None  # what connecting did with the runs that waited

    @property
    def connected(self) -> bool:
        return self.client.status == CONNECTED

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
        url = self.client.url or ""
        if self.client.status == WRONG_PIN:
            waiting = s("text.class.queued_pin", url=url)
        else:
            waiting = s("class.queued", count=self.client.pending())
        return waiting + "\n" + s("text.class.send_later", url=url)

    def drained_lines(self, report: DrainReport | None = None) -> list[str]:
        """What a drain did, a line each: runs sent, each run refused with the reason, runs
        still waiting (nothing when nothing waited)."""
        s, done = self.strings, report or self.drained
        if done is None:
            return []
        lines = []
        if done.sent:
            lines.append(s("text.class.drain_sent", count=len(done.sent)))
        if done.refused:
            kept = {e.submission_id: e.payload for e in self.client.outbox.refused().entries}
            for submission, reason in done.refused:
                run = _described(kept.get(submission)) or submission
                lines.append(s("text.class.drain_refused", run=run, reason=reason))
        if done.pending:
            lines.append(s("text.class.drain_waiting", count=done.pending))
        return lines


def _described(payload: dict[str, Any] | None) -> str:
    """A queued run as a player recognises it: who, which scenario, when (UTC)."""
    if not payload:
        return ""
    when = str(payload.get("played_at", ""))[:16].replace("T", " ")
    parts = (str(payload.get("name", "")), str(payload.get("scenario_id", "")), when)
    return " · ".join(part for part in parts if part)


def connect_from_args(args: argparse.Namespace, strings: Strings) -> ClassLink | None:
    """The class ``--server``/``--pin`` name (None without ``--server``); runs waiting in
    the outbox for it are sent on the way. Raises ValueError for an address that is not one."""
    if not getattr(args, "server", None):
        return None
    client = ClassClient()
    status = client.connect(args.server, args.pin or "", remember=False)
    drained = None
    if status == CONNECTED:
        note = strings("class.connected", url=client.url or "")
        drained = client.drain(force=True)
    elif status == WRONG_PIN:
        note = strings("class.wrong.pin", url=client.url or "")
    else:
        note = strings("class.unreachable", url=client.url or "", reason=client.message)
    if drained is None and client.pending():
        drained = DrainReport(pending=client.pending())
    return ClassLink(client, note, strings, drained)
