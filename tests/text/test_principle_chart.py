"""The terminal's principles chart: applied and violated counted apart, bars to one scale."""

from __future__ import annotations

from game.content.library import load_bundle_by_id
from game.i18n import Strings
from game.sim.debrief import debrief
from game.sim.session import Session
from game.text.debrief import AXIS, COUNT_BAR, DebriefText, principle_chart


def _rows(lines: list[str]) -> dict[str, tuple[str, str]]:
    """principle name -> (left of the axis, right of the axis) for each chart row."""
    rows = {}
    for line in lines[2:]:
        left, _, right = line.partition(AXIS)
        name = left[:38].strip()
        rows[name] = (left[38:], right)
    return rows


def test_a_principle_applied_and_violated_shows_both_counts_not_their_difference():
    s = Strings("en")
    met = {"composure": (3, 3), "planning": (2, 0), "decisiveness": (0, 1)}
    lines = principle_chart(met, s)
    rows = _rows(lines)
    left, right = rows[s.principle("composure")]
    assert "−3" in left and left.count("█") == 3  # netted it would be 0 and vanish
    assert "+3" in right and right.count("█") == 3
    left, right = rows[s.principle("planning")]
    assert left.count("█") == 0 and right.count("█") == 2 and "+2" in right
    left, right = rows[s.principle("decisiveness")]
    assert left.count("█") == 1 and "−1" in left and right.strip() == ""
    # the most met first
    assert next(iter(rows)) == s.principle("composure")
    assert "1 time" in lines[0]


def test_bars_are_drawn_to_one_scale_that_is_stated():
    s = Strings("en")
    met = {"composure": (2 * COUNT_BAR, 1), "planning": (COUNT_BAR, 0)}
    lines = principle_chart(met, s)
    assert "each █ stands for 2 times" in lines[0]
    rows = _rows(lines)
    assert rows[s.principle("composure")][1].count("█") == COUNT_BAR
    assert rows[s.principle("planning")][1].count("█") == COUNT_BAR // 2
    assert rows[s.principle("composure")][0].count("█") == 1  # a single breach still shows
    assert all(len(line) <= 78 for line in lines)


def test_russian_chart_and_the_axis_lines_up():
    s = Strings("ru")
    lines = principle_chart({"composure": (1, 2 * COUNT_BAR)}, s)
    assert "каждый █ — это 2 раза" in lines[0]
    assert lines[1].index(AXIS) == lines[2].index(AXIS)
    assert "нарушения" in lines[1] and "применения" in lines[1]


def test_the_debrief_of_a_real_game_counts_what_the_session_counted():
    bundle = load_bundle_by_id("example_release")
    session = Session(bundle, 5)
    for choice in ("trust_status", "one_goal", "shout"):
        session.take(choice)
    counts = session.principle_counts()
    assert any(v for _, v in counts.values())
    lines = DebriefText(debrief(session), "en").lines()
    start = lines.index("Your leadership profile")
    rows = _rows(lines[start + 1 :][: len(counts) + 2])
    s = Strings("en")
    for pid, (applied, violated) in counts.items():
        [(left, right)] = [v for k, v in rows.items() if s.principle(pid).startswith(k.rstrip("…"))]
        assert left.count("█") == violated and right.count("█") == applied
