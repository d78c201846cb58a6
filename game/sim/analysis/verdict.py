"""Verdict v2: does the scenario reward leading well, and only that?

A scenario teaches when
* principled play beats random play by at least 10 points,
* and every naive baseline (first, last, longest, never) by at least 15;
* never deciding scores below random play (fear of deciding is no strategy);
* the best unprincipled decision sequence stays at least 15 points below principled play on
  the same runs (the lesson cannot be beaten by ignoring it).
Each criterion carries its numbers; one that could not be measured (a policy not played) has
`ok: null`, and so has the verdict when nothing failed but something was not measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.analysis.search import SearchResult
from game.sim.playtest import LESSON_MARGIN, gap

RANDOM_MARGIN = 10.0
BASELINE_MARGIN = 15.0
UNPRINCIPLED_MARGIN = 15.0
NAIVE = ("first", "last", "longest", "never")


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    ok: bool | None
    values: dict[str, float]
    margin: float | None  # how far the criterion is met (negative: missed by)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "ok": self.ok,
            "values": {k: round(v, 3) for k, v in self.values.items()},
            "margin": None if self.margin is None else round(self.margin, 3),
        }
        if self.note:
            out["note"] = self.note
        return out


def _beats(
    summaries: dict[str, dict[str, Any]], better: str, worse: str, needed: float
) -> Criterion:
    text = f"{better} beats {worse} by at least {needed:g} points"
    ident = f"{better}_beats_{worse}"
    if better not in summaries or worse not in summaries:
        missing = worse if better in summaries else better
        return Criterion(ident, text, None, {}, None, f"not measured: play the {missing} policy")
    a, b = summaries[better]["mean_score"], summaries[worse]["mean_score"]
    return Criterion(ident, text, a - b >= needed, {better: a, worse: b}, a - b - needed)


def _never_below_random(summaries: dict[str, dict[str, Any]]) -> Criterion:
    text = "never deciding scores below random play"
    if "never" not in summaries or "random" not in summaries:
        return Criterion(
            "never_below_random",
            text,
            None,
            {},
            None,
            "not measured: play the random and never policies",
        )
    never, random = summaries["never"]["mean_score"], summaries["random"]["mean_score"]
    values = {"never": never, "random": random}
    return Criterion("never_below_random", text, never < random, values, random - never)


def _unprincipled(search: SearchResult | None) -> Criterion:
    text = f"the best unprincipled sequence stays at least {UNPRINCIPLED_MARGIN:g} points below"
    text += " principled play"
    ident = "unprincipled_below_principled"
    if search is None:
        return Criterion(ident, text, None, {}, None, "not measured: the search did not run")
    principled = search.principled
    if search.unprincipled is None:
        note = "no sequence agrees with principled play in at most half of its decisions"
        return Criterion(ident, text, True, {"principled": principled}, None, note)
    best = search.unprincipled.score
    values = {"principled": principled, "best_unprincipled": best}
    margin = principled - best - UNPRINCIPLED_MARGIN
    note = f"on the same {search.runs} runs; {search.method} search"
    return Criterion(ident, text, margin >= 0, values, margin, note)


def verdict_v2(summaries: dict[str, dict[str, Any]], search: SearchResult | None) -> dict[str, Any]:
    """Every criterion with its numbers, and whether all hold (None: some not measured)."""
    criteria = [
        _beats(summaries, "principled", "random", RANDOM_MARGIN),
        *(_beats(summaries, "principled", name, BASELINE_MARGIN) for name in NAIVE),
        _never_below_random(summaries),
        _unprincipled(search),
    ]
    results = [c.ok for c in criteria]
    ok = False if False in results else (None if None in results else True)
    out: dict[str, Any] = {
        "version": 2,
        "ok": ok,
        "criteria": [c.to_json() for c in criteria],
    }
    # the first verdict's figures, for readers of earlier reports
    pairs = [
        ("principled", "random"),
        ("random", "antiprincipled"),
        ("principled", "antiprincipled"),
    ]
    out["gaps"] = [
        gap(a, b, summaries).to_json() for a, b in pairs if a in summaries and b in summaries
    ]
    out["margin"] = LESSON_MARGIN
    return out
