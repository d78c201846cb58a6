"""`leadsim replay FILE`: the debrief of a saved game or of an exported playthrough."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.commands import add_scenarios_option
from game.commands.play import load
from game.i18n import LANGUAGES
from game.sim.session import ReplayError, Session


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="print the debrief of a save file or an exported playthrough",
        description=(
            "Print the debrief of FILE: a save file (from the saves folder), the JSON of "
            "`leadsim play --json`, or an export of `leadsim leaderboard --json` / --export "
            "(CSV). For an export holding several playthroughs, --row picks one by its id."
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
    decisions: list[int]
    lang: str | None = None
    name: str | None = None


class UnreadableFile(ValueError):
    pass


def _from_mapping(data: dict[str, Any]) -> Log:
    if (data.get("app") is not None and "game_id" in data) or "format" in data:
        from game.store.save_record import SaveRecord

        try:
            record = SaveRecord.from_json(data)
        except Exception as err:  # the store explains what is wrong in its message
            raise UnreadableFile(f"not a readable save: {err}") from None
        return Log(
            record.scenario_id,
            record.content_hash,
            record.seed,
            list(record.decisions),
            record.language,
            record.player_name,
        )
    try:
        decisions = data["decisions"]
        if isinstance(decisions, str):
            decisions = json.loads(decisions)
        return Log(
            scenario_id=str(data["scenario"]),
            content_hash=str(data.get("content_hash", "")),
            seed=int(data["seed"]),
            decisions=[int(x) for x in decisions],
            name=data.get("name"),
        )
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as err:
        raise UnreadableFile(f"missing or bad field {err}") from None


def _pick(rows: list[dict[str, Any]], row: int | None) -> dict[str, Any]:
    if not rows:
        raise UnreadableFile("the export holds no playthrough")
    if row is None:
        if len(rows) > 1:
            ids = ", ".join(str(r.get("id")) for r in rows[:10])
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


def read_log(path: Path, row: int | None) -> Log:
    """The log of a playthrough from any file `replay` accepts."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnreadableFile(f"cannot read it: {err.strerror}") from None
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".csv":
        return _from_mapping(_pick(list(csv.DictReader(text.splitlines())), row))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UnreadableFile(f"not JSON or CSV ({err.msg} at line {err.lineno})") from None
    if isinstance(data, list):
        if not all(isinstance(r, dict) for r in data):
            raise UnreadableFile("a list, but not of playthroughs")
        return _from_mapping(_pick(data, row))
    if not isinstance(data, dict):
        raise UnreadableFile("not a playthrough")
    return _from_mapping(data)


def run(args: argparse.Namespace) -> int:
    from game.sim.debrief import debrief
    from game.text.debrief import DebriefText

    try:
        log = read_log(args.file, args.row)
    except UnreadableFile as err:
        print(f"leadsim replay: {args.file}: {err}", file=sys.stderr)
        return 1
    bundle = load(log.scenario_id, args.scenarios)
    if bundle is None:
        return 1
    if log.content_hash and log.content_hash != bundle.content_hash:
        print(
            f"leadsim replay: note: '{log.scenario_id}' changed since this playthrough; "
            "replaying it on the current version",
            file=sys.stderr,
        )
    try:
        session = Session.replay(bundle, log.seed, log.decisions)
    except ReplayError as err:
        print(
            f"leadsim replay: the playthrough no longer fits the scenario: {err}", file=sys.stderr
        )
        return 1
    result = debrief(session)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    lang = args.lang or log.lang or bundle.scenario.languages[0]
    sys.stdout.write("\n".join(DebriefText(result, lang).lines()) + "\n")
    return 0
