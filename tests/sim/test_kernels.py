"""The engine's precomputed and in-place kernels give the same numbers, to the last bit, as the
plain formulas they stand for (results must never depend on how fast they were computed)."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.library import load_bundle_by_id
from game.sim.acts import ACTS, compile_terms, person_deltas
from game.sim.dynamics import _along, _flow, _rise
from game.sim.policies import choose
from game.sim.program import Program
from game.sim.session import Session


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal to the last bit, the sign of a zero included (== would call -0.0 and 0.0 equal)."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    return a.shape == b.shape and np.ascontiguousarray(a).tobytes() == b.tobytes()


@pytest.fixture(scope="module")
def played() -> Session:
    """A bundled scenario played to its end: a real team with bonds, a conflict, and states
    that moved."""
    session = Session(Program(load_bundle_by_id("losing_streak")), seed=3)
    while not session.finished:
        session.take(choose("random", session))
    return session


def plain_deltas(spec, traits, skill, trust, strength):  # type: ignore[no-untyped-def]
    """An act's changes as docs/model.md writes them: base plus each term, times strength."""
    out = {}
    for metric, (base, coefficients) in spec.terms.items():
        value = np.full(skill.shape, base)
        for name, coef in coefficients.items():
            source = skill if name == "skill" else trust if name == "trust" else traits[name]
            value = value + coef * (source - 0.5)
        out[metric] = value * strength
    return out


@pytest.mark.parametrize("how", sorted(ACTS))
@pytest.mark.parametrize("strength", [1.0, 0.35, 2.5])
def test_an_acts_changes_worked_out_once_per_team_are_the_plain_formula(played, how, strength):
    consts, world = played.program.consts, played.world
    traits = {k: v[None, :] for k, v in consts.traits.items()}
    skill = np.vstack([world.skill, world.skill[:, ::-1]])  # two runs that differ
    trust = np.vstack([world.trust, 1.0 - world.trust])
    spec = ACTS[how]
    fast = person_deltas(compile_terms(spec, traits, strength), traits, skill, trust, strength)
    plain = plain_deltas(spec, traits, skill, trust, strength)
    assert fast.keys() == plain.keys()
    for metric in plain:
        assert same_bits(fast[metric], plain[metric]), metric


@pytest.mark.parametrize("size", [3, 6, 9, 50])  # below and above numpy's pairwise block of 8
def test_moods_flow_in_place_as_the_plain_formula(size):
    rng = np.random.default_rng(size)
    values = rng.random((40, size))
    values[:, 0] = values[:, 1]  # two people feeling the same: terms that are zero
    bonds = rng.random((size, size)) * (rng.random((size, size)) < 0.5)
    present = (rng.random((40, size)) < 0.8).astype(np.float64)
    for weights in (bonds[None], bonds[None] * present[:, None, :]):
        weighted = (values[:, None, :] - values[:, :, None]) * weights
        rising = np.maximum(weighted, 0.0)
        up, down = _flow(values, weights)
        assert same_bits(up, rising.sum(axis=2))
        assert same_bits(down, (weighted - rising).sum(axis=2))
        assert same_bits(_rise(values, weights), rising.sum(axis=2))
        for one in range(3):  # a run played alone sums as it does in a batch
            alone = weights if len(weights) == 1 else weights[one : one + 1]
            assert same_bits(_flow(values[one : one + 1], alone)[1], down[one : one + 1])


def test_the_friction_of_a_full_team_is_worked_out_as_in_play(played):
    consts = played.program.consts
    assert consts.has_conflict  # without a conflict the test would prove nothing
    everyone = np.ones((5, consts.size))
    assert same_bits(consts.friction_all, _along(everyone, consts.conflict))
