"""The search finds the best decision sequence, and the best unprincipled one, of a scenario
whose answer is known by construction, exhaustively and with a beam; a brute force over every
complete plan, played by the game's own engine, agrees."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.sim.analysis.plans import as_policy, ids_of
from game.sim.analysis.search import UNPRINCIPLED, search
from game.sim.policies import TIMEOUT, choose
from game.sim.session import Session
from tests.analysis.conftest import lab

RUNS = 16


@pytest.fixture(scope="module")
def program():
    return lab("known_best")


@pytest.fixture(scope="module")
def brute_force(program):
    """Every complete plan (a choice or a time-out at each of the three events), each played
    run by run in the game's own Session: (mean score, agreement, plan ids). Agreement: the
    share of decisions where the plan chose what principled play chooses (no event of this
    scenario has two options with equally good tags)."""
    options = [[*range(len(e.choices)), TIMEOUT] for e in program.events]
    found = []
    for cells in itertools.product(*options):
        table = np.array(cells)
        plan = as_policy(table)
        scores, agreed, decided = [], 0, 0
        for run in range(RUNS):
            session = Session(program, 1, run)
            while not session.finished:
                chosen = choose(plan, session)
                agreed += chosen == choose("principled", session)
                decided += 1
                session.take(chosen)
            scores.append(session.score().total)
        found.append((float(np.mean(scores)), agreed / decided, ids_of(program, table)))
    return found


@pytest.mark.parametrize("limit, method", [(4_096, "exhaustive"), (1, "beam")])
def test_the_search_finds_the_sequence_known_to_be_best(program, limit, method):
    result = search(program, 1, RUNS, width=4, limit=limit)
    assert result.method == method
    assert ids_of(program, result.best.table) == {
        "setup": "prepare",
        "harvest": "reap",
        "close": "tidy",
    }
    assert result.best.agreement == pytest.approx(2 / 3)
    assert ids_of(program, result.unprincipled.table) == {
        "setup": "prepare",
        "harvest": "reap",
        "close": "ship",
    }
    assert result.unprincipled.agreement <= UNPRINCIPLED


def test_exhaustive_search_agrees_with_a_brute_force_in_the_games_own_engine(program, brute_force):
    result = search(program, 1, RUNS)
    assert result.method == "exhaustive" and result.exact
    best_score, _, best_plan = max(brute_force, key=lambda x: x[0])
    assert result.best.score == pytest.approx(best_score, abs=1e-9)
    assert ids_of(program, result.best.table) == best_plan
    loose = [x for x in brute_force if x[1] <= UNPRINCIPLED]
    score, agreement, plan = max(loose, key=lambda x: x[0])
    assert result.unprincipled.score == pytest.approx(score, abs=1e-9)
    assert result.unprincipled.agreement == pytest.approx(agreement)
    assert ids_of(program, result.unprincipled.table) == plan


def test_the_best_sequence_beats_principled_play_here(program):
    result = search(program, 1, RUNS)
    assert result.principled < result.unprincipled.score < result.best.score


def test_sequences_name_their_choices_by_id_with_none_for_a_time_out(program):
    result = search(program, 1, RUNS)
    plan = result.best.to_json(program)["plan"]
    assert list(plan) == ["setup", "harvest", "close"]  # in the order they are met
    assert all(v is None or isinstance(v, str) for v in plan.values())
