"""`leadsim play --text --server URL --pin PIN` against a real `leadsim serve` process: the run
is accepted and on the class's board, queued while the class is down and sent once it is back
(never twice), refused with the server's reason, and a wrong PIN is one line, not a lost game."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from benchmarks.bench_serve import ServerProcess, stop_server
from game.content.library import BUNDLED
from game.store.leaderboard import Leaderboard
from tests.serve.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_TITLE = "Friday release"
THREE = "1\n1\n1\n"  # three decisions: example_release to its ending


def start(db: Path, port: int, data: Path, *extra: str) -> ServerProcess:
    """`leadsim serve` in a process of its own, once it has printed its PIN."""
    command = [sys.executable, "-m", "game", "serve", "--db", str(db), "--port", str(port),
               "--workers", "0", *extra]  # fmt: skip
    env = {**os.environ, "LEADSIM_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT
    )
    banner: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        banner.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl+C"):
            break
    shown = "\n".join(banner)
    found = re.search(r"Class PIN:\s+(\d+)", shown)
    if found is None:
        process.kill()
        raise RuntimeError(f"leadsim serve did not start: {shown}")
    return ServerProcess(process, f"http://127.0.0.1:{port}", found.group(1), banner)


def token(server: ServerProcess) -> str:
    line = next(x for x in server.banner if "Instructor token:" in x)
    return line.split(":", 1)[1].strip()


def board(server: ServerProcess) -> dict:
    return httpx.get(f"{server.url}/api/board", timeout=10).json()


def rows_of(server: ServerProcess, scenario: str, count: int = 0) -> list[dict]:
    """The scenario's rows on the class board; with `count`, once it shows that many (the
    projector's board is rebuilt a moment after a run is stored), or as it is after 5 s."""
    deadline = time.monotonic() + 5
    while True:
        rows = next(s["rows"] for s in board(server)["scenarios"] if s["id"] == scenario)
        if len(rows) >= count or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


def players_of(server: ServerProcess) -> list[dict]:
    """Who the projector shows playing, once someone is (or nobody after 5 s)."""
    deadline = time.monotonic() + 5
    while not (players := board(server)["players"]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return players


def play(player: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LEADSIM_DATA_DIR": str(player)}
    return subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip


def outbox(player: Path) -> list[Path]:
    return sorted((player / "outbox").glob("*.json"))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ServerProcess, Path, int]]:
    """A class server (its board folder and port, to start it again on the same board)."""
    db, port = tmp_path / "class", free_port()
    server = start(db, port, tmp_path / "instructor")
    try:
        yield server, db, port
    finally:
        stop_server(server)


