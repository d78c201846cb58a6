"""docs/model.md cannot drift from the engine: every parameter with its current value, the
archetypes' traits, the default score weights, and charts that the chart script really draws."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from game.content.models import Scoring
from game.content.principles import ARCHETYPES, PRINCIPLE_IDS, TRAITS
from game.sim.params import PARAMS, Params

PARAMETERS = {f.name: getattr(PARAMS, f.name) for f in fields(Params)}
TABLE_HEADING = "## All parameters"


@pytest.fixture(scope="module")
def document(repo_root: Path) -> str:
    return (repo_root / "docs" / "model.md").read_text(encoding="utf-8")


def rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows whose first cell is a `name`: name -> the other cells."""
    out = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        found = re.fullmatch(r"`(\w+)`", cells[0]) if line.startswith("|") else None
        if found:
            out[found.group(1)] = cells[1:]
    return out


def test_every_parameter_is_in_the_table_with_its_current_value(document):
    table = rows(document.split(TABLE_HEADING, 1)[1])
    assert set(table) == set(PARAMETERS), "rows missing or left over in the parameter table"
    wrong = {name: cells[0] for name, cells in table.items() if float(cells[0]) != PARAMETERS[name]}
    assert wrong == {}, f"stale values (the engine has {[PARAMETERS[n] for n in wrong]})"


def test_every_parameter_is_named_where_it_acts(document):
    body = document.split(TABLE_HEADING, 1)[0]
    missing = [name for name in PARAMETERS if not re.search(rf"\b{name}\b", body)]
    assert missing == [], "parameters named only in the table, not in an equation or the text"


def test_values_quoted_in_the_text_are_current(document):
    body = document.split(TABLE_HEADING, 1)[0]
    quoted = re.findall(r"`?\b(\w+)`? = ([0-9.]+)", body)
    quoted += re.findall(r"`(\w+)` \(([0-9.]+)", body)
    checked = [(name, value) for name, value in quoted if name in PARAMETERS]
    assert len(checked) > 20
    stale = [(n, v) for n, v in checked if float(v.rstrip(".")) != PARAMETERS[n]]
    assert stale == []


def test_the_archetype_table_holds_the_engines_traits(document):
    table = rows(document)
    for archetype in ARCHETYPES.values():
        cells = table[archetype.id]
        assert [float(c) for c in cells] == [archetype.traits[t] for t in TRAITS], archetype.id
    header = next(line for line in document.splitlines() if line.startswith("| archetype |"))
    assert [c.strip() for c in header.strip("|").split("|")][1:] == list(TRAITS)


def test_the_default_score_weights_are_the_scoring_models(document):
    weights = Scoring()
    sentence = (
        f"the defaults are delivery {weights.delivery:g}, team {weights.team:g}, retention "
        f"{weights.retention:g}, stakeholders {weights.stakeholders:g} and principles "
        f"{weights.principles:g}"
    )
    assert sentence in " ".join(document.split())


def test_principles_named_for_the_mechanisms_exist(document):
    named = re.findall(r"^\*Principles?: (.*?)\*$", document, flags=re.M | re.S)
    ids = [i for text in named for i in re.findall(r"`(\w+)`", text)]
    assert len(named) >= 10
    assert sorted(set(ids) - set(PRINCIPLE_IDS)) == []


def test_the_linked_charts_are_exactly_those_the_script_draws(document, repo_root, tmp_path):
    linked = set(re.findall(r"\]\(img/(model-[\w-]+\.png)\)", document))
    done = subprocess.run(
        [sys.executable, str(repo_root / "scripts" / "model_charts.py"), str(tmp_path)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    drawn = {p.name for p in tmp_path.iterdir()}
    assert linked == drawn
    assert all((tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for name in drawn)
    committed = {p.name for p in (repo_root / "docs" / "img").glob("model-*.png")}
    assert committed == drawn, "docs/img is out of date: run `python scripts/model_charts.py`"
