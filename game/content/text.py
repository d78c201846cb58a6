"""Picking the language of a scenario text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_LANG = "en"


def tr(text: Any, lang: str, fallback: str = DEFAULT_LANG) -> str:
    """A text field (a string, or a map {en: ..., ru: ...}) in `lang`.

    Falls back to `fallback`, then to any language the text has; None gives "".
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, Mapping):
        for key in (lang, fallback):
            if key in text:
                return str(text[key])
        return str(next(iter(text.values()), ""))
    return str(text)
