"""The terminal shows what the window shows before and at each decision: the scenario's title,
the team's values, each person's role and type and their trust, the stakeholders' trust."""

from __future__ import annotations

import io
import re
from typing import get_args

import pytest

from game.content import models as m
from game.content.library import ScenarioLibrary
from game.content.models import Setting
from game.i18n import Strings
from game.play.run import GameRun
from game.play.wording import Wording
from game.text.play import Decider, TextGame

PERCENT = re.compile(r"\d+%")


def _flat(text: str) -> str:
    """Wrapped text back to one line, to look for a sentence wherever the lines broke."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_bundled_scenario_shows_title_values_roles_and_trust(lang):
    for entry in ScenarioLibrary().entries():
        bundle = entry.bundle
        assert bundle is not None
        out = io.StringIO()
        run = GameRun.start(bundle, lang, seed=3)
        game = TextGame(run, out, io.StringIO())
        assert game.run(Decider(interactive=False)) == "eof"  # up to the first prompt
        shown = out.getvalue()
        flat = _flat(shown)
        words = Wording(run.session, lang, run.strings)
        title = words.t(bundle.scenario.title)
        assert title.upper() in shown, entry.id  # the briefing
        header = next(line for line in shown.splitlines() if line.startswith(title + " · "))
        assert "1" in header, entry.id
        for value in bundle.team.values:
            said = value.text if isinstance(value, m.TeamValue) else value
            assert _flat(words.t(said)) in flat, (entry.id, said)
        view = run.session.view()
        rows = {line[1:24].strip(): line for line in shown.splitlines() if line.startswith(" ")}
        for member in bundle.team.members:
            seen = next(v for v in view.members if v.id == member.id)
            if seen.status == "not_joined":
                continue
            name = words.t(member.name)
            archetype = run.strings(
                f"archetype.{member.archetype}", name=words.member_name(member.id)
            )
            assert _flat(f"{words.t(member.role)} · {archetype}") in flat, (entry.id, member.id)
            if seen.present:  # morale, stress, output and trust: four figures on the row
                row = rows[name[:23].strip()]
                assert len(PERCENT.findall(row)) == 4, (entry.id, row)
                assert f"{round(seen.trust * 100):3d}%" in row
        for holder in view.stakeholders:
            assert _flat(words.t(holder.name)) in flat, (entry.id, holder.id)
            assert f"{round(holder.trust * 100)}%" in flat


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_kind_of_work_a_scenario_may_name_has_a_label(lang):
    strings = Strings(lang)
    for setting in get_args(Setting):
        assert strings(f"setting.{setting}") != f"setting.{setting}", setting
