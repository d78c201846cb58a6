"""Who leaves, when and why, per person: the playtest's figures are what the game's own
Session shows run by run."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim.playtest import play_many, summarise
from game.sim.policies import choose
from game.sim.session import Session
from tests.analysis.conftest import lab

RUNS = 60


@pytest.fixture(scope="module")
def program():
    return lab("leaving")


@pytest.fixture(scope="module")
def summary(program):
    return summarise(program, play_many(program, 4, RUNS, "random"))


@pytest.fixture(scope="module")
def sessions(program):
    """The same runs played one by one: per run, {member: (status, decision they left after)}
    and each person's morale per turn while they are there (None once gone)."""
    played = []
    for run in range(RUNS):
        session = Session(program, 4, run)
        gone: dict[str, int] = {}
        morale = [[*session.world.morale[0]]]
        while not session.finished:
            record = session.take(choose("random", session))
            for member in record.left:
                gone[member] = len(session.decisions)
            now = zip(session.world.morale[0], session.world.present[0], strict=True)
            morale.append([m if there else None for m, there in now])
        played.append((session, gone, morale))
    return played


def test_who_leaves_and_why_matches_the_runs_played_one_by_one(program, summary, sessions):
    people = summary["people"]
    expected_reason = {"ada": "quit", "ben": "decided", "cat": "burnout"}
    for member, reason in expected_reason.items():
        statuses = [s.view().members[program.consts.index[member]].status for s, _, _ in sessions]
        share = sum(st == reason for st in statuses) / RUNS
        assert 0 < share < 1, member  # random play makes it happen in some runs only
        assert people[member]["reasons"][reason] == pytest.approx(share)
        assert people[member]["left"] == pytest.approx(share)
        after = [gone[member] for _, gone, _ in sessions if member in gone]
        assert people[member]["left_after"][reason] == pytest.approx(np.mean(after))


def test_a_persons_trajectory_is_averaged_over_the_runs_where_they_are_still_there(
    program, summary, sessions
):
    j = program.consts.index["ada"]
    ada = summary["people"]["ada"]
    for turn, (mean, present) in enumerate(zip(ada["morale"], ada["present"], strict=True)):
        there = [m[turn][j] for _, _, m in sessions if turn < len(m) and m[turn][j] is not None]
        assert present == pytest.approx(len(there) / RUNS)
        assert mean == pytest.approx(np.mean(there), abs=1e-6)
    assert ada["present"][0] == 1.0 and min(ada["present"]) < 1.0
