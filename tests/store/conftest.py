"""Fixtures for the store tests: every test gets its own data folder via LEADSIM_DATA_DIR."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from game.store.datadir import ENV_VAR
from game.store.playthrough import Playthrough
from game.store.save_record import SaveRecord

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, not yet created data folder that the store uses by default."""
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_VAR, str(folder))
    return folder


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Even a test that forgets the data_dir fixture never touches the real saves/ folder.
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "data"))


def _record(game_id: str = "game1", decisions: tuple[int, ...] = (1, 2)) -> SaveRecord:
    return SaveRecord(
        game_id=game_id,
        scenario_id="missed_deadline",
        content_hash="a" * 64,
        seed=42,
        decisions=decisions,
        language="ru",
        player_name="Анна",
        snapshot={"turn": len(decisions), "morale": [0.5, 0.25]},
    )


_SEEDS = itertools.count(1)


def _play(
    name: str = "Anna",
    score: float = 50.0,
    scenario: str = "missed_deadline",
    content_hash: str = "v1hash",
    played_at: str = "2024-05-01T10:00:00Z",
    seed: int | None = None,
    mode: str = "player",
) -> Playthrough:
    # A log is what makes a playthrough: rows made here differ by seed unless one is given.
    seed = next(_SEEDS) if seed is None else seed
    return Playthrough(
        name=name,
        scenario_id=scenario,
        content_hash=content_hash,
        score=score,
        ending_id="steady",
        seed=seed,
        decisions=(1, 2, 0, 3),
        profile={"psych_safety": 2, "clarity": -1},
        played_at=played_at,
        duration_s=612.5,
        mode=mode,
    )


@pytest.fixture
def make_record() -> Callable[..., SaveRecord]:
    """Factory: ``make_record(game_id="game1", decisions=(1, 2))`` -> SaveRecord."""
    return _record


@pytest.fixture
def make_play() -> Callable[..., Playthrough]:
    """Factory: ``make_play(name=, score=, scenario=, content_hash=, played_at=, seed=, mode=)``;
    every row gets its own seed unless one is given."""
    return _play


RealPlays = Callable[..., list[Playthrough]]


@pytest.fixture(scope="session")
def real_plays() -> RealPlays:
    """``real_plays(count, policy="random", seed=1)``: finished playthroughs of the bundled
    ``example_release`` made by the real engine, one seed each (seed, seed + 1, ...)."""
    from game.content.library import load_bundle
    from game.sim.policies import choose
    from game.sim.session import Session
    from game.store.playthrough import playthrough_from_session

    bundle = load_bundle("example_release")

    def make(count: int, policy: str = "random", seed: int = 1) -> list[Playthrough]:
        made = []
        for n in range(count):
            session = Session(bundle, seed=seed + n)
            while not session.finished:
                session.choose(choose(policy, session))
            made.append(
                playthrough_from_session(
                    session,
                    name=f"P{seed + n}",
                    duration_s=300 + n,
                    played_at=f"2024-05-0{1 + n % 9}T10:00:00Z",
                )
            )
        return made

    return make
