"""`check --deep`: a quick playtest that finds what static checks cannot.

Warns about endings that no automatic playthrough reached and choices that no policy ever
took (so no trainee is likely to see them either), and about a scenario with too few real
dilemmas: when fewer than a third of its events are real trade-offs (see
game.sim.analysis.tradeoffs), the right answer is free of cost too often.
"""

from __future__ import annotations

from game.content.library import Bundle
from game.content.loader import FileResult
from game.sim.analysis.probe import deviate
from game.sim.analysis.tradeoffs import tradeoffs
from game.sim.batch import run_batch
from game.sim.policies import POLICY_NAMES
from game.sim.program import Program

DEEP_RUNS = 300
DEEP_SEED = 1
TRADEOFF_RUNS = 32
MIN_TRADEOFFS = 1 / 3
"""The share of events that should be real trade-offs."""
SHOWN = 4


def deep_lint(result: FileResult, bundle: Bundle, runs: int = DEEP_RUNS) -> None:
    """Play `runs` playthroughs per policy and add warnings to the scenario's result."""
    program = Program(bundle)
    reached_endings: set[int] = set()
    taken: set[tuple[int, int]] = set()
    seen_events: set[int] = set()
    for policy in POLICY_NAMES:
        batch = run_batch(program, DEEP_SEED, runs, policy)
        reached_endings.update(int(e) for e in set(batch.endings.tolist()))
        for (event_index, choice_index), count in batch.choice_counts.items():
            if count:
                taken.add((event_index, choice_index))
                seen_events.add(event_index)
    total = runs * len(POLICY_NAMES)
    for i, ending in enumerate(program.endings):
        if i not in reached_endings:
            result.add(
                ("endings", i, "id"),
                f"no automatic playthrough reached ending '{ending.id}' ({total:,} runs)",
                "check its condition against what the choices can produce",
                severity="warning",
            )
    for e, event in enumerate(program.events):
        if e not in seen_events:
            result.add(
                ("events", e, "id"),
                f"no automatic playthrough reached event '{event.model.id}' ({total:,} runs)",
                "check the conditions and links that lead here",
                severity="warning",
            )
            continue
        for choice in event.choices:
            if (e, choice.index) not in taken:
                result.add(
                    ("events", e, "choices", choice.index - 1),
                    f"no policy ever took this choice ({total:,} runs)",
                    "check its 'if' condition",
                    severity="warning",
                )
    _tradeoffs(result, program)


def _tradeoffs(result: FileResult, program: Program) -> None:
    report = tradeoffs(deviate(program, DEEP_SEED, TRADEOFF_RUNS))
    if report.share is None or report.share >= MIN_TRADEOFFS:
        return
    free = [f"{e.event} ({', '.join(e.dominant)})" for e in report.events if not e.tradeoff]
    shown = ", ".join(free[:SHOWN]) + (
        f" and {len(free) - SHOWN} more" if len(free) > SHOWN else ""
    )
    real = len(report.events) - len(free)
    result.add(
        ("events",),
        f"{real} of {len(report.events)} events are real trade-offs; in the others one option "
        f"is at least as good as every other on {', '.join(report.dims)}: {shown}",
        "give the best option a cost the others do not have (time, the client's patience, "
        "the leader's energy); `leadsim playtest` shows the figures",
        severity="warning",
    )
