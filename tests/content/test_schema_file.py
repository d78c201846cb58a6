"""The JSON Schema editors use: generated from the models, kept current in the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.content.schema import json_schema, schema_text
from game.content.yamlload import load
from tests.content.checking import FILES


def test_schema_command_prints_the_generated_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_repository_copy_is_current(repo_root):
    copy = repo_root / "game" / "data" / "schema" / "leadsim.schema.json"
    assert copy.read_text(encoding="utf-8") == schema_text(), (
        "game/data/schema/leadsim.schema.json is stale: run `python -m game schema > "
        "game/data/schema/leadsim.schema.json`"
    )


def test_schema_describes_both_kinds_and_forbids_unknown_keys():
    schema = json_schema()
    assert schema["oneOf"] == [{"$ref": "#/$defs/Scenario"}, {"$ref": "#/$defs/Team"}]
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object" and "properties" in definition:
            assert definition["additionalProperties"] is False, name


def test_every_definition_is_used():
    schema = json_schema()
    text = json.dumps(schema)
    for name in schema["$defs"]:
        assert f'"#/$defs/{name}"' in text, name


# A small evaluator for the keywords the generated schema uses, so the test needs no extra
# package; when `jsonschema` is installed it is used as well.
def _errors(schema: dict[str, Any], value: Any, root: dict[str, Any], at: str = "") -> list[str]:
    if "$ref" in schema:
        return _errors(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], value, root, at)
    found: list[str] = []
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            passing = sum(not _errors(s, value, root, at) for s in schema[keyword])
            if passing == 0 or (keyword == "oneOf" and passing > 1):
                found.append(f"{at}: {keyword} matched {passing}")
    kind = schema.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "boolean": bool,
        "null": type(None),
        "integer": int,
        "number": (int, float),
    }
    if kind is not None:
        is_bool = isinstance(value, bool)
        if not isinstance(value, types[kind]) or (is_bool and kind in ("integer", "number")):
            return [*found, f"{at}: not {kind}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: not {schema['const']}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: not one of the enum")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{at}: pattern")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 1e9):
            found.append(f"{at}: length")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < schema.get("minimum", -1e308) or value > schema.get("maximum", 1e308):
            found.append(f"{at}: range")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            found.append(f"{at}: range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            found.append(f"{at}: items")
        for i, item in enumerate(value):
            found += _errors(schema.get("items", {}), item, root, f"{at}[{i}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        if len(value) < schema.get("minProperties", 0):
            found.append(f"{at}: too few keys")
        for key, item in value.items():
            found += _errors(schema.get("propertyNames", {}), key, root, f"{at}.{key}")
            if key in properties:
                found += _errors(properties[key], item, root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}.{key}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += _errors(schema["additionalProperties"], item, root, f"{at}.{key}")
    return found


def schema_errors(path: Path, kind: str = "") -> list[str]:
    """What the schema finds wrong with a file (against one kind's definition, if given)."""
    value = load(path.read_bytes()).value
    schema = json_schema()
    found = _errors({"$ref": f"#/$defs/{kind}"} if kind else schema, value, schema)
    try:
        import jsonschema
    except ImportError:
        return found
    library = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(value))
    assert bool(found) == bool(library), (found, library)
    return found


@pytest.mark.parametrize("name", ["example_release.yaml", "example_team.yaml"])
def test_bundled_example_validates_against_the_schema(repo_root, name):
    assert schema_errors(repo_root / "game" / "data" / "scenarios" / name) == []


@pytest.mark.parametrize("name", ["good.yaml", "team.yaml"])
def test_test_files_that_check_clean_validate_against_the_schema(name):
    assert schema_errors(FILES / "refs" / name) == []


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("unknown_key.yaml", "summry: not allowed"),
        ("wrong_type.yaml", "difficulty: not integer"),
        ("unknown_principle.yaml", "applies[1]: not one of the enum"),
    ],
)
def test_schema_rejects_what_the_checker_rejects(name, problem):
    assert schema_errors(FILES / "schema" / name)  # the file as a whole is refused
    assert any(e.endswith(problem) for e in schema_errors(FILES / "schema" / name, "Scenario"))
