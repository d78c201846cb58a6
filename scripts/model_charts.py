"""Draw the charts of docs/model.md from the real engine.

    python scripts/model_charts.py [OUT_DIR]      (default docs/img)

1. Sustained pressure: a team is pushed (+0.12 stress a turn) for eight turns, then left alone.
2. Recognition: the same team, with and without a visible win every third turn.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from game.charts import Series, line_chart, save_png
from game.content.library import load_bundle
from game.sim.session import Session

TURNS = 16
TEAM = """kind: team
id: chart_team
name: Chart team
members:
  - {id: ana, name: Ana, role: Analyst, archetype: executive, morale: 0.6, stress: 0.3}
  - {id: ben, name: Ben, role: Developer, archetype: erudite, morale: 0.6, stress: 0.3}
relationships:
  - {between: [ana, ben], bond: 0.6}
"""


def scenario() -> str:
    events = "".join(
        f"""  - id: t{i}
    text: Turn {i}
    choices:
      - {{text: Leave them be, applies: [planning]}}
      - text: Push hard
        applies: [planning]
        effects: [{{type: adjust, stress: 0.12}}]
      - text: Celebrate a visible win
        applies: [planning]
        effects: [{{type: milestone, reached: true}}]
"""
        for i in range(TURNS)
    )
    return f"""kind: scenario
id: chart
title: Chart
summary: Model charts
team: chart_team
workload: 20
events:
{events}endings:
  - {{id: end, title: End, debrief: End}}
"""


def play(folder: Path, decisions: list[int]) -> list[dict[str, float]]:
    session = Session.replay(load_bundle(folder / "chart.yaml"), 1, decisions)
    return session.trajectory


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "team.yaml").write_text(TEAM, encoding="utf-8")
        (folder / "chart.yaml").write_text(scenario(), encoding="utf-8")
        pressure = play(folder, [2] * 8 + [1] * (TURNS - 8))
        wins = play(folder, [3 if i % 3 == 2 else 1 for i in range(TURNS)])
        calm = play(folder, [1] * TURNS)
    labels = [str(i) for i in range(TURNS + 1)]
    chart = line_chart(
        (900, 420),
        [
            Series("stress", [p["stress"] for p in pressure], "stress"),
            Series("fatigue", [p["fatigue"] for p in pressure]),
            Series("morale", [p["morale"] for p in pressure], "morale"),
            Series("productivity", [p["productivity"] for p in pressure], "productivity"),
        ],
        title="Sustained pressure for 8 turns, then relief",
        x_labels=labels,
    )
    save_png(chart, out / "model-pressure.png")
    chart = line_chart(
        (900, 420),
        [
            Series("morale with a win every 3rd turn", [p["morale"] for p in wins], "morale"),
            Series("morale without wins", [p["morale"] for p in calm]),
            Series("productivity with wins", [p["productivity"] for p in wins], "productivity"),
            Series("productivity without wins", [p["productivity"] for p in calm]),
        ],
        title="Recognition: visible wins and their after-effect",
        x_labels=labels,
    )
    save_png(chart, out / "model-recognition.png")
    print(f"wrote {out / 'model-pressure.png'} and {out / 'model-recognition.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