def test_a_run_picked_from_the_class_list_is_accepted_and_on_the_board(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    listed = play(player, "--server", server.url, "--pin", server.pin, stdin="q\n")
    titles = re.findall(r"^(\d+)\. (.+)$", listed.stdout, re.MULTILINE)
    assert listed.returncode == 0 and len(titles) > 1, listed.stdout + listed.stderr
    number = next(n for n, title in titles if title == EXAMPLE_TITLE)
    done = play(
        player, "--server", server.url, "--pin", server.pin, "--seed", "7",
        stdin=f"{number}\nZoë\n{THREE}",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Connected to the class" in done.stdout
    sent = re.search(
        r"Sent to the class: the server's replay scores this run ([\d.]+)\.", done.stdout
    )
    assert sent is not None, done.stdout[-800:]
    local = re.search(r"Score: (\d+) / 100", done.stdout)
    assert local is not None
    [row] = rows_of(server, "example_release", 1)
    assert row["name"] == "Zoë" and abs(row["score"] - int(local.group(1))) <= 0.5
    assert float(sent.group(1)) == row["score"]
    assert outbox(player) == []
    with Leaderboard.open(player) as mine:  # the local board too, with the same score
        [kept] = mine.all_rows()
    assert kept.name == "Zoë" and round(kept.score, 1) == row["score"]


def test_runs_wait_while_the_class_is_down_and_go_once_when_it_is_back(served, tmp_path):
    server, db, port = served
    player = tmp_path / "player"
    pin = server.pin
    stop_server(server)
    first = play(player, "example_release", "--server", server.url, "--pin", pin,
                 "--name", "Ann", "--seed", "1", stdin=THREE)  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "does not answer" in first.stdout.splitlines()[0]
    assert "the run waits on this computer" in first.stdout
    assert "--send" in first.stdout
    assert len(outbox(player)) == 1
    down = play(player, "--server", server.url, "--pin", pin, "--send")
    assert down.returncode == 1 and "still waits" in down.stdout
    back = start(db, port, tmp_path / "instructor")
    try:
        assert back.pin == pin  # the same board keeps its PIN
        sent = play(player, "--server", back.url, "--pin", pin, "--send")
        assert sent.returncode == 0, sent.stderr
        assert "was sent to the class" in sent.stdout
        assert outbox(player) == []
        again = play(player, "--server", back.url, "--pin", pin, "--send")
        assert again.returncode == 0 and "No finished run waits" in again.stdout
        # the next game for the class sends nothing twice either
        second = play(player, "example_release", "--server", back.url, "--pin", pin,
                      "--name", "Ann", "--seed", "2", stdin=THREE)  # fmt: skip
        assert "was sent to the class" not in second.stdout
        assert "Sent to the class" in second.stdout
        rows = rows_of(back, "example_release", 2)
        assert sorted(r["name"] for r in rows) == ["Ann", "Ann"]
    finally:
        stop_server(back)


def test_a_closed_round_refuses_the_run_with_the_servers_reason(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    closed = httpx.post(
        f"{server.url}/api/admin/round",
        json={"open": False},
        headers={"Authorization": f"Bearer {token(server)}"},
        timeout=10,
    )
    assert closed.status_code == 200
    done = play(player, "example_release", "--server", server.url, "--pin", server.pin,
                "--name", "Bo", stdin=THREE)  # fmt: skip
    assert done.returncode == 0, done.stderr
    refused = [line for line in done.stdout.splitlines() if "did not take this run" in line]
    assert len(refused) == 1 and "round" in refused[0], done.stdout[-600:]
    assert outbox(player) == [] and len(list((player / "outbox" / "refused").glob("*.json"))) == 1
    assert rows_of(server, "example_release") == []
    assert "Recorded on the leaderboard for Bo" in done.stdout


def test_a_wrong_pin_is_one_line_and_the_game_is_kept_for_the_right_one(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    wrong = "000000" if server.pin != "000000" else "111111"
    done = play(player, "example_release", "--server", server.url, "--pin", wrong,
                "--name", "Cy", stdin=THREE)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "does not take this PIN" in lines[0]
    assert sum("PIN" in line for line in lines[:5]) == 1
    assert "Score:" in done.stdout and "did not take the PIN" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert len(outbox(player)) == 1 and rows_of(server, "example_release") == []
    sent = play(player, "--server", server.url, "--pin", server.pin, "--send")
    assert sent.returncode == 0 and "was sent to the class" in sent.stdout
    assert [r["name"] for r in rows_of(server, "example_release", 1)] == ["Cy"]


def test_a_scenario_only_the_class_has_is_fetched_checked_and_played(tmp_path):
    folder = tmp_path / "instructor_scenarios"
    folder.mkdir()
    text = (BUNDLED / "example_release.yaml").read_text(encoding="utf-8")
    (folder / "class_release.yaml").write_text(
        text.replace("id: example_release", "id: class_release", 1), encoding="utf-8"
    )
    shutil.copy(BUNDLED / "example_team.yaml", folder / "example_team.yaml")
    server = start(tmp_path / "class", free_port(), tmp_path / "instructor",
                   "--scenarios", str(folder))  # fmt: skip
    player = tmp_path / "player"
    try:
        alone = play(player, "class_release", "--name", "Di", stdin=THREE)
        assert alone.returncode == 1 and "class_release" in alone.stderr  # not on this computer
        done = play(player, "class_release", "--server", server.url, "--pin", server.pin,
                    "--name", "Di", stdin=THREE)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Sent to the class" in done.stdout
        assert [r["name"] for r in rows_of(server, "class_release", 1)] == ["Di"]
        assert len(list((player / "class-scenarios").iterdir())) == 1
    finally:
        stop_server(server)


def test_the_projector_sees_how_far_a_game_is(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    done = play(player, "example_release", "--server", server.url, "--pin", server.pin,
                "--name", "Ed", stdin="1\n")  # fmt: skip
    assert done.returncode == 0  # input ended after one decision: saved, not finished
    assert {"name": "Ed", "decisions": 1}.items() <= players_of(server)[0].items()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pin", "123456"], "--pin and --send go with --server"),
        (["--send"], "--pin and --send go with --server"),
        (["--server", "http://:x", "--pin", "1"], "is not a server address"),
        (["--server", "127.0.0.1:1", "--pin", "1", "--team", "example_team"], "leave out --team"),
        (["--server", "127.0.0.1:1"], "add --pin PIN"),
        (["--server", "127.0.0.1:1", "--pin", "пин"], "the class PIN is the digits"),
        (["--server", "127.0.0.1:1", "--pin", "12\n34"], "the class PIN is the digits"),
    ],
)
def test_options_that_cannot_work_are_one_line_and_exit_2(tmp_path, args, message):
    done = play(tmp_path / "player", "example_release", *args)
    assert done.returncode == 2 and message in done.stderr
    assert done.stderr.count("\n") == 1


def test_without_text_the_server_option_says_what_to_add(tmp_path):
    env = {**os.environ, "LEADSIM_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", "--server", "127.0.0.1:1", "--pin", "1"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "add --text" in done.stderr


def test_help_describes_the_class_options(tmp_path):
    shown = play(tmp_path, "--help").stdout
    for option in ("--server URL", "--pin PIN", "--send"):
        assert option in shown


def test_with_json_the_class_lines_go_to_stderr_and_stdout_stays_json(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    nameless = play(player, "example_release", "--server", server.url, "--pin", server.pin,
                    "--json", "--policy", "random")  # fmt: skip
    assert nameless.returncode == 2 and "add --name NAME" in nameless.stderr
    assert "Connected" not in nameless.stderr + nameless.stdout  # said before connecting
    done = play(player, "example_release", "--server", server.url, "--pin", server.pin,
                "--json", "--policy", "random", "--name", "Fay")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scenario"] == "example_release"
    assert "Sent to the class" in done.stderr


def test_a_continued_game_is_sent_to_the_class_under_its_saved_name(served, tmp_path):
    server, _, _ = served
    player = tmp_path / "player"
    begun = play(player, "example_release", "--server", server.url, "--pin", server.pin,
                 "--name", "Gus", stdin="1\n")  # fmt: skip
    assert begun.returncode == 0 and "Sent to the class" not in begun.stdout
    ended = play(player, "--continue", "--server", server.url, "--pin", server.pin,
                 stdin="1\n1\n")  # fmt: skip
    assert ended.returncode == 0, ended.stderr
    assert "Sent to the class" in ended.stdout
    assert [r["name"] for r in rows_of(server, "example_release", 1)] == ["Gus"]


def test_a_version_the_class_lacks_is_said_and_a_waiting_run_refused_later_is_named(
    served, tmp_path
):
    server, _, _ = served
    player = tmp_path / "player"
    own = tmp_path / "own"
    own.mkdir()
    text = (BUNDLED / "example_release.yaml").read_text(encoding="utf-8")
    changed = text.replace("A last-minute bug appears.", "A late bug appears.", 1)
    assert changed != text
    (own / "example_release.yaml").write_text(changed, encoding="utf-8")
    shutil.copy(BUNDLED / "example_team.yaml", own / "example_team.yaml")
    done = play(player, str(own / "example_release.yaml"), "--server", server.url, "--pin",
                server.pin, "--name", "Hal", stdin=THREE)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "does not offer this version of “Friday release”" in done.stdout
    assert "did not take this run" in done.stdout
    wrong = "000000" if server.pin != "000000" else "111111"
    queued = play(player, "example_release", "--server", server.url, "--pin", wrong,
                  "--name", "Hal", stdin=THREE)  # fmt: skip
    assert queued.returncode == 0 and len(outbox(player)) == 1
    httpx.post(
        f"{server.url}/api/admin/round",
        json={"open": False},
        headers={"Authorization": f"Bearer {token(server)}"},
        timeout=10,
    ).raise_for_status()
    sent = play(player, "--server", server.url, "--pin", server.pin, "--send")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    [line] = [x for x in sent.stdout.splitlines() if "did not take a run that waited" in x]
    assert "(Hal · example_release · 20" in line and "round" in line
    assert outbox(player) == [] and len(list((player / "outbox" / "refused").iterdir())) == 2
