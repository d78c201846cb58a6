"""Which interface-string keys the code names, read from its syntax tree.

A key is named in one of three ways, and nothing else counts:
- a string literal of dotted words (`"text.debrief.title"`) anywhere in game/: a call's first
  argument or a value in a table that is later passed to `Strings`;
- an f-string whose fixed parts are dotted words (`f"setting.{scenario.setting}"`): a family
  of keys, each placeholder standing for one dotted segment (`setting.<word>`);
- a literal prefix plus a value (`"metric." + name`): the same, one segment.
Only strings whose first segment is a namespace of the catalogs count, so that module names
and file names are never taken for keys. Where a key is the first argument of a call, the
call's keyword names are the arguments the message may use (None when `**params` hides them).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
SEGMENT = "[a-z0-9_]+"


@dataclass
class Usage:
    literals: dict[str, set[str] | None] = field(default_factory=dict)  # key -> argument names
    families: dict[str, set[str] | None] = field(default_factory=dict)  # regex -> argument names
    mentioned: set[str] = field(default_factory=set)  # keys and regexes named outside a call
    where: dict[str, str] = field(default_factory=dict)  # key or regex -> first file:line

    def note(self, table: dict[str, set[str] | None], name: str, args: set[str] | None) -> None:
        if args == {"\0"}:  # named in a table, passed on elsewhere
            self.mentioned.add(name)
            return
        if name in table:
            known = table[name]
            table[name] = None if known is None or args is None else known | args
        else:
            table[name] = args

    def arguments(self, key: str) -> set[str] | None:
        """The argument names the calls naming `key` pass (None: not known; a key named in a
        table and passed on elsewhere is not known)."""
        found: set[str] = set()
        sources = [self.literals[key]] if key in self.literals else []
        sources += [a for p, a in self.families.items() if re.fullmatch(p, key)]
        if not sources:
            return None
        for args in sources:
            if args is None:
                return None
            found |= args
        return found

    def used(self, key: str) -> bool:
        patterns = [*self.families, *(m for m in self.mentioned if "\\" in m)]
        return (
            key in self.literals
            or key in self.mentioned
            or any(re.fullmatch(p, key) for p in patterns)
        )


def scan(root: Path, namespaces: set[str]) -> Usage:
    usage = Usage()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        calls = _first_arguments(tree)
        pieces = {
            id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            for part in node.values
        }  # fmt: skip
        for node in ast.walk(tree):
            if id(node) in pieces:
                continue  # a fixed part of an f-string, read with the f-string
            args = calls.get(id(node), {"\0"})
            where = f"{path.relative_to(root.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if KEY.fullmatch(node.value) and node.value.split(".")[0] in namespaces:
                    usage.note(usage.literals, node.value, args)
                    usage.where.setdefault(node.value, where)
            elif isinstance(node, (ast.JoinedStr, ast.BinOp)):
                pattern = _family(node)
                if pattern is not None and pattern.split("\\.")[0] in namespaces:
                    usage.note(usage.families, pattern, args)
                    usage.where.setdefault(pattern, where)
    return usage


def _first_arguments(tree: ast.AST) -> dict[int, set[str] | None]:
    """For each node that is the first argument of a call: the call's keyword names."""
    found: dict[int, set[str] | None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            names = {k.arg for k in node.keywords}
            found[id(node.args[0])] = None if None in names else {n for n in names if n}
    return found


def _family(node: ast.AST) -> str | None:
    """The regex of the keys an f-string or `"prefix." + value` names, if it names keys."""
    parts: list[str] = []
    if isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append("\0")
    elif (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
        and not isinstance(node.right, ast.Constant)
    ):
        parts = [node.left.value, "\0"]
    else:
        return None
    text = "".join(parts)
    if "\0" not in text or not KEY.fullmatch(text.replace("\0", "x")):
        return None
    return "".join(SEGMENT if p == "\0" else re.escape(p) for p in parts)
