"""The terminal's outcome says how the leader and the stakeholders moved, as the window does:
never "nothing visible changed" while a client's trust fell."""

from __future__ import annotations

import pytest

from game.content.library import load_bundle_by_id
from game.i18n import Strings
from game.sim.session import Session
from game.text.render import Renderer


def _first_event_choices() -> list[str]:
    return [option.id for option in Session(load_bundle_by_id("key_account"), seed=5).choices()]


@pytest.mark.parametrize("choice", _first_event_choices())
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_stakeholder_whose_trust_moved_is_named_with_the_change(choice, lang):
    session = Session(load_bundle_by_id("key_account"), seed=5)
    before = session.view()
    record = session.take(choice)
    after = session.view()
    text = "\n".join(Renderer(session, lang).outcome(record, before))
    s = Strings(lang)
    moved = False
    for old, new in zip(before.stakeholders, after.stakeholders, strict=True):
        change = round((new.trust - old.trust) * 100)
        name = session.text(new.name, lang)
        said = s("text.change.trust", change=f"{change:+d}")
        if abs(new.trust - old.trust) >= 0.02:
            moved = True
            assert f"{name}: {said}" in text or (f"{name}: " in text and said in text), text
    if moved:
        assert s("text.no_changes") not in text
    leader = after.leader_energy - before.leader_energy
    if abs(leader) >= 0.02:
        energy = s("text.change.energy", change=f"{round(leader * 100):+d}")
        assert f"{s('text.you')}: " in text and energy in text
