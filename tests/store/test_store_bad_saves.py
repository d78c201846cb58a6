"""One bad save never breaks the others: `scan()`, `latest()` and every listing skip it with its
reason, and the store raises nothing but StoreError for bad data."""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.store.errors import StoreError
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveProblem, SaveStore, read_save_file

FIXTURE = Path(__file__).parent / "fixtures" / "v1_save.json"
MakeRecord = Callable[..., SaveRecord]


def current(**changes: object) -> bytes:
    data: dict[str, object] = {
        "app": "leadsim", "format": 2, "game_id": "bad", "scenario_id": "missed_deadline",
        "content_hash": "a" * 64, "seed": 1, "decisions": [1, "call_the_client", None],
        "language": "en", "player_name": "Eve", "created": "2024-01-01T00:00:00Z",
        "updated": "2030-01-01T00:00:00Z", "slot": None, "finished": False, "snapshot": None,
    }  # fmt: skip
    data.update(changes)
    return json.dumps(data).encode("utf-8")


def v1(**changes: object) -> bytes:
    data = json.loads(FIXTURE.read_text(encoding="utf-8")) | changes
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


BAD = {
    "long-seed.json": (current().replace(b'"seed": 1', b'"seed": ' + b"7" * 5000), "digits"),
    "long-seed-v1.json": (v1().replace(b'"seed": 1234', b'"seed": ' + b"7" * 5000), "digits"),
    "seed-out-of-range.json": (current(seed=2**70), "out of range"),
    "far-offset.json": (current(updated="0001-01-01T00:00:00+23:59"), "outside the years"),
    "superscript-choice.json": (v1(choices="1,²,2"), "'²', which is not a number"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "nan.json": (current().replace(b'"seed": 1', b'"seed": NaN'), "NaN"),
    "infinite-seed.json": (current().replace(b'"seed": 1', b'"seed": 1e999'), "too large"),
    "nan-in-snapshot.json": (
        current().replace(b'"snapshot": null', b'"snapshot": {"m": NaN}'),
        "NaN",
    ),
    "bad-decision.json": (current(decisions=[1, "Call The Client"]), "decision 2"),
    "position-too-large.json": (current(decisions=[6]), "decision 1 is the number 6"),
    "path-scenario.json": (current(scenario_id="../x.yaml"), "scenario id must be an id"),
    "passwd-scenario.json": (current(scenario_id="/etc/passwd"), "scenario id must be an id"),
    "control-name.json": (current(player_name="Eve\x1b[2J"), "control character"),
    "huge-format.json": (current(format=10**30), "'format' is"),
}


def test_each_bad_save_is_skipped_with_its_reason_and_the_good_ones_stay(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record("good", (1, "ask_the_team", None)))
    for name, (content, _) in BAD.items():
        (data_dir / name).write_bytes(content)
    listing = store.scan()
    assert [e.record.game_id for e in listing.saves] == ["good"]
    reasons = {p.path.name: p.reason for p in listing.problems}
    assert set(reasons) == set(BAD)
    for name, (_, expected) in BAD.items():
        assert expected in reasons[name], (name, reasons[name])
    latest = store.latest()
    assert latest is not None and latest.record.decisions == (1, "ask_the_team", None)


@pytest.mark.parametrize("name", sorted(BAD))
def test_reading_a_bad_save_raises_only_store_errors(data_dir: Path, name: str) -> None:
    data_dir.mkdir()
    path = data_dir / name
    path.write_bytes(BAD[name][0])
    assert isinstance(SaveStore().load(path), SaveProblem)
    with pytest.raises(StoreError):
        read_save_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_or_a_link_to_a_device_is_refused_without_waiting(
    data_dir: Path, make_record: MakeRecord
) -> None:
    store = SaveStore()
    store.autosave(make_record("good"))
    os.mkfifo(data_dir / "pipe.json")
    (data_dir / "zero.json").symlink_to("/dev/zero")
    listing = store.scan()
    assert [e.record.game_id for e in listing.saves] == ["good"]
    assert listing.problems == ()  # neither is a regular file: not a save, not a problem
    result = store.load(data_dir / "pipe.json")
    assert isinstance(result, SaveProblem) and "not a regular file" in result.reason
    result = store.load(data_dir / "zero.json")
    assert isinstance(result, SaveProblem) and "not a regular file" in result.reason


def test_a_v1_save_still_loads_next_to_bad_ones(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "old.json")
    (data_dir / "bad.json").write_bytes(BAD["superscript-choice.json"][0])
    entry = SaveStore().latest()
    assert isinstance(entry, SaveEntry) and entry.record.decisions == (2, 1, 0, 3)


def test_continue_in_the_terminal_skips_the_bad_save(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "old.json")
    (data_dir / "bad.json").write_bytes(BAD["long-seed.json"][0])
    code = main(["play", "--text", "--continue", "--untimed"])
    err = capsys.readouterr().err
    assert code != 3 and "internal error" not in err, err
    assert "skipped bad.json" in err and "digits" in err
