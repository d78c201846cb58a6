"""Building leaderboard rows: validation, principle profile, engine version."""

from __future__ import annotations

import math
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from game.store.errors import InvalidName, InvalidPlaythrough
from game.store.playthrough import (
    Playthrough,
    engine_version,
    playthrough_from_session,
    profile_from_history,
)

MakePlay = Callable[..., Playthrough]


def test_profile_counts_applied_minus_violated() -> None:
    history = [
        SimpleNamespace(applied=("clarity", "safety"), violated=()),
        SimpleNamespace(applied=("clarity",), violated=("safety", "fairness")),
    ]
    assert profile_from_history(history) == {"clarity": 2, "fairness": -1, "safety": 0}


def test_engine_version_comes_from_the_game_package() -> None:
    import game

    assert engine_version() == getattr(game, "__version__", "0.1.0")


def test_from_real_session_reads_score_ending_profile() -> None:
    session_module = pytest.importorskip("game.sim.session")
    from game.content.library import load_bundle

    bundle = load_bundle("missed_deadline")
    session = session_module.Session(bundle, seed=9)
    while not session.finished:
        session.choose(session.choices()[-1].index)
    row = playthrough_from_session(session, name="Olga", duration_s=300).validated()
    assert row.score == session.score().total and row.ending_id == session.ending.id
    assert row.decisions == tuple(session.decisions) and row.seed == 9
    assert row.scenario_id == "missed_deadline" and row.content_hash == bundle.content_hash
    assert row.profile == profile_from_history(session.history) == session.principle_profile()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"score": math.nan}, "finite"),
        ({"score": "90"}, "must be a number"),
        ({"seed": 1.5}, "whole number"),
        ({"decisions": (1, -1)}, "decisions"),
        ({"profile": {"x": 0.5}}, "profile"),
        ({"duration_s": -1}, "duration"),
        ({"played_at": "yesterday"}, "date"),
        ({"scenario_id": ""}, "scenario id"),
    ],
)
def test_invalid_rows_are_refused_readably(
    make_play: MakePlay, change: dict[str, Any], message: str
) -> None:
    from dataclasses import replace

    with pytest.raises(InvalidPlaythrough, match=message):
        replace(make_play(), **change).validated()


def test_invalid_name_is_refused(make_play: MakePlay) -> None:
    with pytest.raises(InvalidName):
        make_play(name="x" * 33).validated()


def test_validated_normalises_name_and_date(make_play: MakePlay) -> None:
    row = make_play(name="  Анна ", played_at="2024-05-01T12:00:00+02:00").validated()
    assert row.name == "Анна" and row.played_at == "2024-05-01T10:00:00.000000Z"
