"""One playthrough: present an event, apply a decision, move on, until an ending.

The state at any turn is a pure function of (scenario, seed, decisions): `Session.replay`
rebuilds it from that log, which is what saves, the leaderboard's verification, what-if
debriefs and live reload stand on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.content import models as m
from game.content.library import Bundle
from game.sim.context import Context
from game.sim.dynamics import productivity
from game.sim.program import END, MAX_TURNS, NONE, CompiledChoice, Program
from game.sim.records import ChoiceOption, MemberChange, MemberView, TeamView, TurnRecord
from game.sim.rng import key_of, uniform
from game.sim.scoring import Score, health, parts, total
from game.sim.turn import advance, decide
from game.sim.world import World

VISIBLE = ("morale", "stress", "trust")
_ESTIMATE_KEYS = {name: key_of("estimate", name) for name in VISIBLE}


class InvalidChoice(ValueError):
    """A decision that is not on offer now (out of range, not offered, or the game is over)."""


class ReplayError(ValueError):
    """A logged decision no longer fits the scenario (it changed since the log was made)."""

    def __init__(self, turn: int, message: str) -> None:
        super().__init__(f"decision {turn + 1}: {message}")
        self.turn = turn


@dataclass(frozen=True)
class _Snapshot:
    averages: dict[str, float]
    members: list[tuple[float, float, float, float, bool]]
    health: float


@dataclass
class _Tally:
    applied: int = 0
    violated: int = 0
    health_sum: float = 0.0
    turns: int = 0
    principles: dict[str, int] = field(default_factory=dict)


class Session:
    """One playthrough of a scenario with a seed; `run` selects the run of a batch it matches."""

    def __init__(self, bundle: Bundle | Program, seed: int, run: int = 0) -> None:
        self.program = bundle if isinstance(bundle, Program) else Program(bundle)
        self.bundle = self.program.bundle
        self.scenario = self.program.scenario
        self.seed = int(seed)
        self.run = int(run)
        consts = self.program.consts
        self.world = World.start(consts, self.scenario, 1)
        self.ctx = Context(
            self.world,
            consts,
            self.seed,
            np.array([self.run], dtype=np.uint64),
            self.scenario.workload,
            messages=[],
        )
        self.rows = np.array([0])
        self.decisions: list[int] = []
        self.history: list[TurnRecord] = []
        self._snapshot = self._measure()
        self.trajectory: list[dict[str, float]] = [self._snapshot.averages]
        self.tally = _Tally()
        self.ending: m.Ending | None = None
        self._event: int = END
        first = self.program.arrive(self.ctx, self.rows, np.array([self.program.start]))[0]
        self._goto(int(first))

    # --- what the player sees ----------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def event(self) -> m.Event | None:
        return None if self.finished else self.program.events[self._event].model

    @property
    def event_index(self) -> int:
        """Index of the current event in the scenario's events (-1 when finished)."""
        return -1 if self.finished else self._event

    @property
    def turn(self) -> int:
        return self.world.turn

    @property
    def time_limit(self) -> int | None:
        return None if self.finished else self.program.time_limit(self._event)

    def choices(self) -> list[ChoiceOption]:
        """The choices offered now, with their 1-based indexes into the event's choices."""
        if self.finished:
            return []
        offered = self.program.offered(self.ctx, self.rows, self._event)[0]
        event = self.program.events[self._event]
        return [ChoiceOption(c.index, c.model) for c in event.choices if offered[c.index - 1]]

    def view(self) -> TeamView:
        """The team as the leader sees it now: estimates until a member is revealed."""
        w, consts = self.world, self.program.consts
        p = consts.params
        prod = productivity(w, consts)[0]
        candor = consts.traits["candor"]
        noise = {
            name: (uniform(self.seed, self.ctx.run_ids, w.turn, key, consts.size)[0] - 0.5)
            * 2
            * p.estimate_noise
            for name, key in _ESTIMATE_KEYS.items()
        }
        # People who are not candid look calmer and happier than they are.
        masked = {
            "stress": w.stress[0]
            - (1 - candor) * np.maximum(w.stress[0] - 0.3, 0) * p.candor_stress_mask,
            "morale": w.morale[0] + (1 - candor) * (0.7 - w.morale[0]) * p.candor_morale_mask,
            "trust": w.trust[0].copy(),
        }
        members = []
        for i, member in enumerate(self.bundle.team.members):
            shown = bool(w.revealed[0, i])
            value = {
                name: float(getattr(w, name)[0, i])
                if shown
                else float(np.clip(masked[name][i] + noise[name][i], 0.0, 1.0))
                for name in VISIBLE
            }
            members.append(
                MemberView(
                    id=member.id,
                    name=member.name,
                    role=member.role,
                    archetype=member.archetype,
                    present=bool(w.present[0, i]),
                    productivity=float(prod[i]),
                    estimated=not shown,
                    private=member.private if shown else None,
                    **value,
                )
            )
        present = [v for v in members if v.present]
        averages = {
            name: float(np.mean([getattr(v, name) for v in present])) if present else 0.0
            for name in (*VISIBLE, "productivity")
        }
        return TeamView(
            tuple(members),
            averages,
            float(w.progress[0]),
            w.turn,
            int(w.priorities[0]),
            float(w.composure[0]),
        )

    # --- decisions ---------------------------------------------------------------------------

    def choose(self, index: int) -> TurnRecord:
        """Apply the decision `index` (1-based into the event's choices)."""
        if self.finished:
            raise InvalidChoice("the scenario has ended")
        event = self.program.events[self._event]
        offered = [o.index for o in self.choices()]
        if index not in offered:
            shown = ", ".join(map(str, offered))
            raise InvalidChoice(f"choice {index} is not on offer here (choose {shown})")
        return self._play(event.choices[index - 1])

    def timeout(self) -> TurnRecord:
        """The time limit ran out without a decision."""
        if self.finished:
            raise InvalidChoice("the scenario has ended")
        return self._play(None)

    def _play(self, choice: CompiledChoice | None) -> TurnRecord:
        program, ctx, rows, w = self.program, self.ctx, self.rows, self.world
        event = self._event
        before = self._snapshot.members
        ctx.messages = []
        turn = w.turn
        applied, violated = decide(program, ctx, rows, event, choice)
        leaving = advance(program, ctx)
        self._snapshot = self._measure()
        self._count(applied, violated, self._snapshot.health)
        left = tuple(self.program.consts.member_ids[i] for i in np.flatnonzero(leaving[0]))
        for member in left:
            ctx.say("left", member)
        self.trajectory.append(self._snapshot.averages)
        self.decisions.append(choice.index if choice else 0)
        after = self._snapshot.members
        record = TurnRecord(
            turn=turn,
            event_id=program.events[event].model.id,
            choice_index=choice.index if choice else 0,
            choice_id=choice.model.id if choice else None,
            applied=applied,
            violated=violated,
            outcome=choice.model.outcome if choice else None,
            changes=self._changes(before, after),
            messages=tuple(ctx.messages),
            left=tuple(
                mid
                for mid, b, a in zip(self.program.consts.member_ids, before, after, strict=True)
                if b[4] and not a[4]
            ),
        )
        self.history.append(record)
        self._next(event, choice)
        return record

    def _count(self, applied: tuple[str, ...], violated: tuple[str, ...], health: float) -> None:
        tally = self.tally
        tally.applied += len(applied)
        tally.violated += len(violated)
        for pid in applied:
            tally.principles[pid] = tally.principles.get(pid, 0) + 1
        for pid in violated:
            tally.principles[pid] = tally.principles.get(pid, 0) - 1
        tally.health_sum += health
        tally.turns += 1

    def _next(self, event: int, choice: CompiledChoice | None) -> None:
        program, ctx, rows, w = self.program, self.ctx, self.rows, self.world
        early = program.early_ending(ctx, rows)[0]
        if early != NONE:
            self._finish(int(early))
            return
        if not w.present[0].any() or w.turn >= MAX_TURNS:
            self._finish(int(program.final_ending(ctx, rows)[0]))
            return
        self._goto(int(program.after_choice(ctx, rows, event, choice)[0]))

    def _goto(self, target: int) -> None:
        if target == END:
            self._finish(int(self.program.final_ending(self.ctx, self.rows)[0]))
        else:
            self._event = target

    def _finish(self, ending: int) -> None:
        self.ending = self.program.endings[ending]

    # --- results -----------------------------------------------------------------------------

    def score(self) -> Score:
        t = self.tally
        part = parts(
            self.world,
            self.program.consts,
            np.array([t.applied]),
            np.array([t.violated]),
            np.array([t.health_sum]),
            np.array([t.turns]),
        )
        value = float(total(part, self.scenario.scoring)[0])
        return Score(
            value, *(float(part[k][0]) for k in ("delivery", "team", "retention", "principles"))
        )

    def principle_profile(self) -> dict[str, int]:
        """Per principle: times applied minus times violated."""
        return dict(self.tally.principles)

    def _measure(self) -> _Snapshot:
        """Averages, per-member values and health of the current state, computed once."""
        w, consts = self.world, self.program.consts
        prod = productivity(w, consts)
        present = w.present[0]
        count = max(int(present.sum()), 1)
        rows = np.stack([w.morale[0], w.stress[0], w.trust[0], w.fatigue[0], prod[0]])
        means = (rows @ present) / count if present.any() else np.zeros(5)
        averages = dict(
            zip(
                ("morale", "stress", "trust", "fatigue", "productivity"),
                means.tolist(),
                strict=True,
            )
        )
        averages["progress"] = float(w.progress[0])
        averages["present"] = float(present.sum())
        members = [
            (m, st, pr, tr, bool(pe))
            for m, st, pr, tr, pe in zip(
                w.morale[0].tolist(),
                w.stress[0].tolist(),
                prod[0].tolist(),
                w.trust[0].tolist(),
                present.tolist(),
                strict=True,
            )
        ]
        return _Snapshot(averages, members, float(health(w, consts, prod)[0]))

    def _changes(self, before: list[Any], after: list[Any]) -> tuple[MemberChange, ...]:
        return tuple(
            MemberChange(mid, a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3], b[4] and not a[4])
            for mid, b, a in zip(self.program.consts.member_ids, before, after, strict=True)
        )

    def to_json(self) -> dict[str, Any]:
        """The summary `leadsim play --json` prints."""
        score = self.score()
        turns = [
            {
                "event": rec.event_id,
                "choice": rec.choice_index,
                "metrics": {
                    k: round(v, 6) for k, v in self.trajectory[i + 1].items() if k != "present"
                },
            }
            for i, rec in enumerate(self.history)
        ]
        return {
            "scenario": self.scenario.id,
            "content_hash": self.bundle.content_hash,
            "seed": self.seed,
            "decisions": list(self.decisions),
            "turns": turns,
            "ending": self.ending.id if self.ending else None,
            "score": round(score.total, 6),
            "score_parts": score.to_json(),
            "ledger": [rec.to_json() for rec in self.history],
        }

    # --- replay ------------------------------------------------------------------------------

    @classmethod
    def replay(
        cls, bundle: Bundle | Program, seed: int, decisions: Sequence[int], run: int = 0
    ) -> Session:
        """Rebuild a playthrough from its log; ReplayError if a decision no longer fits."""
        session = cls(bundle, seed, run)
        for turn, index in enumerate(decisions):
            if session.finished:
                raise ReplayError(turn, "the scenario had already ended")
            try:
                if index == 0:
                    session.timeout()
                else:
                    session.choose(index)
            except InvalidChoice as err:
                raise ReplayError(turn, str(err)) from None
        return session

    def fork(self) -> Session:
        """An independent copy of this playthrough at its current point (for what-ifs)."""
        clone = object.__new__(Session)
        clone.__dict__.update(self.__dict__)
        clone.world = self.world.copy()
        clone.ctx = self.ctx.copy(clone.world)
        clone.decisions = list(self.decisions)
        clone.history = list(self.history)
        clone.trajectory = list(self.trajectory)
        clone.tally = _Tally(
            self.tally.applied,
            self.tally.violated,
            self.tally.health_sum,
            self.tally.turns,
            dict(self.tally.principles),
        )
        return clone
