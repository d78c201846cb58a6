"""Telling the class's projector how far a run is, without ever making the game wait.

Each turn hands the news to a thread of its own, which sends it with a short timeout; only the
latest news matters, so news not yet sent is replaced by newer. A class that does not answer
costs the player nothing: the news is dropped and the game goes on.
"""

from __future__ import annotations

import threading

from game.play.client import ClassClient

TIMEOUT_S = 1.0


class ProgressReporter:
    """Sends "run RUN_ID of NAME is at decision N" to the class of ``client``."""

    def __init__(self, client: ClassClient, run_id: str, name: str, scenario_id: str) -> None:
        self.client = client.twin(TIMEOUT_S)
        self.run_id, self.name, self.scenario_id = run_id, name, scenario_id
        self.delivered = 0  # how many reports the server took (for the curious and the tests)
        self._news: tuple[int, bool] | None = None
        self._closing = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="class-progress", daemon=True)
        self._thread.start()

    def report(self, decisions: int, finished: bool = False) -> None:
        """Queue the news (returns at once)."""
        with self._wake:
            self._news = (decisions, finished)
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._news is None and not self._closing:
                    self._wake.wait()
                if self._news is None:
                    return
                news, self._news = self._news, None
            took = self.client.progress(self.run_id, self.name, self.scenario_id, *news)
            with self._wake:
                self.delivered += int(took)

    def close(self, wait_s: float = TIMEOUT_S + 0.5) -> None:
        """Send what is still queued if it goes within ``wait_s``, then stop."""
        with self._wake:
            self._closing = True
            self._wake.notify_all()
        self._thread.join(timeout=wait_s)
        if not self._thread.is_alive():
            self.client.close()
