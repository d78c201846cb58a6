"""Saves: autosave, slots, Continue, backups, and bad files that never break the rest."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from game.store.atomic import backup_path
from game.store.errors import InvalidName
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveProblem, SaveStore

MakeRecord = Callable[..., SaveRecord]


def test_autosave_round_trip_keeps_every_field(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    record = make_record()
    path = store.autosave(record)
    assert path.parent == data_dir
    loaded = store.load(path)
    assert isinstance(loaded, SaveEntry)
    assert loaded.record == record
    assert loaded.is_autosave and not loaded.from_backup


def test_file_holds_documented_fields(data_dir: Path, make_record: MakeRecord) -> None:
    path = SaveStore().autosave(make_record())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 2 and data["app"] == "leadsim"
    assert data["decisions"] == [1, 2] and data["seed"] == 42
    assert data["created"].endswith("Z") and data["updated"].endswith("Z")
    assert data["snapshot"] == {"turn": 2, "morale": [0.5, 0.25]}
    assert "Анна" in path.read_text(encoding="utf-8")


def test_autosave_after_each_decision_rewrites_one_file(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    record = SaveRecord.start("missed_deadline", "h" * 64, 7, player_name=" Ира ")
    for turn in range(1, 6):
        record = record.advanced([1] * turn, {"turn": turn})
        store.autosave(record)
    assert record.player_name == "Ира"
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == [f"auto-{record.game_id}.json", f"auto-{record.game_id}.json.bak"]
    listing = store.scan()
    assert [e.record.decisions for e in listing.saves] == [(1, 1, 1, 1, 1)]
    backup = store.load(backup_path(store.autosave_path(record.game_id)))
    assert isinstance(backup, SaveEntry) and backup.record.decisions == (1, 1, 1, 1)


def test_named_slots_in_any_script(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.save_slot("Перед звонком / 1", make_record(decisions=(1,)))
    store.save_slot("before the call", make_record(decisions=(2, 2)))
    first = store.load_slot("  Перед звонком / 1 ")
    second = store.load_slot("before the call")
    assert isinstance(first, SaveEntry) and first.record.slot == "Перед звонком / 1"
    assert first.record.decisions == (1,)
    assert isinstance(second, SaveEntry) and second.record.decisions == (2, 2)
    assert not first.is_autosave


def test_slot_names_follow_the_name_rules(data_dir: Path, make_record: MakeRecord) -> None:
    with pytest.raises(InvalidName, match="slot name"):
        SaveStore().save_slot("bad\nname", make_record())
    problem = SaveStore().load_slot("   ")
    assert isinstance(problem, SaveProblem) and "empty" in problem.reason


def test_missing_slot_is_a_problem_not_an_exception(data_dir: Path) -> None:
    problem = SaveStore().load_slot("nothing here")
    assert isinstance(problem, SaveProblem) and "does not exist" in problem.reason


def test_continue_picks_the_latest_updated_game(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    old = make_record("old").advanced([1])
    new = make_record("new").advanced([2])
    store.autosave(new)
    store.autosave(old.advanced([1, 1]))  # written last, but check the timestamps not mtime
    store.autosave(new.advanced([2, 2]))
    latest = store.latest()
    assert latest is not None and latest.record.game_id == "new"
    assert latest.record.decisions == (2, 2)


def test_continue_skips_finished_games(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.autosave(make_record("running").advanced([1]))
    store.autosave(make_record("done").advanced([1, 2, 3], finished=True))
    latest = store.latest()
    assert latest is not None and latest.record.game_id == "running"


def test_empty_or_missing_folder_has_no_saves(data_dir: Path) -> None:
    listing = SaveStore().scan()
    assert listing.saves == () and listing.problems == () and listing.latest is None


BAD_FILES = {
    "empty.json": (b"", "empty"),
    "blank.json": (b"  \n", "only whitespace"),
    "truncated.json": (b'{"app": "leadsim", "format": 2, "game_id": "x", "dec', "ends too early"),
    "garbage.json": (b'{"app": "leadsim" !!! }', "invalid JSON"),
    "binary.json": (bytes(range(256)), "not UTF-8"),
    "list.json": (b"[1, 2, 3]", "not a LeadSim save"),
    "config.json": (b'{"theme": "dark"}', "no 'format' field"),
    "other-app.json": (b'{"format": 3, "app": "otherapp"}', "not a LeadSim save"),
    "newer.json": (b'{"format": 99, "app": "leadsim"}', "newer LeadSim"),
    "wrong-type.json": (
        b'{"app": "leadsim", "format": 2, "game_id": "g", "scenario_id": "s",'
        b' "content_hash": "h", "seed": "42", "decisions": [], "language": "en",'
        b' "player_name": null, "created": "2024-01-01T00:00:00Z",'
        b' "updated": "2024-01-01T00:00:00Z", "slot": null, "finished": false,'
        b' "snapshot": null}',
        "field 'seed' must be int",
    ),
    "photo.png": (b"\x89PNG\r\n", "not a LeadSim save"),
}


def test_bad_files_are_skipped_with_clear_messages(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.autosave(make_record("good1"))
    store.save_slot("good slot", make_record("good2"))
    for name, (content, _) in BAD_FILES.items():
        (data_dir / name).write_bytes(content)
    listing = store.scan()
    assert sorted(e.record.game_id for e in listing.saves) == ["good1", "good2"]
    reasons = {p.path.name: p.reason for p in listing.problems}
    assert set(reasons) == set(BAD_FILES)
    for name, (_, expected) in BAD_FILES.items():
        assert expected in reasons[name], (name, reasons[name])
    assert all(not p.recovered for p in listing.problems)
    assert str(listing.problems[0]).startswith(listing.problems[0].path.name + ": ")


def test_leaderboard_and_hidden_files_are_not_reported(data_dir: Path) -> None:
    data_dir.mkdir()
    for name in ("leaderboard.sqlite3", "leaderboard.sqlite3-wal", ".gitkeep", ".x.json.1.tmp"):
        (data_dir / name).write_bytes(b"")
    (data_dir / "subfolder").mkdir()
    assert SaveStore().scan().problems == ()


def test_corrupted_save_falls_back_to_backup(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.autosave(make_record("g", (1,)))
    path = store.autosave(make_record("g", (1, 3)))
    path.write_bytes(path.read_bytes()[:40])  # cut off, e.g. by a failing disk
    listing = store.scan()
    assert [e.record.decisions for e in listing.saves] == [(1,)]
    assert listing.saves[0].from_backup
    (problem,) = listing.problems
    assert problem.recovered and "backup" in problem.reason and "ends too early" in problem.reason


def test_lost_save_is_recovered_from_its_orphan_backup(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record("g", (1,)))
    path = store.autosave(make_record("g", (1, 2)))
    path.unlink()
    listing = store.scan()
    assert [e.record.decisions for e in listing.saves] == [(1,)]
    assert listing.problems[0].recovered and "does not exist" in listing.problems[0].reason


def test_broken_save_and_broken_backup_give_one_problem(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record("g"))
    path = store.autosave(make_record("g"))
    path.write_bytes(b"")
    backup_path(path).write_bytes(b"{")
    (problem,) = store.scan().problems
    assert "empty" in problem.reason and "backup is unusable too" in problem.reason


def test_unreadable_file_is_a_problem(data_dir: Path, make_record: MakeRecord) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs POSIX permissions and a non-root user")
    path = SaveStore().autosave(make_record())  # first write: no backup to fall back on
    path.chmod(0)
    (problem,) = SaveStore().scan().problems
    assert "cannot be read" in problem.reason


def test_numpy_values_in_snapshot_are_stored_as_plain_json(
    data_dir: Path, make_record: MakeRecord
) -> None:
    np = pytest.importorskip("numpy")
    record = make_record().advanced([1], {"morale": np.array([0.5, 0.25]), "turn": np.int64(1)})
    loaded = SaveStore().load(SaveStore().autosave(record))
    assert isinstance(loaded, SaveEntry)
    assert loaded.record.snapshot == {"morale": [0.5, 0.25], "turn": 1}


@pytest.mark.parametrize("snapshot", [{"x": object()}, {"morale": float("nan")}])
def test_a_snapshot_json_cannot_hold_is_left_out_and_the_log_is_saved(
    data_dir: Path, make_record: MakeRecord, snapshot: dict[str, object]
) -> None:
    store = SaveStore()
    loaded = store.load(store.autosave(make_record().advanced([1, "ask_the_team", None], snapshot)))
    assert isinstance(loaded, SaveEntry)
    assert loaded.record.decisions == (1, "ask_the_team", None)
    assert loaded.record.snapshot is None


def test_discard_autosave_removes_file_and_backup(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.autosave(make_record("g"))
    store.autosave(make_record("g"))
    store.discard_autosave("g")
    assert list(data_dir.iterdir()) == []


def test_copied_folder_still_loads(tmp_path: Path, data_dir: Path, make_record: MakeRecord) -> None:
    SaveStore().autosave(make_record("g"))
    shutil.copytree(data_dir, tmp_path / "copy")
    assert [e.record.game_id for e in SaveStore(tmp_path / "copy").scan().saves] == ["g"]
