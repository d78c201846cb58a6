"""`leadsim new ID`: write a commented scenario and its team, ready to edit."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from game.content.models import SETTINGS
from game.content.scaffold import PLACEHOLDERS, scenario_yaml, team_yaml
from game.content.schema import schema_text
from game.safe_text import visible


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a new scenario and team to start from",
        description=(
            "Write ID.yaml (a format 2 scenario) and team_ID.yaml (its team) into DIR, with a "
            "copy of the JSON Schema for editors: commented, valid, playable and balanced, "
            "ready to edit. The files show choice ids, names in texts ({tester}), an act, a "
            "stakeholder, a problem that costs until it is closed, time-outs that cost, and a "
            "debrief part shown only when it is true."
        ),
    )
    parser.add_argument("id", metavar="ID", help="scenario id: lower-case letters, digits, _")
    parser.add_argument(
        "--setting",
        choices=SETTINGS,
        default="project",
        metavar="SETTING",
        help="the kind of work, a label for the picker and the cover art (default project; "
        f"one of {', '.join(SETTINGS)})",
    )
    parser.add_argument(
        "--lang", default="en", help=f"languages, e.g. en,ru (of {', '.join(PLACEHOLDERS)})"
    )
    parser.add_argument(
        "--dir", type=Path, default=Path("."), help="folder to write into (default .)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,58}", args.id):
        print(
            f"leadsim new: '{visible(args.id)}' is not a valid id (lower-case letters, digits "
            "and _, starting with a letter)",
            file=sys.stderr,
        )
        return 2
    langs = [x.strip() for x in args.lang.split(",") if x.strip()]
    unknown = [x for x in langs if x not in PLACEHOLDERS]
    if not langs or unknown:
        shown = unknown[0] if unknown else "(none)"
        print(
            f"leadsim new: no placeholder texts for language {visible(shown)} "
            f"(available: {', '.join(PLACEHOLDERS)})",
            file=sys.stderr,
        )
        return 2
    team_id = f"{args.id}_team"
    scenario_path = args.dir / f"{args.id}.yaml"
    team_path = args.dir / f"team_{args.id}.yaml"
    existing = [p for p in (scenario_path, team_path) if p.exists()]
    if existing and not args.force:
        print(
            f"leadsim new: {visible(existing[0])} already exists (use --force to overwrite)",
            file=sys.stderr,
        )
        return 1
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        schema = args.dir / "leadsim.schema.json"
        if not schema.exists():
            # the files' first line points editors at it, for completion and live errors
            schema.write_text(schema_text(), encoding="utf-8")
        team_path.write_text(team_yaml(team_id, langs), encoding="utf-8")
        scenario_path.write_text(
            scenario_yaml(args.id, team_id, args.setting, langs), encoding="utf-8"
        )
    except OSError as err:
        print(
            f"leadsim new: cannot write into {visible(args.dir)}: {err.strerror}", file=sys.stderr
        )
        return 1
    print(visible(f"wrote {scenario_path} and {team_path}"))
    print(visible(f"next: leadsim check --deep {args.dir}  ·  leadsim play {scenario_path} --text"))
    return 0
