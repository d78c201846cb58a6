"""The JSON Schema editors use: generated from the models, kept current in the repository, and
in agreement with the checker on real files (validated with the `jsonschema` library)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import jsonschema
import pytest

from game.cli import main
from game.content.models import EFFECT_TYPES
from game.content.schema import json_schema, schema_text
from game.content.yamlload import load
from game.resources import SCENARIOS
from tests.content.checking import FILES, check

FORMAT2 = FILES / "format2"


def test_schema_command_prints_the_generated_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_repository_copy_is_current(repo_root):
    copy = repo_root / "game" / "data" / "schema" / "leadsim.schema.json"
    assert copy.read_text(encoding="utf-8") == schema_text(), (
        "game/data/schema/leadsim.schema.json is stale: run `python -m game schema > "
        "game/data/schema/leadsim.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_schema_describes_both_kinds_and_forbids_unknown_keys():
    schema = json_schema()
    assert schema["oneOf"] == [{"$ref": "#/$defs/Scenario"}, {"$ref": "#/$defs/Team"}]
    for name, definition in schema["$defs"].items():
        if name == "Effect":  # dispatches on `type`; each effect's own definition is closed
            continue
        if definition.get("type") == "object" and "properties" in definition:
            assert definition["additionalProperties"] is False, name


def test_every_definition_is_used_and_described():
    schema = json_schema()
    text = str(schema)
    for name, definition in schema["$defs"].items():
        assert f"'#/$defs/{name}'" in text, name
        assert definition.get("description"), name


def test_effects_dispatch_on_their_type():
    effect = json_schema()["$defs"]["Effect"]
    assert effect["properties"]["type"]["enum"] == list(EFFECT_TYPES)
    assert [rule["then"]["$ref"] for rule in effect["allOf"]] == [
        f"#/$defs/{model.__name__}" for model in EFFECT_TYPES.values()
    ]


def _leaves(errors: Iterable[jsonschema.ValidationError]) -> Iterator[jsonschema.ValidationError]:
    for error in errors:
        if error.context:
            yield from _leaves(error.context)
        else:
            yield error


def _where(error: jsonschema.ValidationError) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f"{'.' if out else ''}{part}"
    return out


def schema_errors(path: Path, kind: str = "") -> list[str]:
    """What the schema finds wrong with a file, as `field.path: message` (against one kind's
    definition, if given, so that the messages are about that kind only)."""
    value = load(path.read_bytes()).value
    schema = json_schema()
    if kind:
        schema = {**schema, "oneOf": [{"$ref": f"#/$defs/{kind}"}]}
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(f"{_where(e)}: {e.message}" for e in _leaves(validator.iter_errors(value)))


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_file_validates_against_the_schema(path):
    assert schema_errors(path) == []


@pytest.mark.parametrize(
    "path",
    [FILES / "refs" / "good.yaml", FILES / "refs" / "team.yaml", FORMAT2 / "everything.yaml",
     FORMAT2 / "team.yaml", *sorted((FILES / "upgrade").glob("[!b]*.yaml"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)  # fmt: skip
def test_files_that_check_clean_validate_against_the_schema(path):
    assert schema_errors(path) == []


def test_format_2_files_upgraded_from_format_1_validate(tmp_path):
    for path in SCENARIOS.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    assert main(["upgrade", str(tmp_path)]) == 0
    for path in sorted(tmp_path.glob("*.yaml")):
        assert schema_errors(path) == [], path.name


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        (FILES / "schema" / "unknown_key.yaml", "'summry' was unexpected"),
        (FILES / "schema" / "wrong_type.yaml", "difficulty: '2' is not of type 'integer'"),
        (FILES / "schema" / "unknown_principle.yaml", "applies[1]: 'planing' is not one of"),
        (FORMAT2 / "no_choice_id.yaml", "choices[1]: 'id' is a required property"),
        (FORMAT2 / "part_without_text.yaml", "outcome[1]: 'text' is a required property"),
        (FORMAT2 / "tag_unknown_principle.yaml", "principle: 'know_your_peple' is not one of"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else "",
)
def test_schema_rejects_what_the_checker_rejects(path, problem):
    team = FORMAT2 / "team.yaml" if path.parent == FORMAT2 else FILES / "refs" / "team.yaml"
    assert [d for d in check(path, team) if d.severity == "error"]
    assert schema_errors(path)  # the file as a whole is refused
    found = schema_errors(path, "Scenario")
    assert any(problem in error for error in found), found


def test_an_effect_is_checked_against_its_own_type_only():
    found = schema_errors(FORMAT2 / "effect_key_of_another_type.yaml", "Scenario")
    assert found == [
        "events[0].choices[0].effects[1]: Additional properties are not allowed "
        "('trust' was unexpected)"
    ]
