"""Draw the charts of docs/model.md from the real engine.

    python scripts/model_charts.py [OUT_DIR]      (default docs/img)

Every chart plays small lab scenarios (model_lab.py) with `game.sim.session.Session`, the game's
own engine, and draws what happened with `game.charts`: the team-wide mechanisms here, the
people-level ones in model_people.py. `CHARTS` names the files; docs/model.md describes each
lab next to its chart.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import model_people as people
import numpy as np
import pygame
from model_lab import (
    SIZE,
    Members,
    Plan,
    act,
    lab,
    left_at,
    lines,
    person,
    score,
    team,
    trace,
    typical,
    world,
)

from game.charts import Series, line_chart, save_png
from game.sim.dynamics import productivity_of
from game.sim.params import PARAMS
from game.sim.program import Program


def productivity_chart() -> pygame.Surface:
    """Output against stress, for fatigue and split priorities (dynamics.productivity_of)."""
    stress = np.linspace(0.0, 1.0, 21)
    consts = Program(lab(typical(), {}, turns=1)).consts
    executor, erudite = consts.index["eve"], consts.index["ann"]

    def curve(member: int, fatigue: float = 0.0, priorities: int = 1) -> list[float | None]:
        size = consts.size
        out = productivity_of(
            np.full((len(stress), size), 0.6),
            np.repeat(stress[:, None], size, axis=1),
            np.full((len(stress), size), fatigue),
            np.full(len(stress), priorities),
            np.ones((len(stress), size)),
            consts,
        )
        return [float(v) for v in out[:, member]]

    series = [
        Series("executor, rested, one priority", curve(executor), "productivity"),
        Series("the same, worn out (fatigue 80%)", curve(executor, fatigue=0.8), "stress"),
        Series("executor, four priorities", curve(executor, priorities=4), "progress"),
        Series("erudite, four priorities", curve(erudite, priorities=4), "trust"),
    ]
    return line_chart(
        SIZE,
        series,
        title="Output against stress (morale 60%): the inverted U",
        x_labels=[f"{s:.0%}" if i % 2 == 0 else "" for i, s in enumerate(stress)],
        marks=[(7, "optimum"), (11, "fatigue builds")],
    )


def pressure_chart() -> pygame.Surface:
    """The usual team pushed (+0.12 stress a turn) for six turns, then left alone or unloaded."""
    choices = {"push": {"effects": [{"type": "adjust", "stress": 0.12}]}, "unload": act("unload")}
    bundle = Program(lab(typical(), choices, 16))
    probes = (team("stress"), team("fatigue"), team("productivity"), team("present"))
    alone = trace(bundle, ["push"] * 6 + ["wait"] * 10, *probes)
    helped = trace(bundle, ["push"] * 6 + ["unload"] * 10, *probes)
    marks = [(6, "the pushing stops")]
    for turn in range(1, 17):
        before, after = alone[3][turn - 1] or 0, alone[3][turn] or 0
        if after < before:
            gone = round(before - after)
            marks.append((turn, f"{gone} burn{'s' if gone == 1 else ''} out"))
    return lines(
        "Pushed for 6 turns (+0.12 stress a turn), then left alone or unloaded",
        [
            Series("team stress, left alone", alone[0], "stress"),
            Series("fatigue, left alone", alone[1], "progress"),
            Series("productivity, left alone", alone[2], "productivity"),
            Series("stress, unloaded every turn", helped[0], "trust"),
            Series("productivity, unloaded every turn", helped[2], "morale"),
        ],
        16,
        marks=marks,
    )


PROBLEM: dict[str, Any] = {
    "problems": [
        {
            "id": "backlog",
            "title": "Backlog",
            "open": True,
            "cost": [
                {"type": "adjust", "stress": 0.04},
                {"type": "stakeholder", "id": "client", "patience": -0.05},
            ],
        }
    ],
    "stakeholders": [{"id": "client", "name": "Client", "trust": 0.6, "patience": 0.7}],
}


def postponing_chart() -> pygame.Surface:
    """An open problem costs every turn; a time-out costs more."""
    fix = {"fix": {"effects": [{"type": "problem", "id": "backlog", "open": False}]}}
    bundle = Program(lab(typical(), fix, 10, **PROBLEM))
    plans: dict[str, Plan] = {
        "closed": ["fix"] + ["wait"] * 9,
        "open": ["wait"] * 10,
        "clock": [None] * 10,
    }
    probes = (world("stake_patience", 0), team("trust"), team("stress"))
    runs = {key: trace(bundle, plan, *probes) for key, plan in plans.items()}
    scores = {key: score(bundle, plan) for key, plan in plans.items()}
    return lines(
        "Postponing costs: a problem left open, and decisions left to the clock",
        [
            Series(
                f"client's patience: problem closed at once ({scores['closed']})",
                runs["closed"][0],
                "morale",
            ),
            Series(
                f"client's patience: problem left open ({scores['open']})",
                runs["open"][0],
                "progress",
            ),
            Series(
                f"client's patience: every decision timed out ({scores['clock']})",
                runs["clock"][0],
                "stress",
            ),
            Series("team trust: timed out", runs["clock"][1], "trust"),
            Series("team stress: timed out", runs["clock"][2], "link"),
        ],
        10,
    )


def values_chart() -> pygame.Surface:
    """The team holds a value; the leader upholds it, or breaks it, at turns 3 and 6."""
    choices = {"keep": {"upholds": ["candour"]}, "break": {"breaks": ["candour"]}}
    bundle = Program(lab(typical(), choices, 10, values=["candour"]))
    probes = (team("trust"), person("ann", "trust"), person("ida", "trust"))

    def plan(key: str) -> Plan:
        return ["wait", "wait", key, "wait", "wait", key] + ["wait"] * 4

    kept = trace(bundle, plan("keep"), *probes)
    broken = trace(bundle, plan("break"), *probes)
    neither = trace(bundle, plan("wait"), *probes)
    return lines(
        "Values and culture: trust when the team's value is upheld or broken (turns 3 and 6)",
        [
            Series("team trust: upheld", kept[0], "morale"),
            Series("team trust: neither", neither[0], "text_dim"),
            Series("team trust: broken", broken[0], "stress"),
            Series("erudite (engaged): broken", broken[1], "trust"),
            Series("indifferent: broken", broken[2], "progress"),
        ],
        10,
        y_range=(0.2, 0.7),
        y_ticks=5,
    )


def stakeholders_chart() -> pygame.Surface:
    """A client whose patience runs out (0.1 a turn), left waiting or reassured at turn 4."""
    client = [{"id": "client", "name": "Client", "trust": 0.7, "patience": 0.6, "decay": 0.1}]
    call = {"call": {"effects": [{"type": "stakeholder", "id": "client", "patience": 0.4}]}}
    bundle = Program(lab(typical(), call, 12, stakeholders=client))
    probes = (world("stake_patience", 0), world("stake_trust", 0))
    waiting = trace(bundle, ["wait"] * 12, *probes)
    reassured = trace(bundle, ["wait"] * 3 + ["call"] + ["wait"] * 8, *probes)
    return lines(
        "A stakeholder's patience runs out, then their trust goes",
        [
            Series("patience: left waiting", waiting[0], "progress"),
            Series("trust: left waiting", waiting[1], "stress"),
            Series("patience: reassured at turn 4 (+0.4)", reassured[0], "productivity"),
            Series("trust: reassured at turn 4", reassured[1], "morale"),
        ],
        12,
    )


def retention_chart() -> pygame.Surface:
    """Who leaves and why: low morale for three turns, or full burnout."""
    members: Members = {
        "ida": {"archetype": "indifferent", "morale": 0.4},
        "ann": {"archetype": "erudite"},
        "cid": {"archetype": "friendly"},
    }
    miss = {"miss": {"effects": [{"type": "milestone", "reached": False}]}}
    defeats = Program(lab(members, miss, 12))
    (sinking,) = trace(
        defeats, ["wait", "miss", "wait", "miss"] + ["wait"] * 8, person("ida", "morale")
    )
    (steady,) = trace(defeats, ["wait"] * 12, person("ida", "morale"))
    overloaded: Members = {
        "bob": {"archetype": "obsequious", "stress": 0.85},
        "ann": {"archetype": "erudite"},
    }
    (worn,) = trace(lab(overloaded, {}, 12), ["wait"] * 12, person("bob", "fatigue"))
    marks = [
        (at, text)
        for at, text in ((left_at(sinking), "Ida quits"), (left_at(worn), "burnout"))
        if at is not None
    ]
    return lines(
        "Retention: morale below 22% for 3 turns, or fatigue at 100%, and people leave",
        [
            Series("Ida's morale: milestones missed at turns 2 and 4", sinking, "stress"),
            Series("Ida's morale: no defeat", steady, "morale"),
            Series(
                f"quits below {PARAMS.leave_morale:.0%}", [PARAMS.leave_morale] * 13, "text_dim"
            ),
            Series("Bob's fatigue: overloaded, nobody asks", worn, "progress"),
        ],
        12,
        marks=marks,
    )


def wins_chart() -> pygame.Surface:
    """The usual team with a visible win, no milestone, or a defeat every third turn."""
    choices = {
        "win": {"effects": [{"type": "milestone", "reached": True}]},
        "loss": {"effects": [{"type": "milestone", "reached": False}]},
    }
    bundle = Program(lab(typical(), choices, 15))

    def every_third(key: str) -> Plan:
        return [key if i % 3 == 2 else "wait" for i in range(15)]

    probes = (team("morale"), team("productivity"))
    runs = {key: trace(bundle, every_third(key), *probes) for key in ("win", "wait", "loss")}
    scores = {key: score(bundle, every_third(key)) for key in runs}
    return lines(
        "Wins matter: a visible win, nothing, or a defeat every third turn (pay unchanged)",
        [
            Series(f"morale: wins ({scores['win']})", runs["win"][0], "morale"),
            Series(f"morale: no milestone ({scores['wait']})", runs["wait"][0], "text_dim"),
            Series(f"morale: defeats ({scores['loss']})", runs["loss"][0], "stress"),
            Series("productivity: wins", runs["win"][1], "productivity"),
            Series("productivity: defeats", runs["loss"][1], "progress"),
        ],
        15,
    )


CHARTS: dict[str, Callable[[], pygame.Surface]] = {
    "model-productivity.png": productivity_chart,
    "model-pressure.png": pressure_chart,
    "model-candour.png": people.candour_chart,
    "model-leader-energy.png": people.leader_energy_chart,
    "model-leader-panic.png": people.leader_panic_chart,
    "model-contagion-stress.png": people.contagion_stress_chart,
    "model-contagion-morale.png": people.contagion_morale_chart,
    "model-growth.png": people.growth_chart,
    "model-acts.png": people.acts_chart,
    "model-postponing.png": postponing_chart,
    "model-values.png": values_chart,
    "model-stakeholders.png": stakeholders_chart,
    "model-retention.png": retention_chart,
    "model-wins.png": wins_chart,
}
"""File name -> the function that draws it."""


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/model_charts.py",
        description="Draw the charts of docs/model.md by playing lab scenarios with the engine.",
    )
    default = Path(__file__).resolve().parent.parent / "docs" / "img"
    parser.add_argument("out", nargs="?", type=Path, default=default, metavar="OUT_DIR",
                        help="folder for the PNG files (default: docs/img)")  # fmt: skip
    out: Path = parser.parse_args(argv).out
    for name, draw in CHARTS.items():
        try:
            path = save_png(draw(), out / name)
        except OSError as err:
            print(f"cannot write {out / name}: {err.strerror or err}", file=sys.stderr)
            return 1
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
