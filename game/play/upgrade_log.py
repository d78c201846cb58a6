"""Decision logs of the first engine, read as choice ids.

The first engine logged a decision as the choice's 1-based position in the file (0: the time
ran out). Which event a position belongs to depends on the playthrough, so a log is converted
by replaying it; each decision then becomes the id of the choice it took: the author's id, or
for a choice without one the id `leadsim upgrade` gives it (game.content.upgrade). Replayed on
the upgraded scenario, the ids reach the same state as the positions do.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.library import Bundle
from game.content.upgrade import choice_ids
from game.sim.program import Program
from game.sim.session import Decision, Session


def upgrade_log(
    bundle: Bundle | Program, seed: int, decisions: Sequence[Decision]
) -> list[str | None]:
    """The log with every decision named by a choice id (None where the time ran out).

    Positions (ints, or digits as text) and ids may be mixed. Raises game.sim.session.ReplayError
    when a decision does not fit the scenario (it changed since the log was made).
    """
    session = Session.replay(bundle, seed, decisions)
    scenario = session.scenario
    events = {event.id: event for event in scenario.events}
    ids: dict[str, list[str]] = {}
    out: list[str | None] = []
    for record in session.history:
        if record.choice_id is None:
            out.append(None)
            continue
        if record.event_id not in ids:
            ids[record.event_id] = choice_ids(events[record.event_id], scenario.languages)
        out.append(ids[record.event_id][record.choice_index - 1])
    return out
