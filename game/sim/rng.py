"""Counter-based randomness: every draw is a pure function of (seed, run, turn, key).

There is no generator state to carry around: the same (seed, run, turn, key) always gives the
same number, in one playthrough or in ten thousand computed at once. Keys are stable hashes of
*where* a draw is needed (an effect's place in the scenario, a member, a policy), so changing a
decision at turn 3 does not reshuffle the dice of unrelated later turns, and what-if replays
compare like with like (common random numbers).

The mixer is splitmix64's finaliser over uint64 arrays; numpy's uint64 arithmetic wraps, which
is exactly what the mixer wants.
"""

from __future__ import annotations

import functools
import hashlib

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
_SCALE = 2.0**-53
_MASK = (1 << 64) - 1


def key_of(*parts: object) -> int:
    """A stable 64-bit key for a draw site, e.g. key_of("events", 3, "choices", 1, "morale")."""
    text = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    x = (x ^ (x >> _S30)) * _M1
    x = (x ^ (x >> _S27)) * _M2
    return x ^ (x >> _S31)


@functools.cache
def _lanes(width: int) -> np.ndarray:
    """(1, width): what tells the lanes of one draw apart (shared, never written to)."""
    lanes = (np.arange(1, width + 1, dtype=np.uint64) * _GOLDEN)[None, :]
    lanes.flags.writeable = False
    return lanes


def uniform(seed: int, runs: np.ndarray, turn: int, key: int, width: int = 0) -> np.ndarray:
    """Uniform numbers in [0, 1), one per run (shape (R,)) or per run and lane ((R, width))."""
    base = np.uint64((seed * 0x9E3779B97F4A7C15 + turn * 0xD1B54A32D192ED03 + key) & _MASK)
    x = _mix(runs.astype(np.uint64, copy=False) * _GOLDEN + base)
    x = _mix(x[:, None] ^ _lanes(width)) if width else _mix(x)
    return (x >> _S11).astype(np.float64) * _SCALE
