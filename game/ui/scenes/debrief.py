"""The ending and debrief: score and its parts, the ending's text, a chart, each decision's
principles."""

from __future__ import annotations

import pygame

from game.charts import Bar, Series, bar_chart, line_chart
from game.content.principles import PRINCIPLES
from game.content.text import tr
from game.sim.debrief import Debrief
from game.text.debrief import member_line
from game.ui.flow import GameRun
from game.ui.page import page
from game.ui.rows import Texts
from game.ui.scene import Host, Scene
from game.ui.scenes.outcome import message_text
from game.ui.widgets import SCROLLBAR_ROOM, Build, coloured, esc

PARTS = ("delivery", "team", "retention", "principles")
PART_COLOURS = ("progress", "morale", "productivity", "trust")  # palette roles, none alarming
CHARTS = ("timeline", "profile")
ROW_PX = 26  # the least height of a bar row in the profile chart
LEDGER_PARTS_PER_FRAME = 2


def principle_name(pid: str, lang: str) -> str:
    info = PRINCIPLES.get(pid)
    return info.name.get(lang, info.name["en"]) if info else pid


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, host: Host, run: GameRun, lesson: Debrief) -> None:
        """`lesson` is `debrief(run.session)`: its what-if replays take longer than a frame,
        so it is computed in the background before this screen is made."""
        super().__init__(host)
        self.run = run
        self.chart = CHARTS[0]
        self.lesson = lesson
        self.texts: Texts | None = None
        self.ledger_rect = pygame.Rect(0, 0, 0, 0)

    def build(self, ui: Build) -> None:
        s, lang = ui.strings, ui.lang
        session = self.run.session
        ending = session.ending
        title = tr(ending.title, lang) if ending else ""
        other = CHARTS[(CHARTS.index(self.chart) + 1) % len(CHARTS)]
        frame = page(
            ui,
            s("debrief.heading", ending=title),
            [
                ("chart", s(f"debrief.show_{other}"), self._toggle),
                ("continue", s("button.continue"), self._continue),
            ],
            subheading=tr(session.scenario.title, lang),
        )
        body, gap = frame.body, ui.px("gap")
        left = pygame.Rect(body.x, body.y, round(body.width * 0.48), body.height)
        score = session.score()
        total = ui.text(
            f"<b>{esc(s('debrief.score', score=f'{score.total:.0f}'))}</b>",
            pygame.Rect(left.x, left.y, left.width, -1),
            "#heading",
        )
        style = ui.theme.chart_style()
        top = total.rect.bottom + ui.px("small_gap")
        # four rows of text-sized bars, unless that would leave the chart below too little room
        line = ui.theme.font(style.base_px((left.width, 100))).get_linesize()
        parts_height = min(round(line * 8.4), round((left.bottom - top) * 0.45))
        bars = [
            Bar(s(f"score.{p}"), getattr(score, p), c)
            for p, c in zip(PARTS, PART_COLOURS, strict=True)
        ]
        parts = bar_chart((left.width, parts_height), bars, style=style)
        ui.image(parts, pygame.Rect(left.x, top, left.width, parts_height))
        top += parts_height + gap
        size = (left.width, max(60, left.bottom - top))
        chart = self._timeline(size) if self.chart == "timeline" else self._profile(size)
        ui.image(chart, pygame.Rect((left.x, top), size))
        right = pygame.Rect(left.right + gap, body.y, body.right - left.right - gap, body.height)
        # The ledger is long: one text box per part, a few made per frame (see game/ui/rows.py),
        # in a scroll area over a panel drawn like a text box
        self.ledger_rect = right
        pad = ui.px("small_gap")
        box = ui.scroller(right.inflate(-2 * pad, -2 * pad))
        line = ui.theme.font(ui.theme.font_px()).get_linesize()  # parts a blank line apart
        self.texts = Texts(ui, box, box.rect.width - SCROLLBAR_ROOM, self._ledger(), line)
        self.texts.more(LEDGER_PARTS_PER_FRAME)

    def default_focus(self) -> int:
        return 1

    def _timeline(self, size: tuple[int, int]) -> pygame.Surface:
        s, lang = self.host.strings, self.host.lang
        trajectory = self.run.session.trajectory
        series = [
            Series(s(f"metric.{m}"), [point.get(m) for point in trajectory], m)
            for m in ("morale", "stress", "productivity")
        ]
        labels = [s("debrief.start")] + [str(i) for i in range(1, len(trajectory))]
        marks = []
        for record in self.run.session.history:
            for kind, payload in record.messages:
                if kind in ("milestone", "left"):
                    text = message_text(self.run, s, lang, kind, payload)
                    marks.append((record.turn + 1, text))
        return line_chart(
            size,
            series,
            title=s("debrief.timeline"),
            x_labels=labels,
            marks=marks,
            style=self.host.theme.chart_style(),
        )

    def _profile(self, size: tuple[int, int]) -> pygame.Surface:
        s, lang = self.host.strings, self.host.lang
        profile, functions = self.lesson.profile, self.lesson.functions
        # the four functions of a manager always, then every other principle the game touched
        bars = [Bar(principle_name(pid, lang), float(v)) for pid, v in functions.items()]
        others = sorted(
            ((pid, v) for pid, v in profile.items() if v and pid not in functions),
            key=lambda item: -abs(item[1]),
        )
        # keep labels readable: as many of the strongest as fit at a legible row height
        room = max(0, size[1] // ROW_PX - len(bars) - 2)
        bars += [Bar(principle_name(pid, lang), float(v)) for pid, v in others[:room]]
        reach = max([abs(b.value) for b in bars] + [1.0])
        return bar_chart(
            size,
            bars,
            title=s("debrief.profile"),
            value_range=(-reach, reach),
            value_format="{:+.0f}",
            style=self.host.theme.chart_style(),
        )

    def teardown(self) -> None:
        self.texts = None
        super().teardown()

    @property
    def animating(self) -> bool:
        return self.texts is not None and not self.texts.done

    def update(self, dt: float) -> bool:
        del dt
        return self.texts is not None and self.texts.more(LEDGER_PARTS_PER_FRAME)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.host.theme
        if self.ledger_rect.width > 0:
            pygame.draw.rect(surface, theme.colour("panel"), self.ledger_rect)
            pygame.draw.rect(surface, theme.colour("panel_border"), self.ledger_rect, 1)

    def _ledger(self) -> list[str]:
        """The right column's parts, as HTML: the ending, key moments, people, decisions."""
        s, lang, theme = self.host.strings, self.host.lang, self.host.theme
        session = self.run.session
        ending = session.ending
        parts = [esc(tr(ending.debrief, lang)) if ending else ""]
        parts += self._moments()
        parts.append(self._people())
        parts.append(f"<b>{esc(s('text.ledger'))}</b>")
        seen: list[str] = []
        program = session.program
        for record in session.history:
            event = program.events[program.event_index[record.event_id]].model
            title = tr(event.title, lang) if event.title else event.id
            if record.choice_index:
                choice = tr(event.choices[record.choice_index - 1].text, lang)
            else:
                choice = s("text.timed_out")
            lines = [esc(s("text.ledger_line", turn=record.turn + 1, event=title, choice=choice))]
            for pid in record.applied:
                text = s("debrief.applied", principle=principle_name(pid, lang))
                lines.append(coloured(text, theme.hex("good")))
            for pid in record.violated:
                text = s("debrief.violated", principle=principle_name(pid, lang))
                lines.append(coloured(text, theme.hex("bad")))
            seen += [p for p in (*record.applied, *record.violated) if p not in seen]
            parts.append("<br>".join(lines))
        if seen:
            explained = [
                f"<b>{esc(principle_name(p, lang))}</b>: {esc(_explain(p, lang))}"
                for p in seen
                if p in PRINCIPLES
            ]
            parts.append(f"<b>{esc(s('debrief.principles'))}</b><br>" + "<br>".join(explained))
        return [p for p in parts if p]

    def _moments(self) -> list[str]:
        """The decisions that changed the outcome most, with what else would have happened."""
        s, lang, theme = self.host.strings, self.host.lang, self.host.theme
        if not self.lesson.moments:
            return []
        out = [f"<b>{esc(s('text.debrief.key_moments'))}</b>"]
        for number, k in enumerate(self.lesson.moments, start=1):
            title = tr(k.event.title, lang) if k.event.title else k.event.id
            did = tr(k.choice.text, lang) if k.choice is not None else s("text.timed_out")
            heading = s("text.debrief.moment", number=number, turn=k.turn + 1, event=title)
            lines = [f"<b>{esc(heading)}</b>", esc(s("text.debrief.you_did", choice=did))]
            if k.choice is not None and k.choice.outcome is not None:
                lines.append(esc(s("text.debrief.happened", outcome=tr(k.choice.outcome, lang))))
            best = k.best
            ending = tr(best.ending.title, lang) if best.ending else "-"
            lines.append(
                esc(
                    s(
                        "text.debrief.instead",
                        choice=tr(best.choice.text, lang),
                        score=f"{best.score:.0f}",
                        actual=f"{k.actual_score:.0f}",
                        ending=ending,
                    )
                )
            )
            for pid in k.record.applied:
                text = s(
                    "text.debrief.applied", name=principle_name(pid, lang), why=_explain(pid, lang)
                )
                lines.append(coloured(text, theme.hex("good")))
            for pid in k.record.violated:
                text = s(
                    "text.debrief.violated", name=principle_name(pid, lang), why=_explain(pid, lang)
                )
                lines.append(coloured(text, theme.hex("bad")))
            out.append("<br>".join(lines))
        return out

    def _people(self) -> str:
        """What happened to each member: left, burned out, trust rose or fell."""
        s, lang = self.host.strings, self.host.lang
        lines = [f"<b>{esc(s('text.debrief.people'))}</b>"]
        for story in self.lesson.members:
            lines.append(esc(member_line(story, s, lang)))
        return "<br>".join(lines)

    def _toggle(self) -> None:
        self.chart = CHARTS[(CHARTS.index(self.chart) + 1) % len(CHARTS)]
        self.host.relayout()

    def back(self) -> bool:
        """Esc moves on, as Continue does: the game is over and nothing lies behind."""
        self._continue()
        return True

    def _continue(self) -> None:
        from game.ui.scenes.name_entry import NameEntryScene

        self.host.replace(NameEntryScene(self.host, self.run))


def _explain(pid: str, lang: str) -> str:
    info = PRINCIPLES[pid]
    return info.explain.get(lang, info.explain["en"])
