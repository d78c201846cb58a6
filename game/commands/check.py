"""`leadsim check PATH...`: validate scenario and team files, all problems at once."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.content.diagnostics import Diagnostic
from game.content.library import check_files, is_folder, scan, scenario_dirs
from game.content.yamlsyntax import PREFIX as SYNTAX
from game.safe_json import dumps
from game.safe_text import visible


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate scenario and team files",
        description=(
            "Validate scenario and team files. A PATH is a file or a folder (every *.yaml / "
            "*.yml below it). Exit 0 when there is no error (warnings allowed), 1 when any "
            "file has an error, 2 for a usage error."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one line per problem; json: a JSON array",
    )
    parser.add_argument(
        "--require-lang",
        metavar="LANGS",
        default="",
        help="comma-separated languages every text must have, e.g. en,ru",
    )
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="do not list files that have no problems")  # fmt: skip
    add_scenarios_option(parser, "also look for teams in this folder (repeatable)")
    parser.add_argument("--deep", action="store_true",
                        help="also play each scenario automatically and warn about endings, "
                        "events and choices no playthrough reaches")  # fmt: skip
    parser.set_defaults(func=run)


def _usage(message: str) -> int:
    print(visible(f"leadsim check: error: {message}", keep_newlines=False), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    langs = tuple(x.strip() for x in args.require_lang.split(",") if x.strip())
    bad = [x for x in langs if not re.fullmatch(r"[a-z]{2}", x)]
    if bad:
        return _usage(f"'{bad[0]}' is not a language code (use two letters, e.g. en,ru)")
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        return _usage(f"no such file or folder: {missing[0]}")
    found = scan(args.paths)
    files = found.files
    if not files and not found.problems:
        return _usage("no *.yaml or *.yml files found in " + ", ".join(map(str, args.paths)))
    # a scenario's team is looked for among the files checked, then next to each file named,
    # then in --scenarios folders, $LEADSIM_SCENARIOS and the bundled scenarios
    beside = [p.parent for p in args.paths if not is_folder(p)]
    dirs = [*dict.fromkeys(beside), *scenario_dirs(args.scenarios)]
    deep = None
    if args.deep:
        from game.sim.deep_lint import deep_lint

        deep = deep_lint
    formats: dict[str, int] = {}
    problems = sorted([*check_files(files, dirs, langs, deep, formats), *found.problems])
    if args.format == "json":
        print(dumps([d.to_json() for d in problems], indent=2))
    else:
        _print_text(files, problems, args.quiet)
        _print_formats(formats)
    return 1 if any(d.severity == "error" for d in problems) else 0


def _print_text(files: list[Path], problems: list[Diagnostic], quiet: bool) -> None:
    by_file: dict[str, list[Diagnostic]] = {}
    for d in problems:
        by_file.setdefault(d.path, []).append(d)
    out = sys.stdout
    for path in sorted({str(f) for f in files} | set(by_file)):
        found = by_file.get(path, [])
        # a file's name and text are shown with control characters escaped: a hostile file
        # must not be able to move the cursor, clear the screen or print a false "ok"
        for d in found:
            out.write(visible(d.format(), keep_newlines=False) + "\n")
            out.writelines(line + "\n" for line in d.excerpt())
        if not found and not quiet:
            out.write(visible(f"{path}: ok", keep_newlines=False) + "\n")
        if any(d.message.startswith(SYNTAX) for d in found):
            note = f"{path}: the rest of this file is checked once its YAML syntax is fixed"
            out.write(visible(note, keep_newlines=False) + "\n")
    errors = sum(d.severity == "error" for d in problems)
    warnings = len(problems) - errors
    bad_files = len({d.path for d in problems if d.severity == "error"})
    out.write(
        f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
        f"{errors} error{'s' if errors != 1 else ''} in {bad_files} file"
        f"{'s' if bad_files != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}\n"
    )


def _print_formats(formats: dict[str, int]) -> None:
    """Which files are in the first format: they play as written; `upgrade` moves them on."""
    first = sorted(path for path, version in formats.items() if version < 2)
    if not first:
        return
    names = ", ".join(Path(p).name for p in first[:5]) + (", ..." if len(first) > 5 else "")
    line = (
        f"{len(first)} scenario file{'s are' if len(first) != 1 else ' is'} in format 1 "
        f"({names}): {'they play' if len(first) != 1 else 'it plays'} as written; "
        "`leadsim upgrade FILE` moves a file to format 2 (choice ids, names in texts)"
    )
    sys.stdout.write(visible(line, keep_newlines=False) + "\n")
