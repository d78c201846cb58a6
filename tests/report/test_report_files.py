"""`leadsim report` writes index.html, its PNG charts and the CSV files of the raw data."""

from __future__ import annotations

import csv
import re
from collections import Counter
from html import escape
from pathlib import Path

from game.content.library import load_bundle
from game.sim.session import Session
from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from tests.report.conftest import NAMES, SCENARIOS, Plays, Record, Report

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def image_sources(html: str) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', html)


def test_report_writes_the_page_every_chart_and_the_csv_files(
    filled: Path, tmp_path: Path, report: Report
) -> None:
    out = tmp_path / "report"
    result = report("--out", str(out))
    assert result.code == 0, result.err
    assert str(out / "index.html") in result.out
    html = (out / "index.html").read_text(encoding="utf-8")
    sources = image_sources(html)
    for kind in ("scores", "endings", "principles"):
        assert sum(kind in src for src in sources) == len(SCENARIOS), kind
    assert len(sources) == 3 * len(SCENARIOS)  # the choices per event are tables, not charts
    for src in sources:
        assert not src.startswith(("/", "http", "file:")), src  # relative: opens offline
        assert (out / src).read_bytes().startswith(PNG_MAGIC), src
    for name in ("rows.csv", "choices.csv", "decisions.csv", "profile.csv"):
        assert (out / name).is_file() and f'href="{name}"' in html
    for scenario in SCENARIOS:
        assert f"({scenario})</h2>" in html
    body = html.split("<main>", 1)[1]
    assert "Oleg" in body and not re.search(r"\{[a-z_]+\}", body)  # variables filled in


def test_rows_csv_matches_the_database(filled: Path, tmp_path: Path, report: Report) -> None:
    assert report("--out", str(tmp_path / "r")).code == 0
    with Leaderboard.open() as board:
        stored = {row.row_id: row for row in board.all_rows()}
    lines = read_csv(tmp_path / "r" / "rows.csv")
    assert sorted(int(line["id"]) for line in lines) == sorted(stored)
    for line in lines:
        row = stored[int(line["id"])]
        assert line["name"] == row.name and line["scenario"] == row.scenario_id
        assert float(line["score"]) == row.score and line["ending"] == (row.ending_id or "")
        assert line["date"] == row.played_at and line["content_hash"] == row.content_hash
    profile = {int(p["id"]): p for p in read_csv(tmp_path / "r" / "profile.csv")}
    for row_id, row in stored.items():
        for principle, balance in row.profile.items():
            assert int(profile[row_id][principle]) == balance


def test_choices_csv_counts_what_the_sessions_picked(
    filled: Path, plays: Plays, tmp_path: Path, report: Report
) -> None:
    assert report("--out", str(tmp_path / "r")).code == 0
    lines = read_csv(tmp_path / "r" / "choices.csv")
    counted = Counter(
        {(c["scenario"], c["event"], int(c["choice"])): int(c["picked"]) for c in lines}
    )
    assert +counted == plays.picks  # unary + drops the options nobody picked
    per_event: dict[tuple[str, str], float] = {}
    for c in lines:
        key = (c["scenario"], c["event"])
        per_event[key] = per_event.get(key, 0.0) + float(c["share"])
    assert all(abs(total - 1.0) < 1e-3 for total in per_event.values())
    decisions = read_csv(tmp_path / "r" / "decisions.csv")
    assert len(decisions) == sum(plays.picks.values())
    # texts as a player reads them, as on the page: no variable left to fill
    texts = [c["choice_text"] for c in lines] + [d["choice_text"] for d in decisions]
    assert any("Oleg" in t for t in texts) and not any(re.search(r"\{[a-z_.]+\}", t) for t in texts)


