"""The charts of docs/model.md about people: candour, the leader, moods, growth, acts."""

from __future__ import annotations

import numpy as np
import pygame
from model_lab import (
    SIZE,
    TEAM,
    Members,
    act,
    lab,
    left_at,
    lines,
    number,
    person,
    team,
    trace,
    typical,
    world,
)

from game.charts import Bar, Series, bar_chart, line_chart, load_style
from game.content.principles import ARCHETYPES
from game.sim.params import PARAMS
from game.sim.program import Program
from game.sim.session import Session


def candour_chart() -> pygame.Surface:
    """What the leader sees of a stress of 0.8, by the person's trust in the leader."""
    levels = np.linspace(0.0, 1.0, 21)
    seen: dict[str, list[list[float]]] = {"bob": [], "ann": []}
    for trust in levels:
        start = {"stress": 0.8, "trust": float(trust)}
        program = Program(
            lab(
                {
                    "bob": {"archetype": "obsequious", **start},
                    "ann": {"archetype": "erudite", **start},
                },
                {},
                1,
            )
        )
        views = [Session(program, seed).view().members for seed in range(200)]
        for i, key in enumerate(("bob", "ann")):
            seen[key].append([v[i].stress for v in views])
    bob = np.array(seen["bob"])
    ann = np.array(seen["ann"])
    return line_chart(
        SIZE,
        [
            Series("true stress of both", [0.8] * len(levels), "stress"),
            Series("erudite: seen, average of 200 games", list(ann.mean(axis=1)), "productivity"),
            Series("erudite: lowest seen", list(ann.min(axis=1)), "link"),
            Series("erudite: highest seen", list(ann.max(axis=1)), "link"),
            Series("eager to please: seen, average", list(bob.mean(axis=1)), "progress"),
        ],
        title="Seen stress of two people at 80% stress, by their trust in the leader (x axis)",
        x_labels=[f"{t:.0%}" if i % 2 == 0 else "" for i, t in enumerate(levels)],
        marks=[(round(PARAMS.reveal_trust * 20), "a one-on-one reveals from here")],
    )


def leader_energy_chart() -> pygame.Surface:
    """The leader's energy under three habits: doing Eve's work, delegating it, coaching her."""
    habits = {
        "diy": act("do_it_yourself", "eve"),
        "delegate": act("delegate", "eve"),
        "coach": act("coach", "eve"),
    }
    bundle = Program(lab(typical(), habits))
    energy = {key: trace(bundle, [key] * 12, world("leader_energy"))[0] for key in habits}
    (stress,) = trace(bundle, ["diy"] * 12, world("leader_stress"))
    return lines(
        "The leader's own energy, with the same task handled three ways every turn",
        [
            Series("energy: does it herself", energy["diy"], "stress"),
            Series("energy: delegates it", energy["delegate"], "productivity"),
            Series("energy: coaches the executor", energy["coach"], "morale"),
            Series("leader's stress: does it herself", stress, "progress"),
            Series(
                f"below {PARAMS.exhausted_energy:.0%} her care lands weaker",
                [PARAMS.exhausted_energy] * 13,
                "text_dim",
            ),
        ],
        12,
    )


def leader_panic_chart() -> pygame.Surface:
    """A boss who calls every day for six turns (+0.15 leader stress), with a composed or a
    rattled leader, against a quiet week."""
    call = {"call": {"effects": [{"type": "leader", "stress": 0.15}]}}
    plan = ["call"] * 6 + ["wait"] * 6
    composed = Program(lab(typical(), call, leader={"composure": 0.9}))
    rattled = Program(lab(typical(), call, leader={"composure": 0.2}))
    _, calm_team = trace(composed, ["wait"] * 12, world("leader_stress"), team("stress"))
    pressed, composed_team = trace(composed, plan, world("leader_stress"), team("stress"))
    (rattled_team,) = trace(rattled, plan, team("stress"))
    return lines(
        "A leader who panics passes it down; composure damps it",
        [
            Series("leader's stress: the boss calls for 6 turns", pressed, "progress"),
            Series("team stress: composed leader (composure 90%)", composed_team, "productivity"),
            Series("team stress: rattled leader (composure 20%)", rattled_team, "stress"),
            Series("team stress: a quiet fortnight", calm_team, "morale"),
        ],
        12,
        marks=[(6, "the calls stop")],
    )


