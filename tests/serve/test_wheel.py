"""The wheel a trainee installs: built from the checkout, installed into a fresh virtual
environment, it plays a bundled scenario, knows its version and keeps saves in the user's data
folder, never in a checkout.

The fresh environment gets the game's dependencies from the test's own environment (a path
file naming its site-packages), so the test needs no network and installs only the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from game import __version__

ROOT = Path(__file__).resolve().parents[2]
# folders of the checkout that are no part of the source (at the top), and caches (anywhere)
TOP_LEFT_OUT = {".venv", ".git", "build", "dist", "saves", "report"}
CACHES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}


def _left_out(folder: str, names: list[str]) -> set[str]:
    top = TOP_LEFT_OUT if Path(folder) == ROOT else set()
    return {n for n in names if n in top or n in CACHES or n.endswith(".egg-info")}


def _run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **options)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{command[:3]} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the built wheel installed in it; its bin/."""
    scratch = tmp_path_factory.mktemp("wheel")
    # built from a copy: a build leaves folders behind, and must not in the checkout
    source = scratch / "source"
    shutil.copytree(ROOT, source, ignore=_left_out)
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
          "-w", str(scratch / "dist"), "-q"])  # fmt: skip
    [wheel] = (scratch / "dist").glob("leadsim-*.whl")
    venv = scratch / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    target = Path(purelib.stdout.strip())
    # the dependencies come from this environment; the game itself only from the wheel
    ours = [p for p in {sysconfig.get_path("purelib"), *site.getsitepackages()} if Path(p).is_dir()]
    (target / "leadsim_test_deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "-q", str(wheel)])  # fmt: skip
    return bin_dir


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEADSIM_", "XDG_"))}
    return {**env, "HOME": str(home), "PYTHONNOUSERSITE": "1", "SDL_VIDEODRIVER": "dummy"}


def test_the_installed_game_comes_from_the_wheel_and_knows_its_version(installed, tmp_path):
    where = _run([str(installed / "python"), "-c", "import game; print(game.__file__)"],
                 cwd=tmp_path, env=_env(tmp_path))  # fmt: skip
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)
    version = _run([str(installed / "leadsim"), "--version"], cwd=tmp_path, env=_env(tmp_path))
    assert version.stdout.strip() == f"leadsim {__version__}"


def test_the_installed_game_plays_a_bundled_scenario_and_saves_in_the_users_data_folder(
    installed, tmp_path
):
    home = tmp_path / "home"
    home.mkdir()
    played = _run(
        [str(installed / "leadsim"), "play", "example_release", "--policy", "principled",
         "--json", "--name", "Wheel"],
        cwd=tmp_path, env=_env(home),
    )  # fmt: skip
    summary = json.loads(played.stdout)
    assert summary["scenario"] == "example_release" and summary["ending"]
    data = home / ".local" / "share" / "leadsim"
    assert (data / "leaderboard.sqlite3").is_file()
    assert not (tmp_path / "saves").exists()
    served = _run([str(installed / "leadsim"), "serve", "--help"], cwd=tmp_path, env=_env(home))
    assert "--lan" in served.stdout
