"""Decisions are choice ids, choice positions of the first engine (0 = timed out) or null; the
store keeps both shapes and refuses anything else with a message naming the decision."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from game.store.decisions import check_decisions
from game.store.errors import InvalidDecisions, InvalidPlaythrough, StoreError
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveStore

MakePlay = Callable[..., Playthrough]
MIXED = ("call_the_client", 2, None, 0, "a" + "b" * 63)


def test_ids_positions_and_null_round_trip_through_the_database(
    data_dir: Path, make_play: MakePlay
) -> None:
    with Leaderboard.open() as board:
        board.record(replace(make_play(name="Ids"), decisions=MIXED))
        (stored,) = board.all_rows()
    assert stored.decisions == MIXED
    conn = sqlite3.connect(data_dir / "leaderboard.sqlite3")
    (text,) = conn.execute("SELECT decisions FROM playthroughs").fetchone()
    conn.close()
    assert json.loads(text) == list(MIXED)


def test_ids_positions_and_null_round_trip_through_a_save(data_dir: Path) -> None:
    record = SaveRecord.start("missed_deadline", "h" * 64, 3).advanced(MIXED)
    entry = SaveStore().load(SaveStore().autosave(record))
    assert isinstance(entry, SaveEntry) and entry.record.decisions == MIXED


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ([1, "Call"], "decision 2 is the text 'Call'"),
        (["x" * 65], "decision 1 is the text"),
        (["9lives"], "decision 1 is the text '9lives'"),
        ([6], "decision 1 is the number 6"),
        ([-1], "decision 1 is the number -1"),
        ([True], "decision 1 is the flag true"),
        ([1.0], "decision 1 is the number 1.0"),
        ([[1]], "decision 1 is a list"),
        ([{"id": "x"}], "decision 1 is an object"),
        ([10**400], "decision 1 is a very large number"),
        ("1,2", "must be a list, not the text '1,2'"),
    ],
)
def test_anything_else_is_refused_naming_the_decision(bad: object, words: str) -> None:
    with pytest.raises(InvalidDecisions) as caught:
        check_decisions(bad)
    assert words in str(caught.value)
    assert isinstance(caught.value, StoreError)


def test_a_row_with_a_bad_decision_is_refused_and_nothing_is_written(
    data_dir: Path, make_play: MakePlay
) -> None:
    with Leaderboard.open() as board:
        with pytest.raises(InvalidPlaythrough, match="decision 3 is the text 'Bad Id'"):
            board.record(replace(make_play(), decisions=(1, "ok", "Bad Id")))
        assert board.count() == 0


def test_a_save_advanced_with_a_bad_decision_is_refused() -> None:
    record = SaveRecord.start("missed_deadline", "h" * 64, 3)
    with pytest.raises(InvalidDecisions, match=r"decision 1 is the number 3\.5"):
        record.advanced([3.5])
