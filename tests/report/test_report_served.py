"""The class report served by a real ``leadsim serve`` (SQLite): every link between its pages
works over HTTP, keeps the page's language, and the player pages render in headless Chromium
with no console error (the server's Content-Security-Policy included)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from game.content.library import load_bundle_by_id
from tests.report.chromium import Browser, find_chromium
from tests.serve.conftest import a_run, serving

NAMES = ("Anna", "<img src=x onerror=alert(1)>", '=HYPERLINK("x")')
HREF = re.compile(r'<a href="([^"#]+)[^"]*">')


def test_the_served_report_links_to_every_player_page_and_back(tmp_path: Path) -> None:
    example = load_bundle_by_id("example_release")
    with serving(str(tmp_path / "class")) as server:
        for seed, name in enumerate(NAMES, start=60):
            answer = httpx.post(
                f"{server.url}/api/runs",
                json=a_run(example, seed, name=name).payload(),
                headers=server.headers(),
            )
            assert answer.status_code == 201, answer.text
        index = f"{server.url}/report/?lang=ru"
        page = httpx.get(index)
        assert page.status_code == 200
        hrefs = [unescape(h) for h in HREF.findall(page.text)]
        players = [h for h in hrefs if h.startswith("players/")]
        assert len(players) == len(NAMES)
        assert all(h.endswith("?lang=ru") for h in players)
        for href in [*players, *(h for h in hrefs if h.startswith("maps/"))]:
            assert httpx.get(urljoin(index, href)).status_code == 200, href
        mine = urljoin(index, players[0])
        own = httpx.get(mine)
        assert "прохождения и разбор" in own.text and "<img src=x" not in own.text
        back = [unescape(h) for h in HREF.findall(own.text)]
        assert back and all(h == "../index.html?lang=ru" for h in back)
        again = httpx.get(urljoin(mine, back[0]))
        assert again.status_code == 200 and 'lang="ru"' in again.text

        binary, why = find_chromium()
        if binary is None:
            pytest.skip(f"headless Chromium is not available: {why}")
        with Browser(binary, tmp_path / "profile") as browser:
            browser.open(index)
            assert browser.problems() == []
            for href in players:
                browser.events.clear()  # the next page's load event, not this one's
                browser.open(urljoin(index, href))
                assert browser.evaluate("document.querySelectorAll('.bar').length") > 0
                assert browser.problems() == []
