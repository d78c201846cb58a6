"""The best decision sequence, and the best one that ignores the principles.

A sequence is a complete plan: a fixed decision (a choice, or letting the time run out) at
every event it reaches. Plans are grown one event at a time, in order of first appearance: a
partial plan is played with principled play at the events it does not fix, and its first
unfixed event is the next to branch on. Every plan is scored by its mean over the same runs.

* exhaustive, when the plans to try are few (at most `limit`): every complete plan is tried;
* beam search otherwise: at each step only the `width` best partial plans are grown.

An *unprincipled* sequence agrees with principled play in at most half of its decisions (the
chosen option is one whose principle tags score best). In a beam search, a second beam looks
for them: it completes partial plans with anti-principled play and keeps the best plans among
those that stay unprincipled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim.analysis.plans import UNSET, Evaluation, evaluate, ids_of
from game.sim.policies import TIMEOUT
from game.sim.program import Program

EXHAUSTIVE_LIMIT = 4_096
BEAM_WIDTH = 12
UNPRINCIPLED = 0.5
"""A sequence is unprincipled when at most this share of its decisions agree with principled
play."""
PROBES = ("principled", "random", "antiprincipled", "never", "first", "last")


@dataclass(frozen=True)
class Sequence:
    """A complete plan and how it did."""

    table: np.ndarray
    score: float
    agreement: float
    order: tuple[int, ...]

    def to_json(self, program: Program) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "agreement": round(self.agreement, 3),
            "plan": ids_of(program, self.table, self.order),
        }


@dataclass
class SearchResult:
    method: str  # "exhaustive" or "beam"
    runs: int
    principled: float  # principled play's mean over the same runs
    best: Sequence
    unprincipled: Sequence | None
    plans: int  # plans played
    exact: bool = True  # every complete plan was tried
    width: int | None = None

    def to_json(self, program: Program) -> dict[str, Any]:
        return {
            "method": self.method,
            "exact": self.exact,
            "beam_width": self.width,
            "runs": self.runs,
            "plans_tried": self.plans,
            "principled": round(self.principled, 3),
            "best": self.best.to_json(program),
            "best_unprincipled": (
                self.unprincipled.to_json(program) if self.unprincipled is not None else None
            ),
        }


@dataclass
class _Pool:
    """Complete plans found so far, and which tables were already played."""

    leaves: list[Sequence] = field(default_factory=list)
    seen: set[bytes] = field(default_factory=set)
    plans: int = 0


def search(
    program: Program,
    seed: int,
    runs: int = 32,
    width: int = BEAM_WIDTH,
    limit: int = EXHAUSTIVE_LIMIT,
) -> SearchResult:
    """Search the best sequence (exhaustive when at most `limit` plans, else a beam)."""
    run_ids = np.arange(runs)
    events = len(program.events)
    root = np.full((1, events), UNSET, dtype=np.int64)
    probes = [evaluate(program, seed, run_ids, root, name) for name in PROBES]
    principled = float(probes[0].means[0])
    pool = _Pool()
    estimate = _estimate(probes)
    if estimate <= limit:
        exact = _grow(program, seed, run_ids, probes[0], "principled", pool, None, limit)
        method, used = "exhaustive", None
    else:
        _grow(program, seed, run_ids, probes[0], "principled", pool, width, limit)
        _grow(program, seed, run_ids, probes[2], "antiprincipled", pool, width, limit, True)
        method, used, exact = "beam", width, False
    best = max(pool.leaves, key=_rank)
    loose = [s for s in pool.leaves if s.agreement <= UNPRINCIPLED + 1e-12]
    return SearchResult(
        method=method,
        runs=runs,
        principled=principled,
        best=best,
        unprincipled=max(loose, key=_rank) if loose else None,
        plans=pool.plans,
        exact=exact,
        width=used,
    )


def _rank(s: Sequence) -> tuple[float, float]:
    return (round(s.score, 9), s.agreement)


def _estimate(probes: list[Evaluation]) -> int:
    """How many complete plans there are over the events the probing policies reached."""
    reached = np.zeros(probes[0].first_turn.shape[2], dtype=bool)
    offered = np.zeros_like(probes[0].offered)
    for ev in probes:
        reached |= ev.reached(0)
        offered |= ev.offered
    total = 1
    for e in np.flatnonzero(reached):
        total *= int(offered[e].sum()) + 1
        if total > 10**9:
            break
    return total


def _grow(
    program: Program,
    seed: int,
    run_ids: np.ndarray,
    root: Evaluation,
    fallback: str,
    pool: _Pool,
    width: int | None,
    limit: int,
    unprincipled: bool = False,
) -> bool:
    """Grow plans from `root` to complete ones; returns True when nothing was cut off."""
    whole = True
    ev, frontier = root, [0]
    offered = root.offered.copy()
    pool.plans += 1
    while frontier:
        offered |= ev.offered
        children: list[np.ndarray] = []
        for p in frontier:
            table = ev.tables[p]
            free = [e for e in ev.order(p) if table[e] == UNSET]
            if not free:
                pool.leaves.append(_sequence(ev, p))
                continue
            e = free[0]
            for k in [*np.flatnonzero(offered[e]).tolist(), TIMEOUT]:
                child = table.copy()
                child[e] = k
                key = fallback.encode() + child.tobytes()
                if key not in pool.seen:
                    pool.seen.add(key)
                    children.append(child)
        if not children:
            break
        ev = evaluate(program, seed, run_ids, np.stack(children), fallback)
        pool.plans += len(children)
        order = sorted(range(len(children)), key=lambda i: _key(ev, i, unprincipled), reverse=True)
        keep = width if width is not None else limit
        if len(order) > keep and width is None:
            whole = False
        frontier = order if len(order) <= keep else _keep(ev, order, keep)
    return whole


def _keep(ev: Evaluation, order: list[int], keep: int) -> list[int]:
    """The best `keep` plans that can still grow, and every complete one (kept as found)."""
    done = [i for i in order if not _free(ev, i)]
    growing = [i for i in order if _free(ev, i)][:keep]
    return [*growing, *done]


def _free(ev: Evaluation, p: int) -> bool:
    return any(ev.tables[p][e] == UNSET for e in ev.order(p))


def _key(ev: Evaluation, i: int, unprincipled: bool) -> tuple[float, ...]:
    score, agreement = round(float(ev.means[i]), 9), float(ev.agreement[i])
    if unprincipled:
        return (float(agreement <= UNPRINCIPLED + 1e-12), score, -agreement)
    return (score, agreement)


def _sequence(ev: Evaluation, p: int) -> Sequence:
    return Sequence(
        table=ev.tables[p].copy(),
        score=float(ev.means[p]),
        agreement=float(ev.agreement[p]),
        order=tuple(ev.order(p)),
    )
