"""Terminal play end to end, through the real command line in a subprocess."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.i18n import Strings

ROOT = Path(__file__).resolve().parents[2]


def leadsim(*args: str, stdin: str = "", data_dir: Path, **env: str):
    environ = {**os.environ, "LEADSIM_DATA_DIR": str(data_dir), **env}
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=120,
    )


def test_same_seed_and_decisions_print_byte_identical_json(tmp_path):
    args = ("play", "example_release", "--seed", "5", "--choices", "1,2,weigh_calmly", "--json")
    first = leadsim(*args, data_dir=tmp_path)
    second = leadsim(*args, data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    summary = json.loads(first.stdout)
    assert summary["decisions"] == ["ask_oleg", "share_testing", "weigh_calmly"]
    assert summary["ending"] == "smooth"
    assert {"scenario", "content_hash", "seed", "turns", "score", "ledger"} <= set(summary)
    for turn in summary["turns"]:
        assert all(0 <= v <= 1 for v in turn["metrics"].values())


def test_decisions_of_a_policy_run_replay_to_the_same_score(tmp_path):
    played = leadsim(
        "play", "example_release", "--seed", "9", "--policy", "random", "--json", data_dir=tmp_path
    )
    summary = json.loads(played.stdout)
    choices = ",".join(map(str, summary["decisions"]))
    replayed = leadsim(
        "play", "example_release", "--seed", "9", "--choices", choices, "--json", data_dir=tmp_path
    )
    assert json.loads(replayed.stdout)["score"] == summary["score"]


def test_bad_input_at_the_prompt_gets_a_message_and_keeps_the_game(tmp_path):
    typed = "abc\n\n7\n1\nh\n2\n1\n"
    result = leadsim(
        "play", "example_release", "--text", "--seed", "1", stdin=typed, data_dir=tmp_path
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Please type a number from 1 to 2." in out
    assert "Type the number of a choice" in out
    assert "Your decisions so far" in out
    assert "Ending:" in out
    assert "Traceback" not in out + result.stderr


def test_end_of_input_stops_cleanly_and_the_game_is_saved(tmp_path):
    result = leadsim(
        "play", "example_release", "--text", "--seed", "1", stdin="1\n", data_dir=tmp_path
    )
    assert result.returncode == 0
    assert Strings("en")("text.eof", count=1) in result.stderr
    saves = list(tmp_path.glob("auto-*.json"))
    assert len(saves) == 1
    assert json.loads(saves[0].read_text())["decisions"] == ["ask_oleg"]
    resumed = leadsim("play", "--text", "--continue", stdin="1\n1\n", data_dir=tmp_path)
    assert "Ending:" in resumed.stdout, resumed.stderr


def test_a_choice_not_on_offer_in_a_script_is_reported(tmp_path):
    result = leadsim("play", "example_release", "--choices", "2,2,1", "--json", data_dir=tmp_path)
    assert result.returncode == 1
    assert "Decision 2: choice 2 is not on offer in event 'plan'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_scenario_is_a_clear_error(tmp_path):
    result = leadsim("play", "no_such_thing", "--text", data_dir=tmp_path)
    assert result.returncode == 1
    assert "no scenario with this id" in result.stderr
    assert "example_release" in result.stderr


def test_russian_play_uses_russian_texts(tmp_path):
    result = leadsim(
        "play",
        "example_release",
        "--text",
        "--lang",
        "ru",
        "--policy",
        "principled",
        "--seed",
        "2",
        data_dir=tmp_path,
    )
    assert "Планёрка".upper() in result.stdout
    assert "Финал:" in result.stdout


def test_finished_run_with_a_name_reaches_the_leaderboard(tmp_path):
    played = leadsim(
        "play",
        "example_release",
        "--policy",
        "principled",
        "--text",
        "--seed",
        "4",
        "--name",
        "  Мария  ",
        data_dir=tmp_path,
    )
    assert played.returncode == 0, played.stderr
    # a policy's run is ranked apart from people's: listed with --all
    board = leadsim("leaderboard", "example_release", "--json", "--all", data_dir=tmp_path)
    rows = json.loads(board.stdout)
    assert rows[0]["name"] == "Мария"
    assert rows[0]["mode"] == "policy:principled"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_at_the_prompt_ends_cleanly(tmp_path):
    environ = {**os.environ, "LEADSIM_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "example_release", "--text", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=environ,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    seen = ""
    while "Your choice" not in seen and time.monotonic() < deadline:
        seen += proc.stdout.read(1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Interrupted" in err
    assert "Traceback" not in err


def test_engine_imports_without_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "import game.content.library, game.sim.session, game.sim.batch, game.sim.playtest\n"
        "import game.text.play\n"
        "from game.content.library import load_bundle\n"
        "from game.sim.session import Session\n"
        "s = Session(load_bundle('example_release'), 1)\n"
        "print('ok', s.event.id)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok status", result.stderr


def test_hidden_choices_leave_no_gap_in_the_numbers(tmp_path):
    # After "trust the status", the choice that needs the overload to be known is hidden:
    # the remaining two are numbered 1 and 2, in the order this game shows them.
    from game.content.library import load_bundle
    from game.sim.session import Session

    session = Session(load_bundle("example_release"), 1)
    number = [o.id for o in session.choices()].index("trust_status") + 1
    second = Session.replay(session.program, 1, ["trust_status"]).choices()
    assert len(second) == 2
    result = leadsim(
        "play", "example_release", "--text", "--seed", "1", stdin=f"{number}\n2\n",
        data_dir=tmp_path,
    )  # fmt: skip
    assert "3. " not in result.stdout.split("THE LAST TWO DAYS")[1].split("Your choice")[0]
    saves = list(tmp_path.glob("auto-*.json"))
    assert json.loads(saves[0].read_text())["decisions"] == ["trust_status", second[1].id]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_bundled_scenario_fits_an_80_column_terminal(lang):
    import io

    from game.content.library import ScenarioLibrary
    from game.play.run import GameRun
    from game.text.play import Decider, TextGame

    for entry in ScenarioLibrary().entries():
        assert entry.bundle is not None
        out = io.StringIO()
        game = TextGame(GameRun.start(entry.bundle, lang, seed=3), out, io.StringIO())
        assert game.run(Decider(policy="random", interactive=False)) is None
        too_long = [line for line in out.getvalue().splitlines() if len(line) > 80]
        assert too_long == [], (entry.id, too_long[:3])


def timed_copy(folder: Path, seconds: int) -> Path:
    """example_release with a time limit on its first decision."""
    scenarios = ROOT / "game" / "data" / "scenarios"
    shutil.copy(scenarios / "example_team.yaml", folder / "example_team.yaml")
    text = (scenarios / "example_release.yaml").read_text(encoding="utf-8")
    timed = text.replace("  - id: status\n", f"  - id: status\n    time_limit: {seconds}\n", 1)
    assert timed != text
    (folder / "example_release.yaml").write_text(timed, encoding="utf-8")
    return folder / "example_release.yaml"


def read_until(fd: int, marker: str, seen: str = "", timeout: float = 60) -> str:
    """What a child wrote to `fd` until `marker` appears (reads as the bytes come, no sleeps)."""
    data = seen.encode()
    deadline = time.monotonic() + timeout
    while marker not in data.decode("utf-8", errors="replace"):
        left = deadline - time.monotonic()
        assert left > 0, f"no {marker!r} in:\n{data.decode('utf-8', errors='replace')}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the terminal closed: the child is gone
                chunk = b""
            assert chunk, f"output ended before {marker!r}:\n{data.decode(errors='replace')}"
            data += chunk
    return data.decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs POSIX")
def test_the_countdown_counts_down_in_place_and_warns_at_ten_seconds(tmp_path):
    scenario = timed_copy(tmp_path, 12)
    main_fd, child_fd = os.openpty()
    environ = {**os.environ, "LEADSIM_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "80"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", str(scenario), "--text", "--seed", "1"],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, cwd=ROOT, env=environ,
    )  # fmt: skip
    os.close(child_fd)
    try:
        seen = read_until(main_fd, "[0:12 ] Your choice (1-")
        seen = read_until(main_fd, "\x1b7\r[0:11 ] Your choice (1-", seen)  # redrawn in place
        seen = read_until(main_fd, "10 seconds left: decide now", seen)
        seen = read_until(main_fd, "[0:10!] Your choice", seen)
        assert seen.index("[0:12 ]") < seen.index("[0:11 ]") < seen.index("[0:10!]")
        os.write(main_fd, b"1\n")
        seen = read_until(main_fd, "What happened:", seen)
        assert "Time ran out" not in seen
    finally:
        proc.kill()
        proc.wait(timeout=60)
        os.close(main_fd)


@pytest.mark.skipif(sys.platform == "win32", reason="polling a pipe needs POSIX")
def test_through_a_pipe_the_countdown_warns_once_without_redrawing(tmp_path):
    scenario = timed_copy(tmp_path, 11)
    environ = {**os.environ, "LEADSIM_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", str(scenario), "--text", "--seed", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env=environ,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    try:
        fd = proc.stdout.fileno()
        seen = read_until(fd, "10 seconds left: decide now, or the time decides for you.\n")
        seen = read_until(fd, "[0:10!] Your choice (1-", seen)
        proc.stdin.write(b"1\n")
        proc.stdin.flush()
        seen = read_until(fd, "What happened:", seen)
        assert "\x1b" not in seen, "no cursor moves into a pipe"
        assert seen.count("seconds left: decide now") == 1
    finally:
        proc.kill()
        proc.wait(timeout=60)
