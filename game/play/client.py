"""The game as a class client: connect to ``leadsim serve``, fetch its scenarios, send runs.

    client = ClassClient()                       # data folder: outbox, fetched scenarios
    client.connect("192.168.1.5:8750", "482913")  # -> Status (also remembered for next time)
    client.status                                 # connected | unreachable | wrong_pin | ...
    for offer in client.scenarios():              # RemoteScenario: id, hash, titles, have
        bundle = client.fetch(offer)              # downloaded once, checked, hash compared
    queued = client.submit(Run.from_session(session, name="Анна", lang="ru", duration_s=300))
    client.drain()                                # send what waits (retries with backoff)
    client.progress(run_id, name, scenario_id, decisions=4)   # for the projector; best effort

Every finished run goes to the outbox first (:mod:`game.play.outbox`) and is removed only when
the server confirms it; a run is sent under a submission id (its run id), which the server
stores once, so sending again after a lost answer never counts it twice. :meth:`drain` waits
longer after each failure (0.5 s doubling to ``max_delay_s``, 10 s, with jitter) unless
``force`` is given;
:class:`BackgroundSender` drains on a thread of its own until stopped. Nothing here raises for
a network problem: it shows in :attr:`ClassClient.status` and :attr:`ClassClient.message`.
A fetched scenario goes through the same checks as ``leadsim check`` and must have the content
hash the server announced before it can be played.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle
from game.play.classrun import DrainReport, Queued, RemoteScenario, Run, normalize_url
from game.play.outbox import Entry, Outbox
from game.store import jsonsafe
from game.store.atomic import write_atomic
from game.store.datadir import data_dir
from game.store.errors import BadJSON, SaveWriteError, StoreError
from game.store.fields import RUN_ID

OFF, CONNECTED, UNREACHABLE, WRONG_PIN, NOT_A_CLASS = (
    "off", "connected", "unreachable", "wrong_pin", "not_a_class",
)  # fmt: skip
PIN_HEADER = "X-LeadSim-Pin"
SETTINGS_FILE = "class.json"
OUTBOX_FOLDER = "outbox"
SCENARIO_FOLDER = "class-scenarios"
FIRST_DELAY_S, MAX_DELAY_S = 0.5, 10.0
MAX_SCENARIO_BYTES = 32 * 1024 * 1024
# Answers after which a run is kept aside with the server's reason instead of sent again.
FINAL = frozenset({400, 404, 409, 413, 422})


class ClientError(Exception):
    """Something the class client could not do; the message is for the player."""


def _reason(response: httpx.Response) -> str:
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        data = None
    if isinstance(data, dict) and isinstance(data.get("message"), str):
        return data["message"][:500]
    return f"the server answered {response.status_code}"


def _network_problem(exc: httpx.HTTPError) -> str:
    """What went wrong on the way to the server, in a few words for the player."""
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "nothing answers at that address and port"
    return f"the connection failed ({type(exc).__name__})"


class ClassClient:
    """A game's link to one class server (see the module)."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        timeout: float = 5.0,
        transport: httpx.BaseTransport | None = None,
        max_delay_s: float = MAX_DELAY_S,
    ) -> None:
        self.folder = Path(folder) if folder is not None else data_dir()
        self.outbox = Outbox(self.folder / OUTBOX_FOLDER)
        self.url: str | None = None
        self.pin = ""
        self.status = OFF
        self.message = ""
        self.info: dict[str, Any] = {}
        self._http = httpx.Client(timeout=timeout, transport=transport)
        self._lock = threading.Lock()
        self._delay = 0.0
        self._max_delay = max_delay_s
        self._next_try = 0.0
        self._jitter = random.Random()  # only spreads out retries
        self.last_result: dict[str, Any] | None = None  # the server's answer to the last run

    # --- the connection ----------------------------------------------------------------------

    def connect(self, url: str, pin: str, *, remember: bool = True) -> str:
        """Connect to the class at ``url`` with ``pin``; returns the :attr:`status`.

        ``remember`` keeps the address and PIN in the data folder for :meth:`reconnect`.
        Raises ValueError for an address that is not one.
        """
        self.url, self.pin = normalize_url(url), str(pin).strip()
        self._delay = self._next_try = 0.0
        if remember:
            self._save_settings()
        return self.check()

    def twin(self, timeout: float) -> ClassClient:
        """Another client of this class and folder with a connection of its own, not checked
        again: for a thread that must neither wait for nor disturb this one."""
        other = ClassClient(self.folder, timeout=timeout, max_delay_s=self._max_delay)
        other.url, other.pin, other.status = self.url, self.pin, self.status
        return other

    def reconnect(self) -> str:
        """Connect to the class remembered by the last :meth:`connect` (status ``off`` if none)."""
        settings = self._load_settings()
        if settings is None:
            self.status, self.message = OFF, ""
            return self.status
        return self.connect(settings[0], settings[1], remember=False)

    def disconnect(self, *, forget: bool = True) -> None:
        """Stop using the class (runs already queued for it stay queued for it)."""
        self.url, self.status, self.message = None, OFF, ""
        if forget:
            (self.folder / SETTINGS_FILE).unlink(missing_ok=True)

    def check(self) -> str:
        """Ask the server how the class is; sets and returns :attr:`status`."""
        response = self._get("/api/hello")
        if response is not None and response.status_code == 200:
            try:
                info = response.json()
            except ValueError:
                info = None
            if isinstance(info, dict) and info.get("server") == "leadsim":
                self.info, self.status, self.message = info, CONNECTED, ""
                return self.status
        if response is not None and self.status == CONNECTED:  # a 200 of another kind, a 404...
            self._set(NOT_A_CLASS, "this address does not answer as a LeadSim class")
        return self.status

    def _settings_path(self) -> Path:
        return self.folder / SETTINGS_FILE

    def _save_settings(self) -> None:
        text = json.dumps({"url": self.url, "pin": self.pin})
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._settings_path(), text.encode("utf-8"), keep_backup=False)
        except (OSError, SaveWriteError) as exc:
            self.message = f"the class address could not be remembered: {exc}"

    def _load_settings(self) -> tuple[str, str] | None:
        try:
            data = jsonsafe.loads(self._settings_path().read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, BadJSON):
            return None
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            return str(data["url"]), str(data.get("pin", ""))
        return None

    def _set(self, status: str, message: str) -> None:
        self.status, self.message = status, message

    def _request(self, method: str, path: str, **options: Any) -> httpx.Response | None:
        if self.url is None:
            self._set(OFF, "not connected to a class")
            return None
        if not self.pin.isascii() or not self.pin.isprintable():
            self._set(WRONG_PIN, "the class PIN has characters no PIN has")  # no header holds it
            return None
        headers = {PIN_HEADER: self.pin}
        try:
            response = self._http.request(method, self.url + path, headers=headers, **options)
        except httpx.HTTPError as exc:
            self._set(UNREACHABLE, _network_problem(exc))
            return None
        except (httpx.InvalidURL, UnicodeError):  # a host name that is not one (IDNA)
            self._set(UNREACHABLE, "the address is not one a computer can look up")
            return None
        if response.status_code == 401:
            self._set(WRONG_PIN, "the class PIN is wrong")
        elif response.status_code >= 500 or response.status_code == 429:
            self._set(UNREACHABLE, _reason(response))
        else:
            self.status = CONNECTED
        return response

    def _get(self, path: str) -> httpx.Response | None:
        return self._request("GET", path)

    # --- scenarios ---------------------------------------------------------------------------

    def _scenario_folder(self, content_hash: str) -> Path:
        if not RUN_ID.fullmatch(content_hash):
            raise ClientError("the server named a scenario version that is not a version")
        return self.folder / SCENARIO_FOLDER / content_hash

    def scenarios(self) -> list[RemoteScenario]:
        """The versions the class offers (empty when it cannot be asked: see :attr:`status`)."""
        response = self._get("/api/scenarios")
        if response is None or response.status_code != 200:
            return []
        try:
            listed = response.json().get("scenarios", [])
        except (ValueError, AttributeError):
            return []
        found = []
        for item in listed if isinstance(listed, list) else []:
            try:
                sid, chash = str(item["id"]), str(item["content_hash"])
                folder = self._scenario_folder(chash)
                titles = {str(k): str(v) for k, v in dict(item.get("title", {})).items()}
                langs = tuple(str(x) for x in item.get("languages", []))
            except (KeyError, TypeError, ValueError, ClientError):
                continue
            found.append(RemoteScenario(sid, chash, titles, langs, folder.is_dir()))
        return found

    def fetch(self, offer: RemoteScenario) -> Bundle:
        """The scenario version ``offer``, downloaded if it is not here yet, checked like
        ``leadsim check`` and compared with its content hash. Raises :class:`ClientError`."""
        folder = self._scenario_folder(offer.content_hash)
        if not folder.is_dir():
            self._download(offer, folder)
        return _checked(folder, offer)

    def _download(self, offer: RemoteScenario, folder: Path) -> None:
        response = self._get(f"/api/scenarios/{offer.content_hash}")
        if response is None:
            raise ClientError(self.message)
        if response.status_code != 200:
            raise ClientError(_reason(response))
        if len(response.content) > MAX_SCENARIO_BYTES:
            raise ClientError("the scenario the server sent is too large")
        try:
            data = response.json()
            files = [
                _decoded(data["scenario"], "scenario.yaml"),
                _decoded(data["team"], "team.yaml"),
            ]
        except (ValueError, KeyError, TypeError, binascii.Error):
            raise ClientError("the server sent a scenario this game cannot read") from None
        if files[0][0] == files[1][0]:
            files[1] = ("team_" + files[1][0], files[1][1])
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".fetch-", dir=folder.parent))
        try:
            for name, content in files:
                (scratch / name).write_bytes(content)
            _checked(scratch, offer, scratch / files[0][0])
            scratch.rename(folder)
        except OSError as exc:
            if not folder.is_dir():
                raise ClientError(f"the scenario could not be saved: {exc.strerror}") from exc
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    # --- runs --------------------------------------------------------------------------------

    def submit(self, run: Run) -> Queued:
        """Queue a finished run for this class, then try to send it once. Raises
        :class:`ClientError` only when it cannot even be queued (the disk is full, ...)."""
        if self.url is None:
            raise ClientError("not connected to a class")
        try:
            entry = self.outbox.put(self.url, run.payload())
        except StoreError as exc:
            raise ClientError(f"the run could not be queued: {exc}") from exc
        with self._lock:
            outcome = self._send(entry)
        if outcome is True:
            return Queued(entry.submission_id, True, self.last_result)
        if isinstance(outcome, str):
            return Queued(entry.submission_id, False, refused=outcome)
        return Queued(entry.submission_id, False)

    def _send(self, entry: Entry) -> bool | str | None:
        """True stored, a reason when refused for good, None to try again later."""
        response = self._request("POST", "/api/runs", json=entry.payload)
        if response is not None and response.status_code in (200, 201):
            try:
                self.last_result = response.json()
            except ValueError:
                self.last_result = None
            self.outbox.done(entry)
            self._delay = 0.0
            return True
        if response is not None and response.status_code in FINAL:
            reason = _reason(response)
            self.outbox.refuse(entry, reason)
            return reason
        error = self.message or "no answer"
        self.outbox.update(
            Entry(entry.submission_id, entry.server, entry.payload, entry.queued_at,
                  entry.attempts + 1, error)
        )  # fmt: skip
        self._delay = min(self._max_delay, max(FIRST_DELAY_S, self._delay * 2))
        self._next_try = time.monotonic() + self._delay * (0.75 + self._jitter.random() / 2)
        return None

    def drain(self, *, force: bool = False) -> DrainReport:
        """Send the runs waiting for this class, oldest first, until one fails to get through
        (the rest wait for the next attempt, which comes later after each failure)."""
        if self.url is None:
            return DrainReport(pending=0)
        with self._lock:
            waiting = self.outbox.pending(self.url).entries
            wait = self._next_try - time.monotonic()
            if waiting and wait > 0 and not force:
                return DrainReport(pending=len(waiting), retry_in=wait)
            sent: list[str] = []
            refused: list[tuple[str, str]] = []
            for entry in waiting:
                outcome = self._send(entry)
                if outcome is True:
                    sent.append(entry.submission_id)
                elif isinstance(outcome, str):
                    refused.append((entry.submission_id, outcome))
                else:
                    break
            left = len(waiting) - len(sent) - len(refused)
            retry = max(0.0, self._next_try - time.monotonic()) if left else 0.0
            return DrainReport(tuple(sent), tuple(refused), left, retry)

    def pending(self) -> int:
        """How many runs wait for this class."""
        return len(self.outbox.pending(self.url).entries) if self.url else 0

    def progress(
        self, run_id: str, name: str, scenario_id: str, decisions: int, finished: bool = False
    ) -> bool:
        """Tell the projector how far a run is (best effort: False when it did not get there)."""
        body = {"run_id": run_id, "name": name, "scenario_id": scenario_id,
                "decisions": int(decisions), "finished": finished}  # fmt: skip
        response = self._request("POST", "/api/progress", json=body, timeout=1.0)
        return response is not None and response.status_code == 204

    def close(self) -> None:
        self._http.close()


