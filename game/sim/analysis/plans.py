"""Decision plans, many played at once over the same runs.

A plan fixes the decision at some events: a choice (its 0-based file position) or TIMEOUT;
at the other events, and wherever the fixed choice is not on offer, a fallback policy decides.
It is the engine's `Plan` policy; a `PlanBook` plays many plans in one batch, row r following
plan r // runs, and every plan meets the same runs (the same dice: common random numbers), so
differences between plans come from the decisions alone.

While playing, the book notes what the analyses need: where each row arrived first, which
choices were on offer, and how often a decision agreed with principled play (the chosen
option is one of those whose principle tags score best).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from game.sim.batch import BatchResult, run_batch
from game.sim.policies import TIE, TIMEOUT, Plan, Policy, Situation, policy, tag_values
from game.sim.program import Program

UNSET = -2
"""In a plan table: no decision fixed here, the fallback decides."""
MAX_ROWS = 8_192
"""Rows per batch: plans are played in chunks of at most this many rows."""


def table_of(program: Program, plan: Mapping[str, str | None]) -> np.ndarray:
    """A plan named by ids (event id -> choice id, None = let the time run out) as a table."""
    table = np.full(len(program.events), UNSET, dtype=np.int64)
    for event_id, choice_id in plan.items():
        event = program.events[program.event_index[event_id]]
        if choice_id is None:
            table[event.index] = TIMEOUT
        else:
            table[event.index] = event.by_id[choice_id].index - 1
    return table


def ids_of(program: Program, table: np.ndarray, order: Sequence[int] = ()) -> dict[str, str | None]:
    """A plan table named by ids, its events in `order` first (then in file order)."""
    events = [*order, *(e for e in range(len(table)) if e not in order)]
    out: dict[str, str | None] = {}
    for e in events:
        k = int(table[e])
        if k == UNSET:
            continue
        compiled = program.events[e]
        out[compiled.model.id] = None if k == TIMEOUT else compiled.choices[k].id
    return out


def as_policy(table: np.ndarray, fallback: str | Policy = "principled") -> Plan:
    """The engine's Plan policy that plays this table."""
    fixed = {e: int(k) for e, k in enumerate(table) if k != UNSET}
    return Plan(fixed, policy(fallback))


def principled_best(s: Situation) -> np.ndarray:
    """(n, C) bool: the offered options whose principle tags score best, per run."""
    values = np.round(tag_values(s.program, s.ctx, s.rows, s.event) / TIE) * TIE
    masked = np.where(s.offered, values, -np.inf)
    return s.offered & (masked == masked.max(axis=1, keepdims=True))


class PlanBook(Policy):
    """Plays `tables` (P, E) at once: row r of the batch follows plan r // runs."""

    def __init__(self, program: Program, tables: np.ndarray, runs: int, fallback: Policy) -> None:
        self.fallback = fallback
        self.name = fallback.name  # the same tie-breaking dice as the fallback played alone
        self.tables = np.asarray(tables, dtype=np.int64)
        self.runs = runs
        rows = len(self.tables) * runs
        events = len(program.events)
        width = max((len(e.choices) for e in program.events), default=1)
        self.first_turn = np.full((rows, events), -1, dtype=np.int64)
        self.offered = np.zeros((events, width), dtype=bool)
        self.decided = np.zeros(rows, dtype=np.int64)
        self.agreed = np.zeros(rows, dtype=np.int64)

    def decide(self, s: Situation) -> np.ndarray:
        fixed = self.tables[s.rows // self.runs, s.event]
        default = self.fallback.decide(s)
        here = np.arange(len(s.rows))
        on_offer = (fixed >= 0) & s.offered[here, np.maximum(fixed, 0)]
        honoured = (fixed == TIMEOUT) | on_offer
        picked = np.where(honoured, fixed, default)
        first = self.first_turn[s.rows, s.event] < 0
        self.first_turn[s.rows[first], s.event] = s.ctx.turn
        self.offered[s.event, : s.offered.shape[1]] |= s.offered.any(axis=0)
        best = principled_best(s)
        agree = (picked >= 0) & best[here, np.maximum(picked, 0)]
        self.decided[s.rows] += 1
        self.agreed[s.rows] += agree
        self.observe(s, best, first, honoured)
        return picked

    def observe(
        self, s: Situation, best: np.ndarray, first: np.ndarray, honoured: np.ndarray
    ) -> None:
        """Called at every decision, before it is applied: `best` (n, C) marks the options
        principled play may choose, `first` the rows' first arrival at this event, `honoured`
        the rows whose plan fixes this decision and can have it. Subclasses measure here."""


@dataclass(frozen=True)
class Evaluation:
    """What P plans did over the same runs."""

    tables: np.ndarray  # (P, E)
    scores: np.ndarray  # (P, runs)
    agreement: np.ndarray  # (P,) share of decisions that agree with principled play
    first_turn: np.ndarray  # (P, runs, E) turn of the first arrival at each event, -1 = never
    offered: np.ndarray  # (E, C) bool: offered at some arrival

    @property
    def means(self) -> np.ndarray:
        return self.scores.mean(axis=1)

    def reached(self, plan: int) -> np.ndarray:
        """(E,) bool: the events plan `plan` reached in some run."""
        return (self.first_turn[plan] >= 0).any(axis=0)

    def order(self, plan: int) -> list[int]:
        """The events plan `plan` reached, in order of first appearance."""
        turns = np.where(self.first_turn[plan] >= 0, self.first_turn[plan], np.iinfo(np.int64).max)
        first = turns.min(axis=0)
        return [int(e) for e in np.lexsort((np.arange(len(first)), first)) if self.reached(plan)[e]]


Book = TypeVar("Book", bound=PlanBook)


def run_book(program: Program, seed: int, runs: np.ndarray, book: Book) -> tuple[Book, BatchResult]:
    """Play a book: each of its plans over `runs` (the run ids every plan meets)."""
    ids = np.tile(np.asarray(runs, dtype=np.uint64), len(book.tables))
    return book, run_batch(program, seed, len(ids), book, run_ids=ids)


def evaluate(
    program: Program,
    seed: int,
    runs: np.ndarray,
    tables: np.ndarray,
    fallback: str | Policy = "principled",
) -> Evaluation:
    """Play every plan of `tables` (P, E) over the same `runs` and say what each did."""
    tables = np.asarray(tables, dtype=np.int64).reshape(-1, len(program.events))
    per = len(runs)
    step = max(1, MAX_ROWS // max(per, 1))
    chosen = policy(fallback)
    scores, agreement, first = [], [], []
    width = max((len(e.choices) for e in program.events), default=1)
    offered = np.zeros((len(program.events), width), dtype=bool)
    for start in range(0, len(tables), step):
        book, result = run_book(
            program, seed, runs, PlanBook(program, tables[start : start + step], per, chosen)
        )
        count = len(book.tables)
        scores.append(result.scores.reshape(count, per))
        decided = book.decided.reshape(count, per).sum(axis=1)
        agreed = book.agreed.reshape(count, per).sum(axis=1)
        agreement.append(agreed / np.maximum(decided, 1))
        first.append(book.first_turn.reshape(count, per, -1))
        offered |= book.offered
    return Evaluation(
        tables=tables,
        scores=np.concatenate(scores) if scores else np.zeros((0, per)),
        agreement=np.concatenate(agreement) if agreement else np.zeros(0),
        first_turn=np.concatenate(first) if first else np.zeros((0, per, len(program.events))),
        offered=offered,
    )
