"""Several processes at once, and processes killed in the middle of writing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.store.leaderboard import Leaderboard
from game.store.saves import SaveEntry, SaveStore

WORKER = Path(__file__).with_name("store_worker.py")
REPO = Path(__file__).resolve().parents[2]


def _spawn(*args: str, stdout: int | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args], env=env, stdout=stdout, text=True,
        stderr=subprocess.PIPE,
    )  # fmt: skip


def test_four_writer_processes_lose_no_row(data_dir: Path) -> None:
    with Leaderboard.open():  # create the file once, as the game would at start
        pass
    workers = [
        _spawn("leaderboard", str(data_dir), str(n), "250", stdout=subprocess.PIPE)
        for n in range(4)
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "done"
    with Leaderboard.open() as board:
        assert board.count() == 1000
        seeds = {row.seed for row in board.all_rows()}
        assert seeds == {w * 100_000 + n for w in range(4) for n in range(250)}
        assert len(board.personal_bests("игрок 2")) == 1


def _temp_files(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]


def _kill_mid_write(child: subprocess.Popen[str], folder: Path, known: set[str]) -> None:
    """SIGKILL ``child`` as soon as a new temporary file shows it is inside a write."""
    for _ in range(10_000_000):
        if set(_temp_files(folder)) - known:
            break
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_saves_survive_sigkill_in_the_middle_of_writing(data_dir: Path) -> None:
    store = SaveStore()
    for iteration in range(30):
        child = _spawn("saves", str(data_dir), stdout=subprocess.PIPE)
        assert child.stdout is not None
        for _ in range(1 + iteration % 7):  # let it write a varying number of times
            assert child.stdout.readline(), child.stderr.read() if child.stderr else ""
        if iteration % 2:
            _kill_mid_write(child, data_dir, set(_temp_files(data_dir)))
        else:
            child.send_signal(signal.SIGKILL)  # between or early in a write
        child.wait(timeout=30)
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        listing = store.scan()
        assert listing.problems == (), [str(p) for p in listing.problems]
        assert listing.latest is not None

    assert _temp_files(data_dir), "no kill landed inside a write; the test proved nothing"
    listing = store.scan()
    games = {e.record.game_id for e in listing.saves if e.is_autosave}
    assert games == {"alpha", "beta", "gamma"}
    assert sum(len(e.record.decisions) for e in listing.saves if e.is_autosave) >= 30
    for entry in listing.saves:
        _assert_consistent(entry)
        backup = store.load(entry.path.with_name(entry.path.name + ".bak"))
        assert isinstance(backup, SaveEntry)
        _assert_consistent(backup)


def _assert_consistent(entry: SaveEntry) -> None:
    """Each file is a complete version: its snapshot matches its own decisions."""
    record = entry.record
    assert not entry.from_backup
    assert record.snapshot is not None
    assert record.snapshot["turn"] == len(record.decisions)
    assert record.snapshot["total"] == sum(record.decisions)
