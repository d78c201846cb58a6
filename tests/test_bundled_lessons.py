"""The bundled scenarios teach: each is a real dilemma a trainee can lose, and as a set they
exercise every principle of PRINCIPLES.md both ways, with a real cost, with teams whose nature
decides what is right. Every failure prints the figures."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from game.content.library import Bundle, ScenarioLibrary, load_bundle_with_team
from game.content.models import Act, Tag
from game.content.principles import PRINCIPLE_IDS
from game.content.walk import iter_effects
from game.sim.analysis.report import Analysis, analyse
from game.sim.analysis.teams import team_report
from game.sim.analysis.verdict import verdict_v2
from game.sim.playtest import play_many, summarise
from game.sim.policies import POLICY_NAMES
from game.sim.program import Program

RUNS = 1_000  # per policy
ANALYSIS_RUNS = 24
SEED = 7
MIN_TRADEOFF_SHARE = 1 / 3
MEDIAN_MISTAKE = 5.0
COSTLIEST_MISTAKE = 15.0
REAL_COST = 1.0  # points outside the principles part


def _bundles() -> list[Bundle]:
    return [e.bundle for e in ScenarioLibrary().entries() if e.bundle is not None]


def _workshop() -> list[Bundle]:
    """The scenarios a workshop plays (the short tutorial example is extra)."""
    return [b for b in _bundles() if not b.scenario.id.startswith("example")]


@cache
def _measured(scenario_id: str) -> tuple[Program, dict[str, Any], Analysis, dict[str, Any]]:
    bundle = next(b for b in _bundles() if b.scenario.id == scenario_id)
    program = Program(bundle)
    results = {p: play_many(program, SEED, RUNS, p) for p in POLICY_NAMES}
    summaries = {p: summarise(program, r) for p, r in results.items()}
    applied = results["principled"].applied.sum(axis=0)
    summaries["principled"]["principles_applied"] = [
        pid for pid, count in zip(PRINCIPLE_IDS, applied, strict=True) if count
    ]
    analysis = analyse(program, SEED, ANALYSIS_RUNS)
    return program, summaries, analysis, verdict_v2(summaries, analysis.search)


def _figures(scenario_id: str) -> str:
    _, summaries, analysis, verdict = _measured(scenario_id)
    means = {p: round(s["mean_score"], 1) for p, s in summaries.items()}
    costs = analysis.costs
    worst = costs.costliest
    return json.dumps(
        {
            "means": means,
            "verdict": [(c["id"], c["ok"], c.get("margin")) for c in verdict["criteria"]],
            "tradeoff_share": analysis.tradeoffs.share,
            "median_mistake": costs.median,
            "costliest": worst.to_json() if worst else None,
        },
        ensure_ascii=False,
        indent=1,
    )


WORKSHOP_IDS = [b.scenario.id for b in _workshop()]


def test_there_are_at_least_twelve_workshop_scenarios_on_format_2():
    bundles = _workshop()
    assert len(bundles) >= 12, [b.scenario.id for b in bundles]
    assert all(b.scenario.format == 2 for b in _bundles())
    assert len({b.team.id for b in bundles}) >= 6


@pytest.mark.parametrize("scenario_id", WORKSHOP_IDS)
def test_each_scenario_is_a_dilemma_a_trainee_can_lose(scenario_id):
    program, summaries, analysis, verdict = _measured(scenario_id)
    figures = _figures(scenario_id)
    assert verdict["ok"], figures
    share = analysis.tradeoffs.share
    assert share is not None and share >= MIN_TRADEOFF_SHARE, figures
    assert analysis.costs.median is not None and analysis.costs.median >= MEDIAN_MISTAKE, figures
    worst = analysis.costs.costliest
    assert worst is not None and worst.cost >= COSTLIEST_MISTAKE, figures
    decisions = summaries["random"]["mean_decisions"]
    assert 8 <= decisions <= 15, f"a typical play has {decisions:.1f} decisions"
    scenario = program.scenario
    assert len(scenario.endings) >= 3
    assert scenario.teaches and scenario.minutes


def _person_events(bundle: Bundle) -> list[str]:
    """Events whose right answer depends on the person: an act that lands through someone's
    traits, or a principle tag whose condition reads a person."""
    members = {m.id for m in bundle.team.members}
    found = []
    for e, event in enumerate(bundle.scenario.events):
        acts = any(
            isinstance(effect, Act)
            for c, choice in enumerate(event.choices)
            for effect, _ in iter_effects(choice.effects, ("events", e, "choices", c))
        )
        tags = any(
            isinstance(tag, Tag) and any(ref.parts[0] in members for ref in tag.if_.names)
            for choice in event.choices
            for tag in (*choice.applies, *choice.violates)
        )
        if acts or tags:
            found.append(event.id)
    return found


@pytest.mark.parametrize("bundle", _workshop(), ids=lambda b: b.scenario.id)
def test_in_each_scenario_people_decide_what_is_right_at_two_events_or_more(bundle):
    assert len(_person_events(bundle)) >= 2, _person_events(bundle)


def test_three_scenarios_or_more_have_two_teams_whose_best_decisions_differ():
    differing = {}
    for bundle in _workshop():
        if not bundle.scenario.teams:
            continue
        teams = [bundle, *(load_bundle_with_team(bundle, t) for t in bundle.scenario.teams)]
        report = team_report(teams, SEED, ANALYSIS_RUNS)
        differing[bundle.scenario.id] = len(report.differences)
    assert sum(1 for n in differing.values() if n > 0) >= 3, differing


def _costly(scenario_id: str) -> tuple[set[str], set[str]]:
    """Principles applied by principled play, and principles whose violation (taken instead
    of the principled choice, the rest played on principle) costs a real point or more."""
    program, summaries, analysis, _ = _measured(scenario_id)
    applied = set(summaries["principled"]["principles_applied"])
    violated: set[str] = set()
    by_id = {e.model.id: e for e in program.events}
    for mistake in analysis.costs.mistakes:
        if mistake.cost < REAL_COST:
            continue
        choice = by_id[mistake.event].by_id.get(mistake.choice)
        if choice is not None:
            violated.update(choice.violated)
    return applied, violated


def test_every_principle_is_applied_and_violated_with_a_real_cost_in_three_scenarios():
    both: dict[str, list[str]] = {pid: [] for pid in PRINCIPLE_IDS}
    for scenario_id in WORKSHOP_IDS:
        applied, violated = _costly(scenario_id)
        for pid in applied & violated:
            both[pid].append(scenario_id)
    print(json.dumps(both, indent=1))
    short = {pid: ids for pid, ids in both.items() if len(ids) < 3}
    assert not short, short
