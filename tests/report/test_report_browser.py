"""The report opened in headless Chromium: it renders offline with no console errors and
every image loads. Set LEADSIM_REPORT_SCREENSHOT=path.png to keep a screenshot to look at."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.report.chromium import Browser, find_chromium
from tests.report.conftest import NAMES, SCENARIOS, Report

IMAGES = "Array.from(document.images).map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])"
# Backgrounds darker than a light grey (alpha > 0 and luminance below 200 of 255).
DARK_BACKGROUNDS = """Array.from(document.querySelectorAll('*')).filter(e => {
  const [r, g, b, a = 1] = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g).map(Number);
  return a > 0 && 0.2126 * r + 0.7152 * g + 0.0722 * b < 200;
}).map(e => e.tagName)"""
RESOURCES = "performance.getEntriesByType('resource').map(r => r.name)"


@pytest.fixture(scope="session")
def chromium() -> str:
    binary, why = find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium is not available: {why}")
    return binary


def test_report_renders_in_chromium_and_every_image_loads(
    filled: Path, tmp_path: Path, report: Report, chromium: str
) -> None:
    out = tmp_path / "report"
    assert report("--out", str(out)).code == 0
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open((out / "index.html").as_uri())
        images = browser.evaluate(IMAGES)
        # one chart per idea: scores, endings and the principles per scenario; the choices
        # per event are tables
        assert len(images) == 3 * len(SCENARIOS)
        broken = [src for src, complete, width in images if not (complete and width > 0)]
        assert broken == []
        assert browser.problems() == []
        assert all(url.startswith("file://") for url in browser.evaluate(RESOURCES))
        assert browser.evaluate("document.scripts.length") == 0
        text = browser.evaluate("document.body.innerText")
        assert all(name in text for name in NAMES)  # shown as text, not run as markup
        shot = browser.screenshot(tmp_path / "screen.png")
        browser.media("print")
        assert browser.evaluate(DARK_BACKGROUNDS) == []
    assert shot.read_bytes().startswith(b"\x89PNG")
    keep = os.environ.get("LEADSIM_REPORT_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


LINKS = "Array.from(document.links).map(a => [a.getAttribute('href'), a.href])"


def test_every_player_page_renders_and_links_back(
    filled: Path, tmp_path: Path, report: Report, chromium: str
) -> None:
    out = tmp_path / "report"
    assert report("--out", str(out)).code == 0
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open((out / "index.html").as_uri())
        pages = sorted({h for h, _ in browser.evaluate(LINKS) if h.startswith("players/")})
        assert len(pages) == len(NAMES)
        for href in pages:
            browser.open((out / href).as_uri())
            assert browser.evaluate("document.scripts.length") == 0
            links = browser.evaluate(LINKS)
            assert ["../index.html", (out / "index.html").as_uri()] in links
            assert all(url.startswith("file://") for _, url in links)
            text = browser.evaluate("document.body.innerText")
            assert sum(name in text for name in NAMES) == 1  # the page of one player
        assert browser.problems() == []
