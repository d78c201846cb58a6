"""What a turn says in words: the messages of the bundled tutorial, played for real."""

from __future__ import annotations

import pytest

from game.content.library import load_bundle_by_id
from game.play.wording import Wording
from game.sim.session import Session


def _milestone_messages(lang: str) -> list[str]:
    """Every milestone message of plays of the tutorial, always taking the first choice."""
    said = []
    for seed in range(1, 9):
        session = Session(load_bundle_by_id("example_release"), seed=seed)
        words = Wording(session, lang)
        while not session.finished:
            record = session.take(session.choices()[0].id)
            said += [text for kind, text in words.messages(record) if kind == "milestone"]
    return said


@pytest.mark.parametrize(
    ("lang", "named", "unnamed", "placeholder"),
    [
        ("en", "Milestone reached: Release shipped", "Milestone", "the milestone"),
        ("ru", "Этап пройден: Релиз выпущен", "Этап", ": этап"),
    ],
)
def test_a_milestone_without_a_name_is_said_without_a_stand_in_name(
    lang, named, unnamed, placeholder
):
    said = _milestone_messages(lang)
    assert named in said
    bare = [text for text in said if ":" not in text]
    assert bare, said  # the tutorial's unnamed milestones were met
    assert all(text.startswith(unnamed) for text in bare)
    assert not any(placeholder in text for text in said)
