"""The real engine as a ``replay`` callable for :meth:`Leaderboard.verify`.

The engine modules are imported when :func:`engine_score_replay` is called, not when this module
is imported, so the store works (and reports clearly) even where the engine is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from game.store.leaderboard import ReplayScore


class ReplayUnavailable(Exception):
    """A playthrough cannot be replayed here (engine or scenario version missing)."""


def engine_score_replay(extra_dirs: Iterable[Path] = ()) -> ReplayScore:
    """A ``replay(scenario_id, content_hash, seed, decisions) -> score`` using
    ``game.content.library.load_bundle`` and ``game.sim.session.Session.replay``.

    Bundles are loaded once per scenario id (``extra_dirs`` are searched first). The callable
    raises :class:`ReplayUnavailable` when the engine or that exact scenario version is not
    available, and the engine's own error when a decision does not fit.
    """
    folders = [Path(p) for p in extra_dirs]
    bundles: dict[str, Any] = {}

    def load(scenario_id: str) -> Any:
        if scenario_id not in bundles:
            try:
                from game.content.library import load_bundle
            except ImportError as exc:
                raise ReplayUnavailable(f"the scenario loader is not available ({exc})") from None
            try:
                bundles[scenario_id] = load_bundle(scenario_id, extra_dirs=folders)
            except Exception as exc:  # ContentError and friends: report, do not crash
                bundles[scenario_id] = ReplayUnavailable(
                    f"scenario '{scenario_id}' is not available: {exc}"
                )
        found = bundles[scenario_id]
        if isinstance(found, ReplayUnavailable):
            raise found
        return found

    def replay(scenario_id: str, content_hash: str, seed: int, decisions: Sequence[int]) -> float:
        bundle = load(scenario_id)
        if bundle.content_hash != content_hash:
            raise ReplayUnavailable(
                f"version {content_hash[:10]} of scenario '{scenario_id}' is not available "
                f"(the installed version is {bundle.content_hash[:10]})"
            )
        try:
            from game.sim.session import Session
        except ImportError as exc:
            raise ReplayUnavailable(f"the simulation engine is not available ({exc})") from None
        session = Session.replay(bundle, seed, list(decisions))
        if not session.finished:
            raise ValueError(f"the {len(decisions)} stored decisions do not reach an ending")
        return float(session.score().total)

    return replay
