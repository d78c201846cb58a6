"""`leadsim play` refuses a bad --size or --screenshots with one clear line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main


def play(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["play", "example_release", *args])
    err = capsys.readouterr().err
    return code, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("size", "says"),
    [
        ("abc", "--size wants WIDTHxHEIGHT"),
        ("10x10", "too small"),
        ("99999x99999", "too large"),
        ("1280x\x1b[2J", "\\x1b"),
    ],
)
def test_a_bad_size_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], size: str, says: str
) -> None:
    code, err = play(capsys, "--size", size)
    assert code == 2
    assert says in one_line(err) and "\x1b" not in err


def test_screenshots_into_a_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "shots.png"
    target.write_bytes(b"not a folder")
    code, err = play(capsys, "--autoplay", "random", "--screenshots", str(target))
    assert code == 2
    assert "is a file" in one_line(err)
    assert target.read_bytes() == b"not a folder"


def test_screenshots_below_a_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, err = play(capsys, "--autoplay", "random", "--screenshots", str(tmp_path / "file/x"))
    assert code == 2
    assert "not a folder" in one_line(err)


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a folder nobody may write in")
def test_screenshots_in_an_unwritable_folder_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # /sys takes no new file, not even from root
    code, err = play(capsys, "--autoplay", "random", "--screenshots", "/sys/leadsim-shots")
    assert code == 2
    assert "cannot write in /sys" in one_line(err)


def test_screenshots_without_autoplay_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = play(capsys, "--screenshots", str(tmp_path / "shots"))
    assert code == 2
    assert "--autoplay" in one_line(err)
    assert not (tmp_path / "shots").exists()
