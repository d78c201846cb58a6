"""What the screens need from outside the window: scenarios, saves, the leaderboard, settings,
the class the window is connected to, and a worker thread for slow work.

One `Services` object is made per run and handed to the screens (no globals). When the
leaderboard cannot be opened, it is shown as unavailable with the reason, and everything
else keeps working (saving failures are the game run's to tell: game.play.run). The scenario
library is read in the background (`scan`, see `game.ui.scan`); other slow work goes to
`jobs` (see `game.ui.jobs`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.store.datadir import data_dir
from game.store.errors import StoreError
from game.store.leaderboard import Leaderboard
from game.store.saves import SaveStore
from game.ui.classroom import Classroom
from game.ui.jobs import Jobs
from game.ui.scan import LibraryScan
from game.ui.settings import SettingsFile

if TYPE_CHECKING:
    from game.play.client import ClassClient

ClientMaker = Callable[[Path | None], "ClassClient"]


@dataclass
class Services:
    scenario_dirs: list[Path] = field(default_factory=list)
    saves: SaveStore | None = None  # None: this window saves nothing
    settings_file: SettingsFile = field(default_factory=lambda: SettingsFile(None))
    open_leaderboard: Callable[[], Leaderboard] | None = None
    clock: Callable[[], float] = time.monotonic
    problem: str | None = None  # why the store is unavailable, for the player
    jobs: Jobs = field(default_factory=Jobs)
    class_folder: Path | None = None  # where the class link keeps its outbox; None: no class
    class_client: ClientMaker | None = None  # makes the class client (None: the real one)
    _board: Leaderboard | None = None

    def __post_init__(self) -> None:
        # every scenario file found (bundled, $LEADSIM_SCENARIOS, --scenarios)
        self.scan = LibraryScan(self.scenario_dirs)
        self.classroom = Classroom(
            self.class_folder,
            self.jobs,
            self.clock,
            make_client=self.class_client,
            local=self._library_versions,
        )

    def _library_versions(self) -> frozenset[str]:
        """The scenario versions read so far (the class does not fetch these again)."""
        entries = self.scan.current().entries or ()
        return frozenset(e.bundle.content_hash for e in entries if e.bundle is not None)

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the background work is done (for tests and scripts); False on timeout."""
        self.scan.wait(timeout)
        return self.jobs.wait(timeout)

    def leaderboard(self) -> Leaderboard | None:
        """The open leaderboard, opened on first use; None (with `problem`) if unavailable."""
        if self._board is None and self.open_leaderboard is not None:
            try:
                self._board = self.open_leaderboard()
            except (StoreError, OSError) as err:  # keep playing without it
                self.problem = str(err)
                self.open_leaderboard = None
        return self._board

    def best_score(self, scenario_id: str, content_hash: str) -> float | None:
        board = self.leaderboard()
        if board is None:
            return None
        try:
            rows = board.top(scenario_id, content_hash, 1)
        except (StoreError, OSError) as err:
            self.problem = str(err)
            return None
        return float(rows[0].score) if rows else None

    def close(self) -> None:
        self.scan.close()
        self.jobs.close()
        self.classroom.close()
        if self._board is not None:
            self._board.close()
            self._board = None


def make_services(scenario_dirs: list[Path], class_client: ClientMaker | None = None) -> Services:
    """Services with the saves, the settings and the leaderboard in the data folder
    (`class_client`: how the class client is made, for a client that must not reach out)."""
    folder = data_dir()
    return Services(
        list(scenario_dirs),
        saves=SaveStore(folder),
        settings_file=SettingsFile(folder),
        open_leaderboard=lambda: Leaderboard.open(folder),
        class_folder=folder,
        class_client=class_client,
    )
