"""Headless Chromium for the report tests, driven over the DevTools protocol on a pipe.

Only the standard library: Chromium is started with ``--remote-debugging-pipe`` and reads
NUL-terminated JSON commands on fd 3 and answers on fd 4. :func:`find_chromium` installs
Debian's ``chromium`` package when it is missing and the tests run as root.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)


def _installed() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_chromium() -> tuple[str | None, str]:
    """The path of a Chromium binary, installing Debian's package if needed and allowed;
    otherwise ``(None, why not)``."""
    found = _installed()
    if found:
        return found, ""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None, "chromium is not installed and the tests do not run as root to install it"
    if shutil.which("apt-get") is None:
        return None, "chromium is not installed and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return None, f"'{' '.join(command)}' failed: {tail[0]}"
    found = _installed()
    return (found, "") if found else (None, "apt-get installed chromium but it is not on PATH")


def _wire(commands: int, answers: int) -> None:
    """In the child: put the pipe ends on fds 3 and 4 (via high copies, so neither clobbers
    the other when the originals already sit on 3 or 4)."""
    high_commands = fcntl.fcntl(commands, fcntl.F_DUPFD, 10)
    high_answers = fcntl.fcntl(answers, fcntl.F_DUPFD, 10)
    os.dup2(high_commands, 3)
    os.dup2(high_answers, 4)


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, binary: str, profile: Path, timeout: float = 30.0) -> None:
        self.timeout = timeout
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium expects the pipe ends as fds 3 (commands in) and 4 (answers out).
        self._proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # our own fds are close-on-exec anyway; 3 and 4 are set in _wire
            preexec_fn=lambda: _wire(to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = self._attach()

    def _attach(self) -> str:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)
        return str(attached["sessionId"])

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_chrome], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            if "method" in answer:
                self.events.append(answer)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self.call(method, self.session, **params)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for a page event (or return it if it already arrived)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + self.timeout
        while True:
            event = self._receive(deadline)
            if "method" in event:
                self.events.append(event)
                if event["method"] == method:
                    return event

    def open(self, url: str, width: int = 1280, height: int = 2000) -> None:
        """Load ``url`` with console and log capture on; returns when it has loaded."""
        for domain in ("Page", "Runtime", "Log"):
            self.page(f"{domain}.enable")
        self.page(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.page("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and failed loads seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "warning",
                "assert",
            ):
                texts = [str(a.get("value", a.get("description"))) for a in params["args"]]
                found.append(f"console.{params['type']}: {' '.join(texts)}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                entry = params["entry"]
                found.append(f"{entry['source']}: {entry['text']} {entry.get('url', '')}")
        return found

    def media(self, media: str) -> None:
        """Lay the page out for ``media``: "screen" or "print"."""
        self.page("Emulation.setEmulatedMedia", media=media)

    def screenshot(self, path: Path) -> Path:
        """A PNG of the whole page."""
        shot = self.page("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        try:
            self._send({"id": self._next_id + 1, "method": "Browser.close", "params": {}})
            self._proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        finally:
            os.close(self._to_chrome)
            os.close(self._from_chrome)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
