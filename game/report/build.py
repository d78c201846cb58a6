"""Putting the class report together: read the leaderboard, compute, draw, write the files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pygame

from game.content.principles import PRINCIPLES
from game.content.text import tr
from game.i18n import Strings
from game.report import figures, stats
from game.report.csvfiles import FILES, write_csv_files
from game.report.gather import (
    ScenarioPlays,
    group_by_scenario,
    installed_bundle,
    parse_since,
    scenario_plays,
    since_filter,
)
from game.report.page import EventPart, Header, OptionRow, PlayerRow, Ranking, Section, render
from game.report.playerpage import render_player
from game.report.players import page_href, players
from game.report.storymap.build import MapOptions, read_source, write_map
from game.sim.session import Session
from game.store.datadir import LEADERBOARD_FILE, data_dir
from game.store.leaderboard import Leaderboard
from game.store.names import name_key
from game.store.playthrough import PLAYER, POLICY_PREFIX, SCRIPTED, Playthrough, engine_version
from game.store.rows import DamagedRow

IMAGES = "img"
MAPS = "maps"
PLAYERS = "players"


class ReportError(Exception):
    """Why no report was written: a translated one-line message and the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Options:
    scenario: str | None = None
    since: str | None = None  # YYYY-MM-DD
    lang: str = "en"
    out: Path = Path("report")
    extra_dirs: Sequence[Path] = field(default_factory=tuple)
    data: Path | None = None  # the data folder; None = $LEADSIM_DATA_DIR or saves/
    every_mode: bool = False  # also runs of policies and scripted runs, each in its own section
    # added to the links between the report's pages: a server that picks the language by a
    # query ("?lang=ru") keeps it from page to page
    link_query: str = ""


@dataclass(frozen=True)
class Written:
    index: Path
    plays: int
    scenarios: int
    damaged: tuple[DamagedRow, ...] = ()  # rows left out because they cannot be read


@dataclass(frozen=True)
class Rows:
    """The plays the report covers, the damaged rows met, the runs of other modes left out."""

    plays: list[Playthrough]
    damaged: list[DamagedRow]
    other_modes: int


def read_rows(options: Options, s: Strings) -> Rows:
    """The plays the report covers; ReportError (exit 1) when there are none."""
    since = None
    if options.since is not None:
        try:
            since = parse_since(options.since)
        except ValueError:
            raise ReportError(s("report.error.since", value=options.since), 2) from None
    folder = options.data or data_dir()
    if not (folder / LEADERBOARD_FILE).is_file():  # a report never creates a leaderboard
        raise ReportError(s("report.error.no_leaderboard", folder=folder), 1)
    every: list[Playthrough] = []
    damaged: list[DamagedRow] = []
    other_modes = 0
    with Leaderboard.open(folder) as board:
        if board.notice:  # a damaged file was moved aside: the new one is empty
            raise ReportError(s("report.error.damaged", notice=board.notice), 2)
        for row in board.rows(options.scenario):
            if isinstance(row, DamagedRow):
                damaged.append(row)
            elif row.mode == PLAYER or options.every_mode:
                every.append(row)
            else:
                other_modes += 1
        known = sorted({v.scenario_id for v in board.versions(every_engine=True)})
    if not every:
        if options.scenario is None:
            raise ReportError(s("report.error.empty"), 1)
        listed = ", ".join(known) or "-"
        raise ReportError(s("report.error.unknown", scenario=options.scenario, known=listed), 1)
    rows = since_filter(every, since)
    if not rows:
        raise ReportError(s("report.error.none_since", date=options.since), 1)
    return Rows(rows, damaged, other_modes)


def build_report(options: Options) -> Written:
    """Write ``index.html``, its charts and the CSV files into ``options.out``.

    Raises :class:`ReportError` with a one-line message; OSError and the store's errors
    (StoreError) pass through for the caller to report.
    """
    s = Strings(options.lang)
    found = read_rows(options, s)
    rows = found.plays
    bundles = {
        sid: installed_bundle(sid, options.extra_dirs) for sid in {r.scenario_id for r in rows}
    }
    plays = [
        scenario_plays(sid, group, bundles[sid], mode)
        for (sid, mode), group in group_by_scenario(rows).items()
    ]
    out = options.out
    try:
        (out / IMAGES).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(s("report.error.write", folder=out, reason=exc.strerror), 2) from exc
    style = figures.print_style()
    maps = _write_maps(plays, out, options)
    anchors = [
        f"{n:02d}-{_slug(p.scenario_id)}{_mode_slug(p.mode)}" for n, p in enumerate(plays, 1)
    ]
    sections = [
        replace(
            _section(p, anchor, out, s, style, options.link_query),
            map_href=maps[p.scenario_id] + options.link_query if p.scenario_id in maps else "",
        )
        for p, anchor in zip(plays, anchors, strict=True)
    ]
    _write_players(list(zip(plays, anchors, strict=True)), out, s, options.link_query)
    write_csv_files(out, plays, s.lang)
    header = _header(options, found, plays, s)
    index = out / "index.html"
    index.write_text(render(header, sections, s), encoding="utf-8")
    return Written(index, len(rows), len({p.scenario_id for p in plays}), tuple(found.damaged))


