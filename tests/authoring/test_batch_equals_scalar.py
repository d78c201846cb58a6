"""The batch engine reproduces the game's own engine run for run, for every bundled scenario."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.library import ScenarioLibrary
from game.sim.batch import run_batch
from game.sim.playtest import run_scalar
from game.sim.policies import POLICY_NAMES
from game.sim.program import Program

RUNS = 60
GREEDY_RUNS = 24  # greedy tries every choice one turn ahead: a few times slower per run
SEED = 20261128


def _programs():
    return [Program(e.bundle) for e in ScenarioLibrary().entries() if e.bundle is not None]


@pytest.fixture(scope="module")
def programs():
    found = _programs()
    assert found, "bundled scenarios load"
    return found


@pytest.mark.parametrize("policy", POLICY_NAMES)
def test_batch_reproduces_scalar_runs(programs, policy):
    for program in programs:
        runs = GREEDY_RUNS if policy == "greedy" else RUNS
        batch = run_batch(program, SEED, runs, policy)
        scalar = run_scalar(program, SEED, runs, policy)
        name = program.scenario.id
        assert np.array_equal(batch.turns, scalar.turns), name
        for run in range(runs):
            assert batch.decisions_of(run) == scalar.decisions_of(run), (name, run)
        assert np.array_equal(batch.endings, scalar.endings), name
        assert np.max(np.abs(batch.scores - scalar.scores)) <= 1e-9, name
        assert np.array_equal(batch.left, scalar.left), name
        assert np.array_equal(batch.status, scalar.status), name
        assert np.array_equal(batch.left_turn, scalar.left_turn), name
        assert np.array_equal(batch.applied, scalar.applied), name
        assert np.array_equal(batch.violated, scalar.violated), name
        assert np.allclose(batch.members["stress"], scalar.members["stress"], equal_nan=True)


def test_runs_of_a_batch_match_the_same_runs_played_alone(programs):
    program = programs[0]
    whole = run_batch(program, 3, 50, "random")
    tail = run_batch(program, 3, 20, "random", first_run=30)
    assert np.array_equal(whole.scores[30:], tail.scores)
