"""How the terminal lays text out: list items wrap under their text, a figure stays with its
label, and what happened never says "nothing changed" when a person left."""

from __future__ import annotations

from game.content.library import ScenarioLibrary, load_bundle_by_id
from game.sim.policies import choose
from game.sim.session import Session
from game.text.render import WIDTH, Renderer, wrap


def test_a_figure_is_never_parted_from_its_label():
    text = "Беляев (коммерческий директор «Солнечного маркета»): доверие 50% · терпение 45%"
    lines = wrap(text)
    assert len(lines) == 2 and lines[1] == "терпение 45%"
    assert "\u00a0" not in "".join(lines)  # the glue never reaches the screen
    assert wrap("x" * 68 + " about 20 minutes") == ["x" * 68 + " about", "20 minutes"]


def test_choices_wrap_under_their_own_text():
    session = Session(load_bundle_by_id("client_escalation"), 11)
    lines = Renderer(session, "en").choices(session.choices())[1:]
    starts = [n for n, line in enumerate(lines) if line[:1].isdigit()]
    assert len(starts) == len(session.choices())
    continued = [line for n, line in enumerate(lines) if n not in starts]
    assert continued and all(line.startswith("   ") and line[3] != " " for line in continued)
    assert all(len(line) <= WIDTH for line in lines)


def test_a_person_who_left_is_not_followed_by_nothing_visible_changed():
    seen = 0
    for entry in ScenarioLibrary().entries():
        assert entry.bundle is not None
        for seed in range(4):
            session = Session(entry.bundle, seed)
            while not session.finished:
                record = session.take(choose("antiprincipled", session))
                if any(kind == "left" for kind, _ in record.messages):
                    seen += 1
                    shown = Renderer(session, "en").outcome(record)
                    assert "Nothing visible changed." not in shown
    assert seen > 0  # the case was met
