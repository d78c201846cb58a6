"""The engine as the ``replay`` of :meth:`game.store.leaderboard.Leaderboard.verify`.

A stored row names its scenario by id and version (content hash): the id is only ever looked
up in the scenario folders (``load_bundle_by_id``), never opened as a path, and a version
other than the installed one is reported as unavailable rather than replayed on the wrong
file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from game.content.diagnostics import ContentError
from game.content.library import load_bundle_by_id
from game.sim.program import Program
from game.sim.session import InvalidChoice, Session
from game.store.decisions import Decision
from game.store.verification import Replay, Replayed, ReplayFailed, VersionUnavailable


def _first_problem(err: ContentError) -> str:
    if not err.diagnostics:
        return str(err)
    return err.diagnostics[0].message


def engine_replay(extra_dirs: Iterable[Path] = ()) -> Replay:
    """A ``replay(scenario_id, content_hash, seed, decisions) -> Replayed`` on the installed
    scenarios (``extra_dirs`` are searched first), each compiled once.

    Raises :class:`VersionUnavailable` when that scenario or that exact version is not
    installed, :class:`ReplayFailed` when the decisions do not fit it or reach no ending.
    """
    folders = [Path(p) for p in extra_dirs]
    programs: dict[str, Program | VersionUnavailable] = {}

    def program(scenario_id: str, content_hash: str) -> Program:
        if scenario_id not in programs:
            try:
                programs[scenario_id] = Program(load_bundle_by_id(scenario_id, folders))
            except ContentError as err:
                programs[scenario_id] = VersionUnavailable(
                    f"scenario '{scenario_id}' is not available here ({_first_problem(err)})"
                )
        found = programs[scenario_id]
        if isinstance(found, VersionUnavailable):
            raise found
        installed = found.bundle.content_hash
        if installed != content_hash:
            raise VersionUnavailable(
                f"version {content_hash[:10]} of scenario '{scenario_id}' is not installed "
                f"here (the installed version is {installed[:10]})"
            )
        return found

    def replay(
        scenario_id: str, content_hash: str, seed: int, decisions: Sequence[Decision]
    ) -> Replayed:
        compiled = program(scenario_id, content_hash)
        try:
            session = Session.replay(compiled, seed, list(decisions))
        except (InvalidChoice, ValueError, TypeError) as err:
            # ReplayError is a ValueError; a log the engine cannot read at all is a TypeError
            raise ReplayFailed(str(err) or type(err).__name__) from None
        if session.ending is None:
            raise ReplayFailed(f"the {len(decisions)} stored decisions do not reach an ending")
        return Replayed(
            float(session.score().total), session.ending.id, session.principle_profile()
        )

    return replay
