"""Live reload in the window (`leadsim play SCENARIO --watch`), for authors.

Twice a second the worker thread looks at the files of the game being played; when they
changed, it reads the new version and replays the decisions so far on it (game.play.reload),
so no frame waits for the files or the replay. Back on the main thread the game run takes the
replay and a notice says what happened: reloaded; or replayed up to a decision whose choice
is gone or no longer on offer, from where the player decides again; or, for a file that no
longer validates, its problems while the last good version keeps running.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.watch import Broken, Reloaded, Watcher
from game.play.reload import Replayed, replay_log
from game.play.run import GameRun
from game.sim.session import Decision
from game.ui.jobs import Job
from game.ui.resume import debrief_later, home
from game.ui.scene import Host

POLL_SECONDS = 0.5
Looked = tuple[Reloaded | Broken | None, Replayed | None]


def look(watcher: Watcher, seed: int, decisions: Sequence[Decision], number: int) -> Looked:
    """Whether the files changed and, for a new version that validates, the game replayed
    on it (worker thread: reads files, touches nothing the window uses)."""
    change = watcher.poll()
    if isinstance(change, Reloaded):
        return change, replay_log(change.bundle, seed, decisions, number)
    return change, None


class LiveReload:
    """Follows the game being played and reloads its scenario when its files change."""

    def __init__(self) -> None:
        self.watcher: Watcher | None = None
        self.run: GameRun | None = None
        self.waited = 0.0
        self.job: Job[Looked] | None = None

    def tick(self, host: Host, run: GameRun | None, dt: float) -> bool:
        """Look now and then; returns True when something changed on screen."""
        if self.job is not None:
            if not self.job.done:
                return False
            change, replayed = self.job.result()
            self.job = None
            if run is None or run is not self.run or change is None:
                return False  # nothing changed, or the player left that game meanwhile
            self.show(host, run, change, replayed)
            return True
        self.waited += dt
        if run is None or self.waited < POLL_SECONDS:
            return False
        self.waited = 0.0
        if run is not self.run or self.watcher is None:
            self.run, self.watcher = run, Watcher(run.bundle, list(host.services.scenario_dirs))
            return False
        watcher, session = self.watcher, run.session
        seed, decisions, number = session.seed, list(session.decisions), session.run
        self.job = host.services.jobs.submit(lambda: look(watcher, seed, decisions, number))
        return False

    def show(
        self, host: Host, run: GameRun, change: Reloaded | Broken, replayed: Replayed | None
    ) -> None:
        """Take the new version and say what happened (main thread)."""
        if isinstance(change, Broken):
            host.push(host.scene("notice", run.reload(change).text))
            return
        assert replayed is not None  # a version that validates is always replayed
        report = run.adopt(replayed)
        notice = host.scene("notice", report.text)
        if run.finished:
            host.reset(*home(host), debrief_later(host, run), notice)
        elif report.kind == "stopped":
            # the screens of the decisions taken back are gone: decide again from there
            host.reset(*home(host), host.scene("decision", run), notice)
        else:
            host.push(notice)
