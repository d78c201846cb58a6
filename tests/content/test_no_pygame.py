"""game.content knows nothing of pygame or numpy: it imports and checks files without them."""

from __future__ import annotations

import subprocess
import sys

# `sys.modules[name] = None` makes any `import name` fail, as on a machine without it.
SCRIPT = """
import importlib, pkgutil, sys
sys.modules["pygame"] = None
sys.modules["numpy"] = None
import game.content
names = [m.name for m in pkgutil.iter_modules(game.content.__path__, "game.content.")]
for name in names:
    importlib.import_module(name)
from pathlib import Path
from game.content.library import check_files
folder = Path("game/data/scenarios")
examples = [folder / "example_release.yaml", folder / "example_team.yaml"]
problems = check_files(examples)
print(len(problems), "problems")
sys.exit(1 if problems else 0)
"""


def test_content_layer_imports_and_checks_without_pygame_or_numpy(repo_root):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=repo_root, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "0 problems\n"
