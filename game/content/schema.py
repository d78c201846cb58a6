"""The JSON Schema of scenario and team files, generated from the models."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic.json_schema import models_json_schema

from game.content.models import Scenario, Team

SCHEMA_ID = "https://leadsim.invalid/schema/leadsim.schema.json"


def json_schema() -> dict[str, Any]:
    """One schema for both kinds of file; `kind` tells them apart."""
    _, defs = models_json_schema(
        [(Scenario, "validation"), (Team, "validation")], ref_template="#/$defs/{model}"
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "LeadSim scenario or team file",
        "oneOf": [{"$ref": "#/$defs/Scenario"}, {"$ref": "#/$defs/Team"}],
        "$defs": _reachable(defs["$defs"], ["Scenario", "Team"]),
    }


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            yield ref.removeprefix("#/$defs/")
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _reachable(defs: dict[str, Any], roots: list[str]) -> dict[str, Any]:
    """Only the definitions the file kinds use (pydantic also lists helper types' shapes)."""
    keep: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo.extend(_refs(defs[name]))
    return {name: defs[name] for name in sorted(keep)}


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
