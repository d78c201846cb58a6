"""`leadsim upgrade FILE...`: rewrite format 1 scenario files to format 2, keeping their layout."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from game.commands import add_scenarios_option
from game.content.library import Catalog, scenario_dirs, yaml_files
from game.content.upgrade import FileUpgrade, plan_upgrade
from game.safe_text import visible


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "upgrade",
        help="rewrite format 1 scenario files to format 2",
        description=(
            "Rewrite format 1 scenario files to format 2, keeping comments, key order and "
            "layout: sets `format: 2`, gives every choice without an id one made from its text, "
            "and doubles literal braces in texts ({ becomes {{), since format 2 reads {member} "
            "as a variable. A FILE may be a folder (every *.yaml / *.yml below it). Files with "
            "errors are left alone. Exit 0 when every file is upgraded or already current, 1 "
            "when a file was refused (or, with --check, needs upgrading), 2 for a usage error."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", type=Path)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help="write nothing; print what would change as a unified diff (status lines go to "
        "standard error)",
    )
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any file needs upgrading",
    )
    add_scenarios_option(parser, "also look for teams in this folder (repeatable)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"leadsim upgrade: error: no such file or folder: {visible(missing[0])}",
              file=sys.stderr)  # fmt: skip
        return 2
    files = yaml_files(args.paths)
    if not files:
        shown = ", ".join(visible(p) for p in args.paths)
        print(f"leadsim upgrade: error: no *.yaml or *.yml files found in {shown}", file=sys.stderr)
        return 2
    beside = [p.parent for p in files]
    catalog = Catalog(files, [*dict.fromkeys(beside), *scenario_dirs(args.scenarios)])
    catalog.validate()
    status = sys.stderr if args.dry_run else sys.stdout
    failed = False
    counts: dict[str, int] = {}
    for result in catalog.results:
        plan = plan_upgrade(result, catalog)
        if plan.status == "upgraded" and not (args.check or args.dry_run):
            plan = _write(plan)
        elif plan.status == "upgraded" and args.dry_run:
            sys.stdout.write(_diff(plan))
        counts[plan.status] = counts.get(plan.status, 0) + 1
        _report(plan, args, status)
        failed |= plan.status == "refused" or (args.check and plan.status == "upgraded")
    status.write(_summary(counts, args) + "\n")
    return 1 if failed else 0


def _write(plan: FileUpgrade) -> FileUpgrade:
    """Replace the file at once: a crash leaves either the old file or the new one."""
    path = plan.path
    try:
        mode = path.stat().st_mode & 0o7777
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(plan.data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as err:
        reason = f"cannot write the file: {err.strerror or err}"
        return FileUpgrade(path, "refused", plan.before, plan.after, reason=reason)
    return plan


def _diff(plan: FileUpgrade) -> str:
    name = str(plan.path)
    lines = difflib.unified_diff(
        plan.before.splitlines(keepends=True),
        plan.after.splitlines(keepends=True),
        fromfile=f"{name} (format 1)",
        tofile=f"{name} (format 2)",
    )
    return visible("".join(line if line.endswith("\n") else line + "\n" for line in lines))


def _report(plan: FileUpgrade, args: argparse.Namespace, out: TextIO) -> None:
    name = visible(plan.path)
    if plan.status == "team":
        out.write(f"{name}: a team file; teams have no format to upgrade\n")
    elif plan.status == "current":
        out.write(f"{name}: already format 2\n")
    elif plan.status == "refused":
        out.write(f"{name}: not upgraded: {visible(plan.reason)}\n")
        for problem in plan.problems:
            out.write(f"  {visible(problem.format())}\n")
        if plan.problems and plan.reason == "the file has errors":
            out.write(f"  fix them first (leadsim check {name}), then upgrade\n")
    else:
        assert plan.upgrade is not None
        done = "would upgrade" if args.check or args.dry_run else "upgraded"
        changes = [_count(plan.upgrade.ids_added, "choice id") + " added"]
        if plan.upgrade.texts_escaped:
            changes.append(_count(plan.upgrade.texts_escaped, "text") + " with braces escaped")
        if plan.upgrade.restyled:
            changes.append(
                _count(plan.upgrade.restyled, "other line") + " rewritten in standard YAML style"
            )
        out.write(f"{name}: {done} to format 2 ({'; '.join(changes)})\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _summary(counts: dict[str, int], args: argparse.Namespace) -> str:
    upgraded = counts.get("upgraded", 0)
    done = "upgraded"
    if args.check:
        done = "needs upgrading" if upgraded == 1 else "need upgrading"
    elif args.dry_run:
        done = "would be upgraded"
    total = sum(counts.values())
    parts = [f"{upgraded} {done}", f"{counts.get('current', 0)} already format 2"]
    if counts.get("team"):
        parts.append(_count(counts["team"], "team file"))
    parts.append(f"{counts.get('refused', 0)} refused")
    return f"{_count(total, 'file')}: " + ", ".join(parts)