def contagion_stress_chart() -> pygame.Surface:
    """An overloaded person (stress 0.85) bonded to a colleague, and one without a bond."""
    members: Members = {
        "bob": {"archetype": "obsequious", "stress": 0.85},
        "cid": {"archetype": "friendly"},
        "ida": {"archetype": "indifferent"},
    }
    bundle = Program(lab(members, {"unload": act("unload", "bob")}, 14, [("bob", "cid", 0.9)]))
    probes = (person("bob", "stress"), person("bob", "fatigue"), person("cid", "stress"))
    bob, worn, cid = trace(bundle, ["wait"] * 14, *probes)
    (ida,) = trace(bundle, ["wait"] * 14, person("ida", "stress"))
    (helped,) = trace(bundle, ["wait", "wait", "unload", "unload"] + ["wait"] * 10, probes[0])
    gone = left_at(bob)
    return lines(
        "Overload left alone: it does not heal, and it spreads along a close bond",
        [
            Series("Bob's stress, nobody asks", bob, "stress"),
            Series("Bob's fatigue", worn, "progress"),
            Series("Cid's stress (close to Bob)", cid, "trust"),
            Series("Ida's stress (no bond)", ida, "morale"),
            Series("Bob's stress, unloaded at turns 3 and 4", helped, "productivity"),
        ],
        14,
        marks=[(gone, "burnout")] if gone is not None else [],
    )


def contagion_morale_chart() -> pygame.Surface:
    """Cid's morale next to a gloomy or a cheerful close friend, or with no close friend."""

    def with_friend(morale: float | None) -> tuple[list[float | None], list[float | None]]:
        members: Members = {
            "cid": {"archetype": "friendly"},
            "bob": {"archetype": "friendly", "morale": 0.6 if morale is None else morale},
        }
        bonds = [("bob", "cid", 0.9)] if morale is not None else []
        cid, bob = trace(
            lab(members, {}, 10, bonds),
            ["wait"] * 10,
            person("cid", "morale"),
            person("bob", "morale"),
        )
        return cid, bob

    low, gloomy = with_friend(0.2)
    high, cheerful = with_friend(1.0)
    alone, _ = with_friend(None)
    return lines(
        "Bad moods spread faster than good ones: Cid's morale next to a close friend",
        [
            Series("Cid, friend at 20% morale", low, "stress"),
            Series("Cid, friend at 100% morale", high, "morale"),
            Series("Cid, no close friend", alone, "text_dim"),
            Series("the gloomy friend", gloomy, "progress"),
            Series("the cheerful friend", cheerful, "productivity"),
        ],
        10,
    )


def growth_chart() -> pygame.Surface:
    """Skill after four turns of coaching, delegating or doing it for them, then four of rest."""
    plan = ["act"] * 4 + ["wait"] * 8
    out = {}
    for who in ("eve", "oz"):
        for how in ("coach", "delegate", "do_it_yourself"):
            (out[who, how],) = trace(
                lab(typical(), {"act": act(how, who)}), plan, person(who, "skill")
            )
    return lines(
        "People grow: skill after 4 turns of coaching or delegated work (then none)",
        [
            Series("executor, coached", out["eve", "coach"], "morale"),
            Series("executor, given the work", out["eve", "delegate"], "#4dd0c8"),
            Series("show-off expert, coached", out["oz", "coach"], "stress"),
            Series("show-off expert, given the work", out["oz", "delegate"], "progress"),
            Series("either: the leader does it", out["eve", "do_it_yourself"], "text_dim"),
        ],
        12,
        y_range=(0.5, 1.0),
        y_ticks=5,
        marks=[(4, "the 4 turns end")],
    )


ACTS = {
    "open_brief": ("an open brief", "productivity"),
    "checklist": ("a checklist", "progress"),
    "praise_public": ("public praise", "morale"),
    "praise_private": ("a private word of praise", "trust"),
}
"""Acts compared in the chart: how the chart names each, and its colour."""


def acts_chart() -> pygame.Surface:
    """Morale one turn after an act on everyone, against the same turn without it."""
    bundle = Program(lab(typical(), {how: act(how) for how in ACTS}, 1))
    probes = [person(key, "morale") for key in TEAM]
    base = trace(bundle, ["wait"], *probes)
    changes = {how: trace(bundle, [how], *probes) for how in ACTS}
    bars = []
    for i, archetype in enumerate(TEAM.values()):
        for how, (name, colour) in ACTS.items():
            value = number(changes[how][i][1]) - number(base[i][1])
            note = f"{value:+.2f}".replace("-", "−") if round(value, 2) else "0"
            bars.append(Bar(f"{ARCHETYPES[archetype].name['en']}: {name}", value, colour, note))
    return bar_chart(
        (900, 760),
        bars,
        title="The same act, different people: morale one turn later, against no act",
        value_range=(-0.1, 0.15),
        legend=[(name, colour) for name, colour in ACTS.values()],
        style=load_style(font_px=17),
    )
