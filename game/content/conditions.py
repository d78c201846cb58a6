"""Conditions: a small, safe expression language for events, choices, endings and effects.

`team.morale < 0.4 and not flags.asked_team` is parsed with Python's own parser into a syntax
tree, every node is checked against a short whitelist, and the tree is compiled into plain
closures. Nothing is ever passed to `eval`. The closures take the boolean operations as a
parameter (`Ops`): plain Python here, numpy arrays in the simulation, so the same condition
serves one playthrough or ten thousand at once while this package stays free of numpy.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

Lookup = Callable[[tuple[str, ...]], Any]
MAX_LENGTH = 2000  # characters; far more than a readable condition needs


@dataclass(frozen=True)
class Ops:
    """The boolean and division operations a condition is evaluated with."""

    and_: Callable[[Any, Any], Any]
    or_: Callable[[Any, Any], Any]
    not_: Callable[[Any], Any]
    div: Callable[[Any, Any], Any]


def _divide(a: Any, b: Any) -> Any:
    try:
        return a / b
    except ZeroDivisionError:
        return float("nan") if a == 0 else float("inf") if a > 0 else float("-inf")


PYTHON_OPS = Ops(
    and_=lambda a, b: bool(a) and bool(b),
    or_=lambda a, b: bool(a) or bool(b),
    not_=lambda a: not a,
    div=_divide,
)


@dataclass(frozen=True)
class _Env:
    lookup: Lookup
    ops: Ops


Compiled = Callable[[_Env], Any]


class ConditionSyntaxError(ValueError):
    """A condition that cannot be parsed or uses something the language does not have."""

    def __init__(self, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True)
class NameRef:
    """A dotted name used in a condition, with its 0-based offset in the source text."""

    parts: tuple[str, ...]
    offset: int

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True, eq=False)
class Condition:
    """A parsed condition. `evaluate(lookup)` gives a bool (or a bool array)."""

    source: str
    names: tuple[NameRef, ...]
    _fn: Compiled = field(repr=False)

    def evaluate(self, lookup: Lookup, ops: Ops = PYTHON_OPS) -> Any:
        """The condition's value, reading names through `lookup` and combining with `ops`."""
        return self._fn(_Env(lookup, ops))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Condition) and other.source == self.source

    def __hash__(self) -> int:
        return hash(self.source)

    def __str__(self) -> str:
        return self.source


_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_ARITH: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}
_SINGLE_EQ = re.compile(r"(?<![<>=!])=(?!=)")
_CONSTANTS = {"true": True, "false": False, "True": True, "False": False}


def _dotted(node: ast.AST) -> tuple[str, ...] | None:
    if isinstance(node, ast.Name):
        return (node.id,)
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return None if head is None else (*head, node.attr)
    return None


class _Compiler:
    """Turns a checked syntax tree into closures; offsets it reports are characters in `text`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.encoded = None if text.isascii() else text.encode("utf-8")
        self.names: list[NameRef] = []

    def col(self, byte_offset: int) -> int:
        """Python's parser counts UTF-8 bytes; authors count characters."""
        if self.encoded is None:  # ASCII, the usual case: bytes are characters
            return byte_offset
        return len(self.encoded[:byte_offset].decode("utf-8", errors="ignore"))

    def operator_col(self, left: ast.expr, right: ast.expr) -> int:
        """The column of the operator written between two operands."""
        start = self.col(left.end_col_offset or left.col_offset)
        end = self.col(right.col_offset)
        gap = self.text[start:end]
        skipped = len(gap) - len(gap.lstrip(" )"))
        return start + skipped

    def compile(self, node: ast.AST) -> Compiled:
        name = _METHODS.get(type(node))
        method = getattr(self, name) if name else None
        if method is None:
            raise ConditionSyntaxError(
                f"'{ast.unparse(node)}' is not allowed in a condition",
                self.col(getattr(node, "col_offset", 0)),
                "use names, numbers, comparisons, and/or/not, + - * /",
            )
        result: Compiled = method(node)
        return result

    def _Expression(self, node: ast.Expression) -> Compiled:
        return self.compile(node.body)

    def _Constant(self, node: ast.Constant) -> Compiled:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConditionSyntaxError(
                f"{value!r} is not allowed in a condition",
                self.col(node.col_offset),
                "conditions compare numbers; flags are read as flags.NAME",
            )
        try:
            number = float(value)
        except OverflowError:  # a whole number beyond what a float holds
            number = math.inf
        if math.isinf(number):
            raise ConditionSyntaxError(
                "number too large", self.col(node.col_offset), "write an ordinary number"
            )
        return lambda env: number

    def _Name(self, node: ast.Name) -> Compiled:
        if node.id in _CONSTANTS:
            constant = _CONSTANTS[node.id]
            return lambda env: constant
        return self._ref(node)

    def _Attribute(self, node: ast.Attribute) -> Compiled:
        return self._ref(node)

    def _ref(self, node: ast.expr) -> Compiled:
        parts = _dotted(node)
        if parts is None:
            raise ConditionSyntaxError(
                f"'{ast.unparse(node)}' is not a name",
                self.col(node.col_offset),
                "write names like team.morale",
            )
        self.names.append(NameRef(parts, self.col(node.col_offset)))
        return lambda env: env.lookup(parts)

    def _BoolOp(self, node: ast.BoolOp) -> Compiled:
        parts = [self.compile(v) for v in node.values]
        conjunction = isinstance(node.op, ast.And)

        def run(env: _Env) -> Any:
            combine = env.ops.and_ if conjunction else env.ops.or_
            result = parts[0](env)
            for part in parts[1:]:
                result = combine(result, part(env))
            return result

        return run

    def _UnaryOp(self, node: ast.UnaryOp) -> Compiled:
        inner = self.compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda env: env.ops.not_(inner(env))
        if isinstance(node.op, ast.USub):
            return lambda env: -inner(env)
        if isinstance(node.op, ast.UAdd):
            return inner
        raise ConditionSyntaxError(
            "this operator is not allowed", self.col(node.col_offset), "use not, - or +"
        )

    def _BinOp(self, node: ast.BinOp) -> Compiled:
        op = _ARITH.get(type(node.op))
        if isinstance(node.op, ast.Div):
            left, right = self.compile(node.left), self.compile(node.right)
            return lambda env: env.ops.div(left(env), right(env))
        if op is None:
            raise ConditionSyntaxError(
                f"the operator in '{ast.unparse(node)}' is not allowed",
                self.operator_col(node.left, node.right),
                "use + - * / or a comparison < <= > >= == !=",
            )
        left, right = self.compile(node.left), self.compile(node.right)
        return lambda env: op(left(env), right(env))

    def _Compare(self, node: ast.Compare) -> Compiled:
        operands = [self.compile(node.left)] + [self.compile(c) for c in node.comparators]
        sides = [node.left, *node.comparators]
        ops = []
        for i, op in enumerate(node.ops):
            fn = _COMPARE.get(type(op))
            if fn is None:
                raise ConditionSyntaxError(
                    "this comparison is not allowed",
                    self.operator_col(sides[i], sides[i + 1]),
                    "use < <= > >= == !=",
                )
            ops.append(fn)

        def run(env: _Env) -> Any:
            values = [operand(env) for operand in operands]
            result = ops[0](values[0], values[1])
            for i, fn in enumerate(ops[1:], start=1):
                result = env.ops.and_(result, fn(values[i], values[i + 1]))
            return result

        return run


