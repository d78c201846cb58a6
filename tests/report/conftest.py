"""Fixtures for the class report tests: a leaderboard in tmp_path filled with real plays.

The plays are made by the engine (bundled scenarios, the built-in policies) once per test
session; every test records them into its own fresh SQLite file via LEADSIM_DATA_DIR.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.sim.policies import POLICY_NAMES, choose
from game.sim.session import Session
from game.store.datadir import ENV_VAR
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough, playthrough_from_session

SCENARIOS = ("example_release", "missed_deadline")
NAMES = ("Anna", "Борис", "<script>alert('x')</script>", "Zoë & <b>co</b>", "Фёдор", "Gita")
DATES = ("2024-05-01", "2024-05-02", "2024-05-03")


@dataclass(frozen=True)
class Plays:
    """Finished playthroughs and what each picked, known from the sessions themselves."""

    rows: tuple[Playthrough, ...]
    picks: Counter[tuple[str, str, int]]  # (scenario, event id, choice index) -> decisions


@pytest.fixture(scope="session")
def plays() -> Plays:
    rows: list[Playthrough] = []
    picks: Counter[tuple[str, str, int]] = Counter()
    for scenario in SCENARIOS:
        bundle = load_bundle(scenario)
        for i, name in enumerate(NAMES):
            session = Session(bundle, seed=1000 + i)
            policy = POLICY_NAMES[i % len(POLICY_NAMES)]
            while not session.finished:
                session.take(choose(policy, session))
            for record in session.history:
                picks[(scenario, record.event_id, record.choice_index)] += 1
            played_at = f"{DATES[i % len(DATES)]}T09:{i:02d}:00Z"
            row = playthrough_from_session(
                session, name=name, duration_s=240 + 30 * i, played_at=played_at
            )
            rows.append(row)
    return Plays(tuple(rows), picks)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder (not created) that the store uses by default."""
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_VAR, str(folder))
    monkeypatch.setenv("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    return folder


Record = Callable[[Sequence[Playthrough]], Path]


@pytest.fixture
def record(data_dir: Path) -> Record:
    """``record(rows)`` stores rows on the test's own leaderboard; returns its folder."""

    def store(rows: Sequence[Playthrough]) -> Path:
        with Leaderboard.open() as board:
            board.record_many(rows)
        return data_dir

    return store


@pytest.fixture
def filled(record: Record, plays: Plays) -> Path:
    """A leaderboard holding every play of :func:`plays`."""
    return record(plays.rows)


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Report = Callable[..., Result]


@pytest.fixture
def report(capsys: pytest.CaptureFixture[str]) -> Report:
    """``report("--out", str(dir), ...)`` runs ``leadsim report`` in this process."""

    def run(*argv: str) -> Result:
        code = main(["report", *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