def _decoded(item: Any, fallback: str) -> tuple[str, bytes]:
    name = Path(str(item["file"])).name
    if name != str(item["file"]) or not name.endswith((".yaml", ".yml")) or len(name) > 100:
        name = fallback
    return name, base64.b64decode(str(item["data"]), validate=True)


def _checked(folder: Path, offer: RemoteScenario, path: Path | None = None) -> Bundle:
    """The bundle of a fetched version, checked; ClientError when it is not the one offered."""
    candidates: Sequence[Path] = [path] if path else sorted(folder.glob("*.y*ml"))
    for candidate in candidates:
        try:
            bundle = load_bundle(candidate)
        except ContentError as err:
            if path is not None:
                first = err.diagnostics[0].format() if err.diagnostics else str(err)
                raise ClientError(f"the scenario the server sent does not check: {first}") from None
            continue
        if bundle.scenario.id == offer.id:
            if bundle.content_hash != offer.content_hash:
                raise ClientError(
                    "the scenario the server sent is not the version it announced "
                    f"({bundle.content_hash[:10]} instead of {offer.content_hash[:10]})"
                )
            return bundle
    raise ClientError(f"no scenario '{offer.id}' in what the server sent")


class BackgroundSender:
    """Drains a client's outbox on a thread until :meth:`stop` (checks every ``interval``)."""

    def __init__(self, client: ClassClient, interval: float = 1.0) -> None:
        self.client = client
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="class-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            report = self.client.drain()
            self._stop.wait(min(self.interval, report.retry_in or self.interval))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
