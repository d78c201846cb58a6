"""ISO 8601 UTC timestamps as the store writes them: ``2024-05-01T14:03:07.123456Z``."""

from __future__ import annotations

from datetime import datetime, timezone

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with microseconds (sorts chronologically)."""
    return datetime.now(timezone.utc).strftime(_FORMAT)


def parse_utc(text: str) -> datetime:
    """Parse an ISO 8601 timestamp; a value without an offset is taken as UTC.

    Raises ``ValueError`` with the offending text when it is not a timestamp.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected an ISO 8601 timestamp, got {type(text).__name__}")
    value = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def normalize_utc(text: str) -> str:
    """Re-format any ISO 8601 timestamp into the store's canonical UTC form."""
    return parse_utc(text).strftime(_FORMAT)
