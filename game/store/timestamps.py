"""ISO 8601 UTC timestamps as the store writes them: ``2024-05-01T14:03:07.123456Z``."""

from __future__ import annotations

from datetime import datetime, timezone

# The longest ISO 8601 form Python reads, with room to spare; longer text is not a timestamp.
_MAX_CHARS = 64


def _format(moment: datetime) -> str:
    # Not strftime: its %Y drops the leading zeros of years before 1000 on some systems.
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with microseconds (sorts chronologically)."""
    return _format(datetime.now(timezone.utc))


def parse_utc(text: str) -> datetime:
    """Parse an ISO 8601 timestamp; a value without an offset is taken as UTC.

    Raises ``ValueError`` with the offending text when it is not a timestamp, or when it names
    a moment outside the years 1-9999 once converted to UTC.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected an ISO 8601 timestamp, got {type(text).__name__}")
    shown = repr(text) if len(text) <= _MAX_CHARS else repr(text[:_MAX_CHARS]) + "..."
    if len(text) > _MAX_CHARS:
        raise ValueError(f"{shown} is not an ISO 8601 timestamp")
    value = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{shown} is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc)
    except OverflowError:
        raise ValueError(f"{shown} lies outside the years 1-9999 in UTC") from None


def normalize_utc(text: str) -> str:
    """Re-format any ISO 8601 timestamp into the store's canonical UTC form."""
    return _format(parse_utc(text))
