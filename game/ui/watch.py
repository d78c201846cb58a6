"""Live reload in the window (`leadsim play SCENARIO --watch`), for authors.

Twice a second the App asks the watcher of the game being played whether its files changed.
A change that validates is replayed (the decisions so far, on the new version) and play goes
on from there; a change that does not validate, or that the decisions no longer fit, is shown
in a notice and the last good version keeps running.
"""

from __future__ import annotations

from game.content.watch import Broken, Reloaded, Watcher
from game.sim.session import ReplayError, Session
from game.ui.flow import GameRun
from game.ui.scene import Host, Scene
from game.ui.scenes.notice import NoticeScene

POLL_SECONDS = 0.5


class LiveReload:
    """Follows the GameRun on top of the scene stack and reloads its scenario when it changes."""

    def __init__(self) -> None:
        self.watcher: Watcher | None = None
        self.run: GameRun | None = None
        self.waited = 0.0

    def tick(self, host: Host, run: GameRun | None, dt: float) -> bool:
        """Poll now and then; returns True when something changed on screen."""
        self.waited += dt
        if run is None or self.waited < POLL_SECONDS:
            return False
        self.waited = 0.0
        if run is not self.run or self.watcher is None:
            self.run, self.watcher = run, Watcher(run.bundle, list(host.services.scenario_dirs))
            return False
        change = self.watcher.poll()
        if change is None:
            return False
        strings = host.strings
        if isinstance(change, Broken):
            problems = "\n".join(d.format() for d in change.diagnostics[:8])
            host.push(NoticeScene(host, f"{strings('text.reload_broken')}\n{problems}"))
            return True
        assert isinstance(change, Reloaded)
        old = run.session
        try:
            new = Session.replay(change.bundle, old.seed, old.decisions, old.run)
        except ReplayError as err:
            host.push(NoticeScene(host, strings("text.reload_misfit", problem=str(err))))
            return True
        run.bundle, run.session = change.bundle, new
        run.views.append(new.view())
        host.push(NoticeScene(host, strings("text.reloaded", count=len(new.decisions))))
        return True


def current_run(stack: list[Scene]) -> GameRun | None:
    """The game being played: the run of the topmost screen that has one."""
    for scene in reversed(stack):
        run = getattr(scene, "run", None)
        if isinstance(run, GameRun):
            return run
    return None