def test_option_texts_appear_in_the_chosen_language(
    filled: Path, tmp_path: Path, report: Report
) -> None:
    assert report("example_release", "--lang", "ru", "--out", str(tmp_path / "r")).code == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    bundle = load_bundle("example_release")
    said = Session(bundle, seed=0).text(bundle.scenario.events[0].choices[0].text, "ru")
    assert "{" in bundle.scenario.events[0].choices[0].text["ru"]  # with a variable to fill
    assert f"1. {escape(said)}" in html


def test_player_names_with_html_are_escaped(filled: Path, tmp_path: Path, report: Report) -> None:
    assert report("--out", str(tmp_path / "r")).code == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<b>co</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Zoë &amp; &lt;b&gt;co&lt;/b&gt;" in html


def test_russian_report_has_russian_headings(filled: Path, tmp_path: Path, report: Report) -> None:
    result = report("--lang", "ru", "--out", str(tmp_path / "r"))
    assert result.code == 0 and "Отчёт по группе записан" in result.out
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in html
    for heading in ("Распределение баллов", "Концовки", "Все участники", "Что выбирала группа"):
        assert f"<h3>{heading}" in html
    assert "Score distribution" not in html


def test_since_keeps_only_plays_from_that_date(
    filled: Path, plays: Plays, tmp_path: Path, report: Report
) -> None:
    assert report("--since", "2024-05-02", "--out", str(tmp_path / "r")).code == 0
    kept = read_csv(tmp_path / "r" / "rows.csv")
    expected = [row for row in plays.rows if row.played_at >= "2024-05-02"]
    assert 0 < len(kept) == len(expected) < len(plays.rows)
    assert all(line["date"] >= "2024-05-02" for line in kept)
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "2024-05-01" not in html.split("<section", 1)[1]  # no older play is listed


def test_scenario_argument_reports_that_scenario_only(
    filled: Path, tmp_path: Path, report: Report
) -> None:
    assert report("missed_deadline", "--out", str(tmp_path / "r")).code == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert html.count('<section class="scenario"') == 1 and "(missed_deadline)</h2>" in html
    assert {line["scenario"] for line in read_csv(tmp_path / "r" / "rows.csv")} == {
        "missed_deadline"
    }


def test_plays_of_another_version_count_but_their_choices_are_left_out(
    record: Record, plays: Plays, tmp_path: Path, report: Report
) -> None:
    current = [row for row in plays.rows if row.scenario_id == "example_release"]
    old = Playthrough(
        name="Old timer",
        scenario_id="example_release",
        content_hash="0" * 64,
        score=99.0,
        ending_id="smooth",
        seed=5,
        decisions=(1, 1, 1),
        played_at="2024-05-01T08:00:00Z",
    )
    record([*current, old])
    assert report("--out", str(tmp_path / "r")).code == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "1 of 7 plays were made on another version" in html
    # ranked apart, after the installed version's ranking
    installed, other = html.split("Ranked within version 0000000000 (1 play)")
    assert "Old timer" in other and "Old timer" not in installed
    assert all(name.split()[0] in installed for name in ("Anna", "Gita"))
    assert len(read_csv(tmp_path / "r" / "rows.csv")) == len(NAMES) + 1
    decisions = read_csv(tmp_path / "r" / "decisions.csv")
    assert "Old timer" not in {line["name"] for line in decisions}


def test_a_scenario_that_is_not_installed_still_gets_its_section(
    record: Record, tmp_path: Path, report: Report
) -> None:
    gone = Playthrough(
        name="Ira",
        scenario_id="retired_case",
        content_hash="f" * 64,
        score=42.0,
        ending_id="quiet_exit",
        seed=3,
        decisions=(2, 1),
        profile={"planning": 1, "composure": -1},
        played_at="2024-05-01T08:00:00Z",
    )
    record([gone])
    assert report("--out", str(tmp_path / "r")).code == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "retired_case" in html and "is not installed here" in html
    assert "quiet_exit" in html and "Ira" in html
    assert "event01" not in html
    assert read_csv(tmp_path / "r" / "decisions.csv") == []
