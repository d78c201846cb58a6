"""Messages from the store in the player's language.

The store's errors and resume outcomes carry a `code` and `params`; the interface string
`store.<code>` says the same in each language. Without a code (or a translation), the store's
own English message is shown: a message is never lost.
"""

from __future__ import annotations

from typing import Any

from game.i18n import Strings


def store_text(strings: Strings, source: Any, fallback: str) -> str:
    code = getattr(source, "code", None)
    params = getattr(source, "params", None) or {}
    key = f"store.{code}"
    if code and strings.has(key):
        return strings(key, **params)
    return fallback
