"""A reader that goes away, and standard streams closed by the caller: clean ends, true codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.cli_child import CHILD, MEMORY, ROOT, leadsim

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and descriptors")

SCENARIOS = ROOT / "game" / "data" / "scenarios"


def many_errors(tmp_path: Path) -> Path:
    """A team file with 20,000 unknown keys: far more output than a pipe holds."""
    path = tmp_path / "bad.yaml"
    keys = "".join(f"unknown_{n}: 1\n" for n in range(20_000))
    path.write_text("kind: team\nid: t\nname: T\nmembers: []\n" + keys, encoding="utf-8")
    return path


def test_a_reader_that_stops_early_leaves_a_failing_status_and_no_noise(tmp_path):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(memory=MEMORY), "check", str(many_errors(tmp_path))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()  # as `| head -1` does
    err = child.stderr.read().decode()
    code = child.wait(timeout=60)
    assert first.startswith(str(tmp_path).encode())
    assert code == 141
    assert err == ""


def test_a_reader_that_reads_everything_gets_the_usual_status(tmp_path):
    result = leadsim("check", many_errors(tmp_path))
    assert result.returncode == 1
    assert result.stdout.endswith("20001 errors in 1 file, 0 warnings\n")


def _closing(fd: int) -> dict[str, object]:
    return {"preexec_fn": lambda: os.close(fd)}


def test_closed_standard_output_is_said_on_stderr_and_the_status_kept(tmp_path):
    result = leadsim("check", many_errors(tmp_path), stdout=None, **_closing(1))
    assert result.returncode == 1
    assert result.stderr == "leadsim: standard output is closed; what it would show is discarded\n"


def test_closed_standard_input_ends_the_terminal_game_as_input_ending(tmp_path):
    scenario = SCENARIOS / "example_release.yaml"
    result = leadsim(
        "play", scenario, "--text", "--seed", "4", stdin=None, **_closing(0),
        env={"LEADSIM_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "Input ended" in result.stderr
