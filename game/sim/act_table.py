"""The table of acts in docs/authoring.md: what each `act` does, from game.sim.acts, and what it
does to a typical person of each archetype, measured by applying it with the engine itself.

`python -m game.sim.act_table` prints it; `--write docs/authoring.md` replaces the text between
the `<!-- acts:start -->` and `<!-- acts:end -->` markers. A test checks that the document holds
what this module generates.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from game.content import models as m
from game.content.library import Bundle
from game.content.principles import ARCHETYPE_IDS, ARCHETYPES
from game.content.reference import embed
from game.sim.acts import ACTS, ActSpec
from game.sim.effects import Scope, compile_effects
from game.sim.session import Session

START = "<!-- acts:start -->"
END = "<!-- acts:end -->"
_SHOWN = ("morale", "stress", "trust")


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


def _lab() -> Bundle:
    """A team of one typical person per archetype (every starting value at its default)."""
    team = m.Team.model_validate(
        {
            "kind": "team",
            "id": "lab",
            "name": "Lab",
            "members": [{"id": a, "name": a, "role": a, "archetype": a} for a in ARCHETYPE_IDS],
        }
    )
    scenario = m.Scenario.model_validate(
        {
            "kind": "scenario",
            "format": 2,
            "id": "lab",
            "title": "Lab",
            "summary": "Lab",
            "team": "lab",
            "events": [
                {"id": "e", "text": "e", "choices": [{"id": "a", "text": "a"},
                                                     {"id": "b", "text": "b"}]}
            ],
            "endings": [{"id": "end_", "title": "End", "debrief": "End"}],
        }
    )  # fmt: skip
    return Bundle(scenario, team, "", Path("lab.yaml"), Path("lab_team.yaml"))


def measured(how: str) -> dict[str, dict[str, float]]:
    """archetype -> metric -> the change `{type: act, how: HOW}` brings a typical person of it
    (a leader at the start's energy; before the turn's own drift)."""
    session = Session(_lab(), seed=1)
    program = session.program
    effect = m.Act(type="act", how=how)  # type: ignore[arg-type]
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
    """Both tables, as Markdown."""
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.sim.act_table", description=__doc__)
    parser.add_argument("--write", metavar="DOC", type=Path, help="update this document")
    args = parser.parse_args(argv)
    text = act_table()
    if args.write is None:
        sys.stdout.write(text)
        return 0
    document = args.write.read_text(encoding="utf-8")
    args.write.write_text(embed(document, text, START, END), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
