"""One trainee's page next to the class report (``players/<hash>.html``): self-contained like
the report (inline CSS, no scripts, no images), every text escaped, links relative."""

from __future__ import annotations

from game.i18n import Strings
from game.play.lessons import Line
from game.report.page import CSS, esc
from game.report.players import Count, Player, Run

EXTRA_CSS = """
.run { break-inside: avoid-page; }
ol.steps { padding-left: 1.6rem; }
ol.steps li { margin: .15rem 0; }
.step-event { font-weight: 600; }
.counts td { padding: .15rem .4rem; }
/* bars drawn as borders: printed even where a browser leaves backgrounds out */
.bar { display: inline-block; height: 0; vertical-align: middle; border-top: .8rem solid; }
.bar.plus { border-color: #0072b2; }
.bar.minus { border-color: #d55e00; }
.left { text-align: right; width: 30%; }
.right { width: 30%; }
.moment p { margin: .15rem 0; }
.depth-0 { font-weight: 600; margin-top: .6rem !important; }
.depth-2 { padding-left: 1.5rem; }
.good { color: #005a8c; }
.bad { color: #a64500; }
"""
BAR_EM = 10  # the longest bar, in em


def render_player(player: Player, s: Strings, query: str = "") -> str:
    """The whole page of one player as a string; ``query`` is added to the links back."""
    title = s("report.player.title", name=player.name)
    runs = "\n".join(_run(run, s, query) for run in player.runs)
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{esc(s.lang)}">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{esc(title)}</title>",
                f"<style>{CSS}{EXTRA_CSS}</style>",
                "</head>",
                "<body>",
                "<main>",
                f'<p><a href="../index.html{esc(query)}">{esc(s("report.player.back"))}</a></p>',
                f"<h1>{esc(title)}</h1>",
                f'<p class="meta">{esc(s("report.player.meta", runs=len(player.runs)))}</p>',
                f'<p class="meta">{esc(s("report.player.what_ifs_note"))}</p>',
                runs,
                "</main>",
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )


def _run(run: Run, s: Strings, query: str) -> str:
    row = run.row
    heading = s("report.player.run", scenario=run.scenario, score=f"{row.score:.1f}")
    facts = s(
        "report.player.run_meta", ending=run.ending, date=row.played_at[:16].replace("T", " ")
    )
    parts = [
        '<section class="run">',
        f'<h2><a href="../index.html{esc(query)}#{esc(run.anchor)}">{esc(heading)}</a></h2>',
        f'<p class="meta">{esc(facts)}</p>',
    ]
    if run.note:
        parts.append(f'<p class="note">{esc(run.note)}</p>')
    if run.steps:
        steps = "".join(
            f'<li><span class="step-event">{esc(event)}</span>: {esc(choice)}</li>'
            for event, choice in run.steps
        )
        parts.append(f'<h3>{esc(s("report.player.decisions"))}</h3><ol class="steps">{steps}</ol>')
    parts.append(f"<h3>{esc(s('report.player.principles'))}</h3>{_counts(run, s)}")
    if run.best:
        parts.append(f"<h3>{esc(s('report.player.moments'))}</h3>")
        if run.moments:
            parts += [_moment(lines) for lines in run.moments]
        else:
            parts.append(f"<p>{esc(s('text.debrief.no_moments'))}</p>")
        if run.people:
            people = "".join(f"<li>{esc(line)}</li>" for line in run.people)
            parts.append(f"<h3>{esc(s('report.player.people'))}</h3><ul>{people}</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _counts(run: Run, s: Strings) -> str:
    """Applied and violated side by side on one scale (violations to the left), as the game's
    debrief draws them; a run that could not be replayed shows its stored balance."""
    if not run.counts:
        return f"<p>{esc(s('text.debrief.profile_empty'))}</p>"
    top = max(max(c.applied, c.violated) for c in run.counts)
    explain = s("report.player.net_note") if run.net_only else s("report.player.counts_note")
    head = (
        f"<tr><th>{esc(s('report.player.principle'))}</th>"
        f'<th class="left">{esc(s("text.debrief.col_violated"))}</th>'
        f'<th class="right">{esc(s("text.debrief.col_applied"))}</th></tr>'
    )
    rows = "".join(_count_row(c, top) for c in run.counts)
    return (
        f'<p class="meta">{esc(explain)}</p>'
        f'<table class="counts"><thead>{head}</thead><tbody>{rows}</tbody></table>'
    )


def _count_row(c: Count, top: int) -> str:
    def bar(count: int, kind: str) -> str:
        if not count:
            return ""
        width = max(0.3, BAR_EM * count / top)
        return f'<span class="bar {kind}" style="width:{width:.2f}em"></span>'

    broke = f"−{c.violated} " if c.violated else ""
    kept = f" +{c.applied}" if c.applied else ""
    return (
        f"<tr><td>{esc(c.name)}</td>"
        f'<td class="left minus">{broke}{bar(c.violated, "minus")}</td>'
        f'<td class="right plus">{bar(c.applied, "plus")}{kept}</td></tr>'
    )


def _moment(lines: tuple[Line, ...]) -> str:
    said = "".join(
        f'<p class="depth-{line.depth} {line.tone}">{esc(line.text)}</p>' for line in lines
    )
    return f'<div class="moment event">{said}</div>'
