"""`leadsim replay FILE`: the debrief of a saved game or of an exported playthrough.

FILE is read with care: only a regular file of at most 64 MB (a folder, a device or a named
pipe is refused at once), JSON without NaN/Infinity, absurdly long numbers or deep nesting,
CSV without oversized fields. The scenario a file names is looked up by id, never opened as
a path. Every problem is one readable line and exit 1; text from the file reaches the
terminal with its control characters shown escaped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.commands.output import dumps, line
from game.content.diagnostics import ContentError
from game.content.library import Bundle, load_bundle_by_id
from game.i18n import LANGUAGES
from game.safe_text import visible
from game.sim.session import ReplayError, Session
from game.store import jsonsafe
from game.store.decisions import Decision, check_decisions
from game.store.errors import StoreError
from game.store.fields import id_problem, seed_problem
from game.store.readfile import read_limited
from game.store.save_record import SaveRecord

MAX_FILE_BYTES = 64 * 1024 * 1024


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="print the debrief of a save file or an exported playthrough",
        description=(
            "Print the debrief of FILE: a save file (from the saves folder), the JSON of "
            "`leadsim play --json`, or an export of `leadsim leaderboard --json` / --export "
            "(CSV). For an export holding several playthroughs, --row picks one by its id. "
            "Exit 1 when FILE cannot be used, with the reason."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--row", type=int, help="id of the playthrough in a leaderboard export")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the save's)")
    parser.add_argument("--json", action="store_true", help="print the debrief as JSON")
    add_scenarios_option(parser)
    parser.set_defaults(func=run)


@dataclass(frozen=True)
class Log:
    """What a playthrough needs to be rebuilt."""

    scenario_id: str
    content_hash: str
    seed: int
    decisions: tuple[Decision, ...]
    lang: str | None = None
    name: str | None = None


class UnreadableFile(ValueError):
    pass


def _seed(value: object) -> int:
    if isinstance(value, str) and value.strip().lstrip("-").isascii():
        text = value.strip()
        if text.removeprefix("-").isdigit() and len(text) <= 21:
            value = int(text)
    problem = seed_problem(value)
    if problem is not None:
        raise UnreadableFile(problem)
    assert isinstance(value, int)
    return value


def _decisions(value: object) -> tuple[Decision, ...]:
    if isinstance(value, str):  # a CSV cell holds the list as JSON text
        try:
            value = jsonsafe.loads(value)
        except StoreError as err:
            raise UnreadableFile(f"the decisions are not usable: {err}") from None
    try:
        return check_decisions(value)
    except StoreError as err:
        raise UnreadableFile(str(err)) from None


def _from_mapping(data: dict[str, Any]) -> Log:
    if (data.get("app") is not None and "game_id" in data) or "format" in data:
        try:
            record = SaveRecord.from_json(data)
        except StoreError as err:
            raise UnreadableFile(f"not a readable save: {err}") from None
        return Log(
            record.scenario_id,
            record.content_hash,
            record.seed,
            record.decisions,
            record.language,
            record.player_name,
        )
    missing = [key for key in ("scenario", "seed", "decisions") if key not in data]
    if missing:
        raise UnreadableFile(f"not a playthrough: the field '{missing[0]}' is missing")
    scenario = data["scenario"]
    problem = id_problem(scenario, "scenario")
    if problem is not None:
        raise UnreadableFile(problem)
    content_hash = data.get("content_hash")
    name = data.get("name")
    return Log(
        scenario_id=scenario,
        content_hash=content_hash if isinstance(content_hash, str) else "",
        seed=_seed(data["seed"]),
        decisions=_decisions(data["decisions"]),
        name=name if isinstance(name, str) else None,
    )


def _pick(rows: list[dict[str, Any]], row: int | None) -> dict[str, Any]:
    if not rows:
        raise UnreadableFile("the export holds no playthrough")
    if row is None:
        if len(rows) > 1:
            ids = ", ".join(line(r.get("id")) for r in rows[:10])
            print(
                f"leadsim replay: the file holds {len(rows)} playthroughs; showing the first "
                f"(choose with --row; ids: {ids}{', ...' if len(rows) > 10 else ''})",
                file=sys.stderr,
            )
        return rows[0]
    for r in rows:
        if str(r.get("id")) == str(row):
            return r
    raise UnreadableFile(f"no playthrough with id {row} in the file")


def _csv_rows(text: str) -> list[dict[str, Any]]:
    try:
        return list(csv.DictReader(text.splitlines()))
    except csv.Error as err:
        raise UnreadableFile(f"not a readable CSV export ({err})") from None


def read_log(path: Path, row: int | None) -> Log:
    """The log of a playthrough from any file `replay` accepts."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except StoreError as err:
        raise UnreadableFile(f"not read: {err}") from None
    except OSError as err:
        raise UnreadableFile(f"cannot read it: {err.strerror or err}") from None
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".csv":
        return _from_mapping(_pick(_csv_rows(text), row))
    try:
        data = jsonsafe.loads(text)
    except StoreError as err:
        raise UnreadableFile(f"not a playthrough in JSON or CSV: {err}") from None
    if isinstance(data, list):
        if not all(isinstance(r, dict) for r in data):
            raise UnreadableFile("a list, but not of playthroughs")
        return _from_mapping(_pick(data, row))
    if not isinstance(data, dict):
        raise UnreadableFile("not a playthrough")
    return _from_mapping(data)


def _bundle(log: Log, dirs: list[Path]) -> Bundle | None:
    try:
        return load_bundle_by_id(log.scenario_id, dirs)
    except ContentError as err:
        print(f"leadsim replay: cannot load '{line(log.scenario_id)}':", file=sys.stderr)
        for d in err.diagnostics[:20]:
            print("  " + line(d.format()), file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from game.sim.debrief import debrief
    from game.text.debrief import DebriefText

    try:
        log = read_log(args.file, args.row)
    except UnreadableFile as err:
        print(f"leadsim replay: {line(args.file)}: {line(err)}", file=sys.stderr)
        return 1
    bundle = _bundle(log, args.scenarios)
    if bundle is None:
        return 1
    if log.content_hash and log.content_hash != bundle.content_hash:
        print(
            f"leadsim replay: note: '{log.scenario_id}' changed since this playthrough; "
            "replaying it on the current version",
            file=sys.stderr,
        )
    try:
        session = Session.replay(bundle, log.seed, list(log.decisions))
    except ReplayError as err:
        print(
            f"leadsim replay: the playthrough no longer fits the scenario: {line(err)}",
            file=sys.stderr,
        )
        return 1
    result = debrief(session)
    if args.json:
        print(dumps(result.to_json()))
        return 0
    saved_lang = log.lang if log.lang in LANGUAGES else None
    lang = args.lang or saved_lang or bundle.scenario.languages[0]
    sys.stdout.write("\n".join(visible(text) for text in DebriefText(result, lang).lines()) + "\n")
    return 0
