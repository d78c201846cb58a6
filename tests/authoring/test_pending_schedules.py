"""A scenario with two pending schedules of one event, due together, playtests like it plays."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.cli import main
from game.content.library import load_bundle
from game.sim.batch import run_batch
from game.sim.playtest import run_scalar
from game.sim.program import Program

FOLDER = Path(__file__).parent / "files" / "schedules"
SCENARIO = FOLDER / "two_pending_calls.yaml"


def test_the_scenario_passes_check(capsys):
    assert main(["check", str(FOLDER)]) == 0
    assert "0 errors in 0 files, 0 warnings" in capsys.readouterr().out


def test_playtest_plays_it_to_the_end(capsys):
    assert main(["playtest", str(SCENARIO), "--runs", "200", "--policies", "random"]) == 0
    out, err = capsys.readouterr()
    assert "internal error" not in err
    assert "client_call" in out  # the interrupting event is reached and reported


def test_check_deep_plays_it_to_the_end(capsys):
    assert main(["check", "--deep", str(FOLDER)]) == 0
    out, err = capsys.readouterr()
    assert "internal error" not in err
    assert "0 errors in 0 files" in out


def test_every_run_of_the_batch_takes_the_call_as_the_game_does():
    program = Program(load_bundle(SCENARIO))
    batch = run_batch(program, 7, 200, "random")
    scalar = run_scalar(program, 7, 200, "random")
    assert np.array_equal(batch.turns, scalar.turns)
    assert np.array_equal(batch.endings, scalar.endings)
    for run in range(200):
        assert batch.decisions_of(run) == scalar.decisions_of(run), run
    # three events of the flow, and the call both answers at the kickoff booked
    assert set(batch.turns.tolist()) == {4}
