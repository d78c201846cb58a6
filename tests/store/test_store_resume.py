"""Resuming a save with the real engine: same version, changed but fitting, or restart."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from game.store.datadir import repo_root
from game.store.resume import RestartNeeded, Resumed, resume_game
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveStore

session_module = pytest.importorskip("game.sim.session")
library = pytest.importorskip("game.content.library")
yaml = pytest.importorskip("yaml")

Session = session_module.Session
SCENARIOS = repo_root() / "game" / "data" / "scenarios"


def _played(bundle: Any, seed: int, first_choice: int) -> Any:
    session = Session(bundle, seed=seed)
    session.choose(first_choice)
    session.choose(session.choices()[0].index)
    return session


def _saved(session: Any, store: SaveStore) -> SaveRecord:
    record = SaveRecord.start("missed_deadline", session.bundle.content_hash, session.seed)
    store.autosave(record.advanced(session.decisions, {"turn": len(session.decisions)}))
    entry = store.latest()
    assert isinstance(entry, SaveEntry)
    return entry.record


def _edited_copy(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Any:
    """The bundled scenario with ``edit`` applied to its YAML, loaded from a copy."""
    folder = tmp_path / "edited"
    folder.mkdir()
    shutil.copy(SCENARIOS / "team_integrator.yaml", folder)
    data = yaml.safe_load((SCENARIOS / "missed_deadline.yaml").read_text(encoding="utf-8"))
    edit(data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "missed_deadline.yaml").write_text(text, encoding="utf-8")
    return library.load_bundle(folder / "missed_deadline.yaml")


@pytest.fixture
def bundle() -> Any:
    return library.load_bundle("missed_deadline")


def test_same_version_resumes_to_the_same_state(bundle: Any, data_dir: Path) -> None:
    live = _played(bundle, seed=3, first_choice=3)
    outcome = resume_game(_saved(live, SaveStore()), bundle, Session.replay)
    assert isinstance(outcome, Resumed)
    assert not outcome.scenario_changed and outcome.notice is None
    assert outcome.session.decisions == live.decisions
    assert outcome.session.trajectory == live.trajectory


def test_changed_version_with_fitting_decisions_is_replayed(
    bundle: Any, tmp_path: Path, data_dir: Path
) -> None:
    def retitle(data: dict[str, Any]) -> None:
        data["title"]["en"] = "The Slipped Deadline, revised"

    edited = _edited_copy(tmp_path, retitle)
    assert edited.content_hash != bundle.content_hash
    record = _saved(_played(bundle, seed=3, first_choice=3), SaveStore())
    outcome = resume_game(record, edited, Session.replay)
    assert isinstance(outcome, Resumed) and outcome.scenario_changed
    assert outcome.notice is not None and "updated" in outcome.notice
    assert outcome.session.decisions == list(record.decisions)


def test_changed_version_with_unfitting_decisions_asks_for_restart(
    bundle: Any, tmp_path: Path, data_dir: Path
) -> None:
    def rename_third_choice(data: dict[str, Any]) -> None:
        # a log names choices by id: a choice renamed is a choice gone
        data["events"][0]["choices"][2]["id"] = "renamed_choice"

    edited = _edited_copy(tmp_path, rename_third_choice)
    record = _saved(_played(bundle, seed=3, first_choice=3), SaveStore())
    outcome = resume_game(record, edited, Session.replay)
    assert isinstance(outcome, RestartNeeded) and outcome.record is record
    assert "has changed since this game was saved" in outcome.reason
    assert f"{bundle.content_hash[:10]} -> {edited.content_hash[:10]}" in outcome.reason
    taken = record.decisions[0]
    assert f"choice '{taken}' is not in event" in outcome.reason
    assert "restart" in outcome.reason


def test_same_version_that_fails_to_replay_asks_for_restart(bundle: Any) -> None:
    # the first event offers three choices: a fifth is a valid decision that does not fit
    record = SaveRecord.start("missed_deadline", bundle.content_hash, 1).advanced([5])
    outcome = resume_game(record, bundle, Session.replay)
    assert isinstance(outcome, RestartNeeded) and "could not be replayed" in outcome.reason


def test_save_of_another_scenario_is_refused(bundle: Any) -> None:
    record = SaveRecord.start("other_scenario", bundle.content_hash, 1)
    outcome = resume_game(record, bundle, Session.replay)
    assert isinstance(outcome, RestartNeeded)
    assert "'other_scenario', not to 'missed_deadline'" in outcome.reason


def test_any_exception_from_replay_becomes_an_explanation(bundle: Any) -> None:
    def broken(bundle: Any, seed: int, decisions: Sequence[int]) -> None:
        raise KeyError("event 'e7'")

    record = SaveRecord.start("missed_deadline", bundle.content_hash, 1).advanced([1])
    outcome = resume_game(record, bundle, broken)
    assert isinstance(outcome, RestartNeeded) and "event 'e7'" in outcome.reason
