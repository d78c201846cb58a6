"""The bundled options are worded neutrally: a player who reads only the wording, taking the
option that names a virtue ("calmly", "one to one", "honest", "the real numbers") and avoiding
the one that confesses a bad motive, does no better than picking at random."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from game.content.library import Bundle, ScenarioLibrary, load_bundle
from game.resources import SCENARIOS
from game.sim.playtest import play_many, summarise
from game.sim.program import Program
from game.sim.session import Session

RUNS = 60  # wording-only plays per scenario
RANDOM_RUNS = 1_000
SEED = 7
MARGIN = 5.0  # points the wording player may score above random play

VIRTUE = re.compile(
    r"\b(facts?|one[- ]to[- ]one|one-on-ones?|calm(ly)?|plan b|honest(ly)?|owns? the|fair(ly)?"
    r"|team first|real|really|alone|in private|privately|plainly|straight|admit)\b",
    re.IGNORECASE,
)
MOTIVE = re.compile(
    r"\b(overtime|blame|in front of everyone|shout|nobody can say|it pays|so you never"
    r"|dealt with)\b",
    re.IGNORECASE,
)


def _wording(session: Session) -> str:
    """The shown option whose English text names the most virtues and the fewest bad motives
    (the first shown on a tie: the display order is shuffled per game)."""

    def appeal(text: str) -> int:
        return len(VIRTUE.findall(text)) - len(MOTIVE.findall(text))

    options = session.choices()
    return max(options, key=lambda o: appeal(session.text(o.choice.text, "en"))).id


def _wording_mean(bundle: Bundle) -> float:
    scores = []
    for seed in range(RUNS):
        session = Session(bundle, seed=SEED + seed)
        while not session.finished:
            session.take(_wording(session))
        scores.append(session.score().total)
    return statistics.mean(scores)


def _random_mean(bundle: Bundle) -> float:
    program = Program(bundle)
    return float(summarise(program, play_many(program, SEED, RANDOM_RUNS, "random"))["mean_score"])


def _bundles() -> list[Bundle]:
    return [e.bundle for e in ScenarioLibrary().entries() if e.bundle is not None]


@pytest.mark.parametrize("bundle", _bundles(), ids=lambda b: b.scenario.id)
def test_reading_only_the_wording_does_no_better_than_chance(bundle: Bundle) -> None:
    wording, chance = _wording_mean(bundle), _random_mean(bundle)
    assert wording <= chance + MARGIN, f"wording-only {wording:.1f}, random {chance:.1f}"


# The tutorial's options as they were once worded: the right one named its virtue ("one to
# one", "calmly"), the wrong one its bad motive ("shout"). The same check catches that.
GIVEAWAYS = [
    (
        "Hold the client's report and go through the test list with {oleg}",
        "Talk to {oleg} one to one",
    ),
    ("Sit down with the team, size up the bug and make the call", "Calmly weigh the risk"),
    (
        "Stop everyone and say plainly that this bug should have been caught",
        "Shout at the team for letting it slip",
    ),
]


def test_a_giveaway_wording_is_caught(tmp_path: Path) -> None:
    text = (SCENARIOS / "example_release.yaml").read_text(encoding="utf-8")
    for now, before in GIVEAWAYS:
        assert now in text, now
        text = text.replace(now, before)
    (tmp_path / "example_release.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "example_team.yaml").write_bytes((SCENARIOS / "example_team.yaml").read_bytes())
    bundle = load_bundle(tmp_path / "example_release.yaml")
    wording, chance = _wording_mean(bundle), _random_mean(bundle)
    assert wording > chance + MARGIN, f"wording-only {wording:.1f}, random {chance:.1f}"
