"""Every trainee in the class report: a row per player in each ranking and a page per player
with their runs, decisions, principles and, for their best play, key moments and what-ifs."""

from __future__ import annotations

import re
from collections import OrderedDict
from html import escape
from pathlib import Path

from pytest import MonkeyPatch

from game.content.library import load_bundle
from game.i18n import Strings
from game.play.lessons import moment_lines
from game.report import players
from game.sim.debrief import Debrief, debrief
from game.sim.policies import POLICY_NAMES, choose
from game.sim.session import Session
from game.store.playthrough import Playthrough, playthrough_from_session
from tests.report.conftest import NAMES, Plays, Record, Report

LINK = re.compile(r'<a href="(players/[^"]+)">([^<]*)</a>')
SAFE = re.compile(r"players/[0-9a-f]{16}\.html")


def _play(scenario: str, seed: int, name: str, policy: str, minute: int) -> Playthrough:
    session = Session(load_bundle(scenario), seed=seed)
    while not session.finished:
        session.take(choose(policy, session))
    return playthrough_from_session(
        session, name=name, duration_s=300, played_at=f"2024-05-01T09:{minute:02d}:00Z"
    )


def _page(out: Path, html: str, name: str) -> str:
    [href] = [h for h, shown in LINK.findall(html) if shown == escape(name)][:1]
    return (out / href).read_text(encoding="utf-8")


def test_every_player_gets_a_row_and_a_page(record: Record, tmp_path: Path, report: Report):
    names = [f"Trainee {n:02d}" for n in range(25)]
    rows = [
        _play("example_release", 100 + n, name, POLICY_NAMES[n % len(POLICY_NAMES)], n)
        for n, name in enumerate(names)
    ]
    # the same person again, spelt otherwise: one row, one page, two plays
    rows.append(_play("example_release", 7, "trainee 03", "random", 40))
    record(rows)
    out = tmp_path / "r"
    assert report("--out", str(out)).code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    links = LINK.findall(html)
    assert sorted(shown for _, shown in links) == names
    assert all(SAFE.fullmatch(href) for href, _ in links)
    assert len({href for href, _ in links}) == 25
    assert sorted(p.name for p in (out / "players").iterdir()) == sorted(
        href.removeprefix("players/") for href, _ in links
    )
    row = re.search(r">Trainee 03</a></td>.*?</tr>", html)
    assert row is not None and '<td class="num">2</td>' in row.group(0)  # two plays
    page = _page(out, html, "Trainee 03")
    assert "2 plays" in page and page.count('<section class="run">') == 2
    # the what-ifs of the best play only
    assert page.count("Key moments and what-ifs</h3>") == 1


def test_a_page_shows_the_decisions_principles_and_key_moments_of_the_best_play(
    filled: Path, plays: Plays, tmp_path: Path, report: Report
) -> None:
    out = tmp_path / "r"
    assert report("--out", str(out)).code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    s = Strings("en")
    for row in (r for r in plays.rows if r.name == "Gita"):
        whole = _page(out, html, "Gita")
        assert 'href="../index.html"' in whole
        bundle = load_bundle(row.scenario_id)
        session = Session.replay(bundle, row.seed, list(row.decisions))
        title = escape(session.text(bundle.scenario.title, "en"))
        [page] = [x for x in whole.split('<section class="run">') if f">{title}: " in x]
        events = {e.id: e for e in bundle.scenario.events}
        steps = re.findall(r'<li><span class="step-event">(.*?)</span>: (.*?)</li>', page)
        for rec in session.history:
            event = events[rec.event_id]
            said = s("report.timed_out")
            if rec.choice_index:
                said = session.text(event.choices[rec.choice_index - 1].text, "en")
            assert (escape(session.text(event.title, "en")), escape(said)) in steps
        for pid, (applied, violated) in session.principle_counts().items():
            found = re.search(
                f"<tr><td>{re.escape(escape(str(s.principle(pid))))}</td>(.*?)</tr>", page
            )
            assert found is not None, pid
            assert (f">−{violated} <" in found.group(1)) == bool(violated)
            assert (f"> +{applied}</td>" in found.group(1)) == bool(applied)
        moments = debrief(session).moments
        assert moments
        for number, moment in enumerate(moments, start=1):
            for line in moment_lines(moment, number, session, s):
                assert escape(line.text) in page


def test_a_hostile_name_is_escaped_and_its_page_has_a_safe_file_name(
    filled: Path, tmp_path: Path, report: Report
) -> None:
    out = tmp_path / "r"
    assert report("--out", str(out)).code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        [href] = {h for h, shown in LINK.findall(html) if shown == escape(name)}
        assert SAFE.fullmatch(href)
    for page in (out / "players").iterdir():
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "<b>co" not in text
    hostile = _page(out, html, "<script>alert('x')</script>")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;: runs and debrief" in hostile


def test_a_play_of_a_version_no_longer_installed_says_so(
    record: Record, tmp_path: Path, report: Report
) -> None:
    old = Playthrough(
        name="Old timer",
        scenario_id="example_release",
        content_hash="0" * 64,
        score=99.0,
        ending_id="smooth",
        seed=5,
        decisions=(1, 1, 1),
        profile={"planning": 2, "composure": -1},
        played_at="2024-05-01T08:00:00Z",
    )
    gone = Playthrough(
        name="Old timer",
        scenario_id="retired_case",
        content_hash="f" * 64,
        score=42.0,
        ending_id="quiet_exit",
        seed=3,
        decisions=(2, 1),
        played_at="2024-05-02T08:00:00Z",
    )
    record([old, gone])
    out = tmp_path / "r"
    assert report("--out", str(out)).code == 0
    page = _page(out, (out / "index.html").read_text(encoding="utf-8"), "Old timer")
    assert "version 0000000000 of the scenario, which is no longer installed" in page
    assert "This scenario is no longer installed here" in page and "quiet_exit" in page
    assert "Applied minus violated, as stored" in page and "−1 " in page and " +2" in page
    assert "Decisions, in order</h3>" not in page and "what-ifs</h3>" not in page


def test_a_report_built_again_replays_the_what_ifs_of_new_runs_only(
    filled: Path, plays: Plays, tmp_path: Path, report: Report, monkeypatch: MonkeyPatch
) -> None:
    calls: list[int] = []

    def counted(session: Session) -> Debrief:
        calls.append(session.seed)
        return debrief(session)

    monkeypatch.setattr(players, "_told", OrderedDict())
    monkeypatch.setattr(players, "debrief", counted)
    assert report("--out", str(tmp_path / "a")).code == 0
    assert len(calls) == len(plays.rows)  # one best run per player and scenario
    assert report("--out", str(tmp_path / "b")).code == 0
    assert len(calls) == len(plays.rows)
    for page in (tmp_path / "a" / "players").iterdir():
        assert page.read_bytes() == (tmp_path / "b" / "players" / page.name).read_bytes()
