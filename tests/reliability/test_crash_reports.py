"""An internal error's report: in the data folder, a name no one can guess, never via a link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")

# A real process whose `leadsim schema` hits a bug: the command raises.
CRASH = """
import sys
import game.commands.schema as schema
def broken(args):
    raise RuntimeError("boom \\x1b]0;owned\\x07")
schema.run = broken
from game.cli import main
sys.exit(main(["schema"]))
"""


def crash(data: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "LEADSIM_DATA_DIR": str(data), "TMPDIR": str(tmp)}
    return subprocess.run(
        [sys.executable, "-c", CRASH], capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=60,
    )  # fmt: skip


def reports_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("leadsim-crash-*.txt"))


def test_two_crashes_leave_two_private_reports_in_the_data_folder(tmp_path):
    data = tmp_path / "data"
    first, second = crash(data, tmp_path / "tmp"), crash(data, tmp_path / "tmp")
    assert (first.returncode, second.returncode) == (3, 3)
    reports = reports_in(data / "crash-reports")
    assert len(reports) == 2
    for report in reports:
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
        assert "RuntimeError: boom" in report.read_text(encoding="utf-8")
    assert str(reports[0]) in first.stderr + second.stderr
    assert str(reports[1]) in first.stderr + second.stderr
    assert stat.S_IMODE((data / "crash-reports").stat().st_mode) == 0o700
    # the name carries a random part: nothing to predict, even within one second
    assert len({r.name.rsplit("-", 1)[1] for r in reports}) == 2


def test_the_message_shows_control_characters_escaped(tmp_path):
    result = crash(tmp_path / "data", tmp_path / "tmp")
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "boom \\x1b]0;owned\\x07" in result.stderr


def test_links_planted_at_predictable_places_are_never_followed(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    now = time.time()
    for offset in range(-2, 30):  # where reports used to go, for the next half minute
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now + offset))
        (tmp / f"leadsim-internal-error-{stamp}.txt").symlink_to(victim)
    data = tmp_path / "data"
    data.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data / "crash-reports").symlink_to(elsewhere)  # the report folder itself, redirected
    result = crash(data, tmp)
    assert result.returncode == 3
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert list(elsewhere.iterdir()) == []
    reports = reports_in(tmp)
    assert len(reports) == 1
    assert stat.S_IMODE(reports[0].parent.stat().st_mode) == 0o700
    assert str(reports[0]) in result.stderr


def test_without_a_data_folder_the_report_goes_to_a_private_temporary_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = crash(blocker / "data", tmp_path / "tmp")
    assert result.returncode == 3
    reports = reports_in(tmp_path / "tmp")
    assert len(reports) == 1
    assert reports[0].parent.parent == tmp_path / "tmp"
    assert stat.S_IMODE(reports[0].parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
