"""Interface strings in English and Russian, from the catalogs in game/data/assets/i18n/.

Every file `i18n/<part>.<lang>.yaml` holds flat `key: text` pairs; texts may use
`{name}` placeholders. A key missing in a language falls back to English, and a key missing
everywhere shows as the key itself, so a gap is visible but never crashes the game.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Any

import yaml

from game.resources import ASSETS

CATALOGS = ASSETS / "i18n"
LANGUAGES = ("en", "ru")


@lru_cache(maxsize=8)
def catalog(lang: str) -> MappingProxyType[str, str]:
    """All strings of one language (read once per process)."""
    merged: dict[str, str] = {}
    for path in sorted(CATALOGS.glob(f"*.{lang}.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        merged.update({str(k): str(v) for k, v in data.items()})
    return MappingProxyType(merged)


class Strings:
    """The interface strings of one language: `strings("key", name=value)`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self._own = catalog(self.lang)
        self._en = catalog("en")

    def __call__(self, key: str, **values: Any) -> str:
        text = self._own.get(key) or self._en.get(key) or key
        if values:
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def has(self, key: str) -> bool:
        return key in self._own
