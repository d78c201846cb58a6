"""The player's window settings: language, full screen, text size and colour palette.

They live in the data folder as `.ui-settings.json` (hidden, so the save scanner skips it) and
are written atomically. A missing or unreadable file gives the defaults and a `problem` text;
the game never fails to start because of it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.i18n import LANGUAGES

FILE_NAME = ".ui-settings.json"
TEXT_SIZES = ("small", "normal", "large", "largest")
PALETTES = ("standard", "colourblind")


@dataclass(frozen=True)
class Settings:
    lang: str = "en"
    fullscreen: bool = False
    text_size: str = "normal"
    palette: str = "standard"

    def cycled(self, name: str, step: int = 1) -> Settings:
        """These settings with `name` moved to its next (or previous) allowed value."""
        options = OPTIONS[name]
        current = getattr(self, name)
        index = options.index(current) if current in options else 0
        return dataclasses.replace(self, **{name: options[(index + step) % len(options)]})

    def stepped(self, name: str, step: int) -> Settings:
        """Like `cycled`, but a setting with an order (text size) stops at its smallest and
        largest value instead of wrapping round to the other end."""
        if name not in ORDERED:
            return self.cycled(name, step)
        options = OPTIONS[name]
        current = getattr(self, name)
        index = options.index(current) if current in options else 0
        index = max(0, min(len(options) - 1, index + step))
        return dataclasses.replace(self, **{name: options[index]})

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Settings:
        """Known keys with allowed values are taken; anything else keeps its default."""
        if not isinstance(data, dict):
            raise ValueError("the settings file does not hold a JSON object")
        values: dict[str, Any] = {}
        for name, options in OPTIONS.items():
            if data.get(name) in options:
                values[name] = data[name]
        return cls(**values)


OPTIONS: dict[str, tuple[Any, ...]] = {
    "lang": LANGUAGES,
    "fullscreen": (False, True),
    "text_size": TEXT_SIZES,
    "palette": PALETTES,
}
ORDERED = frozenset({"text_size"})  # settings whose values run from less to more


@dataclass
class SettingsFile:
    """Where the settings are kept; `problem` says why the last read or write failed."""

    folder: Path | None
    problem: str | None = None

    @property
    def path(self) -> Path | None:
        return None if self.folder is None else self.folder / FILE_NAME

    def load(self) -> Settings:
        path = self.path
        if path is None or not path.exists():
            return Settings()
        try:
            return Settings.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            self.problem = f"{path}: {err}"
            return Settings()

    def save(self, settings: Settings) -> bool:
        path = self.path
        if path is None:
            return False
        data = (json.dumps(settings.to_json(), indent=1) + "\n").encode("utf-8")
        try:
            from game.store.atomic import write_atomic
            from game.store.datadir import ensure_data_dir

            ensure_data_dir(path.parent)
            write_atomic(path, data)
        except ImportError:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except OSError as err:
                self.problem = f"{path}: {err}"
                return False
        except Exception as err:  # SaveWriteError or OSError: report, keep playing
            self.problem = f"{path}: {err}"
            return False
        self.problem = None
        return True
