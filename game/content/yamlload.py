"""Safe YAML reading that remembers where every value came from.

We read the event stream of PyYAML's parser (libyaml when available) and build plain Python
values ourselves, so that:

* no tag can ever construct a Python object (only the YAML core types exist);
* scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans, so an answer such
  as `no` stays text;
* a duplicate key is an error at the second key;
* anchors and aliases work, but the size a document expands to is counted, and an alias bomb
  is refused as soon as it passes the limit, long before it uses real memory;
* nesting depth and file size are bounded;
* every mapping and sequence records the line and column of each key and value, so that later
  checks can point at the exact offending node.

The values and their positions are in `yamlnodes`, the event loop that builds them in
`yamlbuild`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from game.content.yamlbuild import MAX_DEPTH, MAX_NODES, Builder, TooLarge
from game.content.yamlnodes import FieldPath, Mark, PosDict, PosList, YamlError, pack
from game.content.yamlsyntax import explain, masked

__all__ = [
    "MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "SPLIT_HINT", "Document", "FieldPath", "Mark",
    "PosDict", "PosList", "TooLarge", "YamlError", "decode", "load", "pack",
]  # fmt: skip

MAX_BYTES = 16 * 1024 * 1024
SPLIT_HINT = "split it into smaller scenarios"

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


def decode(data: bytes) -> str:
    """Bytes of a file as text: UTF-8 (BOM allowed) or UTF-16/32 with a BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise YamlError("the file is not valid UTF-16", Mark(1, 1)) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
            Mark(line, column),
            "save the file as UTF-8",
        ) from err


@dataclass(frozen=True)
class Document:
    """The value of a YAML file, where it starts, and the problems that did not stop reading.

    A value the reader refused but could read past (a number too large) stands in the value as
    a `TooLarge`, and its problem is in `problems`.
    """

    value: Any
    mark: Mark
    problems: tuple[YamlError, ...] = ()


MAX_SYNTAX_ERRORS = 10
RESCAN_BYTES = 1 << 20  # read a file again for more syntax errors only up to this size


def load(data: bytes) -> Document:
    """Read one YAML document from bytes; raise YamlError with a position on any problem.

    A syntax error carries in `others` the syntax errors found further on, by reading the
    file again with the broken lines blanked out (files up to a megabyte, ten errors).
    """
    if len(data) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(data) / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit",
            Mark(1, 1),
            SPLIT_HINT,
        )
    text = decode(data)
    try:
        return _build(text)
    except YamlError as err:
        if err.syntax and len(data) <= RESCAN_BYTES:
            err.others = tuple(_more_syntax_errors(text, err))
        raise


def _build(text: str) -> Document:
    builder = Builder()
    parser = _Parser(text)
    try:
        builder.run(parser.get_event)
    except yaml.MarkedYAMLError as err:
        # the field being read when the parser gave up: where the author should look
        raise explain(err, text, builder) from err
    except yaml.reader.ReaderError as err:
        raise _reader_error(err, text) from err
    except yaml.YAMLError as err:
        raise YamlError(f"YAML error: {err}", Mark(1, 1)) from err
    finally:
        parser.dispose()
    if not builder.done:
        raise YamlError(
            "the file is empty", Mark(1, 1), "start with 'kind: scenario' or 'kind: team'"
        )
    return Document(builder.root, Mark.unpack(builder.root_pos), tuple(builder.problems))


def _more_syntax_errors(text: str, first: YamlError) -> list[YamlError]:
    """Syntax errors after `first`: blank out each broken part and read the text again."""
    found: list[YamlError] = []
    error = first
    while len(found) < MAX_SYNTAX_ERRORS - 1:
        text = masked(text, error)
        try:
            _build(text)
        except YamlError as err:
            # an error before the last one found comes from the blanking, not from the author
            if not err.syntax or err.mark.line <= error.reached:
                break
            found.append(err)
            error = err
            continue
        break
    return found


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return Mark(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _reader_error(err: yaml.reader.ReaderError, text: str) -> YamlError:
    code = err.character if isinstance(err.character, int) else ord(err.character)
    return YamlError(
        f"the file contains a control character (#x{code:04x}) that YAML does not allow",
        _position(text, err.position),
        "remove it; a text editor can show invisible characters",
    )