def _write_players(
    sections: list[tuple[ScenarioPlays, str]], out: Path, s: Strings, query: str
) -> None:
    """A page per person who played, next to the report (see game.report.players)."""
    found = players(sections, s)
    if found:
        (out / PLAYERS).mkdir(exist_ok=True)
    for player in found:
        out.joinpath(*player.href.split("/")).write_text(render_player(player, s, query), "utf-8")


def _write_maps(plays: Sequence[ScenarioPlays], out: Path, options: Options) -> dict[str, str]:
    """The story map of each installed scenario, as ``maps/<id>.html`` next to the page;
    returns the links by scenario id."""
    links: dict[str, str] = {}
    for p in plays:
        if p.bundle is None or p.scenario_id in links:
            continue
        source = read_source(p.bundle, options.extra_dirs)
        write_map(source, out / MAPS / f"{p.scenario_id}.html", MapOptions(lang=options.lang))
        links[p.scenario_id] = f"{MAPS}/{p.scenario_id}.html"
    return links


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-")[:40] or "scenario"


def _mode_slug(mode: str) -> str:
    return "" if mode == PLAYER else "-" + _slug(mode)


def _header(options: Options, found: Rows, plays: Sequence[ScenarioPlays], s: Strings) -> Header:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
    rows = found.plays
    dates = sorted(r.played_at for r in rows)
    scenarios = len({p.scenario_id for p in plays})
    lines = [
        s("report.generated", date=now),
        s("report.totals", plays=len(rows), scenarios=scenarios,
          first=dates[0][:10], last=dates[-1][:10]),
    ]  # fmt: skip
    if options.since:
        lines.append(s("report.since", date=options.since))
    notes = [s("report.note.damaged", id=d.row_id, problem=d.problem) for d in found.damaged]
    if found.other_modes:
        notes.append(s("report.note.other_modes", count=found.other_modes))
    return Header(s("report.title"), tuple(lines), FILES, tuple(notes))


def mode_name(mode: str, s: Strings) -> str:
    """Who played the runs of a section, in the report's language."""
    if mode == SCRIPTED:
        return s("report.mode.scripted")
    return s("report.mode.policy", policy=mode.removeprefix(POLICY_PREFIX))


def _title(p: ScenarioPlays, lang: str) -> str:
    return tr(p.bundle.scenario.title, lang) if p.bundle is not None else p.scenario_id


def _ending_titles(p: ScenarioPlays, lang: str, s: Strings) -> dict[str, str]:
    titles = {"": s("report.no_ending")}
    if p.bundle is not None:
        titles.update({e.id: tr(e.title, lang) for e in p.bundle.scenario.endings})
    return titles


def _section(
    p: ScenarioPlays,
    prefix: str,
    out: Path,
    s: Strings,
    style: figures.ChartStyle,
    query: str = "",
) -> Section:
    lang = s.lang
    title = _title(p, lang)
    names = _ending_titles(p, lang, s)
    scores = [r.score for r in p.rows]
    endings = [(names.get(eid, eid), n) for eid, n in stats.ending_counts(p.rows, p.bundle)]
    profile = stats.profile_stats(p.rows)
    img = f"{IMAGES}/{prefix}"

    def save(kind: str, chart: pygame.Surface) -> figures.Image:
        return figures.write(chart, out, f"{img}-{kind}.png", s(f"report.alt.{kind}", title=title))

    several = len(p.versions) > 1 or any(r.engine_version != p.engine for r in p.rows)
    heading = s("report.scenario_heading", title=title, id=p.scenario_id)
    if p.mode != PLAYER:
        heading = s("report.mode_heading", heading=heading, mode=mode_name(p.mode, s))
    return Section(
        anchor=prefix,
        title=heading,
        meta=s(
            "report.scenario_meta",
            plays=len(p.rows),
            players=len({name_key(r.name) for r in p.rows}),
        ),
        notes=tuple(_notes(p, s)),
        summary=stats.score_summary(scores),
        scores=save("scores", figures.scores_chart(stats.score_bins(scores), s, style)),
        endings=save("endings", figures.endings_chart(endings, len(p.rows), s, style)),
        principles=save("principles", figures.principles_chart(profile, lang, s, style)),
        rankings=tuple(_rankings(p, several, s, query)),
        ending_title=lambda eid: names.get(eid or "", eid or ""),
        events=tuple(_events(p, s)),
        choices_note=_choices_note(p, s),
    )


