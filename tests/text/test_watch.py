"""Live reload in the terminal: edit the scenario under a running `leadsim play --text --watch`."""

from __future__ import annotations

import codecs
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.library import load_bundle
from game.i18n import Strings
from game.sim.session import Session
from tests.play.helpers import (
    edit_events,
    example_copy,
    reverse_choices,
    share_testing_removed,
    without_choice,
)

ROOT = Path(__file__).resolve().parents[2]
EN = Strings("en")
PROMPT = "Your choice"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="polling stdin needs POSIX")


class Child:
    """`leadsim play ARGS` in a child with pipes, its data folder in `data`; its output is
    read without ever blocking past a deadline."""

    def __init__(self, data: Path, *args: str) -> None:
        environ = {**os.environ, "LEADSIM_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "play", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=environ,
        )
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.seen = ""

    def read_until(self, marker: str, timeout: float = 60) -> str:
        """The output from the last marker read up to and including `marker`."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while marker not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"no {marker!r} in:\n{self.seen}"
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 4096)
                assert chunk, f"output ended before {marker!r}:\n{self.seen}"
                self.seen += self.decoder.decode(chunk)
        end = self.seen.index(marker) + len(marker)
        said, self.seen = self.seen[:end], self.seen[end:]
        return said

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{line}\n".encode())
        self.proc.stdin.flush()

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Close the input; the exit code and all the output not read yet."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([fd], [], [], left)
            chunk = os.read(fd, 4096) if ready else b""
            if ready and not chunk:
                break
            self.seen += self.decoder.decode(chunk)
        return self.proc.wait(timeout=max(1.0, deadline - time.monotonic())), self.seen


def number(path: Path, decisions: list[str], choice: str) -> int:
    """The number the terminal shows for `choice` after `decisions` (seed 1)."""
    session = Session.replay(load_bundle(path), 1, decisions)
    return [option.id for option in session.choices()].index(choice) + 1


def saved(data: Path) -> list[object]:
    (path,) = data.glob("auto-*.json")
    return json.loads(path.read_text(encoding="utf-8"))["decisions"]


def words(text: str) -> str:
    """Text with its wrapping undone."""
    return " ".join(text.split())


def test_editing_the_scenario_reloads_it_and_keeps_the_decisions(tmp_path):
    scenario = example_copy(tmp_path)
    child = Child(tmp_path / "data", str(scenario), "--text", "--watch", "--seed", "1")
    try:
        child.read_until(PROMPT)
        child.type("1")
        child.read_until(PROMPT)
        original = scenario.read_text(encoding="utf-8")
        scenario.write_text(original.replace("The last two days", "The final stretch"), "utf-8")
        seen = child.read_until(PROMPT)
        assert EN("text.reloaded", count=1) in words(seen)
        assert "THE FINAL STRETCH" in seen
        scenario.write_text(original.replace("kind: scenario", "kind: scenari"), "utf-8")
        seen = child.read_until(PROMPT)
        assert EN("text.reload_broken") in words(seen)
        assert "did you mean 'scenario'?" in seen
        child.type("1")
        child.type("1")
        code, out = child.finish()
        assert code == 0
        assert "Ending:" in out
    finally:
        child.proc.kill()


def test_reordered_and_deleted_choices_under_a_running_watch(tmp_path):
    scenario, data = example_copy(tmp_path), tmp_path / "data"
    child = Child(data, str(scenario), "--text", "--watch", "--seed", "1")
    try:
        child.read_until(PROMPT)
        child.type(str(number(scenario, [], "ask_oleg")))
        child.read_until(PROMPT)
        child.type(str(number(scenario, ["ask_oleg"], "share_testing")))
        child.read_until(PROMPT)  # the third decision: release day
        # reordering the choices in the file replays the same choices
        edit_events(scenario, reverse_choices)
        seen = child.read_until(PROMPT)
        assert EN("text.reloaded", count=2) in words(seen)
        assert "RELEASE DAY" in seen
        assert saved(data) == ["ask_oleg", "share_testing"]
        # deleting the taken choice stops at that decision, which the player makes again
        edit_events(scenario, without_choice("share_testing"))
        seen = child.read_until(PROMPT)
        said = share_testing_removed()
        assert said in words(seen)
        assert "THE LAST TWO DAYS" in seen.split("decide again")[-1]
        assert saved(data) == ["ask_oleg"]
        child.type(str(number(scenario, ["ask_oleg"], "one_goal")))
        child.read_until(PROMPT)
        assert saved(data) == ["ask_oleg", "one_goal"]
        # after several reloads the count is still right
        edit_events(scenario, reverse_choices)
        seen = child.read_until(PROMPT)
        assert EN("text.reloaded", count=2) in words(seen)
        child.type("1")
        code, _ = child.finish()
        assert code == 0
        decisions = saved(data)
        assert decisions[:2] == ["ask_oleg", "one_goal"] and len(decisions) == 3
    finally:
        child.proc.kill()


def test_a_time_limit_runs_out_in_the_terminal(tmp_path):
    shutil.copy(
        ROOT / "game" / "data" / "scenarios" / "example_team.yaml", tmp_path / "example_team.yaml"
    )
    text = (ROOT / "game" / "data" / "scenarios" / "example_release.yaml").read_text(
        encoding="utf-8"
    )
    timed = text.replace("  - id: status\n", "  - id: status\n    time_limit: 1\n", 1)
    (tmp_path / "example_release.yaml").write_text(timed, encoding="utf-8")
    child = Child(
        tmp_path / "data", str(tmp_path / "example_release.yaml"), "--text", "--seed", "1"
    )
    try:
        seen = child.read_until("[0:01!] Your choice")
        assert "You have 1 second to decide" in seen
        seen = child.read_until("THE LAST TWO DAYS")  # nobody typed: the time ran out
        assert "Time ran out before you decided." in seen
        child.type("1")
        child.type("1")
        code, out = child.finish()
        assert code == 0
        assert "Ending:" in out
        assert "(time ran out)" in out
    finally:
        child.proc.kill()
