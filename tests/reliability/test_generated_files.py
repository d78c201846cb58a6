"""Hypothesis-generated scenario files, valid and mutated: a valid scenario or a clean report."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.library import Catalog
from tests.sim.strategies import scenarios, teams

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
JUNK = ":-[]{}\t'\"&*!|>#%@`,?\n "


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def files(draw) -> tuple[str, str]:
    team = draw(teams())
    scenario = draw(scenarios(len(team["members"])))
    return _dump(team), _dump(scenario)


def _check(tmp: Path, team: str, scenario: str) -> Catalog:
    (tmp / "team.yaml").write_text(team, encoding="utf-8")
    (tmp / "scenario.yaml").write_text(scenario, encoding="utf-8")
    started = time.monotonic()
    catalog = Catalog([tmp / "team.yaml", tmp / "scenario.yaml"], [tmp])
    catalog.validate(("en",))
    assert time.monotonic() - started < 5
    for d in catalog.diagnostics():
        assert d.line >= 1 and d.column >= 1
        assert d.path in (str(tmp / "team.yaml"), str(tmp / "scenario.yaml"))
        assert d.message and "\n" not in d.format()
    return catalog


@SETTINGS
@given(files())
def test_generated_files_validate(tmp_path_factory, pair):
    tmp = tmp_path_factory.mktemp("valid")
    catalog = _check(tmp, *pair)
    for result in catalog.results:
        assert result.model is not None, [d.format() for d in result.diagnostics]


@st.composite
def mutated(draw) -> tuple[str, str]:
    team, scenario = draw(files())
    lines = scenario.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "char", "truncate", "swap", "key"]))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "char" and lines[i]:
            at = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:at] + draw(st.sampled_from(JUNK)) + lines[i][at + 1 :]
        elif kind == "truncate":
            lines = lines[: i + 1]
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "key":
            indent = len(lines[i]) - len(lines[i].lstrip())
            lines.insert(i, " " * indent + draw(st.sampled_from(["moral: 1", "typ: adjust", "x:"])))
    return team, "\n".join(lines)


@SETTINGS
@given(mutated())
def test_mutated_files_get_a_clean_report(tmp_path_factory, pair):
    _check(tmp_path_factory.mktemp("mutated"), *pair)
