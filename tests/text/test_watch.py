"""Live reload in the terminal: edit the scenario while playing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="polling stdin needs POSIX")


def read_until(proc: subprocess.Popen, marker: str, timeout: float = 60) -> str:
    assert proc.stdout is not None
    seen = ""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline, f"no {marker!r} in:\n{seen}"
        char = proc.stdout.read(1)
        assert char, f"output ended before {marker!r}:\n{seen}"
        seen += char
    return seen


def play(tmp_path: Path, *args: str) -> subprocess.Popen:
    """`leadsim play ARGS` in a child with pipes, its data folder in tmp_path."""
    environ = {**os.environ, "LEADSIM_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "game", "play", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=environ,
        bufsize=0,
    )


def test_editing_the_scenario_reloads_it_and_keeps_the_decisions(tmp_path):
    for name in ("example_release.yaml", "example_team.yaml"):
        shutil.copy(ROOT / "game" / "data" / "scenarios" / name, tmp_path / name)
    scenario = tmp_path / "example_release.yaml"
    proc = play(tmp_path, str(scenario), "--text", "--watch", "--seed", "1")
    assert proc.stdin is not None
    try:
        read_until(proc, "Your choice")
        proc.stdin.write("1\n")
        proc.stdin.flush()
        read_until(proc, "Your choice")
        original = scenario.read_text(encoding="utf-8")
        scenario.write_text(original.replace("The last two days", "The final stretch"), "utf-8")
        seen = read_until(proc, "Your choice")
        assert "reloaded, 1 decisions replayed" in seen
        assert "THE FINAL STRETCH" in seen
        scenario.write_text(original.replace("kind: scenario", "kind: scenari"), "utf-8")
        seen = read_until(proc, "Your choice")
        assert "no longer validates" in seen
        assert "did you mean 'scenario'?" in seen
        proc.stdin.write("1\n1\n")
        proc.stdin.close()
        out = proc.stdout.read() if proc.stdout else ""
        assert proc.wait(timeout=60) == 0
        assert "Ending:" in out
    finally:
        proc.kill()


def test_a_time_limit_runs_out_in_the_terminal(tmp_path):
    shutil.copy(
        ROOT / "game" / "data" / "scenarios" / "example_team.yaml", tmp_path / "example_team.yaml"
    )
    text = (ROOT / "game" / "data" / "scenarios" / "example_release.yaml").read_text(
        encoding="utf-8"
    )
    timed = text.replace("  - id: status\n", "  - id: status\n    time_limit: 1\n", 1)
    (tmp_path / "example_release.yaml").write_text(timed, encoding="utf-8")
    proc = play(tmp_path, str(tmp_path / "example_release.yaml"), "--text", "--seed", "1")
    assert proc.stdin is not None
    try:
        seen = read_until(proc, "s left")
        assert "You have 1 seconds to decide" in seen
        seen = read_until(proc, "THE LAST TWO DAYS")  # nobody typed: the time ran out
        assert "Time ran out before you decided." in seen
        proc.stdin.write("1\n1\n")
        proc.stdin.close()
        out = proc.stdout.read() if proc.stdout else ""
        assert proc.wait(timeout=60) == 0
        assert "Ending:" in out
        assert "(time ran out)" in out
    finally:
        proc.kill()
