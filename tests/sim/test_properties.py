"""Property tests: whatever a scenario says and whatever the player does, the model stays sane."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim.session import Session
from game.sim.world import METRIC_NAMES

from .strategies import bundles

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _play(bundle, seed, picks):
    session = Session(bundle, seed)
    for pick in picks:
        if session.finished:
            break
        options = session.choices()
        assert options, "a running session always offers a choice"
        if pick < 0:
            session.timeout()
        else:
            session.choose(options[pick % len(options)].index)
    return session


def _assert_sane(session):
    world = session.world
    for name in METRIC_NAMES:
        values = getattr(world, name)
        assert np.all(np.isfinite(values)), name
        assert np.all((values >= 0) & (values <= 1)), name
    assert 0 <= world.progress[0] <= 1
    assert 0 <= world.composure[0] <= 1
    assert 1 <= world.priorities[0] <= 10
    for point in session.trajectory:
        for key, value in point.items():
            assert math.isfinite(value), key
            if key != "present":
                assert 0 <= value <= 1, key
    score = session.score()
    for value in (score.delivery, score.team, score.retention, score.principles):
        assert 0 <= value <= 1
    assert 0 <= score.total <= 100


@SETTINGS
@given(bundles(), st.integers(0, 2**32), st.lists(st.integers(-1, 5), max_size=40))
def test_metrics_stay_in_range_and_finite(bundle, seed, picks):
    _assert_sane(_play(bundle, seed, picks))


@SETTINGS
@given(bundles(), st.integers(0, 2**32), st.lists(st.integers(-1, 5), max_size=25))
def test_replaying_the_log_rebuilds_the_same_playthrough(bundle, seed, picks):
    original = _play(bundle, seed, picks)
    again = Session.replay(bundle, seed, original.decisions)
    assert again.to_json() == original.to_json()
    assert again.finished == original.finished