# the node types the language has, each compiled by the method of its name
_METHODS: dict[type, str] = {
    node: f"_{node.__name__}"
    for node in (
        ast.Expression, ast.Constant, ast.Name, ast.Attribute, ast.BoolOp, ast.UnaryOp,
        ast.BinOp, ast.Compare,
    )
}  # fmt: skip


@lru_cache(maxsize=4096)
def parse_condition(source: str) -> Condition:
    """Parse a condition string; raise ConditionSyntaxError with an offset on any problem.

    Conditions are immutable, so the same text (a flag read in many places) is parsed once.
    """
    text = source.strip()
    if not text:
        raise ConditionSyntaxError("the condition is empty", 0, "write e.g. team.morale < 0.4")
    lead = len(source) - len(source.lstrip())
    if len(text) > MAX_LENGTH:
        raise ConditionSyntaxError(
            f"the condition is {len(text)} characters long; at most {MAX_LENGTH} are allowed",
            lead,
            "split it: set a flag in an effect and read the flag here",
        )
    plain = text.replace("!=", "  ")
    for bad, good in (("&&", "and"), ("||", "or"), ("!", "not")):
        if bad in plain:
            raise ConditionSyntaxError(
                f"'{bad}' is not an operator here", plain.index(bad) + lead, f"use '{good}'"
            )
    compiler = _Compiler(text)
    try:
        tree = ast.parse(text, mode="eval")
        fn = compiler.compile(tree)
    except SyntaxError as err:
        message, offset, hint = _explain(err, text)
        raise ConditionSyntaxError(message, offset + lead, hint) from None
    except ConditionSyntaxError as err:
        err.offset += lead
        raise
    except (RecursionError, MemoryError):
        # thousands of `not` or `-` in a row: Python's own parser gives up
        raise ConditionSyntaxError("the condition is nested too deeply", lead) from None
    names = tuple(NameRef(n.parts, n.offset + lead) for n in compiler.names)
    return Condition(source, names, fn)


def _explain(err: SyntaxError, text: str) -> tuple[str, int, str]:
    """Python's syntax error in words for authors: message, 0-based offset, hint."""
    if not err.offset:
        return "the condition ends too early", len(text), "something is missing at the end"
    offset = err.offset - 1
    if "never closed" in err.msg:
        return "this '(' is never closed", offset, "add the missing ')'"
    if "unmatched" in err.msg:
        return "this ')' has no matching '('", offset, ""
    if text[offset : offset + 2] in ("=<", "=>"):
        return "invalid comparison", offset, "write <= or >="
    if _SINGLE_EQ.search(text):
        return "invalid condition syntax", offset, "a single '=' assigns; compare with '=='"
    token = re.match(r"\w+|\S?", text[offset:])
    shown = token.group() if token else ""
    return (
        f"unexpected '{shown}'" if shown else "invalid condition syntax",
        offset,
        "a condition joins comparisons such as team.morale < 0.4 with and, or, not",
    )
