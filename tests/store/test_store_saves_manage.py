"""Renaming and deleting saves: the game survives under its new name, nothing else is touched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.store.atomic import backup_path
from game.store.errors import InvalidName, SaveWriteError
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveStore

MakeRecord = Callable[..., SaveRecord]


def test_renaming_an_autosave_makes_it_a_named_game(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    record = make_record()
    old = store.autosave(record)
    store.autosave(record)  # a second write leaves a backup behind
    assert backup_path(old).exists()
    renamed = store.rename(old, "  Friday   evening ")
    assert renamed.record.slot == "Friday evening"
    assert renamed.record.decisions == record.decisions
    assert not old.exists() and not backup_path(old).exists()
    listing = store.scan()
    assert [e.record.slot for e in listing.saves] == ["Friday evening"]
    assert listing.saves[0].record.game_id == record.game_id
    assert listing.problems == ()


def test_renaming_a_named_game_again_moves_it(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    first = store.save_slot("one", make_record())
    second = store.rename(first, "two")
    assert not first.exists()
    third = store.rename(second.path, "two")  # the same name again: nothing lost
    assert third.path == second.path and third.path.exists()
    assert [e.record.slot for e in store.scan().saves] == ["two"]


def test_a_bad_name_is_refused_in_words_and_loses_nothing(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    path = store.autosave(make_record())
    before = path.read_bytes()
    with pytest.raises(InvalidName) as too_long:
        store.rename(path, "x" * 33)
    assert too_long.value.code == "name_too_long" and "33" in str(too_long.value)
    with pytest.raises(InvalidName) as control:
        store.rename(path, "bad\tname")
    assert control.value.code == "name_control"
    with pytest.raises(InvalidName):
        store.rename(path, "   ")
    assert path.read_bytes() == before
    assert len(store.scan().saves) == 1


def test_a_name_another_game_has_is_refused(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    store.save_slot("mine", make_record(game_id="g1"))
    other = store.autosave(make_record(game_id="g2"))
    with pytest.raises(SaveWriteError) as taken:
        store.rename(other, "mine")
    assert taken.value.code == "name_taken"
    assert other.exists()
    games = sorted(e.record.game_id for e in store.scan().saves)
    assert games == ["g1", "g2"]


def test_delete_removes_the_save_and_its_backup_only(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    gone = store.autosave(make_record(game_id="g1"))
    store.autosave(make_record(game_id="g1"))
    kept = store.autosave(make_record(game_id="g2"))
    store.delete(gone)
    assert not gone.exists() and not backup_path(gone).exists()
    store.delete(gone)  # already gone: no error
    saves = store.scan().saves
    assert [e.path for e in saves] == [kept]
    assert isinstance(store.load(kept), SaveEntry)


def test_nothing_outside_the_saves_is_deleted_or_renamed(
    data_dir: Path, tmp_path: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record())
    outside = tmp_path / "precious.json"
    outside.write_text("{}", encoding="utf-8")
    with pytest.raises(SaveWriteError):
        store.delete(outside)
    with pytest.raises(SaveWriteError):
        store.rename(outside, "name")
    settings = data_dir / ".ui-settings.json"
    settings.write_text("{}", encoding="utf-8")
    with pytest.raises(SaveWriteError):
        store.delete(settings)
    assert outside.exists() and settings.exists()


def test_an_unreadable_save_cannot_be_renamed(data_dir: Path, make_record: MakeRecord) -> None:
    store = SaveStore()
    path = store.autosave(make_record())
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(SaveWriteError) as unreadable:
        store.rename(path, "name")
    assert unreadable.value.code == "save_unreadable"
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_the_class_address_file_is_not_taken_for_a_broken_save(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record())
    address = data_dir / "class.json"
    address.write_text('{"url": "http://127.0.0.1:8750", "pin": "1234"}', encoding="utf-8")
    listing = store.scan()
    assert len(listing.saves) == 1 and listing.problems == ()
    with pytest.raises(SaveWriteError):
        store.delete(address)
    assert address.exists()
