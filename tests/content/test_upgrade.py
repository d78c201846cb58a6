"""`leadsim upgrade`: format 1 files become format 2 files that check, read and play the same."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.cli import main
from game.content.library import Bundle, load_bundle
from game.content.loader import read_file
from game.content.models import Scenario
from game.content.upgrade import (
    ID_LENGTH,
    choice_ids,
    escape_braces,
    ids_for_positions,
    readable_id,
)
from game.content.walk import iter_texts
from game.play.upgrade_log import upgrade_log
from game.resources import SCENARIOS
from game.sim.policies import choose
from game.sim.session import ReplayError, Session
from game.sim.texts import Renderer
from tests.content.checking import FILES, check

UPGRADE = FILES / "upgrade"
ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
BUNDLED = sorted(
    p.stem for p in SCENARIOS.glob("*.yaml") if read_file(p).kind == "scenario"
)  # fmt: skip


def _copy(tmp_path: Path, *names: str, source: Path = UPGRADE) -> Path:
    for name in names:
        shutil.copy(source / name, tmp_path / name)
    return tmp_path


def _errors(*paths: Path) -> list[str]:
    return [d.format() for d in check(*paths) if d.severity == "error"]


# --- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talk to Oleg one to one", "talk_to_oleg_one_to_one"),
        ("Shout at the team for letting it slip", "shout_at_team"),
        ("Move Maria to testing to share Oleg's load", "move_maria_to_testing"),
        ("Поговорить с Олегом один на один", "pogovorit_s_olegom_odin"),
        ("3 more days of testing", "option_3_more_days"),
        ("Überprüfen, dann entscheiden", "uberprufen_dann"),
        ("?!", ""),
        ("Supercalifragilisticexpialidocious plan", "supercalifragilisticexpi"),
    ],
)
def test_an_id_is_made_from_the_first_words_of_the_text(text, expected):
    assert readable_id(text) == expected


def test_made_ids_are_valid_short_unique_and_stable():
    scenario = read_file(UPGRADE / "layout.yaml").model
    assert isinstance(scenario, Scenario)
    first = [choice_ids(event, scenario.languages) for event in scenario.events]
    assert first == [choice_ids(event, scenario.languages) for event in scenario.events]
    assert first == [
        ["talk_to_boris_one_to_one", "talk_to_boris_one_to_2", "option_3_more_days"],
        ["ship_it_with_known_risk", "option_2", "postpone_release"],
    ]
    for ids in first:
        assert len(set(ids)) == len(ids)
        assert all(ID.match(i) and len(i) <= ID_LENGTH for i in ids)


def test_an_authors_id_is_kept_and_never_reused(repo_root):
    scenario = load_bundle("client_escalation").scenario
    event = scenario.events[0]
    assert choice_ids(event, scenario.languages) == [c.id for c in event.choices]


def test_positions_map_to_the_ids_the_upgrade_gives():
    scenario = read_file(UPGRADE / "layout.yaml").model
    assert isinstance(scenario, Scenario)
    assert ids_for_positions(scenario, [("standup", 3), ("release", 2)]) == [
        "option_3_more_days",
        "option_2",
    ]
    with pytest.raises(ValueError, match="has no choice 4"):
        ids_for_positions(scenario, [("standup", 4)])


def test_braces_are_doubled():
    assert escape_braces("a {b} }{ {{") == "a {{b}} }}{{ {{{{"


# --- the file ---------------------------------------------------------------------------------


def test_upgrade_keeps_every_line_and_only_adds_ids_and_the_format(tmp_path, capsys):
    _copy(tmp_path, "format_key.yaml", "team.yaml")
    before = (tmp_path / "format_key.yaml").read_text(encoding="utf-8").splitlines()
    assert main(["upgrade", str(tmp_path / "format_key.yaml")]) == 0
    after = (tmp_path / "format_key.yaml").read_text(encoding="utf-8").splitlines()
    assert "format_key.yaml: upgraded to format 2 (2 choice ids added)" in capsys.readouterr().out
    expected = []
    ids = iter(["plan_week_with_team", "plan_week_alone"])
    for line in before:
        if line.startswith("format:"):
            line = line.replace("format: 1", "format: 2")
        elif line.startswith("            -   text:"):
            expected.append(f"            -   id: {next(ids)}")
            line = line.replace("-", " ", 1)
        expected.append(line)
    assert after == expected
    assert _errors(tmp_path / "format_key.yaml", tmp_path / "team.yaml") == []


def test_upgrade_keeps_comments_styles_and_order_and_escapes_braces(tmp_path):
    _copy(tmp_path, "layout.yaml", "team.yaml")
    assert main(["upgrade", str(tmp_path / "layout.yaml")]) == 0
    text = (tmp_path / "layout.yaml").read_text(encoding="utf-8")
    original = (UPGRADE / "layout.yaml").read_text(encoding="utf-8")
    # every comment, in order
    comments = [line for line in original.splitlines() if "#" in line and "{" not in line]
    assert [line for line in text.splitlines() if line in comments] == comments
    assert "kind: scenario   # the kind comes first\nformat: 2\nid: upgrade_layout\n" in text
    # flow and block styles, quotes and folded texts as the author wrote them
    assert '  - {id: option_3_more_days, text: {en: "3 more days of testing",' in text
    assert "    en: 'Boris writes \"status: {{green}}\" again.'" in text
    assert "        Ship it with a {{known}} risk written down\n        and a rollback" in text
    assert "  - id: talk_to_boris_one_to_one\n    text: {en: Talk to Boris one to one," in text
    assert "один на один}   # asks first\n" in text
    assert (
        text.count("\n") == original.count("\n") + 6
    )  # the format, five ids on lines of their own
    assert _errors(tmp_path / "layout.yaml", tmp_path / "team.yaml") == []


def _rendered(bundle: Bundle) -> list[str]:
    renderer = Renderer(bundle, None, None)
    return [
        renderer.text(text, lang)
        for text, _ in iter_texts(bundle.scenario)
        for lang in bundle.scenario.languages
    ]


def test_upgraded_texts_read_exactly_as_before(tmp_path):
    _copy(tmp_path, "layout.yaml", "team.yaml")
    before = load_bundle(tmp_path / "layout.yaml")
    assert main(["upgrade", str(tmp_path / "layout.yaml")]) == 0
    after = load_bundle(tmp_path / "layout.yaml")
    assert after.scenario.format == 2
    assert _rendered(after) == _rendered(before)
    assert 'Boris writes "status: {green}" again.' in _rendered(after)


def test_line_endings_and_byte_order_mark_are_kept(tmp_path):
    _copy(tmp_path, "team.yaml")
    source = (UPGRADE / "format_key.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "format_key.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    assert main(["upgrade", str(path)]) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") == source.count("\r\n") + 2
    assert load_bundle(path).scenario.format == 2


def test_the_same_file_always_gets_the_same_result(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        _copy(tmp_path / name, "layout.yaml", "team.yaml")
        assert main(["upgrade", str(tmp_path / name)]) == 0
    first = (tmp_path / "one" / "layout.yaml").read_bytes()
    assert first == (tmp_path / "two" / "layout.yaml").read_bytes()
    assert main(["upgrade", str(tmp_path / "one")]) == 0  # a second upgrade changes nothing
    assert (tmp_path / "one" / "layout.yaml").read_bytes() == first


def test_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path):
    _copy(tmp_path, "format_key.yaml", "team.yaml")
    (tmp_path / "format_key.yaml").chmod(0o640)
    assert main(["upgrade", str(tmp_path)]) == 0
    assert (tmp_path / "format_key.yaml").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["format_key.yaml", "team.yaml"]


def test_a_failed_write_loses_nothing(tmp_path, capsys, monkeypatch):
    _copy(tmp_path, "format_key.yaml", "team.yaml")
    before = (tmp_path / "format_key.yaml").read_bytes()

    def full_disk(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.commands.upgrade.os.replace", full_disk)
    assert main(["upgrade", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "format_key.yaml: not upgraded: cannot write the file: No space left on device" in out
    assert (tmp_path / "format_key.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["format_key.yaml", "team.yaml"]


# --- the command ------------------------------------------------------------------------------


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, capsys):
    _copy(tmp_path, "format_key.yaml", "team.yaml")
    before = (tmp_path / "format_key.yaml").read_bytes()
    assert main(["upgrade", "--dry-run", str(tmp_path / "format_key.yaml")]) == 0
    captured = capsys.readouterr()
    assert (tmp_path / "format_key.yaml").read_bytes() == before
    assert captured.out.startswith(f"--- {tmp_path / 'format_key.yaml'} (format 1)\n+++ ")
    assert "-format: 1          # the first format\n+format: 2 " in captured.out
    assert "+            -   id: plan_week_alone\n" in captured.out
    assert "would upgrade to format 2" in captured.err


def test_check_exits_1_while_a_file_needs_upgrading(tmp_path, capsys):
    _copy(tmp_path, "format_key.yaml", "team.yaml")
    assert main(["upgrade", "--check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "format_key.yaml: would upgrade to format 2" in out
    assert "team.yaml: a team file; teams have no format to upgrade" in out
    assert "2 files: 1 needs upgrading, 0 already format 2, 1 team file, 0 refused" in out
    assert main(["upgrade", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["upgrade", "--check", str(tmp_path)]) == 0
    assert "format_key.yaml: already format 2" in capsys.readouterr().out


def test_a_file_that_does_not_check_is_refused_and_left_alone(tmp_path, capsys):
    _copy(tmp_path, "broken.yaml", "format_key.yaml", "team.yaml")
    before = (tmp_path / "broken.yaml").read_bytes()
    assert main(["upgrade", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "broken.yaml: not upgraded: the file has errors\n" in out
    assert "error: events[0].choices[0].aplies: unknown key 'aplies'" in out
    assert "fix them first (leadsim check" in out
    assert "format_key.yaml: upgraded to format 2" in out  # the others are still upgraded
    assert (tmp_path / "broken.yaml").read_bytes() == before


def test_a_scenario_without_its_team_is_refused(tmp_path, capsys):
    _copy(tmp_path, "format_key.yaml")
    assert main(["upgrade", str(tmp_path / "format_key.yaml")]) == 1
    assert "no team 'upgrade_crew' found" in capsys.readouterr().out


def test_usage_errors(tmp_path, capsys):
    assert main(["upgrade", str(tmp_path / "missing.yaml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["upgrade", str(tmp_path)]) == 2
    assert "no *.yaml or *.yml files found" in capsys.readouterr().err
    assert main(["upgrade", "--check", "--dry-run", str(tmp_path)]) == 2


# --- playing after the upgrade ----------------------------------------------------------------


def _positions(bundle: Bundle, seed: int) -> list[int]:
    """A playthrough logged as the first engine logged it: 1-based positions, 0 = timed out."""
    session = Session(bundle, seed)
    while not session.finished:
        choice = None if session.turn % 3 == 1 else choose("random", session)
        session.take(choice)
    return [record.choice_index for record in session.history]


def _state(session: Session) -> dict[str, Any]:
    return {
        **session.world.arrays(),
        "ending": session.ending.id if session.ending else None,
        "score": session.score().total,
        "events": [record.event_id for record in session.history],
    }


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(
        np.array_equal(a[k], b[k]) if isinstance(a[k], np.ndarray) else a[k] == b[k] for k in a
    )


@pytest.fixture(scope="module")
def upgraded_library(tmp_path_factory) -> Path:
    """Every bundled scenario and team, upgraded in a copy."""
    folder = tmp_path_factory.mktemp("bundled")
    for path in SCENARIOS.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    format_1 = any(
        read_file(p).kind == "scenario" and read_file(p).model.format == 1
        for p in folder.glob("*.yaml")
    )
    assert main(["upgrade", "--check", str(folder)]) == (1 if format_1 else 0)
    assert main(["upgrade", str(folder)]) == 0
    return folder


def test_every_bundled_scenario_upgrades_and_checks_clean(upgraded_library, capsys):
    assert main(["check", str(upgraded_library)]) == 0
    assert " 0 errors" in capsys.readouterr().out
    for name in BUNDLED:
        assert read_file(upgraded_library / f"{name}.yaml").model.format == 2


def _replays_alike(upgraded: Bundle) -> None:
    for seed in (1, 2, 3):
        positions = _positions(upgraded, seed)
        ids = upgrade_log(upgraded, seed, positions)
        assert (None in ids) == (len(ids) > 1)  # decisions 2, 5, 8... time out
        assert all(i is None or ID.match(i) for i in ids)
        by_position = Session.replay(upgraded, seed, positions)
        by_id = Session.replay(upgraded, seed, ids)
        assert by_id.decisions == ids == by_position.decisions
        assert _same(_state(by_id), _state(by_position))


@pytest.mark.parametrize("name", BUNDLED)
def test_a_v1_log_replays_to_the_same_state_as_the_same_log_by_ids(upgraded_library, name):
    _replays_alike(load_bundle(upgraded_library / f"{name}.yaml"))


@pytest.mark.parametrize("name", ["layout.yaml", "format_key.yaml", "aliases.yaml"])
def test_a_v1_log_of_a_fixture_replays_alike_after_the_upgrade(tmp_path, name):
    _copy(tmp_path, name, "team.yaml")
    assert main(["upgrade", str(tmp_path / name)]) == 0
    _replays_alike(load_bundle(tmp_path / name))


def test_a_v1_log_of_a_file_without_ids_maps_to_the_ids_the_upgrade_gives(tmp_path):
    _copy(tmp_path, "layout.yaml", "team.yaml")
    before = load_bundle(tmp_path / "layout.yaml")
    log = [2, 3]
    ids = upgrade_log(before, 7, log)
    assert ids == ["talk_to_boris_one_to_2", "postpone_release"]
    assert upgrade_log(before, 7, [0, "1"]) == [None, "ship_it_with_known_risk"]
    assert main(["upgrade", str(tmp_path / "layout.yaml")]) == 0
    after = load_bundle(tmp_path / "layout.yaml")
    assert upgrade_log(after, 7, log) == ids
    assert _same(_state(Session.replay(after, 7, ids)), _state(Session.replay(after, 7, log)))


def test_a_log_that_no_longer_fits_is_refused_with_the_decision_named(tmp_path):
    _copy(tmp_path, "layout.yaml", "team.yaml")
    with pytest.raises(ReplayError, match="decision 2"):
        upgrade_log(load_bundle(tmp_path / "layout.yaml"), 7, [1, 9])


def test_anchors_and_aliases_stay_one_value(tmp_path):
    _copy(tmp_path, "aliases.yaml", "team.yaml")
    assert main(["upgrade", str(tmp_path / "aliases.yaml")]) == 0
    text = (tmp_path / "aliases.yaml").read_text(encoding="utf-8")
    assert 'title: &title "Left {{or}} right"\nsummary: *title\n' in text
    assert text.count("&title") == 1 and "    title: *title\n" in text
    assert "      - &left\n        id: go_left\n        text: Go left\n" in text
    assert "      - *left\n      - id: go_left_2\n" in text
    assert _errors(tmp_path / "aliases.yaml", tmp_path / "team.yaml") == []
