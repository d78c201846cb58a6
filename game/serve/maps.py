"""The story maps at ``/map/{id}``: ``leadsim map``'s page of each scenario on offer.

A map is drawn (with its playtest) the first time it is asked for, per scenario version and
language, in a thread, and kept while the server runs. The page carries its own small script;
:func:`script_policy` allows exactly the scripts of a page, by their hashes, and nothing else.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from game.content.library import Bundle

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
PAGE_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def script_policy(page: str) -> str:
    """A Content-Security-Policy for a self-contained page: its inline styles, and its inline
    scripts only (each allowed by its SHA-256)."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(page)
    ]
    scripts = " ".join(hashes) if hashes else "'none'"
    return f"{PAGE_POLICY}; script-src {scripts}"


def draw(bundle: Bundle, lang: str, dirs: Sequence[Path], folder: Path) -> str:
    """The map page of ``bundle`` in ``lang`` (blocking: run it in a thread)."""
    # imported here: drawing brings in pygame, which the rest of the server avoids
    from game.report.storymap.build import MapOptions, read_source, write_map

    source = read_source(bundle, dirs)
    out = folder / f"{bundle.content_hash}-{lang}.html"
    written = write_map(source, out, MapOptions(lang=lang))
    return written.html.read_text(encoding="utf-8")


class MapCache:
    """Map pages by (content hash, language), drawn once each."""

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = tuple(dirs)
        self.root = Path(tempfile.mkdtemp(prefix="leadsim-maps-"))
        self._pages: dict[tuple[str, str], str] = {}
        self._lock = asyncio.Lock()

    async def page(self, bundle: Bundle, lang: str) -> str:
        """The page; ``ContentError`` when the scenario cannot be drawn, ``OSError`` when it
        cannot be written."""
        key = (bundle.content_hash, lang)
        async with self._lock:
            if key not in self._pages:
                self._pages[key] = await asyncio.to_thread(draw, bundle, lang, self.dirs, self.root)
            return self._pages[key]

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
