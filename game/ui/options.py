"""What `leadsim play` asks of the window: scenario, seed, language, size, autoplay."""

from __future__ import annotations

import argparse
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.i18n import LANGUAGES
from game.safe_text import visible

SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


LARGEST = 16384  # the widest window SDL draws into


def parse_size(text: str) -> tuple[int, int]:
    """`"1280x720"` -> (1280, 720); raises ValueError with a readable message."""
    match = SIZE.match(text)
    if not match:
        shown = visible(text if len(text) <= 40 else text[:37] + "...", keep_newlines=False)
        raise ValueError(f"--size wants WIDTHxHEIGHT, e.g. 1280x720, not '{shown}'")
    width, height = int(match.group(1)), int(match.group(2))
    if width < 320 or height < 240:
        raise ValueError(f"--size {width}x{height} is too small (at least 320x240)")
    if width > LARGEST or height > LARGEST:
        raise ValueError(f"--size {width}x{height} is too large (at most {LARGEST}x{LARGEST})")
    return width, height


def check_folder(path: Path) -> Path:
    """A folder the autoplay harness can write its screenshots into: it is a folder (or can be
    made one) and takes a new file. Raises ValueError with a readable message; makes nothing."""
    if path.exists() and not path.is_dir():
        raise ValueError(f"--screenshots wants a folder, and {_shown(path)} is a file")
    parent = path
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise ValueError(f"--screenshots: {_shown(parent)} is a file, not a folder")
    try:
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise ValueError(f"--screenshots: cannot write in {_shown(parent)} ({reason})") from None
    return path


def _shown(path: Path) -> str:
    return visible(str(path), keep_newlines=False)


@dataclass(frozen=True)
class Options:
    scenario: str | None = None
    seed: int | None = None
    lang: str | None = None
    scenarios: tuple[Path, ...] = ()
    name: str | None = None
    autoplay: str | None = None
    screenshots: Path | None = None
    size: tuple[int, int] | None = None
    fullscreen: bool = False
    resume: bool = False  # --continue: pick up the latest saved game at once
    watch: bool = False  # --watch: reload the scenario when its files change
    team: str | None = None  # --team: play the scenario with this team instead of its own

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Options:
        """Read the play command's arguments (options it does not define yet are optional)."""
        lang = getattr(args, "lang", None)
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"--lang must be one of {', '.join(LANGUAGES)}")
        size_text = getattr(args, "size", None)
        shots = getattr(args, "screenshots", None)
        autoplay = getattr(args, "autoplay", None)
        if autoplay is not None:
            from game.sim.policies import POLICY_NAMES

            if autoplay not in POLICY_NAMES:
                raise ValueError(f"--autoplay must be one of {', '.join(POLICY_NAMES)}")
        if shots and autoplay is None:
            raise ValueError("--screenshots works with --autoplay POLICY only")
        return cls(
            scenario=getattr(args, "scenario", None),
            seed=getattr(args, "seed", None),
            lang=lang,
            scenarios=tuple(Path(p) for p in (getattr(args, "scenarios", None) or ())),
            name=getattr(args, "name", None),
            autoplay=autoplay,
            screenshots=check_folder(Path(shots)) if shots else None,
            size=parse_size(size_text) if size_text else None,
            fullscreen=bool(getattr(args, "fullscreen", False)),
            resume=bool(getattr(args, "resume", False)),
            watch=bool(getattr(args, "watch", False)),
            team=getattr(args, "team", None),
        )
