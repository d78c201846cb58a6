"""The lines a game in a class shows read as Russian: the number agrees with its noun."""

from __future__ import annotations

import pytest

from game.i18n import Strings


@pytest.mark.parametrize(
    ("score", "ending"),
    [(73.4, "73,4 балла."), (21.0, "21 балл."), (22.0, "22 балла."), (25.0, "25 баллов.")],
)
def test_the_servers_score_agrees_with_its_noun(score, ending):
    assert Strings("ru")("class.sent", score=score).endswith(ending)


@pytest.mark.parametrize(("count", "form"), [(1, "завершённая игра"), (3, "завершённые игры"),
                                             (5, "завершённых игр")])  # fmt: skip
def test_runs_sent_on_connecting_agree_with_their_count(count, form):
    assert f"{count} {form}" in Strings("ru")("text.class.drain_sent", count=count)
