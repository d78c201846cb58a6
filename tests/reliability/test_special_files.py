"""Pipes, devices, huge sparse files and unreadable folders: refused at once, never read."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from game.content.library import scan
from game.safe_file import RefusedFile, read_regular
from tests.reliability.cli_child import leadsim

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and limits")

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "data" / "scenarios"
PIPE = "not a regular file: it is a named pipe"
DEVICE = "not a regular file: it is a device"


def scenario_folder(tmp_path: Path) -> Path:
    """A folder with a good scenario and team, a pipe, a 2 GB sparse file, /dev/zero and a link
    to itself."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name in ("example_release.yaml", "example_team.yaml"):
        shutil.copy(SCENARIOS / name, folder / name)
    os.mkfifo(folder / "pipe.yaml")
    with open(folder / "sparse.yaml", "wb") as sparse:
        sparse.truncate(2 << 30)
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    return folder


def test_check_reports_each_special_file_of_a_folder_and_checks_the_rest(tmp_path):
    folder = scenario_folder(tmp_path)
    result = leadsim("check", folder)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{folder}/example_release.yaml: ok",
        f"{folder}/example_team.yaml: ok",
        f"{folder}/loop.yaml:1:1: error: (document): cannot read the file: Too many levels of "
        "symbolic links",
        f"{folder}/pipe.yaml:1:1: error: (document): {PIPE} (name an ordinary file)",
        f"{folder}/sparse.yaml:1:1: error: (document): the file is 2.0 GB, over the 16 MB "
        "limit (split it into smaller scenarios)",
        f"{folder}/zero.yaml:1:1: error: (document): {DEVICE} (name an ordinary file)",
        "6 files checked: 4 errors in 4 files, 0 warnings",
    ]


@pytest.mark.parametrize("command", [["check"], ["play", "--text"], ["playtest", "--runs", "5"]])
@pytest.mark.parametrize("name", ["pipe.yaml", "pipe", "/dev/zero"])
def test_commands_refuse_a_pipe_or_a_device_without_waiting(tmp_path, command, name):
    if name.startswith("/"):
        target = Path(name)
    else:
        target = tmp_path / name
        os.mkfifo(target)
    result = leadsim(command[0], target, *command[1:], timeout=30)
    assert result.returncode == 1, result.stderr
    assert (DEVICE if name.startswith("/") else PIPE) in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_playing_by_id_skips_special_files_in_a_scenario_folder(tmp_path):
    folder = scenario_folder(tmp_path)
    result = leadsim(
        "play", "example_release", "--json", "--policy", "principled", "--seed", "3",
        env={"LEADSIM_SCENARIOS": str(folder), "LEADSIM_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"scenario": "example_release"' in result.stdout


def test_an_impossible_path_in_the_scenario_folders_is_skipped(tmp_path):
    too_long = tmp_path / ("x" * 300)
    result = leadsim(
        "play", "example_release", "--json", "--policy", "principled", "--seed", "3",
        env={"LEADSIM_SCENARIOS": str(too_long), "LEADSIM_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _nest_too_deep_to_open(top: Path) -> None:
    """Folders nested past the system's longest path: listing the deepest one fails."""
    fd = os.open(top, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=fd)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_is_scanned(tmp_path):
    shutil.copy(SCENARIOS / "example_team.yaml", tmp_path / "team.yaml")
    _nest_too_deep_to_open(tmp_path)
    found = scan([tmp_path])
    assert found.files == [tmp_path / "team.yaml"]
    assert len(found.problems) == 1
    assert found.problems[0].message == "cannot read the folder: File name too long"
    result = leadsim("check", tmp_path)
    assert result.returncode == 1, result.stderr
    assert "error: (document): cannot read the folder: File name too long" in result.stdout
    assert f"{tmp_path}/team.yaml: ok" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind the superuser")
def test_an_unreadable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(SCENARIOS / "example_team.yaml", tmp_path / "team.yaml")
    locked.chmod(0)
    try:
        found = scan([tmp_path])
    finally:
        locked.chmod(0o700)
    assert found.files == [tmp_path / "team.yaml"]
    assert [p.message for p in found.problems] == ["cannot read the folder: Permission denied"]


def test_read_regular_reads_at_most_the_limit(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10) == b"x" * 10
    with pytest.raises(RefusedFile) as err:
        read_regular(path, 9)
    assert err.value.message == "the file is 10 bytes, over the 9 bytes limit"
