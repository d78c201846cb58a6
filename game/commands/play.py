"""`leadsim play [SCENARIO]`: play in the window, or in the terminal with --text."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands import add_scenarios_option
from game.commands.classopts import ClassLink, add_class_options
from game.commands.playclass import (
    NAME_NEEDED,
    class_problem,
    link_for,
    play_in_class,
    say_for,
    send,
)
from game.content.diagnostics import ContentError
from game.content.library import Bundle
from game.content.text import DEFAULT_LANG
from game.content.watch import Watcher
from game.i18n import LANGUAGES
from game.safe_json import dumps
from game.safe_text import visible
from game.sim.policies import POLICY_NAMES

if TYPE_CHECKING:
    from game.play.run import GameRun
    from game.text.play import LineReader


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "play",
        help="play a scenario (window, or terminal with --text)",
        description=(
            "Play a scenario. SCENARIO is a path to a .yaml file or a scenario id, looked up in "
            "--scenarios folders, in $LEADSIM_SCENARIOS and in the bundled scenarios/. Without "
            "SCENARIO the window opens on the title screen. With --text --server URL --pin PIN "
            "the game is played in a class (leadsim serve): without SCENARIO the class's "
            "scenarios are offered, the projector sees each decision, and the finished run is "
            "sent to the class, which replays it and puts it on its board. A class that does "
            "not answer, or a wrong PIN, is said in one line and the game goes on: its run "
            "waits on this computer and is sent by the next game for the class or by --send."
        ),
    )
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO")
    parser.add_argument("--text", action="store_true", help="play in the terminal")
    parser.add_argument("--seed", type=int, help="seed of the playthrough (default: random)")
    parser.add_argument(
        "--team",
        metavar="TEAM",
        help="play with this team instead of the scenario's own (a team id; the team must "
        "have everyone the scenario names)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language (default: the scenario's first)"
    )
    parser.add_argument(
        "--choices",
        metavar="ID,N,...",
        help="scripted decisions: choice ids, or numbers (the choice's place in the file), "
        "- or 0 to let the time run out",
    )
    parser.add_argument(
        "--policy", choices=POLICY_NAMES, help="let a policy decide (after any scripted choices)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON summary at the end instead of the story"
    )
    add_scenarios_option(parser)
    parser.add_argument("--name", help="record the finished playthrough under this player name")
    parser.add_argument(
        "--autoplay",
        metavar="POLICY",
        choices=POLICY_NAMES,
        help="test harness: POLICY plays the window through real key and mouse events; "
        "exits 0 after the leaderboard",
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="with --autoplay: a PNG of each screen and report.json go into DIR",
    )
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x720")
    parser.add_argument(
        "--fullscreen", action="store_true", help="open the window full screen (F11 toggles)"
    )
    parser.add_argument(
        "--untimed",
        action="store_true",
        help="in the terminal, let decisions with a time limit wait for you",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the scenario when its files change, replaying your decisions by choice "
        "id (a decision whose choice is gone or no longer on offer is made again)",
    )
    parser.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="continue the latest saved game in the terminal",
    )
    add_class_options(parser)
    parser.set_defaults(func=run)


MAX_SEED = 2**63 - 1  # what a save and the leaderboard hold; the dice use 64 bits of it


def seed_problem(seed: int | None) -> str | None:
    """Why `--seed` is refused, or None when it is fine."""
    if seed is None or 0 <= seed <= MAX_SEED:
        return None
    return f"--seed must be a whole number from 0 to {MAX_SEED}"


def parse_choices(text: str | None) -> list[str | int | None]:
    """`"war_room,2,-"` -> ["war_room", 2, None]: choice ids, or numbers (the choice's place
    in the file, 0 = let the time run out), or `-` (let the time run out). Raises ValueError
    with a readable message."""
    if not text:
        return []
    items = [x.strip() for x in re.split(r"[,\s]+", text.strip()) if x.strip()]
    out: list[str | int | None] = []
    for item in items:
        if item == "-":
            out.append(None)
        elif re.fullmatch(r"[0-9]{1,4}", item):  # not "²", not 5,000 digits
            out.append(int(item) or None)
        elif re.fullmatch(r"[a-z][a-z0-9_]{0,63}", item):
            out.append(item)
        else:
            shown = item if len(item) <= 20 else item[:17] + "..."
            raise ValueError(
                f"'{shown}' is not a choice id or number (write e.g. --choices war_room,fix_sync "
                "or --choices 2,1,3; - lets the time run out)"
            )
    return out


def window_only(args: argparse.Namespace) -> str | None:
    """Why options of the window cannot go with a game in the terminal, or None."""
    options = (
        ("--size", args.size),
        ("--screenshots", args.screenshots),
        ("--fullscreen", args.fullscreen),
        ("--autoplay", args.autoplay),
    )
    given = [flag for flag, value in options if value]
    if not given:
        return None
    one = len(given) == 1
    return (
        f"{' and '.join(given)} {'is' if one else 'are'} for the game window, not for a game "
        f"in the terminal (--text, --json, --choices, --policy): leave {'it' if one else 'them'} "
        "out"
    )


def fail(message: str, code: int = 1, command: str = "play") -> int:
    print(visible(f"leadsim {command}: {message}"), file=sys.stderr)
    return code


def load(
    ref: str, dirs: list[Path], command: str = "play", team: str | None = None
) -> Bundle | None:
    """The scenario `ref` (a path or an id) with its team (or `team`), or None after saying
    what is wrong."""
    from game.play.resume import open_scenario

    try:
        return open_scenario(ref, dirs, team)
    except ContentError as err:
        print(visible(f"leadsim {command}: cannot load '{ref}':", keep_newlines=False),
              file=sys.stderr)  # fmt: skip
        for d in err.diagnostics[:20]:
            print("  " + visible(d.format(), keep_newlines=False), file=sys.stderr)
        if len(err.diagnostics) > 20:
            print(f"  ... and {len(err.diagnostics) - 20} more", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    problem = seed_problem(args.seed)
    if problem is not None:
        return fail(problem, 2)
    terminal = args.text or args.json or args.choices or args.policy
    if terminal:
        problem = window_only(args)
        if problem is not None:
            return fail(problem, 2)
    if args.resume and args.team:
        return fail("--continue goes on with the team the game was saved with; leave out --team", 2)
    problem = class_problem(args, bool(terminal))
    if problem is not None:
        return fail(problem, 2)
    if args.send:
        return send(args)
    if args.resume and terminal:
        return _continue(args)
    if not terminal:
        return _window(args)
    if args.name is not None:
        from game.store.errors import StoreError
        from game.store.names import normalize_name

        try:
            args.name = normalize_name(args.name)
        except StoreError as err:
            return fail(str(err), 2)
    if not args.scenario and not args.server:
        return fail(
            "name a scenario to play in the terminal, e.g. leadsim play example_release --text", 2
        )
    try:
        script = parse_choices(args.choices)
    except ValueError as err:
        return fail(str(err), 2)
    if args.server:
        return play_in_class(args, script)
    bundle = load(args.scenario, args.scenarios, team=args.team)
    if bundle is None:
        return 1
    return play_text(args, bundle, script)


def play_text(
    args: argparse.Namespace,
    bundle: Bundle,
    script: list[str | int | None],
    run: GameRun | None = None,
    link: ClassLink | None = None,
    reader: LineReader | None = None,
) -> int:
    """Play `bundle` in the terminal (or go on with `run`, a continued save); with `link`, as
    part of that class (`reader`: the input already read from, if any)."""
    from game.i18n import Strings
    from game.play.run import GameRun, mode_of
    from game.store.saves import SaveStore
    from game.text.autosave import save_note
    from game.text.classplay import ClassGame, ask_name
    from game.text.play import EOF, QUIT, Decider, LineReader, ScriptError, TextGame

    scenario = bundle.scenario
    interactive = not args.json
    if link is not None and not args.name:
        args.name = run.player_name if run is not None else None
        if not args.name and not interactive:
            link.client.close()
            return fail(NAME_NEEDED, 2)
        if not args.name:
            reader = reader or LineReader(sys.stdin, None)
            first = scenario.languages[0] if scenario.languages else DEFAULT_LANG
            lang = run.lang if run is not None else (args.lang or first)
            args.name = ask_name(Strings(lang), reader, say_for(args))
            if args.name is None:
                link.client.close()
                return 0
    if run is None:
        lang = args.lang or (scenario.languages[0] if scenario.languages else DEFAULT_LANG)
        mode = mode_of(bool(script), args.policy)
        saves = SaveStore() if interactive else None  # a person's games only: see GameRun
        run = GameRun.start(bundle, lang, seed=args.seed, name=args.name, mode=mode, saves=saves)
    strings = run.strings
    run.on_problem = lambda problem: print(
        visible(strings("text.save_failed", error=problem)), file=sys.stderr
    )
    watcher = Watcher(bundle, args.scenarios) if args.watch else None
    in_class = None
    if link is not None and args.name:
        link.strings = strings
        in_class = ClassGame.begin(link, run, args.name, say_for(args))
    game = TextGame(
        run, sys.stdout, sys.stdin, quiet=args.json, watcher=watcher, timed=not args.untimed,
        lines=reader, after_turn=in_class.turn if in_class else None,
    )  # fmt: skip
    try:
        stopped = game.run(Decider(script, args.policy, interactive))
    except ScriptError as err:
        if in_class is not None:
            in_class.stop()
        return fail(strings("text.scripted_bad", turn=err.turn, problem=err.problem))
    except KeyboardInterrupt:
        if in_class is not None:
            in_class.stop()
        print("\n" + strings("text.interrupted", count=len(run.session.decisions)), file=sys.stderr)
        print(visible(save_note(run)), file=sys.stderr)
        return 130
    if in_class is not None and stopped in (QUIT, EOF):
        in_class.stop()
    unfinished = stopped in (QUIT, EOF)
    if unfinished and args.name:
        print(strings("text.not_recorded_unfinished"), file=sys.stderr)
    if stopped == QUIT:
        print(strings("text.quit", count=len(run.session.decisions)))
        print(visible(save_note(run)))
        return 0
    if stopped == EOF:
        if args.json:
            return fail(
                f"the decisions ran out after {len(run.session.decisions)} of them, before an "
                "ending; give more with --choices or add --policy"
            )
        print(strings("text.eof", count=len(run.session.decisions)), file=sys.stderr)
        print(visible(save_note(run)), file=sys.stderr)
        return 0
    if args.json:
        sys.stdout.write(dumps(run.session.to_json(), sort_keys=True) + "\n")
    recorded = not args.name or _record(run, args.name, quiet=args.json)
    if in_class is not None:
        in_class.finish()
    return 0 if recorded else 1


def _record(run: GameRun, name: str, quiet: bool) -> bool:
    """Record the finished run on the leaderboard; False (after saying why) when it failed."""
    from game.play.messages import store_text
    from game.store.errors import StoreError
    from game.store.leaderboard import Leaderboard

    strings = run.strings
    try:
        with Leaderboard.open() as board:
            problem = run.record(board, name)
            notice = board.notice
    except StoreError as err:
        problem, notice = store_text(strings, err, str(err)), None
    if problem is not None:
        print(visible(strings("text.record_failed", error=problem)), file=sys.stderr)
        return False
    if notice:
        fail(notice)
    if not quiet:
        scenario = run.session.scenario.id
        print(visible(strings("text.recorded", name=name, scenario=scenario)))
    return True


def _continue(args: argparse.Namespace) -> int:
    from game.play.resume import Restart, Unavailable, continue_save
    from game.store.saves import SaveStore

    store = SaveStore()
    listing = store.scan()
    for problem in listing.problems:
        fail(f"skipped {problem.path.name}: {problem.reason}")
    entry = listing.latest
    if entry is None:
        return fail(
            "there is no saved game to continue; start one with leadsim play SCENARIO --text"
        )
    record = entry.record
    run = continue_save(record, args.scenarios, store, args.lang)
    if isinstance(run, Unavailable):
        return fail(f"cannot load '{record.scenario_id}': {run.reason}")
    if isinstance(run, Restart):
        return fail(f"{run.reason} Start again with: leadsim play {record.scenario_id} --text")
    if run.notice:
        print(visible(run.notice))
    args.name = args.name or run.player_name
    link = link_for(args, run.lang) if args.server else None
    if isinstance(link, int):
        return link
    return play_text(args, run.bundle, [], run, link=link)


def _window(args: argparse.Namespace) -> int:
    try:
        from game.ui.app import run_window
        from game.ui.options import Options
    except ImportError:
        return fail("the game window is not available in this build; play with --text", 1)
    try:
        Options.from_args(args)  # a bad --size or --screenshots is told first, display or not
    except ValueError as err:
        return fail(str(err), 2)
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and (sys.platform.startswith("linux") and os.environ.get("SDL_VIDEODRIVER") is None)
    ):
        return fail(
            "no display found, so the game window cannot open. Play in the terminal instead: "
            "leadsim play SCENARIO --text",
            1,
        )
    return int(run_window(args))
