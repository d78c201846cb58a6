"""Lab scenarios for the charts of docs/model.md, played with the game's own engine.

A lab is a team and a run of identical decisions between `wait` (nothing happens) and a few
choices, built here as scenario data and validated like any scenario file. `trace` plays a plan
of decisions with `game.sim.session.Session` and records what probes read after each turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pygame

from game.charts import Series, line_chart
from game.content import models as m
from game.content.library import Bundle
from game.sim.program import Program
from game.sim.session import Session

SIZE = (900, 440)
TEAM = {
    "ann": "erudite",
    "eve": "executive",
    "bob": "obsequious",
    "cid": "friendly",
    "ida": "indifferent",
    "oz": "overcompetent",
}
"""The lab's usual team: one typical person of each archetype."""

Plan = Sequence[str | None]
Members = dict[str, dict[str, Any]]
"""Member id -> the member's fields (archetype, starting values)."""
Probe = Callable[[Session], float | None]


def lab(
    members: Members,
    choices: dict[str, dict[str, Any]],
    turns: int = 12,
    bonds: Sequence[tuple[str, str, float]] = (),
    values: Sequence[str] = (),
    **scenario: Any,
) -> Bundle:
    """A lab scenario: identical decisions between `wait` (nothing) and `choices`, enough for
    `turns` of them and one more."""
    team = m.Team.model_validate(
        {
            "kind": "team",
            "id": "lab",
            "name": "Lab",
            "members": [
                {"id": key, "name": key.title(), "role": "Lab", **spec}
                for key, spec in members.items()
            ],
            "relationships": [{"between": [a, b], "bond": bond} for a, b, bond in bonds],
            "values": [{"id": v, "text": v} for v in values],
        }
    )
    offered = {"wait": {}, **choices} if choices else {"wait": {}, "idle": {}}
    events = [
        {
            "id": f"e{turn}",
            "text": "A turn",
            "order": "fixed",
            "choices": [{"id": key, "text": key, **spec} for key, spec in offered.items()],
        }
        for turn in range(turns + 1)  # one more, so that the game is still on after `turns`
    ]
    model = m.Scenario.model_validate(
        {
            "kind": "scenario",
            "format": 2,
            "id": "lab",
            "title": "Lab",
            "summary": "Lab",
            "team": "lab",
            "events": events,
            "endings": [{"id": "done", "title": "Done", "debrief": "Done"}],
            **scenario,
        }
    )
    return Bundle(model, team, "", Path("lab.yaml"), Path("lab_team.yaml"))


def typical(**changes: dict[str, Any]) -> Members:
    """The usual team, some members with other starting values."""
    return {key: {"archetype": arch, **changes.get(key, {})} for key, arch in TEAM.items()}


def act(how: str, member: str | None = None) -> dict[str, Any]:
    """A choice whose effect is one act (on `member`, or on everyone)."""
    effect: dict[str, Any] = {"type": "act", "how": how}
    if member:
        effect["member"] = member
    return {"effects": [effect]}


def trace(bundle: Bundle | Program, plan: Plan, *probes: Probe) -> list[list[float | None]]:
    """Each probe's value at the start and after every decision of `plan` (seed 1); None
    once the game has ended (everyone left)."""
    session = Session(bundle, seed=1)
    out: list[list[float | None]] = [[probe(session)] for probe in probes]
    for decision in plan:
        if not session.finished:
            session.take(decision)
        for row, probe in zip(out, probes, strict=True):
            row.append(None if session.finished else probe(session))
    return out


def person(name: str, metric: str) -> Probe:
    """A member's true metric; None once they are no longer on the team."""

    def probe(session: Session) -> float | None:
        i = session.program.consts.index[name]
        if not session.world.present[0, i]:
            return None
        return float(getattr(session.world, metric)[0, i])

    return probe


def team(metric: str) -> Probe:
    """The team's average as the game measures it after each turn."""
    return lambda session: session.trajectory[-1][metric]


def world(name: str, column: int | None = None) -> Probe:
    """A per-run value of the world (the leader's, or a stakeholder's with `column`)."""

    def probe(session: Session) -> float:
        values = getattr(session.world, name)[0]
        return float(values if column is None else values[column])

    return probe


def turns(count: int) -> list[str]:
    """The x-axis labels of `count` turns: the start (0) and each turn after it."""
    return [str(i) for i in range(count + 1)]


def lines(title: str, series: list[Series], count: int, **options: Any) -> pygame.Surface:
    """A line chart of the usual size over `count` turns."""
    return line_chart(SIZE, series, title=title, x_labels=turns(count), **options)


def left_at(values: Sequence[float | None]) -> int | None:
    """The first turn a person probe reads None (they left), or None if they stayed."""
    return next((i for i, v in enumerate(values) if v is None), None)


def number(value: float | None) -> float:
    """A probe's value where the lab guarantees one (the person is still on the team)."""
    if value is None:
        raise ValueError("the lab lost a person it measures")
    return value


def score(bundle: Program, plan: Plan) -> str:
    """The final score of `plan` (seed 1), as a chart's legend shows it."""
    session = Session.replay(bundle, 1, list(plan))
    return f"score {session.score().total:.0f}"
