"""The JSON Schema of scenario and team files, generated from the models.

pydantic writes the shapes; this module names the ones that recur (a text, a text with
conditional parts, an effect, a principle, a condition...) as definitions of their own, so
that an editor shows one clear description for each, and picks the right shape before it
complains: an effect is checked against its own `type` only, a text part with `if` against
the conditional part only. A format 2 scenario must name every choice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from pydantic.json_schema import models_json_schema

from game.content.models import EFFECT_TYPES, Scenario, Team
from game.content.principles import ARCHETYPE_IDS, PRINCIPLE_IDS
from game.content.templates import CASES
from game.content.walk import FIELDS

SCHEMA_ID = "https://leadsim.invalid/schema/leadsim.schema.json"
_REF = "#/$defs/"
# how the field types' own descriptions begin (fields.py): not repeated at every use
_GENERIC = ("Text: a string", "A number in [-1, 1]")

_TEXT_HELP = (
    "Text: a string, or one string per language: {en: ..., ru: ...}. In format 2, "
    "{member_id} is that person's name, {member_id.role} their role, "
    f"{{member_id.{CASES[0]}}} (also {', '.join(CASES[1:])}) their name in a grammatical case; "
    "{stakeholder_id} works too; write {{ and }} for a brace."
)
SHARED: dict[str, dict[str, Any]] = {
    "Text": {
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z]{2}$"},
                "additionalProperties": {"type": "string", "minLength": 1},
                "minProperties": 1,
            },
        ],
        "description": _TEXT_HELP,
    },
    "TextPart": {
        "description": "A part of a text: a text, or {if, text, else} shown only when the "
        "condition holds (`else`: shown when it does not).",
        "if": {"type": "object", "required": ["if"]},
        "then": {"$ref": _REF + "CondText"},
        "else": {"$ref": _REF + "Text"},
    },
    "RichText": {
        "anyOf": [
            {"$ref": _REF + "Text"},
            {"type": "array", "items": {"$ref": _REF + "TextPart"}},
        ],
        "description": "A text, or a list of parts joined with spaces, some shown only when "
        "a condition holds: [{en: ...}, {if: violated.composure == 0, text: {en: ...}}].",
    },
    "Condition": {
        "type": "string",
        "minLength": 1,
        "description": 'A condition, e.g. "team.morale < 0.4 and not flags.asked": names '
        "(team.X, MEMBER.X, flags.X, counters.X, problems.X, stakeholders.ID.trust, "
        "applied.P, violated.P, leader.stress...), numbers, comparisons, and/or/not.",
    },
    "Delta": {
        "anyOf": [
            {"type": "number", "minimum": -1.0, "maximum": 1.0},
            {
                "type": "array",
                "items": {"type": "number", "minimum": -1.0, "maximum": 1.0},
                "minItems": 2,
                "maxItems": 2,
            },
        ],
        "description": "A number in [-1, 1], or a range [low, high] drawn at random.",
    },
    "Principle": {
        "type": "string",
        "enum": list(PRINCIPLE_IDS),
        "description": "A principle id (the table in docs/authoring.md).",
    },
    "PrincipleTag": {
        "description": "A principle id, or {principle, if}: the principle counts only when "
        "the condition holds when the choice is made.",
        "if": {"type": "object"},
        "then": {"$ref": _REF + "Tag"},
        "else": {"$ref": _REF + "Principle"},
    },
    "Archetype": {
        "type": "string",
        "enum": list(ARCHETYPE_IDS),
        "description": "One of the six types of people; sets a member's default traits.",
    },
    "Effect": {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {
                "enum": list(EFFECT_TYPES),
                "description": "What kind of effect; the other keys depend on it.",
            }
        },
        "allOf": [
            {
                "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                "then": {"$ref": _REF + model.__name__},
            }
            for tag, model in EFFECT_TYPES.items()
        ],
        "description": "An effect: {type: adjust, member: anna, stress: 0.1}.",
    },
}
# format 2: saves, replays and the leaderboard name every choice by its id
_FORMAT_2 = {
    "if": {"properties": {"format": {"const": 2}}, "required": ["format"]},
    "then": {
        "properties": {
            "events": {
                "items": {
                    "properties": {
                        "choices": {
                            "items": {
                                "required": ["id"],
                                "properties": {"id": {"type": "string"}},
                            }
                        }
                    }
                }
            }
        }
    },
}


def json_schema() -> dict[str, Any]:
    """One schema for both kinds of file; `kind` tells them apart."""
    _, generated = models_json_schema(
        [(Scenario, "validation"), (Team, "validation")], ref_template=_REF + "{model}"
    )
    defs = {name: _named(value) for name, value in generated["$defs"].items()}
    _name_conditions(defs)
    defs.update(SHARED)
    defs["Scenario"] = {**defs["Scenario"], **_FORMAT_2}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "LeadSim scenario or team file",
        "oneOf": [{"$ref": _REF + "Scenario"}, {"$ref": _REF + "Team"}],
        "$defs": _reachable(defs, ["Scenario", "Team"]),
    }


def _same(value: Any, shape: dict[str, Any]) -> bool:
    """Whether a generated node is one of the shared shapes (descriptions aside)."""
    if not isinstance(value, dict):
        return False
    strip = ("description", "title", "default")
    return {k: v for k, v in value.items() if k not in strip} == {
        k: v for k, v in shape.items() if k not in strip
    }


def _ref_to(name: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def replace(node: dict[str, Any]) -> dict[str, Any] | None:
        shape = _GENERATED[name]
        options = node.get("anyOf")
        if (
            "anyOf" in shape
            and isinstance(options, list)
            and options[-1:] == [{"type": "null"}]
            and _same({"anyOf": options[:-1]}, shape)
        ):  # an optional field: pydantic folds the null into the shape's own options
            return {**node, "anyOf": [{"$ref": _REF + name}, {"type": "null"}]}
        if not _same(node, shape):
            return None
        kept = {k: v for k, v in node.items() if k in ("title", "default")}
        # a field's own description stays; the type's generic one is said once, in the def
        if not str(node.get("description", "")).startswith(_GENERIC):
            kept.update({k: v for k, v in node.items() if k == "description"})
        return {"$ref": _REF + name, **kept}

    return replace


def _effect_union(node: dict[str, Any]) -> dict[str, Any] | None:
    if "discriminator" not in node or "oneOf" not in node:
        return None
    kept = {k: v for k, v in node.items() if k in ("description", "title")}
    return {"$ref": _REF + "Effect", **kept}


# the shapes pydantic writes for the shared definitions, before they are named (descriptions
# aside, which `_same` ignores)
_GENERATED: dict[str, dict[str, Any]] = {
    "Text": SHARED["Text"],
    "RichText": {
        "anyOf": [
            {"$ref": _REF + "Text"},
            {
                "type": "array",
                "items": {"oneOf": [{"$ref": _REF + "Text"}, {"$ref": _REF + "CondText"}]},
            },
        ]
    },
    "Delta": SHARED["Delta"],
    "Principle": {"type": "string", "enum": list(PRINCIPLE_IDS)},
    "PrincipleTag": {"anyOf": [{"$ref": _REF + "Principle"}, {"$ref": _REF + "Tag"}]},
    "Archetype": {"type": "string", "enum": list(ARCHETYPE_IDS)},
}
# applied bottom-up, in this order: a rich text is recognised once its texts are references
_RULES = (
    _ref_to("Text"),
    _ref_to("RichText"),
    _ref_to("Delta"),
    _ref_to("Principle"),
    _ref_to("PrincipleTag"),
    _ref_to("Archetype"),
    _effect_union,
)


def _named(node: Any) -> Any:
    """The generated schema with the shared shapes replaced by references to them."""
    if isinstance(node, list):
        return [_named(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _named(value) for key, value in node.items()}
    for rule in _RULES:
        replaced = rule(node)
        if replaced is not None:
            node = replaced
    return node


def _name_conditions(defs: dict[str, Any]) -> None:
    """Point every condition field at the shared definition (a condition is a plain string
    to pydantic, so it is known by its field, not by its shape)."""
    for model, fields in FIELDS.items():
        properties = defs.get(model.__name__, {}).get("properties", {})
        for field in fields:
            node = properties.get(field.key)
            if not field.condition or node is None:
                continue
            kept = {k: v for k, v in node.items() if k in ("description", "title", "default")}
            if node.get("type") == "string":
                properties[field.key] = {"$ref": _REF + "Condition", **kept}
            elif {"type": "null"} in node.get("anyOf", ()):
                properties[field.key] = {
                    "anyOf": [{"$ref": _REF + "Condition"}, {"type": "null"}],
                    **kept,
                }


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            yield ref.removeprefix(_REF)
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
