"""Hypothesis strategies: random valid teams, scenarios and decision sequences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from game.content.library import Bundle
from game.content.models import Scenario, Team
from game.content.principles import ARCHETYPE_IDS, PRINCIPLE_IDS, TRAITS

unit = st.floats(0.0, 1.0, allow_nan=False)
delta = st.one_of(
    st.floats(-1.0, 1.0, allow_nan=False),
    st.tuples(st.floats(-1.0, 0.0), st.floats(0.0, 1.0)).map(list),
)
METRICS = ("morale", "stress", "trust", "fatigue", "skill")
CONDITIONS = (
    "team.morale < 0.5",
    "team.stress > 0.4 and progress < 0.8",
    "not flags.f0",
    "m0.morale >= 0.3 or m1.left",
    "turn > 2",
    "milestones.reached - milestones.missed >= 1",
    "leader.composure < 0.6",
    "members < 3 or priorities > 2",
    "m0.revealed",
)
WHERE = ("stress > 0.5", "morale < 0.4 or resilience < 0.5", "productivity < 0.6")


@st.composite
def teams(draw: Any) -> dict[str, Any]:
    size = draw(st.integers(2, 7))
    members = []
    for i in range(size):
        member: dict[str, Any] = {
            "id": f"m{i}",
            "name": f"Member {i}",
            "role": "role",
            "archetype": draw(st.sampled_from(ARCHETYPE_IDS)),
        }
        for metric in ("morale", "stress", "skill", "trust", "fatigue"):
            if draw(st.booleans()):
                member[metric] = draw(unit)
        if draw(st.booleans()):
            member["traits"] = {draw(st.sampled_from(TRAITS)): draw(unit)}
        members.append(member)
    pairs = draw(
        st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), max_size=6)
    )
    relationships = [
        {"between": [f"m{a}", f"m{b}"], "bond": draw(st.floats(-1.0, 1.0))}
        for a, b in {tuple(sorted(p)) for p in pairs}
        if a != b
    ]
    return {
        "kind": "team",
        "id": "t",
        "name": "T",
        "members": members,
        "relationships": relationships,
    }


def effect(draw: Any, size: int, events: int, depth: int = 0) -> dict[str, Any]:
    kinds = [
        "adjust",
        "reveal",
        "flag",
        "schedule",
        "leave",
        "milestone",
        "progress",
        "priorities",
        "leader",
    ]
    if depth < 2:
        kinds += ["later", "chance", "when"]
    kind = draw(st.sampled_from(kinds))
    member = f"m{draw(st.integers(0, size - 1))}"
    if kind == "adjust":
        out: dict[str, Any] = {"type": "adjust"}
        for metric in draw(st.lists(st.sampled_from(METRICS), min_size=1, max_size=3, unique=True)):
            out[metric] = draw(delta)
        target = draw(st.sampled_from(["team", "member", "archetype", "where"]))
        if target == "member":
            out["member"] = member
        elif target == "archetype":
            out["archetype"] = draw(st.sampled_from(ARCHETYPE_IDS))
        elif target == "where":
            out["where"] = draw(st.sampled_from(WHERE))
        return out
    if kind == "reveal":
        return {"type": "reveal", "member": member} if draw(st.booleans()) else {"type": "reveal"}
    if kind == "flag":
        return {"type": "flag", "name": f"f{draw(st.integers(0, 2))}", "value": draw(st.booleans())}
    if kind == "schedule":
        return {
            "type": "schedule",
            "event": f"e{draw(st.integers(0, events - 1))}",
            "turns": draw(st.integers(1, 4)),
        }
    if kind == "leave":
        return {"type": "leave", "member": member}
    if kind == "milestone":
        return {"type": "milestone", "reached": draw(st.booleans())}
    if kind == "progress":
        return {"type": "progress", "amount": draw(delta)}
    if kind == "priorities":
        if draw(st.booleans()):
            return {"type": "priorities", "set": draw(st.integers(1, 10))}
        return {"type": "priorities", "change": draw(st.integers(-9, 9))}
    if kind == "leader":
        return {"type": "leader", "composure": draw(delta)}
    inner = [effect(draw, size, events, depth + 1) for _ in range(draw(st.integers(1, 2)))]
    if kind == "later":
        return {"type": "later", "turns": draw(st.integers(1, 5)), "effects": inner}
    other = [effect(draw, size, events, depth + 1) for _ in range(draw(st.integers(0, 1)))]
    if kind == "chance":
        return {"type": "chance", "p": draw(unit), "then": inner, "else": other}
    return {"type": "when", "if": draw(st.sampled_from(CONDITIONS)), "then": inner, "else": other}


@st.composite
def scenarios(draw: Any, size: int) -> dict[str, Any]:
    count = draw(st.integers(1, 8))
    events = []
    for e in range(count):
        choices = []
        for _ in range(draw(st.integers(2, 4))):
            choice: dict[str, Any] = {
                "text": "c",
                "applies": draw(st.lists(st.sampled_from(PRINCIPLE_IDS), max_size=2, unique=True)),
                "effects": [effect(draw, size, count) for _ in range(draw(st.integers(0, 3)))],
            }
            choice["violates"] = [
                p
                for p in draw(st.lists(st.sampled_from(PRINCIPLE_IDS), max_size=2, unique=True))
                if p not in choice["applies"]
            ]
            if draw(st.integers(0, 4)) == 0:
                choice["if"] = draw(st.sampled_from(CONDITIONS))
            if draw(st.integers(0, 3)) == 0:
                choice["next"] = draw(st.sampled_from([f"e{i}" for i in range(count)] + ["end"]))
            choices.append(choice)
        event: dict[str, Any] = {"id": f"e{e}", "text": "t", "choices": choices}
        if draw(st.integers(0, 4)) == 0:
            event["when"] = draw(st.sampled_from(CONDITIONS))
        if draw(st.integers(0, 5)) == 0:
            event["interrupt"] = True
        if draw(st.integers(0, 3)) == 0:
            event["next"] = [
                {
                    "if": draw(st.sampled_from(CONDITIONS)),
                    "goto": f"e{draw(st.integers(0, count - 1))}",
                },
                {"goto": draw(st.sampled_from([f"e{i}" for i in range(count)] + ["end"]))},
            ]
        events.append(event)
    endings = [
        {
            "id": "early",
            "title": "x",
            "debrief": "x",
            "when": draw(st.sampled_from(CONDITIONS)),
            "early": True,
        },
        {"id": "good", "title": "x", "debrief": "x", "when": draw(st.sampled_from(CONDITIONS))},
        {"id": "fallback", "title": "x", "debrief": "x"},
    ]
    return {
        "kind": "scenario",
        "id": "s",
        "title": "S",
        "summary": "S",
        "team": "t",
        "workload": draw(st.floats(0.5, 20.0)),
        "priorities": draw(st.integers(1, 10)),
        "events": events,
        "endings": endings if draw(st.booleans()) else endings[1:],
    }


@st.composite
def bundles(draw: Any) -> Bundle:
    team = draw(teams())
    scenario = draw(scenarios(len(team["members"])))
    return Bundle(
        scenario=Scenario.model_validate(scenario),
        team=Team.model_validate(team),
        content_hash="generated",
        path=Path("generated.yaml"),
        team_path=Path("generated-team.yaml"),
    )