def _rankings(p: ScenarioPlays, several: bool, s: Strings, query: str) -> list[Ranking]:
    """Every player, ranked within each version and engine apart (as the leaderboard never
    mixes them): the ranked version of the section first, then the most played."""
    groups: dict[tuple[str, str], list[Playthrough]] = {}
    for row in p.rows:  # best first
        groups.setdefault((row.content_hash, row.engine_version), []).append(row)
    order = sorted(groups, key=lambda k: (k != (p.version, p.engine), -len(groups[k])))
    linked = p.mode == PLAYER
    rankings = []
    for version, engine in order:
        rows = groups[(version, engine)]
        runs: dict[str, int] = {}
        best: dict[str, Playthrough] = {}
        for row in rows:
            key = name_key(row.name)
            runs[key] = runs.get(key, 0) + 1
            best.setdefault(key, row)
        label = ""
        if several:
            key = "report.ranking" if engine == engine_version() else "report.ranking_engine"
            label = s(key, version=version[:10], engine=engine, plays=len(rows))
        listed = tuple(
            PlayerRow(row, runs[k], page_href(row.name) + query if linked else "")
            for k, row in best.items()
        )
        rankings.append(Ranking(label, listed))
    return rankings


def _notes(p: ScenarioPlays, s: Strings) -> list[str]:
    notes = []
    if p.bundle is None:
        notes.append(s("report.note.not_installed"))
    if len(p.versions) > 1:
        listed = ", ".join(
            s("report.version_plays", version=h[:10], plays=n) for h, n in p.versions.items()
        )
        notes.append(s("report.note.versions", versions=listed))
    return notes


def _choices_note(p: ScenarioPlays, s: Strings) -> str | None:
    if p.bundle is None:
        return s("report.note.no_choices")
    parts = []
    if p.other_version == len(p.rows):
        parts.append(s("report.note.all_other_version"))
    elif p.other_version:
        parts.append(s("report.note.other_version", count=p.other_version, total=len(p.rows)))
    if p.other_engine:
        parts.append(s("report.note.other_engine", count=p.other_engine, total=len(p.rows)))
    if p.failed:
        parts.append(s("report.note.failed", count=p.failed))
    if not p.decisions and not parts:
        parts.append(s("report.note.no_decisions"))
    unreached = stats.unreached_events(p.bundle, p.decisions) if p.decisions else []
    if unreached:
        listed = ", ".join(tr(e.title, s.lang) or e.id for e in unreached)
        parts.append(s("report.note.unreached", events=listed))
    return " ".join(parts) or None


def _events(p: ScenarioPlays, s: Strings) -> list[EventPart]:
    if p.bundle is None:
        return []
    lang = s.lang
    # the texts as a player reads them at the start: variables ({oleg}) filled in
    start = Session(p.bundle, seed=0)

    def say(value: object) -> str:
        return start.text(value, lang)

    parts = []
    for tally in stats.choice_tallies(p.bundle, p.decisions):
        title = say(tally.event.title) or tally.event.id
        labels = [
            f"{o.index}. {say(o.choice.text)}" if o.choice is not None else s("report.timed_out")
            for o in tally.options
        ]
        options = tuple(
            OptionRow(
                label,
                tuple(_name(pid, lang) for pid in (_tags(o.choice.applies) if o.choice else ())),
                tuple(_name(pid, lang) for pid in (_tags(o.choice.violates) if o.choice else ())),
                o.count,
                tally.share(o),
            )
            for label, o in zip(labels, tally.options, strict=True)
        )
        caption = s("report.choices_caption", decisions=tally.decisions, plays=tally.plays)
        prompt = figures.shorten(say(tally.event.text), 400)
        parts.append(EventPart(title, prompt, caption, options))
    return parts


def _name(pid: str, lang: str) -> str:
    info = PRINCIPLES.get(pid)
    return info.name.get(lang, info.name["en"]) if info else pid


def _tags(tags: list[Any]) -> list[str]:
    """Principle ids of a choice's tags, conditional ones included."""
    return [t if isinstance(t, str) else t.principle for t in tags]
