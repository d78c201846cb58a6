"""The report's HTML: one self-contained page (inline CSS, no scripts, no external fonts) that
reads well on screen and on paper. Every text from players or scenarios is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from game.i18n import Strings
from game.report.figures import Image
from game.report.stats import ScoreSummary
from game.store.playthrough import Playthrough

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b2631; line-height: 1.45;
  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; }
h2 { font-size: 1.5rem; margin: 2.6rem 0 .4rem; padding-bottom: .25rem;
  border-bottom: 3px solid #0072b2; }
h3 { font-size: 1.2rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: 1.02rem; margin: 1.3rem 0 .3rem; }
p { margin: .35rem 0; }
.meta { color: #4a5a69; }
.note { border-left: 4px solid #e69f00; padding: .35rem .75rem; margin: .6rem 0;
  background: #fff8e8; }
.prompt { color: #4a5a69; font-style: italic; }
figure { margin: .5rem 0 .8rem; }
img { display: block; max-width: 100%; height: auto; border: 1px solid #dfe5eb;
  border-radius: 8px; }
figcaption { color: #4a5a69; font-size: .92rem; margin-top: .3rem; }
table { width: 100%; border-collapse: collapse; font-size: .93rem; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid #dfe5eb; }
th { border-bottom: 2px solid #9aa8b5; }
/* bars drawn as borders: printed even where a browser leaves backgrounds out */
.sharebar { display: inline-block; height: 0; margin-left: .4rem; vertical-align: middle;
  border-top: .7rem solid #0072b2; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.date { white-space: nowrap; }
.tags { color: #4a5a69; font-size: .85rem; }
.plus { color: #005a8c; }
.minus { color: #a64500; }
nav ul, .files { margin: .3rem 0; padding-left: 1.2rem; }
a { color: #005a8c; }
.part, .event, figure, tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section.scenario + section.scenario { break-before: page; page-break-before: always; }
  .part.new-page { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .note { background: none; }
  a { color: inherit; text-decoration: none; }
  img { border-color: #c8d0d8; }
}
"""


@dataclass(frozen=True)
class OptionRow:
    label: str  # "2. full option text" or the time-out label
    applied: tuple[str, ...]  # principle names
    violated: tuple[str, ...]
    count: int
    share: float


@dataclass(frozen=True)
class EventPart:
    title: str
    prompt: str
    caption: str
    options: tuple[OptionRow, ...]


@dataclass(frozen=True)
class PlayerRow:
    """One player in a ranking: their best play there and how many plays they made."""

    best: Playthrough
    runs: int
    href: str  # their page, relative to the report ("" = none)


@dataclass(frozen=True)
class Ranking:
    """Every player of one scenario version (and engine), best first."""

    label: str  # which version and engine it ranks ("" when the section has only one)
    rows: tuple[PlayerRow, ...]


@dataclass(frozen=True)
class Section:
    """One scenario's part of the report, every text already in the report's language."""

    anchor: str
    title: str
    meta: str
    notes: tuple[str, ...]
    summary: ScoreSummary
    scores: Image
    endings: Image
    principles: Image
    rankings: tuple[Ranking, ...]
    ending_title: Callable[[str | None], str]
    events: tuple[EventPart, ...]
    choices_note: str | None  # why there are no (or not all) choices to show
    map_href: str = ""  # the scenario's story map, relative to the page ("" = none)


