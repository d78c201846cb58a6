"""The window's link to a class (`leadsim serve`): connect, how it stands, the class's
scenarios, and sending finished games.

Everything that touches the network runs on the window's worker (`game.ui.jobs`), one piece
after another, so the `ClassClient` is only ever used by that one thread and a frame never
waits for a server. The state the screens show (`status`, `url`, `offers`, `sent`) changes
only on the main thread, in `poll`, which the window calls every frame; `version` rises with
every change, so a screen that shows the class knows when to lay itself out again.

A finished game goes through the client's outbox: it is on disk before anything is sent, so
a game finished while the server does not answer is sent later (at the next connection, or
by `poll` every `RETRY_S` seconds while runs wait) and never twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.library import Bundle, LibraryEntry, load_bundle
from game.play.classrun import Run, normalize_url
from game.ui.jobs import Job, Jobs

if TYPE_CHECKING:  # the client (and its HTTP library) is imported on first use, not at start
    from game.play.client import ClassClient

# the client's status names (game.play.client), without importing it at start
OFF, CONNECTED, UNREACHABLE, NOT_A_CLASS = "off", "connected", "unreachable", "not_a_class"
CONNECTING = "connecting"
RETRY_S = 5.0  # seconds between attempts to send runs that wait in the outbox
SENDING, ACCEPTED, QUEUED, REFUSED, FAILED = "sending", "accepted", "queued", "refused", "failed"


@dataclass(frozen=True)
class Link:
    """How a connection attempt went (made on the worker)."""

    status: str
    url: str | None
    message: str
    offers: tuple[LibraryEntry, ...] = ()
    problems: tuple[str, ...] = ()  # offered scenarios that could not be fetched, and why
    pending: int = 0


@dataclass(frozen=True)
class Sent:
    """What became of the last finished game sent to the class."""

    run_id: str
    state: str  # SENDING, ACCEPTED, QUEUED, REFUSED or FAILED
    score: float | None = None
    reason: str = ""
    pending: int = 0


class Classroom:
    """The class the window is connected to, if any (see the module docstring)."""

    def __init__(
        self,
        folder: Path | None,
        jobs: Jobs,
        clock: Callable[[], float],
        make_client: Callable[[Path | None], ClassClient] | None = None,
        local: Callable[[], frozenset[str]] = frozenset,
    ) -> None:
        self.folder = folder
        self.local = local  # the versions the scenario library has (not fetched again)
        self.jobs = jobs
        self.clock = clock
        self._make = make_client or _new_client
        self._client: ClassClient | None = None
        self.status = OFF
        self.url: str | None = None
        self.message = ""
        self.offers: tuple[LibraryEntry, ...] = ()
        self.problems: tuple[str, ...] = ()
        self.sent: Sent | None = None
        self.pending = 0
        self.version = 0
        self._link: Job[Link] | None = None
        self._sending: Job[Sent] | None = None
        self._draining: Job[Link] | None = None
        self._next_drain = 0.0

    @property
    def usable(self) -> bool:
        """False when the window keeps no data folder (nothing could be queued)."""
        return self.folder is not None

    def _client_now(self) -> ClassClient:  # worker thread only
        if self._client is None:
            self._client = self._make(self.folder)
        return self._client

    # --- the main thread's side ------------------------------------------------------------

    def reconnect(self) -> None:
        """Connect to the class remembered from the last time, if there is one."""
        if self.usable and self._link is None:
            have = self.local()
            self._link = self.jobs.submit(lambda: _link(self._client_now(), None, "", have))

    def connect(self, url: str, pin: str) -> str | None:
        """Start connecting to the class at `url` with `pin`; the problem with the address
        (in English, for `strings`-less callers: the settings screen says it in words)."""
        if not self.usable:
            return "no data folder"
        try:
            address = normalize_url(url)
        except ValueError as err:
            return str(err)
        self.status, self.url, self.message = CONNECTING, address, ""
        self.version += 1
        have, code = self.local(), pin.strip()
        self._link = self.jobs.submit(lambda: _link(self._client_now(), address, code, have))
        return None

    def disconnect(self) -> None:
        """Stop using the class and forget it (runs queued for it stay queued for it)."""
        self.jobs.submit(lambda: self._client_now().disconnect())
        self.status, self.url, self.message = OFF, None, ""
        self.offers, self.problems, self.pending = (), (), 0
        self._link = None
        self.version += 1

    def submit(self, run: Any, name: str, lang: str) -> bool:
        """Send a finished game (a `game.play.run.GameRun`) to the class under `name`;
        False when no class is set. The outcome shows in `sent`."""
        if self.url is None or not self.usable or self.status == NOT_A_CLASS:
            return False  # no class (an address that is not one is never sent games)
        session = run.session
        duration = run.clock() - run.started
        payload = Run.from_session(
            session, name=name, lang=lang, duration_s=duration, run_id=run.run_id, mode=run.mode
        )
        self.sent = Sent(payload.run_id, SENDING)
        self.version += 1
        self._sending = self.jobs.submit(lambda: _send(self._client_now(), payload))
        return True

    def poll(self) -> bool:
        """Take the results of finished work; True when what the screens show changed."""
        changed = False
        if self._link is not None and self._link.done:
            self._take(self._link.result())
            self._link = None
            changed = True
        if self._sending is not None and self._sending.done:
            self.sent = self._sending.result()
            self.pending = self.sent.pending
            self._sending = None
            self._next_drain = self.clock() + RETRY_S
            changed = True
        if self._draining is not None and self._draining.done:
            link = self._draining.result()
            self._draining = None
            if link.status != self.status or link.pending != self.pending:
                self.status, self.message, self.pending = link.status, link.message, link.pending
                self._sent_on()
                changed = True
        elif self._draining is None and self.pending and self.url and self._due():
            self._next_drain = self.clock() + RETRY_S
            self._draining = self.jobs.submit(lambda: _drain(self._client_now()))
        if changed:
            self.version += 1
        return changed

    def _due(self) -> bool:
        """Time to try the runs that wait again (nothing else is on its way)."""
        idle = self._link is None and self._sending is None
        return idle and self.clock() >= self._next_drain

    def _take(self, link: Link) -> None:
        if link.url is None and link.status == OFF:
            return  # nothing was remembered
        self.status, self.url, self.message = link.status, link.url, link.message
        self.offers, self.problems, self.pending = link.offers, link.problems, link.pending
        self._sent_on()

    def _sent_on(self) -> None:
        """A game that waited is with the class once nothing waits any more."""
        sent = self.sent
        delivered = self.status == CONNECTED and not self.pending
        if sent is not None and sent.state == QUEUED and delivered:
            self.sent = Sent(sent.run_id, ACCEPTED)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


# --- the worker's side -------------------------------------------------------------------


def _new_client(folder: Path | None) -> ClassClient:
    from game.play.client import ClassClient

    return ClassClient(folder)


def _guarded(work: Callable[[], Any], failed: Callable[[str], Any]) -> Any:
    """`work()`, or `failed(reason)` when it raises: the client says network problems in its
    status, but an address its HTTP library cannot even use (say, a host name with
    characters no host name may have) raises, and no such error may reach the window."""
    try:
        return work()
    except Exception as err:
        return failed(f"{type(err).__name__}: {err}")


def _link(
    client: ClassClient, url: str | None, pin: str, have: frozenset[str] = frozenset()
) -> Link:
    """Connect (or reconnect to the remembered class), send what waits, fetch the scenarios."""
    return _guarded(
        lambda: _linked(client, url, pin, have),
        lambda reason: Link(UNREACHABLE, url or client.url, reason),
    )


def _linked(client: ClassClient, url: str | None, pin: str, have: frozenset[str]) -> Link:
    from game.play.client import ClientError

    client.info = {}  # what the server says of itself: filled by an answer from a class
    try:
        status = client.connect(url, pin) if url is not None else client.reconnect()
    except ValueError as err:
        return Link(OFF, None, str(err))
    if status == CONNECTED and client.info.get("server") != "leadsim":
        # something answered, but not as a class (a web server answering 404, say)
        return Link(NOT_A_CLASS, client.url, "this address does not answer as a LeadSim class")
    offers: list[LibraryEntry] = []
    problems: list[str] = []
    if status == CONNECTED:
        client.drain(force=True)
        for offer in client.scenarios():
            if offer.content_hash in have:
                continue  # the same version is here already: it is played from the library
            try:
                bundle = _fetched(client, offer)
            except ClientError as err:
                title = offer.titles.get("en") or next(iter(offer.titles.values()), "")
                problems.append(f"{title}: {err}" if title else str(err))
                continue
            offers.append(LibraryEntry(offer.id, bundle.path, bundle, None))
    return Link(
        client.status, client.url, client.message, tuple(offers), tuple(problems), client.pending()
    )


def _fetched(client: ClassClient, offer: Any) -> Bundle:
    """The offered version, downloaded and checked by the client. When the client's second
    reading of the folder fails on a team file listed before its scenario (it raises
    something other than its own error then), the folder's files are read here, one by one,
    and the version must still be the one offered."""
    from game.play.client import SCENARIO_FOLDER, ClientError

    try:
        return client.fetch(offer)
    except ClientError:
        raise
    except Exception as err:
        folder = client.folder / SCENARIO_FOLDER / offer.content_hash
        for candidate in sorted(folder.glob("*.y*ml")):
            try:
                bundle = load_bundle(candidate)
            except Exception:  # a team file, or a file that does not check
                continue
            if bundle.scenario.id == offer.id and bundle.content_hash == offer.content_hash:
                return bundle
        raise ClientError(f"the scenario could not be read: {err}") from err


def _send(client: ClassClient, run: Run) -> Sent:
    return _guarded(
        lambda: _sent(client, run),
        lambda reason: Sent(run.run_id, QUEUED, reason=reason, pending=_pending(client)),
    )


def _pending(client: ClassClient) -> int:
    return int(_guarded(client.pending, lambda reason: 0))


def _sent(client: ClassClient, run: Run) -> Sent:
    from game.play.client import ClientError

    try:
        queued = client.submit(run)
    except ClientError as err:
        return Sent(run.run_id, FAILED, reason=str(err))
    if queued.sent:
        result = queued.result or {}
        score = result.get("score")
        number = float(score) if isinstance(score, (int, float)) else None
        return Sent(run.run_id, ACCEPTED, number, pending=client.pending())
    if queued.refused:
        return Sent(run.run_id, REFUSED, reason=queued.refused, pending=client.pending())
    return Sent(run.run_id, QUEUED, reason=client.message, pending=client.pending())


def _drain(client: ClassClient) -> Link:
    def drained() -> Link:
        client.drain(force=True)
        return Link(client.status, client.url, client.message, pending=client.pending())

    return _guarded(
        drained, lambda reason: Link(UNREACHABLE, client.url, reason, pending=_pending(client))
    )
