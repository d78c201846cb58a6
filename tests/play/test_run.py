"""One game run: saving, continuing (also a save of the first engine), recording, --team."""

from __future__ import annotations

from pathlib import Path

from game.content.library import load_bundle
from game.i18n import Strings
from game.play.resume import Restart, Unavailable, continue_save, open_scenario
from game.play.run import GameRun, mode_of
from game.store.leaderboard import Leaderboard
from game.store.saves import SaveStore
from tests.play.helpers import edit_events, example_copy, first_engine_save, without_choice

FIXTURES = Path(__file__).resolve().parents[1] / "ui" / "fixtures"


def only_save(folder: Path):
    (entry,) = SaveStore(folder).scan().saves
    return entry


def test_a_players_game_is_saved_after_every_decision_with_ids_and_titles(tmp_path):
    store = SaveStore(tmp_path)
    run = GameRun.start(load_bundle("example_release"), "en", seed=3, saves=store)
    run.take("ask_oleg")
    entry = only_save(tmp_path)
    assert entry.record.decisions == ("ask_oleg",)
    assert entry.record.snapshot["title"] == {"en": "Friday release", "ru": "Релиз в пятницу"}
    assert entry.record.snapshot["team"] == "example_team"
    run.take(None)  # the time ran out
    assert only_save(tmp_path).record.decisions == ("ask_oleg", None)


def test_scripted_and_policy_games_are_never_saved(tmp_path):
    store = SaveStore(tmp_path)
    for mode in (mode_of(True, None), mode_of(False, "random")):
        run = GameRun.start(load_bundle("example_release"), "en", mode=mode, saves=store)
        run.take(run.session.choices()[0].id)
        assert run.autosave is None
    assert store.scan().saves == ()


def test_a_first_engine_save_continues_with_its_decisions_named_by_id(tmp_path):
    first_engine_save(tmp_path, name="Ann")
    store = SaveStore(tmp_path)
    record = only_save(tmp_path).record
    assert record.decisions == (1, 1)
    run = continue_save(record, [], store)
    assert isinstance(run, GameRun)
    assert run.session.decisions == ["ask_oleg", "one_goal"]
    assert run.autosave is not None and run.autosave.record.decisions == ("ask_oleg", "one_goal")
    assert run.player_name == "Ann"
    assert run.notice is not None and "was updated since this game was saved" in run.notice
    run.take(run.session.choices()[0].id)  # the last decision: the game is over
    newest = SaveStore(tmp_path).scan().saves[0]
    assert newest.record.game_id == record.game_id and newest.record.finished
    assert newest.record.decisions[:2] == ("ask_oleg", "one_goal")
    assert len(newest.record.decisions) == 3


def test_a_save_of_a_scenario_not_installed_says_so(tmp_path):
    first_engine_save(tmp_path, "1")
    record = only_save(tmp_path).record
    gone = type(record)(**{**record.__dict__, "scenario_id": "no_such_scenario"})
    outcome = continue_save(gone, [], SaveStore(tmp_path))
    assert isinstance(outcome, Unavailable)
    assert "no_such_scenario" in outcome.reason


def test_a_save_that_no_longer_fits_asks_to_restart_in_the_players_language(tmp_path):
    path = example_copy(tmp_path)
    store = SaveStore(tmp_path / "data")
    run = GameRun.start(load_bundle(path), "ru", seed=3, saves=store)
    run.take("ask_oleg")
    run.take("share_testing")
    edit_events(path, without_choice("share_testing"))
    outcome = continue_save(only_save(tmp_path / "data").record, [tmp_path], store)
    assert isinstance(outcome, Restart)
    assert outcome.bundle.scenario.id == "example_release"
    assert outcome.reason.startswith("Сценарий «example_release» изменился")


def test_a_recorded_game_carries_its_run_id_mode_and_decisions(tmp_path):
    store = SaveStore(tmp_path)
    # a format 1 file: its choices have no ids, the log names them by their place
    bundle = load_bundle(FIXTURES / "stress_test.yaml")
    run = GameRun.start(bundle, "en", seed=3, saves=store)
    while not run.finished:
        run.take(run.session.choices()[0].id)
    with Leaderboard.open(tmp_path) as board:
        assert run.record(board, "  Eve ") is None
        (row,) = list(board.all_rows())
    assert row.run_id == only_save(tmp_path).record.game_id
    assert row.mode == "player"
    assert list(row.decisions) == [int(d) for d in run.session.decisions]
    assert run.player_name == "Eve", "the next game offers the same name"


def test_a_record_that_fails_says_why_in_the_players_language(tmp_path):
    run = GameRun.start(load_bundle("example_release"), "ru", seed=3)
    while not run.finished:
        run.take(run.session.choices()[0].id)
    with Leaderboard.open(tmp_path) as board:
        problem = run.record(board, "   ")
    assert problem == Strings("ru")("store.name_empty")


def test_a_game_played_with_another_team_continues_with_that_team(tmp_path):
    bundle = open_scenario("promoted_from_within", team="squad_south")
    store = SaveStore(tmp_path)
    run = GameRun.start(bundle, "en", seed=5, saves=store)
    run.take(run.session.choices()[0].id)
    record = only_save(tmp_path).record
    assert record.snapshot["team"] == "squad_south"
    again = continue_save(record, [], store)
    assert isinstance(again, GameRun)
    assert again.bundle.team.id == "squad_south"
    assert again.notice is None, "the same version of the scenario with the same team"
    assert again.session.decisions == run.session.decisions
