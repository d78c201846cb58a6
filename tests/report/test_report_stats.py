"""The class's numbers behind the charts."""

from __future__ import annotations

import pytest

from game.content.library import load_bundle
from game.content.principles import PRINCIPLE_IDS
from game.report.gather import parse_since, since_filter
from game.report.stats import ending_counts, profile_stats, score_bins
from game.store.playthrough import Playthrough


def play(score: float = 50.0, ending: str | None = "smooth", **kw: object) -> Playthrough:
    fields: dict = dict(name="A", scenario_id="example_release", content_hash="h", seed=1)
    fields.update(kw)
    return Playthrough(score=score, ending_id=ending, decisions=(1,), **fields)


def test_score_bins_cover_0_to_100_with_100_in_the_last_bin() -> None:
    bins = score_bins([0.0, 9.99, 10.0, 55.5, 99.9, 100.0])
    assert (bins[0].low, bins[0].high) == (0, 9)
    assert (bins[-1].low, bins[-1].high) == (90, 100)
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


def test_ending_counts_list_every_installed_ending_in_order_then_unfinished() -> None:
    bundle = load_bundle("example_release")
    counts = ending_counts([play(ending="slipped"), play(ending=None), play()], bundle)
    assert [e for e, _ in counts] == [*(e.id for e in bundle.scenario.endings), ""]
    assert dict(counts) == {"smooth": 1, "shipped_tired": 0, "slipped": 1, "": 1}


def test_profile_stats_average_the_balance_and_count_each_side() -> None:
    rows = [play(profile={"planning": 2}), play(profile={"planning": -1}), play(profile={})]
    stats = {s.id: s for s in profile_stats(rows)}
    assert list(stats) == list(PRINCIPLE_IDS)
    planning = stats["planning"]
    assert planning.mean == pytest.approx(1 / 3)
    assert (planning.positive, planning.negative, planning.plays) == (1, 1, 3)


def test_since_starts_at_midnight_utc() -> None:
    rows = [play(played_at="2024-05-01T23:59:59Z"), play(played_at="2024-05-02T00:00:00Z")]
    assert [r.played_at[:10] for r in since_filter(rows, parse_since("2024-05-02"))] == [
        "2024-05-02"
    ]
    assert len(since_filter(rows, None)) == 2
