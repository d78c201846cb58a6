"""`leadsim schema`: print the JSON Schema of scenario and team files."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.content.schema import schema_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of scenario and team files",
        description="Print the JSON Schema that editors use to validate scenario files.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
