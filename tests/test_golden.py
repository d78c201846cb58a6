"""Golden summaries of the bundled scenarios.

Every scenario in the bundled `scenarios/` folder is played with fixed seeds by three policies,
and a short summary of each playthrough (ending, score, decisions) is compared with the committed
file `tests/golden/<scenario id>.json`. Any change of content or balance therefore shows up as a
readable diff in review instead of passing silently.

After an intended change, rewrite the files and review the diff:

    LEADSIM_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from game.content.library import BUNDLED, Bundle, ScenarioLibrary
from game.sim.policies import choose
from game.sim.session import Session

GOLDEN = Path(__file__).parent / "golden"
SEEDS = (1, 2, 3)
POLICIES = ("principled", "random", "antiprincipled")
UPDATE = os.environ.get("LEADSIM_UPDATE_GOLDEN") == "1"


def bundled() -> dict[str, Bundle]:
    """The playable scenarios of the bundled folder only (never an instructor's folder)."""
    found: dict[str, Bundle] = {}
    for entry in ScenarioLibrary().entries():
        if entry.path.resolve().parent != BUNDLED.resolve():
            continue
        assert entry.bundle is not None, f"{entry.path} does not load: {entry.error}"
        found[entry.id] = entry.bundle
    return found


BUNDLES = bundled()


def play(bundle: Bundle, policy: str, seed: int) -> dict[str, Any]:
    """One playthrough by a policy, summarised."""
    session = Session(bundle, seed=seed)
    while not session.finished:
        session.take(choose(policy, session))
    assert session.ending is not None
    return {
        "policy": policy,
        "seed": seed,
        "ending": session.ending.id,
        "score": round(session.score().total, 2),
        "decisions": list(session.decisions),
    }


def summary(bundle: Bundle) -> dict[str, Any]:
    return {
        "scenario": bundle.scenario.id,
        "playthroughs": [play(bundle, policy, seed) for policy in POLICIES for seed in SEEDS],
    }


def golden_path(scenario_id: str) -> Path:
    return GOLDEN / f"{scenario_id}.json"


def render(data: dict[str, Any]) -> str:
    """JSON with one playthrough per line, so a change reads as a one-line diff in review."""
    rows = ",\n".join(f"    {json.dumps(p, ensure_ascii=False)}" for p in data["playthroughs"])
    head = f'{{\n  "scenario": {json.dumps(data["scenario"])},\n  "playthroughs": [\n'
    return head + rows + "\n  ]\n}\n"


def write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")


def test_there_are_bundled_scenarios() -> None:
    assert BUNDLES, f"no playable scenario found in {BUNDLED}"


@pytest.mark.parametrize("scenario_id", sorted(BUNDLES))
def test_playthroughs_match_the_golden_summary(scenario_id: str) -> None:
    actual = summary(BUNDLES[scenario_id])
    path = golden_path(scenario_id)
    if UPDATE:
        write(path, actual)
        return
    assert path.is_file(), (
        f"no golden summary for '{scenario_id}': run "
        "LEADSIM_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py and commit the file"
    )
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected, (
        f"'{scenario_id}' plays differently from {path.name}; if the change is intended, "
        "rewrite the golden files with LEADSIM_UPDATE_GOLDEN=1 and review the diff"
    )


def test_every_golden_file_belongs_to_a_bundled_scenario() -> None:
    stale = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in BUNDLES)
    if UPDATE:
        for name in stale:
            golden_path(name).unlink()
        return
    assert not stale, f"golden summaries of scenarios that no longer exist: {', '.join(stale)}"
