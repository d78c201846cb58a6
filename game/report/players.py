"""Each trainee's own page: their runs, decisions, principles and, for their best run of each
scenario, the key moments with what-ifs, worded as the game's own debrief words them.

A run is replayed from its log (seed and decisions) on the installed scenario, only when that
is the version it was played on and the running engine recorded it: anything else would show
decisions the player never saw. The what-ifs replay every alternative of every decision, so
they are worked out for one run per player and scenario (the best one that replays), which
keeps a class of thirty within seconds. Their words are kept (per run log and language) for the
next report of the same process: the class server builds its report again after every new run,
and only the new runs then cost a what-if.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from game.content.principles import PRINCIPLES
from game.content.text import tr
from game.i18n import Strings
from game.play.lessons import Line, member_line, moment_lines
from game.report.gather import ScenarioPlays
from game.sim.debrief import debrief
from game.sim.program import Program
from game.sim.session import ReplayError, Session
from game.store.names import name_key
from game.store.playthrough import PLAYER, Playthrough, engine_version

FOLDER = "players"
KEPT = 2048  # debriefs kept for the next report (a few KB each)

Told = tuple[tuple[tuple[Line, ...], ...], tuple[str, ...]]  # (key moments, people)
_told: OrderedDict[tuple[object, ...], Told] = OrderedDict()


@dataclass(frozen=True)
class Count:
    """One principle in a run: how often it was applied and how often violated."""

    name: str
    applied: int
    violated: int


@dataclass(frozen=True)
class Run:
    """One run as its page shows it, every text already in the report's language."""

    row: Playthrough
    scenario: str  # title
    anchor: str  # the scenario's section in the report
    ending: str
    steps: tuple[tuple[str, str], ...]  # (event title, choice text) in the order taken
    counts: tuple[Count, ...]  # most met first
    net_only: bool  # counts from the stored profile: applied minus violated only
    moments: tuple[tuple[Line, ...], ...]  # key moments, when worked out for this run
    people: tuple[str, ...]  # what became of each team member (best run only)
    best: bool  # the player's best run of the scenario that replays: what-ifs worked out
    note: str  # why decisions are missing ("" = replayed)


@dataclass(frozen=True)
class Player:
    name: str
    href: str  # the page, relative to the report's index
    runs: tuple[Run, ...]


def page_href(name: str) -> str:
    """The page of the player of that name: a short hash of the name's key, so two spellings
    of one name share a page and no name is ever used as a path."""
    digest = hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:16]
    return f"{FOLDER}/{digest}.html"


def players(
    sections: Sequence[tuple[ScenarioPlays, str]], s: Strings, running: str | None = None
) -> list[Player]:
    """A page per person who played, from the people's sections (each with its anchor);
    players in name order, runs grouped by scenario, best first."""
    running = running or engine_version()
    runs: dict[str, list[Run]] = {}
    names: dict[str, str] = {}
    for plays, anchor in sections:
        if plays.mode != PLAYER:
            continue
        program = Program(plays.bundle) if plays.bundle is not None else None
        done: set[str] = set()  # players whose best run of this scenario has its what-ifs
        for row in plays.rows:  # best first
            key = name_key(row.name)
            names.setdefault(key, row.name)
            with_moments = key not in done
            run = _run(plays, anchor, row, program, running, with_moments, s)
            if run.best:
                done.add(key)
            runs.setdefault(key, []).append(run)
    found = [Player(names[k], page_href(names[k]), tuple(v)) for k, v in runs.items()]
    return sorted(found, key=lambda p: name_key(p.name))


def _run(
    plays: ScenarioPlays,
    anchor: str,
    row: Playthrough,
    program: Program | None,
    running: str,
    with_moments: bool,
    s: Strings,
) -> Run:
    lang = s.lang
    bundle = plays.bundle
    title = tr(bundle.scenario.title, lang) if bundle is not None else plays.scenario_id
    endings = {e.id: tr(e.title, lang) for e in bundle.scenario.endings} if bundle else {}
    ending = endings.get(row.ending_id or "", row.ending_id or s("report.no_ending"))
    stored = tuple(
        Count(_principle(pid, lang), max(net, 0), max(-net, 0))
        for pid, net in sorted(row.profile.items(), key=lambda item: -abs(item[1]))
        if net
    )
    plain = Run(row, title, anchor, ending, (), stored, True, (), (), False, "")
    if program is None:
        return _with_note(plain, s("report.player.not_installed"))
    if row.content_hash != program.bundle.content_hash:
        return _with_note(plain, s("report.player.other_version", version=row.content_hash[:10]))
    if row.engine_version != running:
        return _with_note(plain, s("report.player.other_engine", engine=row.engine_version))
    try:
        session = Session.replay(program, row.seed, list(row.decisions))
    except (ReplayError, TypeError):  # TypeError: a log this engine cannot read at all
        return _with_note(plain, s("report.player.failed"))

    def t(value: object) -> str:
        return session.text(value, lang)

    events = {e.id: e for e in program.bundle.scenario.events}
    steps = []
    for rec in session.history:
        event = events[rec.event_id]
        said = t(event.choices[rec.choice_index - 1].text) if rec.choice_index else ""
        steps.append((t(event.title) or event.id, said or s("report.timed_out")))
    met = session.principle_counts()
    order = sorted(met.items(), key=lambda item: (-(item[1][0] + item[1][1]), item[0]))
    counts = tuple(Count(_principle(pid, lang), a, v) for pid, (a, v) in order)
    if not with_moments:
        return Run(row, title, anchor, ending, tuple(steps), counts, False, (), (), False, "")
    moments, people = _debrief(session, row, s)
    return Run(row, title, anchor, ending, tuple(steps), counts, False, moments, people, True, "")


def _debrief(session: Session, row: Playthrough, s: Strings) -> Told:
    """The key moments and people of a replayed run, worded in ``s``'s language."""
    key = (row.scenario_id, row.content_hash, row.engine_version, row.seed, row.decisions, s.lang)
    found = _told.get(key)
    if found is not None:
        _told.move_to_end(key)
        return found
    told = debrief(session)
    moments = tuple(
        tuple(moment_lines(k, n, session, s)) for n, k in enumerate(told.moments, start=1)
    )
    people = tuple(member_line(story, s, s.lang) for story in told.members)
    _told[key] = (moments, people)
    if len(_told) > KEPT:
        _told.popitem(last=False)
    return moments, people


def _with_note(run: Run, note: str) -> Run:
    return replace(run, note=note)


def _principle(pid: str, lang: str) -> str:
    info = PRINCIPLES.get(pid)
    return info.name.get(lang, info.name["en"]) if info else pid
