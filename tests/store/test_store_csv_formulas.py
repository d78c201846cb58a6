"""Every text written to a CSV file, in the leaderboard export and in the report's files, is
guarded against spreadsheet formulas: a leading = + - @ tab or CR (or a full-width = + - @),
even after spaces, gets an apostrophe; everything else is written as it is."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_bundle
from game.resources import SCENARIOS
from game.sim.policies import choose
from game.sim.session import Session
from game.store.csvsafe import spreadsheet_text
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough, playthrough_from_session

MakePlay = Callable[..., Playthrough]
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\uff1d1+1", "\uff0b1", "\uff0d1",
            "\uff201", "  =1", "\u3000=1"]  # fmt: skip


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert spreadsheet_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Anna", "1+1", "a=b", "'quoted", "", "[1, 2]", "Ян-Мария"])
def test_other_text_is_kept(text: str) -> None:
    assert spreadsheet_text(text) == text


def test_export_guards_names_run_ids_and_hashes(
    data_dir: Path, make_play: MakePlay, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [text for text in FORMULAS if not text.startswith(("\t", "\r"))]
    rows = [
        replace(make_play(name=name, content_hash="-cmd"), run_id=f"-{n}x")
        for n, name in enumerate(names)
    ]
    with Leaderboard.open() as board:
        board.record_many(rows)
    target = tmp_path / "export.csv"
    assert main(["leaderboard", "--export", str(target)]) == 0
    lines = read(target)
    assert sorted(line["name"] for line in lines) == sorted("'" + n.strip() for n in names)
    assert {line["content_hash"] for line in lines} == {"'-cmd"}
    assert all(line["run_id"].startswith("'-") for line in lines)
    assert all(not line["decisions"].startswith("'") for line in lines)


def _hostile_scenario(folder: Path) -> Path:
    """The bundled example with event titles and choice texts that look like formulas."""
    shutil.copy(SCENARIOS / "example_team.yaml", folder / "example_team.yaml")
    text = (SCENARIOS / "example_release.yaml").read_text(encoding="utf-8")
    text = text.replace("{en: Status meeting,", '{en: "=HYPERLINK(\\"http://x\\")",', 1)
    talk = "Hold the client's report and go through the test list with {oleg}"
    trust = "Take {oleg}'s word for it and send the client the status"
    assert talk in text and trust in text
    text = text.replace(f'{{en: "{talk}",', '{en: "@Talk to Oleg",', 1)
    text = text.replace(f'{{en: "{trust}",', '{en: "\\uff0bTrust the status",', 1)
    path = folder / "example_release.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_report_csv_guards_every_text(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    bundle = load_bundle(_hostile_scenario(folder))
    rows = []
    for seed, name in enumerate(("=evil()", "-5", "+cmd|' /C calc'!A0", "@me", "Fine")):
        session = Session(bundle, seed=seed)
        while not session.finished:
            session.choose(choose("random", session))
        rows.append(playthrough_from_session(session, name=name, duration_s=60))
    with Leaderboard.open() as board:
        board.record_many(rows)
    out = tmp_path / "report"
    assert main(["report", "--out", str(out), "--scenarios", str(folder)]) == 0, capsys.readouterr()
    for name in ("rows.csv", "decisions.csv", "choices.csv", "profile.csv"):
        with open(out / name, encoding="utf-8-sig", newline="") as handle:
            for cells in csv.reader(handle):
                for cell in cells:  # numbers (a balance of -1) are numbers, not formulas
                    starts = set("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
                    assert cell[:1] not in starts or is_number(cell), (name, cell)
    choices = read(out / "choices.csv")
    titles = {c["event_title"] for c in choices}
    assert '\'=HYPERLINK("http://x")' in titles
    assert {"'@Talk to Oleg", "'\uff0bTrust the status"} <= {c["choice_text"] for c in choices}
    names = {line["name"] for line in read(out / "profile.csv")}
    assert names == {"'=evil()", "'-5", "'+cmd|' /C calc'!A0", "'@me", "Fine"}
