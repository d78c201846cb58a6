"""The JSON Schema of scenario and team files, generated from the models."""

from __future__ import annotations

import json
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
        "$defs": defs["$defs"],
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
