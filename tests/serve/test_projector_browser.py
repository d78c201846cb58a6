"""The projector page in headless Chromium: a submission shows on the board within two
seconds without a reload, names are text (never markup), and the page breaks no rule of its
Content-Security-Policy. Set LEADSIM_PROJECTOR_SCREENSHOT=path.png to keep a screenshot."""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest

from tests.report.chromium import Browser, find_chromium
from tests.serve.conftest import a_run, serving

HOSTILE = "<img src=x onerror=alert(1)>"
BOARD_TEXT = "document.getElementById('board').textContent"


@pytest.fixture(scope="module")
def chromium() -> str:
    binary, why = find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium is not available: {why}")
    return binary


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    with serving(str(tmp_path_factory.mktemp("class"))) as running:
        yield running


@pytest.fixture
def server(shared):
    """The module's server with a new, empty class."""
    httpx.post(f"{shared.url}/api/admin/reset", headers=shared.admin()).raise_for_status()
    return shared


def _wait_for(browser: Browser, expression: str, limit_s: float) -> float:
    """Seconds until ``expression`` is true in the page; fails past ``limit_s``."""
    started = time.monotonic()
    while not browser.evaluate(expression):
        if time.monotonic() - started > limit_s:
            pytest.fail(f"the page did not show it within {limit_s} s: {expression}")
        browser.call("Browser.getVersion")  # a round trip to Chromium, instead of a sleep
    return time.monotonic() - started


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_board_shows_a_new_run_within_two_seconds_without_a_reload(
    chromium, server, tmp_path: Path, example, lang
):
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open(f"{server.url}/?lang={lang}", width=1600, height=1000)
        _wait_for(browser, "document.getElementById('status').textContent.length > 0", 5)
        first = browser.evaluate("document.body.dataset.revision || '0'")
        browser.evaluate("window.sameDocument = true")
        seed = 31 if lang == "en" else 41  # one board for both: each its own runs
        runs = [a_run(example, seed, name=HOSTILE), a_run(example, seed + 1, name="Фёдор")]
        for run in runs:
            answer = httpx.post(f"{server.url}/api/runs", json=run.payload(),
                                headers=server.headers())  # fmt: skip
            assert answer.status_code == 201
        progress = {"run_id": "r1", "name": "Zoya", "scenario_id": "example_release",
                    "decisions": 2}  # fmt: skip
        sent = httpx.post(f"{server.url}/api/progress", json=progress, headers=server.headers())
        assert sent.status_code == 204
        waited = _wait_for(browser, f"{BOARD_TEXT}.includes('Фёдор')", 2.0)
        players = "document.getElementById('players').textContent"
        _wait_for(browser, f"{players}.includes('Zoya')", 2.0)
        decisions = "2 decisions" if lang == "en" else "2 решения"
        assert browser.evaluate(f"{players}.includes({decisions!r})")
        assert browser.evaluate("window.sameDocument") is True  # updated in place
        assert browser.evaluate("document.body.dataset.revision") != first
        assert browser.evaluate(f"{BOARD_TEXT}.includes({HOSTILE!r})")
        assert browser.evaluate("document.querySelectorAll('#board img').length") == 0
        title = "Friday release" if lang == "en" else "Релиз в пятницу"
        assert browser.evaluate(f"{BOARD_TEXT}.includes({title!r})")
        assert browser.problems() == []
        shot = os.environ.get("LEADSIM_PROJECTOR_SCREENSHOT")
        if shot:
            browser.screenshot(Path(shot).with_stem(f"{Path(shot).stem}-{lang}"))
    assert waited < 2.0


def test_the_served_report_and_story_map_render_with_no_console_error(
    chromium, server, tmp_path: Path, example
):
    answer = httpx.post(f"{server.url}/api/runs", json=a_run(example, 51).payload(),
                        headers=server.headers())  # fmt: skip
    assert answer.status_code == 201
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open(f"{server.url}/report/?lang=en")
        images = browser.evaluate("Array.from(document.images).map(i => i.naturalWidth)")
        assert images and all(width > 0 for width in images)
        assert browser.problems() == []
        browser.events.clear()  # the next page's load event, not this one's
        browser.open(f"{server.url}/map/example_release")
        assert browser.evaluate("document.querySelectorAll('svg').length") >= 1
        assert browser.problems() == []
