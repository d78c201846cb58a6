"""The ending and debrief: the score and the parts of it that count in this scenario, the
ending's text, a chart (the timeline, or the principles met: applied and violated counted
apart, never netted), the key moments, the people and each decision's principles."""

from __future__ import annotations

import pygame

from game.charts import Bar, Series, bar_chart, line_chart
from game.play.lessons import member_line, moment_lines
from game.play.run import GameRun
from game.play.wording import Wording
from game.sim.debrief import Debrief
from game.sim.scoring import PARTS
from game.ui.faces import Face, face_size, strip, tile
from game.ui.flow import words
from game.ui.page import page
from game.ui.profile import Met, Profile, draw_profile
from game.ui.rows import Texts
from game.ui.scene import Host, Scene
from game.ui.widgets import SCROLLBAR_ROOM, Build, coloured, esc

# palette roles of the score's parts, none alarming
PART_COLOURS = {
    "delivery": "progress",
    "team": "morale",
    "retention": "productivity",
    "stakeholders": "trust",
    "principles": "accent",
}
CHARTS = ("timeline", "profile")
LEDGER_PARTS_PER_FRAME = 2


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
        self.profile: Profile | None = None  # the principles chart, when shown
        self.faces: list[Face] = []  # the people's faces, as last laid out

    def build(self, ui: Build) -> None:
        s, said = ui.strings, words(self.host, self.run)
        session = self.run.session
        ending = session.ending
        title = said.t(ending.title) if ending else ""
        other = CHARTS[(CHARTS.index(self.chart) + 1) % len(CHARTS)]
        frame = page(
            ui,
            s("debrief.heading", ending=title),
            [
                ("chart", s(f"debrief.show_{other}"), self._toggle),
                ("continue", s("button.continue"), self._continue),
            ],
            subheading=said.t(session.scenario.title),
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
        # the parts that count here, as rows of text-sized bars, unless that would leave the
        # chart below too little room
        weights = session.score_weights()
        counted = [p for p in PARTS if weights[p] > 0]
        line = ui.theme.font(style.base_px((left.width, 100))).get_linesize()
        parts_height = min(round(line * 2.1 * len(counted)), round((left.bottom - top) * 0.45))
        bars = [Bar(s(f"score.{p}"), getattr(score, p), PART_COLOURS[p]) for p in counted]
        parts = bar_chart((left.width, parts_height), bars, style=style)
        ui.image(parts, pygame.Rect(left.x, top, left.width, parts_height))
        top += parts_height + gap
        size = (left.width, max(60, left.bottom - top))
        chart = self._timeline(size) if self.chart == "timeline" else self._profile(size)
        ui.image(chart, pygame.Rect((left.x, top), size))
        right = pygame.Rect(left.right + gap, body.y, body.right - left.right - gap, body.height)
        people = self._faces(ui, right.width)
        if people is not None:
            ui.image(people, pygame.Rect(right.topleft, people.get_size()))
            taken = people.get_height() + gap
            right = pygame.Rect(right.x, right.y + taken, right.width, right.height - taken)
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
        s, said = self.host.strings, words(self.host, self.run)
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
                    marks.append((record.turn + 1, said.message(kind, payload)))
        return line_chart(
            size,
            series,
            title=s("debrief.timeline"),
            x_labels=labels,
            marks=marks,
            style=self.host.theme.chart_style(),
        )

    def _profile(self, size: tuple[int, int]) -> pygame.Surface:
        """The principles met, the most met first: how many decisions applied each and how
        many violated it, two bars on one scale (see game/ui/profile.py)."""
        said = words(self.host, self.run)
        counts = self.run.session.principle_counts()
        order = sorted(counts.items(), key=lambda item: (-(item[1][0] + item[1][1]), item[0]))
        met = [Met(pid, said.principle(pid), a, v) for pid, (a, v) in order]
        self.profile = draw_profile(self.host.theme, self.host.strings, met, size)
        return self.profile.surface

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
        s, theme = self.host.strings, self.host.theme
        said = words(self.host, self.run)
        ending = self.run.session.ending
        parts = [esc(said.t(ending.debrief)) if ending else ""]
        parts += self._moments(said)
        parts.append(self._people())
        parts.append(f"<b>{esc(s('text.ledger'))}</b>")
        seen: list[str] = []
        for record in self.run.session.history:
            lines = [esc(said.ledger_line(record))]
            for pid in record.applied:
                text = s("debrief.applied", principle=said.principle(pid))
                lines.append(coloured(text, theme.hex("good")))
            for pid in record.violated:
                text = s("debrief.violated", principle=said.principle(pid))
                lines.append(coloured(text, theme.hex("bad")))
            seen += [p for p in (*record.applied, *record.violated) if p not in seen]
            parts.append("<br>".join(lines))
        if seen:
            explained = [f"<b>{esc(said.principle(p))}</b>: {esc(said.explain(p))}" for p in seen]
            parts.append(f"<b>{esc(s('debrief.principles'))}</b><br>" + "<br>".join(explained))
        return [p for p in parts if p]

    def _moments(self, said: Wording) -> list[str]:
        """The key moments as the terminal words them (game/play/lessons.py): the costliest
        mistakes and the good calls, each alternative that would have made a difference with
        the principles it would have broken."""
        s, theme = self.host.strings, self.host.theme
        if not self.lesson.moments:
            return []
        colours = {"good": theme.hex("good"), "bad": theme.hex("bad")}
        out = [f"<b>{esc(s('text.debrief.key_moments'))}</b>"]
        for number, k in enumerate(self.lesson.moments, start=1):
            lines = []
            for line in moment_lines(k, number, said.session, s):
                if line.tone == "heading":
                    lines.append(f"<b>{esc(line.text)}</b>")
                elif line.tone in colours:
                    lines.append(coloured(line.text, colours[line.tone]))
                else:
                    lines.append(esc(line.text))
            out.append("<br>".join(lines))
        return out

    def _people(self) -> str:
        """What happened to each member: left, burned out, trust rose or fell."""
        s, lang = self.host.strings, self.host.lang
        lines = [f"<b>{esc(s('text.debrief.people'))}</b>"]
        for story in self.lesson.members:
            lines.append(esc(member_line(story, s, lang)))
        return "<br>".join(lines)

    def _faces(self, ui: Build, width: int) -> pygame.Surface | None:
        """Everyone who was on the team (or was to join), as the leader sees them at the end,
        with what became of those who are not simply there."""
        session, s = self.run.session, ui.strings
        tiles = [tile(session, m, s, ui.lang, end=True) for m in self.run.view.members]
        self.faces = [t.face for t in tiles]
        if not tiles:
            return None
        return strip(ui.theme, tiles, width, face_size(ui.theme, 2.5))

    def _toggle(self) -> None:
        self.chart = CHARTS[(CHARTS.index(self.chart) + 1) % len(CHARTS)]
        self.host.relayout()

    def back(self) -> bool:
        """Esc moves on, as Continue does: the game is over and nothing lies behind."""
        self._continue()
        return True

    def _continue(self) -> None:
        self.host.replace(self.host.scene("name_entry", self.run))
