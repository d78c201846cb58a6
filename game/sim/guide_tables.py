"""Tables in docs/authoring.md that the engine itself measures.

* the table of acts: what each `act` does (from game.sim.acts), and what it does to a typical
  person of each archetype, measured by applying it;
* the sizes of effects: what a stress of +0.1, a milestone or a push does to a team over five
  turns, measured by playing a small lab scenario with and without it.

`python -m game.sim.guide_tables` prints them; `--write docs/authoring.md` replaces the text
between their markers (`<!-- acts:start -->` ... `<!-- acts:end -->`, `<!-- sizes:start -->`
... `<!-- sizes:end -->`). A test checks that the document holds what this module generates.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.content import models as m
from game.content.library import Bundle
from game.content.principles import ARCHETYPE_IDS, ARCHETYPES
from game.content.reference import embed
from game.sim.acts import ACTS, ActSpec
from game.sim.effects import Scope, compile_effects
from game.sim.session import Session

MARKERS = {
    "acts": ("<!-- acts:start -->", "<!-- acts:end -->"),
    "sizes": ("<!-- sizes:start -->", "<!-- sizes:end -->"),
}
_SHOWN = ("morale", "stress", "trust")
LAB_TURNS = 5


def _number(value: float) -> str:
    text = f"{value:+.2f}".replace("-", "−")
    return "0" if text in ("+0.00", "−0.00") else text


def _terms(spec: ActSpec) -> str:
    parts = []
    for metric, (base, coefficients) in spec.terms.items():
        traits = ", ".join(f"{name} {_number(coef)}" for name, coef in coefficients.items())
        parts.append(f"{metric} {_number(base)}" + (f" ({traits})" if traits else ""))
    return "; ".join(parts)


def _leader(spec: ActSpec) -> str:
    parts = []
    if spec.energy:
        parts.append(f"energy {_number(spec.energy)}")
    if spec.leader_stress:
        parts.append(f"stress {_number(spec.leader_stress)}")
    return ", ".join(parts) or "—"


def _also(spec: ActSpec) -> str:
    parts = []
    if spec.reveal == "private":
        parts.append("reveals those who trust you enough")
    elif spec.reveal == "public":
        parts.append("reveals only the candid")
    if spec.bystanders:
        changes = ", ".join(f"{k} {_number(v)}" for k, v in spec.bystanders.items())
        parts.append(f"everyone else present: {changes}")
    return "; ".join(parts) or "—"


def _lab(first: list[dict[str, Any]] | None = None, rest: list[dict[str, Any]] | None = None,
         turns: int = 1) -> Bundle:  # fmt: skip
    """A team of one typical person per archetype (every starting value at its default), and a
    scenario of `turns` decisions whose choice `a` does `first` at the first decision and
    `rest` at the others (choice `b` does nothing)."""
    team = m.Team.model_validate(
        {
            "kind": "team",
            "id": "lab",
            "name": "Lab",
            "members": [{"id": a, "name": a, "role": a, "archetype": a} for a in ARCHETYPE_IDS],
        }
    )
    events = [
        {
            "id": f"e{turn}",
            "text": "e",
            "choices": [
                {"id": "a", "text": "a", "effects": (first if turn == 0 else rest) or []},
                {"id": "b", "text": "b"},
            ],
        }
        for turn in range(turns)
    ]
    scenario = m.Scenario.model_validate(
        {
            "kind": "scenario",
            "format": 2,
            "id": "lab",
            "title": "Lab",
            "summary": "Lab",
            "team": "lab",
            "events": events,
            "endings": [{"id": "done", "title": "Done", "debrief": "Done"}],
        }
    )
    return Bundle(scenario, team, "", Path("lab.yaml"), Path("lab_team.yaml"))


def measured(how: str) -> dict[str, dict[str, float]]:
    """archetype -> metric -> the change `{type: act, how: HOW}` brings a typical person of it
    (a leader at the start's energy; before the turn's own drift)."""
    session = Session(_lab(), seed=1)
    program = session.program
    effect = m.Act.model_validate({"type": "act", "how": how})
    appliers = compile_effects([effect], ("act",), Scope.of(program.consts, program.event_index))
    before = {k: getattr(session.world, k)[0].copy() for k in _SHOWN}
    for applier in appliers:
        applier.apply(session.ctx, session.rows)
    after = {k: getattr(session.world, k)[0] for k in _SHOWN}
    return {
        archetype: {k: float(after[k][i] - before[k][i]) for k in _SHOWN}
        for i, archetype in enumerate(program.consts.member_ids)
    }


def act_table() -> str:
    """The table of acts and what they do to each archetype, as Markdown."""
    names = [ARCHETYPES[a].name["en"] for a in ARCHETYPE_IDS]
    lines = [
        "## The table of acts",
        "",
        "`{type: act, how: HOW}` is the leader doing something to people; it lands through",
        "who they are. For each person, a metric changes by the first number plus, for each",
        "trait in brackets, that number times (the person's trait − 0.5); `growth` is skill",
        "gained over the next turns. Morale gains land stronger with more trust, added stress",
        "stronger with less resilience, and an exhausted leader's care lands weaker.",
        "",
        "| `how` | on each person | the leader | also |",
        "|---|---|---|---|",
    ]
    for how, spec in ACTS.items():
        lines.append(f"| `{how}` | {_terms(spec)} | {_leader(spec)} | {_also(spec)} |")
    lines += [
        "",
        "What each act does at once to a typical person of each archetype (default traits and",
        "starting values, `strength: 1`), as morale / stress / trust, measured with the engine:",
        "",
        "| `how` | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for how in ACTS:
        change = measured(how)
        cells = [" / ".join(_number(change[a][k]) for k in _SHOWN) for a in ARCHETYPE_IDS]
        lines.append(f"| `{how}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


_SIZES: tuple[tuple[str, list[dict[str, Any]], bool], ...] = (
    ("`{type: adjust, stress: 0.1}`", [{"type": "adjust", "stress": 0.1}], False),
    ("the same, at every decision", [{"type": "adjust", "stress": 0.1}], True),
    ("`{type: adjust, morale: -0.1}`", [{"type": "adjust", "morale": -0.1}], False),
    ("the same, at every decision", [{"type": "adjust", "morale": -0.1}], True),
    ("`{type: adjust, trust: -0.1}`", [{"type": "adjust", "trust": -0.1}], False),
    ("`{type: act, how: pressure}` (everyone)", [{"type": "act", "how": "pressure"}], False),
    ("the same, at every decision", [{"type": "act", "how": "pressure"}], True),
    ("`{type: progress, amount: 0.1}`", [{"type": "progress", "amount": 0.1}], False),
    ("`{type: milestone, reached: true}`", [{"type": "milestone", "reached": True}], False),
    ("`{type: milestone, reached: false}`", [{"type": "milestone", "reached": False}], False),
)
_SIZE_METRICS = ("stress", "morale", "trust", "productivity", "progress")


def _play_lab(first: list[dict[str, Any]], every: bool) -> Session:
    session = Session(_lab(first, first if every else [], LAB_TURNS), seed=1)
    while not session.finished:
        session.choose("a")
    return session


def sizes() -> list[tuple[str, dict[str, list[float]], float]]:
    """Per effect: the change it makes to each team average after turns 1, 3 and 5, and to
    the score at the end, against the same five decisions without it."""
    base = _play_lab([], False)
    out = []
    for label, effects, every in _SIZES:
        run = _play_lab(effects, every)
        changes = {
            k: [run.trajectory[t][k] - base.trajectory[t][k] for t in (1, 3, LAB_TURNS)]
            for k in _SIZE_METRICS
        }
        out.append((label, changes, run.score().total - base.score().total))
    return out


def size_table() -> str:
    """What effects of common sizes do over five turns, as Markdown."""
    lines = [
        "| effect at the first decision | " + " | ".join(_SIZE_METRICS) + " | score |",
        "|---" * (len(_SIZE_METRICS) + 2) + "|",
    ]
    for label, changes, score in sizes():
        cells = [" / ".join(_number(v) for v in changes[k]) for k in _SIZE_METRICS]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {score:+.1f} |".replace("-", "−"))
    return "\n".join(lines) + "\n"


def tables() -> dict[str, str]:
    """Each generated table by the name of its markers."""
    return {"acts": act_table(), "sizes": size_table()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.sim.guide_tables", description=__doc__)
    parser.add_argument("--write", metavar="DOC", type=Path, help="update this document")
    args = parser.parse_args(argv)
    generated = tables()
    if args.write is None:
        sys.stdout.write("\n".join(generated.values()))
        return 0
    document = args.write.read_text(encoding="utf-8")
    for name, text in generated.items():
        document = embed(document, text, *MARKERS[name])
    args.write.write_text(document, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
