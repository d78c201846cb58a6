"""Readable names for saved games: the scenario's title and the local date and time.

A name is never cut in the middle of a word: a title too long for the room is shortened at
a word boundary and ends with an ellipsis.
"""

from __future__ import annotations

from game.store.errors import StoreError
from game.store.names import MAX_NAME_LENGTH
from game.store.save_record import SaveRecord
from game.store.timestamps import parse_utc
from game.ui.flow import save_title
from game.ui.scene import Host

ELLIPSIS = "…"
TITLE_ROOM = 60  # characters of a title in the list of saved games


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word and ended by "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = max(1, limit - len(ELLIPSIS))
    cut = text[: room + 1]
    space = cut.rfind(" ")
    # one word longer than the room has no word boundary to cut at: it is cut where it must
    kept = cut[:space] if space > 0 else text[:room]
    return kept.rstrip(" ,.;:·—-") + ELLIPSIS


def named_after(slot: str | None, title: str) -> bool:
    """True when a save's name begins with its scenario's title, whole or shortened (as the
    proposed names do), so that the list need not say the title again."""
    if not slot:
        return False
    head = slot.split(ELLIPSIS, 1)[0]
    return slot.startswith(title) or (head != slot and bool(head) and title.startswith(head))


def local_time(stamp: str) -> str:
    """An ISO UTC timestamp as the local date and time, e.g. "2026-12-02 14:05"."""
    try:
        moment = parse_utc(stamp)
    except (StoreError, ValueError):
        return stamp[:16].replace("T", " ")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def title_of(host: Host, record: SaveRecord) -> str:
    """The save's scenario title in the window's language; a plain description while the
    scenario library is still being read or holds no such scenario (never its id)."""
    title = save_title(host, record)
    if title == record.scenario_id and not (record.snapshot or {}).get("title"):
        return host.strings("saves.untitled")
    return title


def default_name(host: Host, record: SaveRecord) -> str:
    """A name for the save: the given one, else its scenario's title and date, shortened to
    fit the store's name rules."""
    if record.slot:
        return record.slot
    when = local_time(record.updated)
    room = MAX_NAME_LENGTH - len(when) - 2
    return f"{shorten(title_of(host, record), room)}, {when}"
