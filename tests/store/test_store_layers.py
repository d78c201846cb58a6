"""game.store knows nothing of the engine: it imports and works with game.sim, game.content
and game.play unavailable (verification takes the replay as a callable)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# `sys.modules[name] = None` makes any `import name` fail, as on a machine without it.
SCRIPT = """
import importlib, pkgutil, sys, tempfile
from pathlib import Path
for blocked in ("game.sim", "game.content", "game.play", "numpy", "pygame"):
    sys.modules[blocked] = None
import game.store
names = [m.name for m in pkgutil.iter_modules(game.store.__path__, "game.store.")]
for name in names:
    importlib.import_module(name)
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from game.store.verification import Replayed
with tempfile.TemporaryDirectory() as folder, Leaderboard.open(Path(folder)) as board:
    board.record(Playthrough("Anna", "lab", "h1", 6.0, "end", 1, ("a", 2, None)))
    report = board.verify(lambda *log: Replayed(6.0, "end", {}))
    print(len(names), "modules", report.counts)
"""


def test_the_store_imports_and_verifies_without_engine_content_or_play() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.endswith("modules {'verified': 1}\n"), done.stdout
