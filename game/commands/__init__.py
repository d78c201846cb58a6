"""One module per `leadsim` sub-command: `register(subparsers)` and `run(args) -> int`."""

from __future__ import annotations

import argparse
from pathlib import Path

SCENARIOS_HELP = "also look for scenarios in this folder (repeatable)"


def add_scenarios_option(parser: argparse.ArgumentParser, help: str = SCENARIOS_HELP) -> None:
    """`--scenarios DIR`, repeatable: instructors' folders searched before the bundled ones."""
    parser.add_argument(
        "--scenarios", metavar="DIR", type=Path, action="append", default=[], help=help
    )
