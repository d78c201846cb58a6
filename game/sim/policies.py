"""Policies for automatic play: the same decisions in a playthrough and in the batch engine.

* `random` picks uniformly among the choices on offer;
* `principled` picks the choice whose tags score highest (applied minus violated);
* `antiprincipled` picks the lowest;
* `greedy` tries each choice and keeps the best score one turn ahead.
Ties are broken by the counter-based generator, so a policy is a pure function of
(seed, run, turn, the state).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.sim.rng import key_of, uniform

POLICY_NAMES = ("random", "principled", "antiprincipled", "greedy")
_KEYS = {name: key_of("policy", name) for name in POLICY_NAMES}
TIE = 1e-9


def tag_score(applied: tuple[str, ...], violated: tuple[str, ...]) -> float:
    return float(len(applied) - len(violated))


def pick(values: np.ndarray, offered: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """Per run (row): the offered column with the highest value; ties go to the highest noise.

    `values`, `offered` and `noise` have shape (R, C); returns 0-based columns (R,).
    """
    rounded = np.round(values / TIE) * TIE
    masked = np.where(offered, rounded, -np.inf)
    best = masked.max(axis=1, keepdims=True)
    candidates = offered & (masked == best)
    return np.argmax(np.where(candidates, noise, -1.0), axis=1)


def noise(seed: int, runs: np.ndarray, turn: int, policy: str, width: int) -> np.ndarray:
    return uniform(seed, runs, turn, _KEYS[policy], width)


def choose(policy: str, session: object) -> int:
    """The 1-based choice `policy` makes in a playthrough (a game.sim.session.Session)."""
    from game.sim.session import Session

    assert isinstance(session, Session)
    if policy not in POLICY_NAMES:
        raise ValueError(f"unknown policy '{policy}' (choose from {', '.join(POLICY_NAMES)})")
    event = session.program.events[session.event_index]
    options = session.choices()
    offered = np.zeros((1, len(event.choices)), dtype=bool)
    for option in options:
        offered[0, option.index - 1] = True
    values = np.zeros((1, len(event.choices)))
    if policy in ("principled", "antiprincipled"):
        sign = 1.0 if policy == "principled" else -1.0
        for k, c in enumerate(event.choices):
            values[0, k] = sign * tag_score(c.applied, c.violated)
    elif policy == "greedy":
        for option in options:
            trial = session.fork()
            trial.choose(option.index)
            values[0, option.index - 1] = trial.score().total
    draws = noise(session.seed, session.ctx.run_ids, session.turn, policy, len(event.choices))
    return int(pick(values, offered, draws)[0]) + 1


Policy = Callable[[object], int]
