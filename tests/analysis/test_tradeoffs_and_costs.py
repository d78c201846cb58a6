"""The trade-off report finds the dominated option and the real trade-offs of a lab scenario,
and its figures, like the cost of each single mistake, are what the game's own Session gives
when the same decisions are replayed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim.analysis.deviations import deviation_costs
from game.sim.analysis.probe import HORIZON, deviate, dimensions
from game.sim.analysis.tradeoffs import tradeoffs
from game.sim.policies import choose
from game.sim.scoring import parts
from game.sim.session import Session
from tests.analysis.conftest import lab

RUNS = 12


@pytest.fixture(scope="module")
def program():
    return lab("dilemma")


@pytest.fixture(scope="module")
def single(program):
    return deviate(program, 3, RUNS)


def test_one_option_dominates_where_it_is_better_in_every_way(single):
    report = {e.event: e for e in tradeoffs(single).events}
    assert report["dominated"].dominant == ("better",)
    assert not report["dominated"].tradeoff


def test_real_trade_offs_are_found_where_every_option_costs_something(single):
    report = {e.event: e for e in tradeoffs(single).events}
    assert report["crunch"].tradeoff and report["shield"].tradeoff
    crunch = report["crunch"].changes
    assert crunch["push"]["delivery"] > crunch["rest"]["delivery"]
    assert crunch["push"]["team"] < crunch["rest"]["team"]
    shield = report["shield"].changes
    assert shield["comply"]["stakeholders"] > shield["protect"]["stakeholders"]
    assert shield["comply"]["team"] < shield["protect"]["team"]


def test_options_that_do_the_same_both_dominate_and_the_share_counts_events(single):
    report = tradeoffs(single)
    same = {e.event: e for e in report.events}["same"]
    assert same.dominant == ("this_way", "that_way")
    assert report.share == pytest.approx(2 / 4)
    assert report.dims == ("delivery", "team", "stakeholders", "retention")


def _measure(session: Session, dims: tuple[str, ...]) -> np.ndarray:
    zero = np.zeros(1)
    part = parts(session.world, session.program.consts, zero, zero)
    return np.array([part[d][0] for d in dims])


def _replay(program, run: int, event_id: str | None = None, choice_id: str | None = None):
    """Principled play in the game's own Session, except `choice_id` at `event_id`; returns the
    session and the measured dimensions around the deviation (before, and HORIZON turns after
    it or at the end)."""
    session = Session(program, 3, run)
    dims = dimensions(program)
    before = after = None
    deviated_at = None
    while not session.finished:
        if deviated_at is not None and session.turn == deviated_at + HORIZON + 1:
            after = _measure(session, dims)
        here = session.event.id
        if here == event_id and deviated_at is None:
            before, deviated_at = _measure(session, dims), session.turn
            session.take(choice_id)
        else:
            session.take(choose("principled", session))
    if deviated_at is not None and after is None:  # the game ended before the horizon
        after = _measure(session, dims)
    return session, before, after


def test_each_mistake_costs_what_replaying_it_by_hand_costs(program, single):
    costs = deviation_costs(single)
    found = {(m.event, m.choice): m for m in costs.mistakes}
    assert set(found) == {("dominated", "worse"), ("crunch", "push"), ("shield", "comply")}
    for (event_id, choice_id), mistake in found.items():
        losses = [
            _replay(program, run)[0].score().total
            - _replay(program, run, event_id, choice_id)[0].score().total
            for run in range(RUNS)
        ]
        assert mistake.runs == RUNS
        assert mistake.cost == pytest.approx(np.mean(losses), abs=1e-9), (event_id, choice_id)
    assert costs.median == pytest.approx(np.median([m.cost for m in costs.mistakes]))
    assert costs.costliest == max(costs.mistakes, key=lambda m: m.cost)


def test_trade_off_figures_are_the_changes_a_replay_measures(program, single):
    report = {e.event: e for e in tradeoffs(single).events}
    dims = dimensions(program)
    for event_id, choice_id in (("crunch", "push"), ("shield", "protect"), ("dominated", "worse")):
        changes = []
        for run in range(RUNS):
            _, before, after = _replay(program, run, event_id, choice_id)
            changes.append(after - before)
        expected = dict(zip(dims, np.mean(changes, axis=0), strict=True))
        assert report[event_id].changes[choice_id] == pytest.approx(expected, abs=1e-9)
