"""Variables in scenario texts (format 2): `{dmitry}`, `{dmitry.role}`, `{gleb.gen}`, `{client}`.

A variable is a member or stakeholder id, optionally with one attribute: `role`, or a case of
the name as the team file gives it (`gen`, `dat`, `acc`, `ins`, `pre`; the plain name when the
file gives none). `{{` and `}}` stand for literal braces. The same text then works with every
team that has the ids it names, whatever the people are called.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CASES = ("gen", "dat", "acc", "ins", "pre")
ATTRIBUTES = ("role", *CASES)
_VARIABLE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_NAME = re.compile(r"([a-z][a-z0-9_]*)(?:\.([a-z]+))?")


@dataclass(frozen=True)
class Variable:
    name: str
    attribute: str | None
    offset: int  # of the opening brace, in characters


@dataclass(frozen=True)
class TemplateProblem:
    message: str
    offset: int
    hint: str = ""


def scan(text: str) -> tuple[list[Variable], list[TemplateProblem]]:
    """The variables a text uses, and what is malformed about its braces."""
    found: list[Variable] = []
    problems: list[TemplateProblem] = []
    for match in _VARIABLE.finditer(text):
        if match.group(1) is None:
            continue  # an escaped brace
        inner = match.group(1).strip()
        name = _NAME.fullmatch(inner)
        if name is None:
            problems.append(
                TemplateProblem(
                    f"'{{{inner}}}' is not a variable",
                    match.start(),
                    "write {member_id}, {member_id.role} or {member_id.gen}; {{ for a brace",
                )
            )
            continue
        attribute = name.group(2)
        if attribute is not None and attribute not in ATTRIBUTES:
            problems.append(
                TemplateProblem(
                    f"'{attribute}' is not something a name has",
                    match.start(),
                    "use one of " + ", ".join(ATTRIBUTES),
                )
            )
            continue
        found.append(Variable(name.group(1), attribute, match.start()))
    stray = _stray_brace(text)
    if stray is not None:
        problems.append(
            TemplateProblem("this brace is never closed", stray, "write {{ for a brace")
        )
    return found, problems


def _stray_brace(text: str) -> int | None:
    plain = _VARIABLE.sub(lambda m: " " * len(m.group(0)), text)
    for brace in "{}":
        if brace in plain:
            return plain.index(brace)
    return None


Resolve = Callable[[str, str | None], str | None]


def render(text: str, resolve: Resolve) -> str:
    """The text with each variable replaced by `resolve(name, attribute)` (kept if None)."""
    if "{" not in text and "}" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = _NAME.fullmatch((match.group(1) or "").strip())
        if name is None:
            return token
        value = resolve(name.group(1), name.group(2))
        return token if value is None else value

    return _VARIABLE.sub(replace, text)
