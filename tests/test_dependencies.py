"""Every package the game imports is one it declares: a fresh install gets all of them."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)
    assert block, "pyproject.toml lists no dependencies"
    names = set()
    for requirement in re.findall(r'"([^"]+)"', block.group(1)):
        name = re.match(r"[A-Za-z0-9_.\-]+", requirement)
        assert name, requirement
        names.add(re.sub(r"[-_.]+", "-", name.group(0)).lower())
    return names


def _imported() -> set[str]:
    """Top-level modules imported anywhere in the game package, outside the standard library."""
    found = set()
    for path in (ROOT / "game").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "game"}


def test_every_imported_package_is_a_declared_dependency() -> None:
    owners = packages_distributions()
    declared = _declared()
    missing = {}
    for module in sorted(_imported()):
        distributions = {re.sub(r"[-_.]+", "-", d).lower() for d in owners.get(module, [])}
        if not distributions & declared:
            missing[module] = sorted(distributions)
    # pydantic_core comes with pydantic, which the game declares
    missing.pop("pydantic_core", None)
    assert missing == {}, f"imported but not declared in pyproject.toml: {missing}"
