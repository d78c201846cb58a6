"""The shape of the values the store keeps: ids, hashes, seeds, run ids.

Each ``*_problem`` function returns None for a good value, or what is wrong in words.
"""

from __future__ import annotations

import re
import secrets

# The id pattern of scenarios, choices, endings and principles in scenario files.
ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
# Run ids and game ids: 128-bit hex when made here; saves of the first format derive theirs.
RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
CONTENT_HASH = re.compile(r"[A-Za-z0-9_-]{1,128}")
MIN_SEED = -(2**63)
MAX_SEED = 2**64 - 1


def new_run_id() -> str:
    """A fresh random run id: 128 bits as 32 hex digits."""
    return secrets.token_hex(16)


def shown(value: object, limit: int = 40) -> str:
    """A short, safe description of ``value`` for a message."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        return "a number with more than 30 digits"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"binary data ({len(value)} bytes)"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def id_problem(value: object, what: str) -> str | None:
    if isinstance(value, str) and ID.fullmatch(value):
        return None
    return f"the {what} must be an id (lower-case letters, digits and _), not {shown(value)}"


def seed_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"the seed must be a whole number, not {shown(value)}"
    if not MIN_SEED <= value <= MAX_SEED:
        return f"the seed {shown(value)} is out of range ({MIN_SEED} to {MAX_SEED})"
    return None


def run_id_problem(value: object, what: str = "run id") -> str | None:
    if isinstance(value, str) and RUN_ID.fullmatch(value):
        return None
    return f"the {what} must be 1-64 letters, digits, _ or -, not {shown(value)}"


def content_hash_problem(value: object) -> str | None:
    if isinstance(value, str) and CONTENT_HASH.fullmatch(value):
        return None
    return f"the content hash must be 1-128 letters, digits, _ or -, not {shown(value)}"
