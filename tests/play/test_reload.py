"""Live reload replays by choice id, on real scenario files edited on disk."""

from __future__ import annotations

from pathlib import Path

from game.content.library import load_bundle
from game.content.watch import Broken, Reloaded, Watcher
from game.i18n import Strings
from game.play.reload import replay_log
from game.play.run import GameRun
from game.store.saves import SaveStore
from tests.play.helpers import (
    choice_set,
    edit_events,
    example_copy,
    reverse_choices,
    share_testing_removed,
    without_choice,
)

EN = Strings("en")


def started(tmp_path: Path, *ids: str) -> tuple[GameRun, Watcher, Path]:
    """A saved game of a copy of the example with `ids` decided, and a watcher on its files."""
    path = example_copy(tmp_path)
    run = GameRun.start(load_bundle(path), "en", seed=1, saves=SaveStore(tmp_path / "data"))
    for choice in ids:
        run.take(choice)
    return run, Watcher(run.bundle, settle_s=0), path  # an edit is looked at at once


def saved(run: GameRun) -> list[object]:
    """The decisions the game's save file holds."""
    assert run.autosave is not None
    (entry,) = SaveStore(run.autosave.store.folder).scan().saves
    return list(entry.record.decisions)


def test_reordering_the_choices_replays_the_same_choices(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg", "share_testing")
    places = [record.choice_index for record in run.session.history]
    trajectory = list(run.session.trajectory)
    edit_events(path, reverse_choices)
    report = run.reload(watcher.poll())
    assert report.kind == "reloaded"
    assert report.text == EN("text.reloaded", count=2)
    assert run.session.decisions == ["ask_oleg", "share_testing"]
    assert [record.choice_index for record in run.session.history] != places
    assert run.session.trajectory == trajectory, "the same choices reach the same state"
    assert saved(run) == ["ask_oleg", "share_testing"]


def test_deleting_the_taken_choice_stops_at_that_decision_and_play_goes_on(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg", "share_testing")
    edit_events(path, without_choice("share_testing"))
    report = run.reload(watcher.poll())
    assert report.kind == "stopped"
    assert report.text == share_testing_removed()
    assert run.session.decisions == ["ask_oleg"]
    assert run.session.event is not None and run.session.event.id == "plan"
    assert sorted(o.id for o in run.session.choices()) == ["everything", "one_goal"]
    assert saved(run) == ["ask_oleg"]
    run.take("one_goal")
    assert run.session.decisions == ["ask_oleg", "one_goal"]
    assert saved(run) == ["ask_oleg", "one_goal"]


def test_a_choice_no_longer_on_offer_stops_there_and_says_so(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg", "share_testing")
    edit_events(path, choice_set("share_testing", "if", "not oleg.revealed"))
    report = run.reload(watcher.poll())
    assert report.kind == "stopped"
    assert "which is no longer on offer there" in report.text
    assert "Decision 2 (The last two days)" in report.text
    assert run.session.decisions == ["ask_oleg"]
    assert "share_testing" not in [o.id for o in run.session.choices()]


def test_a_scenario_that_now_ends_sooner_stops_before_the_decision_it_no_longer_has(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg", "one_goal")
    edit_events(path, choice_set("ask_oleg", "next", "end"))
    report = run.reload(watcher.poll())
    assert report.text == EN("run.reload.ended", number=2, count=1)
    assert run.finished and run.session.decisions == ["ask_oleg"]


def test_the_decision_count_stays_right_after_several_reloads(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg", "share_testing")
    edit_events(path, reverse_choices)
    assert run.reload(watcher.poll()).text == EN("text.reloaded", count=2)
    edit_events(path, without_choice("share_testing"))
    assert "Decisions replayed: 1;" in run.reload(watcher.poll()).text
    run.take("everything")
    edit_events(path, reverse_choices)
    assert run.reload(watcher.poll()).text == EN("text.reloaded", count=2)
    assert run.session.decisions == ["ask_oleg", "everything"]
    assert run.session.turn == 2 and len(run.session.history) == 2
    assert run.reloads == 3
    assert saved(run) == ["ask_oleg", "everything"]


def test_a_file_that_no_longer_validates_keeps_the_game_as_it_was(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg")
    session = run.session
    path.write_text(path.read_text(encoding="utf-8").replace("kind: scenario", "kind: scenari"))
    change = watcher.poll()
    assert isinstance(change, Broken)
    report = run.reload(change)
    assert report.kind == "broken"
    assert report.lines[0] == EN("text.reload_broken")
    assert any("did you mean 'scenario'?" in line for line in report.lines[1:])
    assert run.session is session and run.reloads == 0


def test_decisions_made_while_the_replay_ran_elsewhere_are_replayed_too(tmp_path):
    run, watcher, path = started(tmp_path, "ask_oleg")
    edit_events(path, reverse_choices)
    change = watcher.poll()
    seed, decisions = run.session.seed, list(run.session.decisions)
    replayed = replay_log(change.bundle, seed, decisions)  # as the window's worker does
    run.take("share_testing")  # meanwhile the player decided again
    report = run.adopt(replayed)
    assert report.text == EN("text.reloaded", count=2)
    assert run.session.decisions == ["ask_oleg", "share_testing"]
    assert run.session.bundle.content_hash == change.bundle.content_hash


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_caught_half_written_is_looked_at_again_not_reported_broken(tmp_path):
    run, _, path = started(tmp_path, "ask_oleg")
    clock = Clock()
    watcher = Watcher(run.bundle, clock=clock)  # the game's own settling time
    text = path.read_text(encoding="utf-8")
    path.write_text("", encoding="utf-8")  # an editor that empties the file first
    assert watcher.poll() is None, "a file emptied a moment ago may still be being written"
    clock.now += 0.1
    assert watcher.poll() is None, "polls in quick succession wait for the file to settle"
    path.write_text(text.replace("Friday release", "Thursday release"), encoding="utf-8")
    clock.now += 0.25  # still within 0.3 s of the last change
    assert watcher.poll() is None
    clock.now += 0.31
    change = watcher.poll()
    assert isinstance(change, Reloaded)
    assert run.reload(change).text == EN("text.reloaded", count=1)


def test_a_file_that_stays_broken_is_reported_once_it_has_settled(tmp_path):
    run, _, path = started(tmp_path, "ask_oleg")
    clock = Clock()
    watcher = Watcher(run.bundle, clock=clock)
    path.write_text("", encoding="utf-8")
    assert watcher.poll() is None
    clock.now += 0.31
    assert isinstance(watcher.poll(), Broken)
    clock.now += 5
    assert watcher.poll() is None, "a broken file is reported once, not at every look"
