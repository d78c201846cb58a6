"""Playtesting at scale: play many automatic playthroughs per policy and summarise them.

Two engines give the same numbers: `batch` (vectorised, fast) and `scalar` (the game's own
Session, one run at a time, the reference).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.analysis.people import people, playing
from game.sim.batch import TRACKED, BatchResult, run_batch
from game.sim.policies import Policy, choose, policy
from game.sim.program import Program
from game.sim.scoring import PARTS
from game.sim.session import Session

CHUNK = 2_000
Progress = Callable[[int], None]
LESSON_MARGIN = 15.0


def run_scalar(
    program: Program, seed: int, runs: int, name: str | Policy, first_run: int = 0
) -> BatchResult:
    """The same result as run_batch, computed one Session at a time."""
    chosen = policy(name)
    sessions = []
    people: list[dict[str, list[np.ndarray]]] = []
    left_turns = []
    for run in range(first_run, first_run + runs):
        session = Session(program, seed, run)
        mine: dict[str, list[np.ndarray]] = {"morale": [], "stress": []}
        gone_at = np.full(program.consts.size, -1, dtype=np.int64)
        _people(mine, session)
        while not session.finished:
            turn = session.turn
            record = session.take(choose(chosen, session))
            for member in record.left:
                gone_at[program.consts.index[member]] = turn
            _people(mine, session)
        sessions.append(session)
        people.append(mine)
        left_turns.append(gone_at)
    longest = max(len(s.decisions) for s in sessions)
    decisions = np.full((runs, max(longest, 1)), -1, dtype=np.int16)
    series = {name: np.full((runs, longest + 1), np.nan) for name in TRACKED}
    size = program.consts.size
    members = {name: np.full((runs, longest + 1, size), np.nan) for name in ("morale", "stress")}
    counts: dict[tuple[int, int], int] = {}
    scores = []
    score_parts: dict[str, list[float]] = {k: [] for k in PARTS}
    for i, s in enumerate(sessions):
        decisions[i, : len(s.decisions)] = [r.choice_index for r in s.history]
        for t, point in enumerate(s.trajectory):
            for name in TRACKED:
                series[name][i, t] = point[name]
        for name in members:
            members[name][i, : len(people[i][name])] = np.stack(people[i][name])
        for record in s.history:
            key = (program.event_index[record.event_id], record.choice_index)
            counts[key] = counts.get(key, 0) + 1
        score = s.score()
        scores.append(score.total)
        for k in score_parts:
            score_parts[k].append(getattr(score, k))
    endings = {e.id: i for i, e in enumerate(program.endings)}
    return BatchResult(
        seed=seed,
        policy=chosen.name,
        scores=np.array(scores),
        parts={k: np.array(v) for k, v in score_parts.items()},
        endings=np.array([endings[s.ending.id] for s in sessions if s.ending]),
        decisions=decisions,
        turns=np.array([len(s.decisions) for s in sessions]),
        left=np.array([~s.world.present[0] for s in sessions]),
        status=np.array([s.world.status[0] for s in sessions]),
        left_turn=np.array(left_turns),
        applied=np.array([s.world.applied[0] for s in sessions]),
        violated=np.array([s.world.violated[0] for s in sessions]),
        choice_counts=counts,
        series=series,
        members=members,
    )


def _people(into: dict[str, list[np.ndarray]], session: Session) -> None:
    morale, stress = session.people()
    into["morale"].append(morale)
    into["stress"].append(stress)


def play_many(
    program: Program,
    seed: int,
    runs: int,
    name: str | Policy,
    engine: str = "batch",
    progress: Progress | None = None,
) -> BatchResult:
    """Runs 0..runs-1 of `seed`, in chunks (bounded memory, progress after each chunk)."""
    play = run_batch if engine == "batch" else run_scalar
    chunk = CHUNK if engine == "batch" else 100
    results = []
    for first in range(0, runs, chunk):
        size = min(chunk, runs - first)
        results.append(play(program, seed, size, name, first))
        if progress is not None:
            progress(size)
    return merge(results)


def merge(results: list[BatchResult]) -> BatchResult:
    if len(results) == 1:
        return results[0]
    width = max(r.decisions.shape[1] for r in results)
    length = max(next(iter(r.series.values())).shape[1] for r in results)

    def pad(a: np.ndarray, size: int, fill: float) -> np.ndarray:
        out = np.full((a.shape[0], size), fill, dtype=a.dtype)
        out[:, : a.shape[1]] = a
        return out

    counts: dict[tuple[int, int], int] = {}
    for r in results:
        for key, value in r.choice_counts.items():
            counts[key] = counts.get(key, 0) + value
    return BatchResult(
        seed=results[0].seed,
        policy=results[0].policy,
        scores=np.concatenate([r.scores for r in results]),
        parts={k: np.concatenate([r.parts[k] for r in results]) for k in results[0].parts},
        endings=np.concatenate([r.endings for r in results]),
        decisions=np.concatenate([pad(r.decisions, width, -1) for r in results]),
        turns=np.concatenate([r.turns for r in results]),
        left=np.concatenate([r.left for r in results]),
        status=np.concatenate([r.status for r in results]),
        left_turn=np.concatenate([r.left_turn for r in results]),
        applied=np.concatenate([r.applied for r in results]),
        violated=np.concatenate([r.violated for r in results]),
        choice_counts=counts,
        series={
            name: np.concatenate([pad(r.series[name], length, np.nan) for r in results])
            for name in results[0].series
        },
        members={
            name: np.concatenate([_pad3(r.members[name], length) for r in results])
            for name in results[0].members
        },
    )


def _pad3(a: np.ndarray, size: int) -> np.ndarray:
    out = np.full((a.shape[0], size, a.shape[2]), np.nan)
    out[:, : a.shape[1]] = a
    return out


def summarise(program: Program, result: BatchResult) -> dict[str, Any]:
    """The per-policy figures of a playtest report, as plain data.

    `choices` gives, per event reached, the share of its decisions that took each choice (by
    id), `timeouts` the share left to the clock; `trajectory` the team averages per turn over
    the runs still playing (`playing`: their share per turn); `people` what became of each
    person (see game.sim.analysis.people).
    """
    scores = result.scores
    runs = len(scores)
    p5, p50, p95 = np.percentile(scores, [5, 50, 95])
    endings = {e.id: float(np.mean(result.endings == i)) for i, e in enumerate(program.endings)}
    choices: dict[str, dict[str, float]] = {}
    timeouts: dict[str, float] = {}
    for i, event in enumerate(program.events):
        shown = sum(v for (e, _), v in result.choice_counts.items() if e == i)
        if not shown:
            continue
        choices[event.model.id] = {
            c.id: result.choice_counts.get((i, c.index), 0) / shown for c in event.choices
        }
        if result.choice_counts.get((i, 0)):
            timeouts[event.model.id] = result.choice_counts[(i, 0)] / shown
    left = {mid: float(result.left[:, j].mean()) for j, mid in enumerate(program.consts.member_ids)}
    trajectory = {}
    for name, series in result.series.items():
        alive = ~np.isnan(series)
        turns = [t for t in range(series.shape[1]) if alive[:, t].any()]
        trajectory[name] = [
            [float(np.nanmean(series[:, t])), *map(float, np.nanpercentile(series[:, t], [10, 90]))]
            for t in turns
        ]
    return {
        "runs": runs,
        "mean_score": float(scores.mean()),
        "std_score": float(scores.std(ddof=1)) if runs > 1 else 0.0,
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
        "parts": {k: float(v.mean()) for k, v in result.parts.items()},
        "mean_decisions": float(result.turns.mean()),
        "endings": endings,
        "choices": choices,
        "timeouts": timeouts,
        "left": left,
        "playing": playing(result),
        "trajectory": trajectory,
        "people": people(program, result),
    }


@dataclass(frozen=True)
class Gap:
    better: str
    worse: str
    diff: float
    low: float
    high: float

    def to_json(self) -> dict[str, Any]:
        return {
            "better": self.better,
            "worse": self.worse,
            "diff": self.diff,
            "ci95": [self.low, self.high],
        }


def gap(a: str, b: str, summaries: dict[str, dict[str, Any]]) -> Gap:
    """Difference of mean scores with a 95 % confidence interval (normal approximation)."""
    sa, sb = summaries[a], summaries[b]
    diff = sa["mean_score"] - sb["mean_score"]
    se = math.sqrt(sa["std_score"] ** 2 / sa["runs"] + sb["std_score"] ** 2 / sb["runs"])
    return Gap(a, b, diff, diff - 1.96 * se, diff + 1.96 * se)


def verdict(summaries: dict[str, dict[str, Any]], margin: float = LESSON_MARGIN) -> dict[str, Any]:
    """Does principled beat random beat antiprincipled, and by how much?"""
    needed = ("principled", "random", "antiprincipled")
    if not all(p in summaries for p in needed):
        return {"ok": None, "reason": "needs the principled, random and antiprincipled policies"}
    gaps = [gap("principled", "random", summaries), gap("random", "antiprincipled", summaries)]
    overall = gap("principled", "antiprincipled", summaries)
    ok = all(g.low > 0 for g in gaps) and overall.diff >= margin
    return {
        "ok": ok,
        "margin": margin,
        "gaps": [g.to_json() for g in (*gaps, overall)],
    }


def policies_from(text: str, known: Iterable[str]) -> list[str]:
    names = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in names if p not in known]
    if unknown:
        raise ValueError(f"unknown policy '{unknown[0]}' (choose from {', '.join(known)})")
    return list(dict.fromkeys(names))