@dataclass(frozen=True)
class Header:
    title: str
    lines: tuple[str, ...]
    files: tuple[str, ...]  # CSV file names next to the page
    notes: tuple[str, ...] = ()  # what was left out (damaged rows, other modes)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def render(header: Header, sections: Sequence[Section], s: Strings) -> str:
    """The whole page as a string."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(s.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(header.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        _header(header, sections, s),
        *(_section(section, s) for section in sections),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(header: Header, sections: Sequence[Section], s: Strings) -> str:
    lines = "".join(f'<p class="meta">{esc(line)}</p>' for line in header.lines)
    lines += "".join(f'<p class="note">{esc(note)}</p>' for note in header.notes)
    files = "".join(f'<li><a href="{esc(name)}">{esc(name)}</a></li>' for name in header.files)
    toc = "".join(f'<li><a href="#{esc(x.anchor)}">{esc(x.title)}</a></li>' for x in sections)
    return (
        f"<header><h1>{esc(header.title)}</h1>{lines}"
        f"<h3>{esc(s('report.contents'))}</h3><nav><ul>{toc}</ul></nav>"
        f'<h3>{esc(s("report.data_files"))}</h3><ul class="files">{files}</ul></header>'
    )


def _figure(image: Image, caption: str = "") -> str:
    figcaption = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return (
        f'<figure><img src="{esc(image.src)}" alt="{esc(image.alt)}" '
        f'width="{image.width}" height="{image.height}">{figcaption}</figure>'
    )


def _section(x: Section, s: Strings) -> str:
    notes = "".join(f'<p class="note">{esc(n)}</p>' for n in x.notes)
    summary = s(
        "report.score_summary",
        plays=x.summary.count,
        mean=x.summary.mean,
        median=x.summary.median,
        low=x.summary.low,
        high=x.summary.high,
    )
    return "\n".join(
        [
            f'<section class="scenario" id="{esc(x.anchor)}">',
            f"<h2>{esc(x.title)}</h2>",
            f'<p class="meta">{esc(x.meta)}</p>{notes}',
            f'<p class="map"><a href="{esc(x.map_href)}">{esc(s("map.report_link"))}</a></p>'
            if x.map_href
            else "",
            _part(s("report.heading.scores"), _figure(x.scores, summary)),
            _part(s("report.heading.endings"), _figure(x.endings)),
            _part(s("report.heading.players"), _players(x, s)),
            _part(
                s("report.heading.profile"),
                f"<p>{esc(s('report.profile_explain'))}</p>" + _figure(x.principles),
                new_page=True,
            ),
            _part(s("report.heading.choices"), _choices(x, s), new_page=True),
            "</section>",
        ]
    )


def _part(heading: str, body: str, new_page: bool = False) -> str:
    kind = "part new-page" if new_page else "part"
    return f'<div class="{kind}"><h3>{esc(heading)}</h3>{body}</div>'


def _players(x: Section, s: Strings) -> str:
    head = "".join(
        f'<th class="{cls}">{esc(s(key))}</th>'
        for key, cls in (
            ("report.col.place", "num"),
            ("report.col.name", ""),
            ("report.col.best", "num"),
            ("report.col.runs", "num"),
            ("report.col.ending", ""),
            ("report.col.date", "date"),
        )
    )
    out = []
    for ranking in x.rankings:
        body = []
        for place, player in enumerate(ranking.rows, start=1):
            row = player.best
            name = esc(row.name)
            if player.href:
                name = f'<a href="{esc(player.href)}">{name}</a>'
            body.append(
                f'<tr><td class="num">{place}</td><td>{name}</td>'
                f'<td class="num">{row.score:.1f}</td><td class="num">{player.runs}</td>'
                f"<td>{esc(x.ending_title(row.ending_id))}</td>"
                f'<td class="date">{esc(row.played_at[:16].replace("T", " "))}</td></tr>'
            )
        label = f'<p class="meta">{esc(ranking.label)}</p>' if ranking.label else ""
        out.append(
            f'{label}<table class="players"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    return "".join(out)


def _choices(x: Section, s: Strings) -> str:
    note = f'<p class="note">{esc(x.choices_note)}</p>' if x.choices_note else ""
    return note + "".join(_event(part, s) for part in x.events)


def _event(part: EventPart, s: Strings) -> str:
    head = (
        f"<th>{esc(s('report.col.option'))}</th>"
        f'<th class="num">{esc(s("report.col.picked"))}</th>'
        f'<th class="num">{esc(s("report.col.share"))}</th>'
    )
    rows = []
    for option in part.options:
        tags = [f'<span class="plus">+ {esc(name)}</span>' for name in option.applied]
        tags += [f'<span class="minus">− {esc(name)}</span>' for name in option.violated]
        tag_line = f'<div class="tags">{" · ".join(tags)}</div>' if tags else ""
        bar = f'<span class="sharebar" style="width:{6 * option.share:.2f}em"></span>'
        rows.append(
            f"<tr><td>{esc(option.label)}{tag_line}</td>"
            f'<td class="num">{option.count}</td>'
            f'<td class="num">{option.share:.0%}{bar}</td></tr>'
        )
    prompt = f'<p class="prompt">{esc(part.prompt)}</p>' if part.prompt else ""
    return (
        f'<div class="event"><h4>{esc(part.title)}</h4>{prompt}'
        f'<p class="meta">{esc(part.caption)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
