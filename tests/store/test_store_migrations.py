"""Old save formats are upgraded through the ordered chain of upgrade functions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.store.migrations import CURRENT_FORMAT, UPGRADES, SaveFormatError, upgrade
from game.store.saves import SaveEntry, SaveProblem, SaveStore

FIXTURE = Path(__file__).parent / "fixtures" / "v1_save.json"


def test_chain_has_one_step_per_older_format() -> None:
    assert len(UPGRADES) == CURRENT_FORMAT - 1


def test_v1_file_in_the_data_folder_loads_as_current_format(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "old-game.json")
    listing = SaveStore().scan()
    assert listing.problems == ()
    (entry,) = listing.saves
    record = entry.record
    assert record.decisions == (2, 1, 0, 3)
    assert record.scenario_id == "missed_deadline" and record.seed == 1234
    assert record.language == "ru" and record.player_name == "Пётр"
    assert record.created == record.updated == "2023-11-02T18:45:10.000000Z"
    assert record.snapshot == {"turn": 4, "morale": 0.61}
    assert record.game_id.startswith("v1-")


def test_v1_game_id_is_stable_across_reads() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert upgrade(data)["game_id"] == upgrade(dict(data))["game_id"]


def test_upgraded_save_is_written_in_current_format(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "old-game.json")
    store = SaveStore()
    entry = store.latest()
    assert entry is not None
    written = json.loads(store.autosave(entry.record.advanced([2, 1, 0, 3, 1])).read_text())
    assert written["format"] == CURRENT_FORMAT and written["decisions"] == [2, 1, 0, 3, 1]


def test_v1_empty_choices_mean_no_decisions() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8")) | {"choices": ""}
    assert upgrade(data)["decisions"] == []


def test_v1_with_bad_choices_is_a_clear_problem(data_dir: Path) -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8")) | {"choices": "1,x,2"}
    data_dir.mkdir()
    (data_dir / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    result = SaveStore().load(data_dir / "bad.json")
    assert isinstance(result, SaveProblem) and "'x', which is not a number" in result.reason


def test_v1_missing_field_is_named() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    del data["seed"]
    with pytest.raises(SaveFormatError, match="missing the field 'seed'"):
        upgrade(data)


def test_current_format_passes_through_unchanged(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "a.json")
    entry = SaveStore().latest()
    assert isinstance(entry, SaveEntry)
    current = entry.record.to_json()
    assert upgrade(current) == current
