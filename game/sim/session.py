"""One playthrough: present an event, apply a decision, move on, until an ending.

The state at any turn is a pure function of (scenario, seed, decisions): `Session.replay`
rebuilds it from that log, which is what saves, the leaderboard's verification, what-if
debriefs and live reload stand on. A decision is named by its choice id (never by where the
choice is shown, which is shuffled per game); None means the time ran out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.content import models as m
from game.content.library import Bundle
from game.sim.context import Context
from game.sim.dynamics import productivity
from game.sim.program import END, MAX_TURNS, NONE, CompiledChoice, Program
from game.sim.records import ChoiceOption, MemberChange, MemberView, TeamView, TurnRecord
from game.sim.scoring import PARTS, Score, health, parts, total, weights
from game.sim.texts import Renderer
from game.sim.turn import advance, decide
from game.sim.views import team_view
from game.sim.world import GONE, PRINCIPLE_INDEX, World

__all__ = [
    "ChoiceOption", "Decision", "InvalidChoice", "MemberView", "ReplayError", "Session",
    "TeamView", "TurnRecord",
]  # fmt: skip

Decision = str | int | None
"""A logged decision: a choice id; a legacy 1-based position (int, 0 = timed out); None."""


class InvalidChoice(ValueError):
    """A decision that is not on offer now (unknown, not offered, or the game is over)."""


class ReplayError(ValueError):
    """A logged decision no longer fits the scenario (it changed since the log was made)."""

    def __init__(self, turn: int, message: str, event_id: str = "", choice: Decision = None):
        super().__init__(f"decision {turn + 1}: {message}")
        self.turn = turn
        self.event_id = event_id
        self.choice = choice


@dataclass(frozen=True)
class _Snapshot:
    averages: dict[str, float]
    members: list[tuple[float, float, float, float, bool]]
    health: float


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
        self.decisions: list[str | None] = []
        self.history: list[TurnRecord] = []
        self.health_sum = 0.0
        self.turns = 0
        self.ending: m.Ending | None = None
        self._event: int = END
        first = self.program.arrive(self.ctx, self.rows, np.array([self.program.start]))[0]
        # measured as the first event begins, as the batch engine does
        self._snapshot = self._measure()
        self.trajectory: list[dict[str, float]] = [self._snapshot.averages]
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
        """The choices offered now, in the order they are shown to this player."""
        if self.finished:
            return []
        offered = self.program.offered(self.ctx, self.rows, self._event)[0]
        order = self.program.order(self.ctx, self.rows, self._event)[0]
        event = self.program.events[self._event]
        return [
            ChoiceOption(c.index, c.model, c.id)
            for c in (event.choices[k] for k in order)
            if offered[c.index - 1]
        ]

    def view(self) -> TeamView:
        """The team as the leader sees it now: estimates until a member is revealed."""
        return team_view(self)

    def text(self, value: Any, lang: str) -> str:
        """A scenario text as the player reads it now: its conditional parts decided by the
        current state, its variables ({dmitry}, {client}) filled in, in `lang`."""
        return Renderer(self.bundle, self.ctx, self.rows).text(value, lang)

    # --- decisions ---------------------------------------------------------------------------

    def choose(self, choice: str | int) -> TurnRecord:
        """Apply the decision: a choice id (or, from older callers, a 1-based file position)."""
        if self.finished:
            raise InvalidChoice("the scenario has ended")
        return self._play(self._offered(choice))

    def _offered(self, ref: str | int) -> CompiledChoice:
        found = self.find(ref)
        offered = self.program.offered(self.ctx, self.rows, self._event)[0]
        if found is None or not offered[found.index - 1]:
            event = self.program.events[self._event]
            shown = ", ".join(o.id for o in self.choices())
            what = f"choice '{ref}'" if isinstance(ref, str) else f"choice {ref}"
            where = "is not in" if found is None else "is not on offer in"
            raise InvalidChoice(f"{what} {where} event '{event.model.id}' (choose {shown})")
        return found

    def find(self, ref: str | int) -> CompiledChoice | None:
        """The current event's choice named by an id or a legacy 1-based position."""
        event = self.program.events[self._event]
        if isinstance(ref, bool):
            return None
        if isinstance(ref, int):
            return event.choices[ref - 1] if 1 <= ref <= len(event.choices) else None
        found = event.by_id.get(ref)
        if found is None and ref.isdigit() and ref.isascii() and len(ref) < 3:
            return self.find(int(ref))  # a position written as text by format 1 logs
        return found

    def take(self, ref: str | int | None) -> TurnRecord:
        """Apply a decision as a log names it: a choice id, or None to let the time run out."""
        return self.timeout() if ref is None else self.choose(ref)

    def timeout(self) -> TurnRecord:
        """The time limit ran out (or the decision was left to ride) without a decision."""
        if self.finished:
            raise InvalidChoice("the scenario has ended")
        return self._play(None)

    def _play(self, choice: CompiledChoice | None) -> TurnRecord:
        program, ctx, rows, w = self.program, self.ctx, self.rows, self.world
        event = self._event
        before = self._snapshot.members
        gone_before = GONE[w.status[0]]
        applied_before, violated_before = w.applied[0].tolist(), w.violated[0].tolist()
        ctx.messages = []
        turn = w.turn
        decide(program, ctx, rows, event, choice)
        applied = _principles(w.applied[0].tolist(), applied_before)
        violated = _principles(w.violated[0].tolist(), violated_before)
        leaving = advance(program, ctx)
        self._snapshot = self._measure()
        self.health_sum += self._snapshot.health
        self.turns += 1
        ids = self.program.consts.member_ids
        for member, left in zip(ids, leaving[0].tolist(), strict=True):
            if left:
                ctx.say("left", member)
        self.trajectory.append(self._snapshot.averages)
        self.decisions.append(choice.id if choice else None)
        # left the team this turn (quit, burned out or let go; being away is not leaving)
        gone = GONE[w.status[0]] & ~gone_before
        changes = _changes(ids, before, self._snapshot.members, gone)
        record = TurnRecord(
            turn=turn,
            event_id=program.events[event].model.id,
            choice_index=choice.index if choice else 0,
            choice_id=choice.id if choice else None,
            applied=applied,
            violated=violated,
            outcome=choice.model.outcome if choice else None,
            changes=changes,
            messages=tuple(ctx.messages),
            left=tuple(c.member_id for c in changes if c.left),
        )
        self.history.append(record)
        self._next(event, choice)
        return record

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
        consts = self.program.consts
        part = parts(self.world, consts, np.array([self.health_sum]), np.array([self.turns]))
        value = float(total(part, self.scenario.scoring, consts)[0])
        return Score(value, *(float(part[k][0]) for k in PARTS))

    def score_weights(self) -> dict[str, float]:
        """The weight of each part of the score in this scenario (0: not counted)."""
        return weights(self.scenario.scoring, self.program.consts)

    def principle_counts(self) -> dict[str, tuple[int, int]]:
        """Per principle met: (times applied, times violated). Never netted: applying a
        principle later does not undo having violated it."""
        w = self.world
        return {
            pid: (int(w.applied[0, i]), int(w.violated[0, i]))
            for pid, i in PRINCIPLE_INDEX.items()
            if w.applied[0, i] or w.violated[0, i]
        }

    def principle_profile(self) -> dict[str, int]:
        """Per principle: times applied minus times violated (the profile's bar)."""
        return {pid: a - v for pid, (a, v) in self.principle_counts().items()}

    def people(self) -> tuple[np.ndarray, np.ndarray]:
        """Each person's morale and stress as measured after the last turn (NaN: not on the
        team), before the next event began."""
        members = self._snapshot.members
        present = np.array([m[4] for m in members])
        morale = np.where(present, [m[0] for m in members], np.nan)
        stress = np.where(present, [m[1] for m in members], np.nan)
        return morale, stress

    def _measure(self) -> _Snapshot:
        """Averages, per-member values and health of the current state, computed once."""
        w, consts = self.world, self.program.consts
        prod = productivity(w, consts)
        present = w.present[0]
        here = int(present.sum())
        rows = np.concatenate((w.morale, w.stress, w.trust, w.fatigue, prod))
        means = (rows @ present) / max(here, 1) if here else np.zeros(5)
        names = ("morale", "stress", "trust", "fatigue", "productivity")
        averages = dict(zip(names, means.tolist(), strict=True))
        averages["progress"] = float(w.progress[0])
        averages["present"] = float(here)
        averages["leader_stress"] = float(w.leader_stress[0])
        averages["leader_energy"] = float(w.leader_energy[0])
        if consts.stakeholders:
            stake = w.stake_trust[0]
            averages["stakeholders"] = float(stake.sum()) / len(stake)
        members = list(
            zip(
                w.morale[0].tolist(),
                w.stress[0].tolist(),
                prod[0].tolist(),
                w.trust[0].tolist(),
                present.tolist(),
                strict=True,
            )
        )
        return _Snapshot(averages, members, float(health(w, consts, prod)[0]))

    def to_json(self) -> dict[str, Any]:
        """The summary `leadsim play --json` prints."""
        score = self.score()
        turns = [
            {
                "event": rec.event_id,
                "choice": rec.choice_id,
                "metrics": {
                    k: round(v, 6) for k, v in self.trajectory[i + 1].items() if k != "present"
                },
            }
            for i, rec in enumerate(self.history)
        ]
        return {
            "scenario": self.scenario.id,
            "content_hash": self.bundle.content_hash,
            "team": self.bundle.team.id,
            "seed": self.seed,
            "decisions": list(self.decisions),
            "turns": turns,
            "ending": self.ending.id if self.ending else None,
            "score": round(score.total, 6),
            "score_parts": score.to_json(),
            "principles": {k: list(v) for k, v in self.principle_counts().items()},
            "ledger": [rec.to_json() for rec in self.history],
        }

    # --- replay ------------------------------------------------------------------------------

    @classmethod
    def replay(
        cls, bundle: Bundle | Program, seed: int, decisions: Sequence[Decision], run: int = 0
    ) -> Session:
        """Rebuild a playthrough from its log; ReplayError names the first decision that no
        longer fits (a choice removed or no longer on offer, or the scenario already over)."""
        session = cls(bundle, seed, run)
        for turn, ref in enumerate(decisions):
            session.step(turn, ref)
        return session

    def step(self, turn: int, ref: Decision) -> TurnRecord:
        """Replay one logged decision (used by `replay` and by live reload)."""
        if self.finished:
            raise ReplayError(turn, "the scenario had already ended", "", ref)
        event_id = self.program.events[self._event].model.id
        if ref is None or (isinstance(ref, int) and not isinstance(ref, bool) and ref == 0):
            return self.timeout()
        if not isinstance(ref, (str, int)) or isinstance(ref, bool):
            raise ReplayError(turn, f"{ref!r} is not a choice", event_id, ref)
        try:
            return self.choose(ref)
        except InvalidChoice as err:
            raise ReplayError(turn, str(err), event_id, ref) from None

    def fork(self) -> Session:
        """An independent copy of this playthrough at its current point (for what-ifs)."""
        clone = object.__new__(Session)
        clone.__dict__.update(self.__dict__)
        clone.world = self.world.copy()
        clone.ctx = self.ctx.copy(clone.world)
        clone.decisions = list(self.decisions)
        clone.history = list(self.history)
        clone.trajectory = list(self.trajectory)
        return clone


def _changes(
    ids: tuple[str, ...], before: list[Any], after: list[Any], gone: np.ndarray
) -> tuple[MemberChange, ...]:
    return tuple(
        MemberChange(mid, a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3], bool(left))
        for mid, b, a, left in zip(ids, before, after, gone, strict=True)
    )


_PRINCIPLE_IDS = tuple(PRINCIPLE_INDEX)


def _principles(after: list[int], before: list[int]) -> tuple[str, ...]:
    """Each principle as many times as it was counted between two tallies, in the
    principles' order."""
    return tuple(
        pid
        for pid, now, then in zip(_PRINCIPLE_IDS, after, before, strict=True)
        for _ in range(now - then)
    )
