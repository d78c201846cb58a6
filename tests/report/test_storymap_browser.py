"""`leadsim map` end to end: the page of every bundled scenario opened in headless Chromium,
the PNG next to it, the policy selector and the side panel, the command's exit codes, and
the link from the class report. Set LEADSIM_MAP_SCREENSHOTS=DIR to keep screenshots."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import BUNDLED, load_bundle
from tests.report.chromium import Browser, find_chromium
from tests.report.conftest import SCENARIOS, Report

FILES = Path(__file__).parent / "files"
FLAWED = Path(__file__).parents[1] / "authoring" / "files" / "flawed.yaml"
PLAYABLE = sorted(
    p.stem for p in BUNDLED.glob("*.yaml") if "kind: scenario" in p.read_text(encoding="utf-8")
)
COUNTS = """[document.querySelectorAll('svg.map .node.event').length,
 document.querySelectorAll('svg.map .node.ending').length]"""
RESOURCES = "performance.getEntriesByType('resource').map(r => r.name)"
WIDTHS = """Array.from(document.querySelectorAll('svg.map .wire > path'))
  .map(p => getComputedStyle(p).strokeWidth)"""


@pytest.fixture(scope="module")
def chromium() -> str:
    binary, why = find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium is not available: {why}")
    return binary


def draw(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["map", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def keep(shot: Path) -> None:
    folder = os.environ.get("LEADSIM_MAP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(folder) / shot.name)


def test_the_map_of_every_bundled_scenario_renders_with_a_node_per_event_and_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chromium: str
) -> None:
    assert len(PLAYABLE) >= 10
    with Browser(chromium, tmp_path / "profile") as browser:
        for sid in PLAYABLE:
            out = tmp_path / f"{sid}.html"
            code, said, err = draw(capsys, sid, "--out", str(out), "--runs", "40")
            assert code == 0, err
            scenario = load_bundle(sid).scenario
            assert said.strip() == f"wrote {out} and {out.with_suffix('.png')}"
            assert out.with_suffix(".png").read_bytes().startswith(b"\x89PNG")
            browser.events.clear()
            browser.open(out.as_uri(), width=1400, height=900)
            assert browser.evaluate(COUNTS) == [len(scenario.events), len(scenario.endings)]
            assert browser.problems() == [], sid
            assert all(url.startswith("file://") for url in browser.evaluate(RESOURCES))
            keep(browser.screenshot(tmp_path / f"{sid}.png"))


def test_the_policy_selector_switches_the_widths_and_the_panel_shows_a_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chromium: str
) -> None:
    out = tmp_path / "flow.html"
    code, _, err = draw(capsys, str(FILES / "map_flow.yaml"), "--out", str(out),
                        "--policies", "principled,never", "--runs", "50")  # fmt: skip
    assert code == 0, err
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open(out.as_uri(), width=1400, height=900)
        first = browser.evaluate(WIDTHS)
        browser.evaluate("document.querySelector('label[for=p-never]').click()")
        second = browser.evaluate(WIDTHS)
        assert len(first) == len(second) > 5 and first != second
        hidden = "document.getElementById('d1').hidden"
        assert browser.evaluate(hidden) is True
        browser.evaluate(
            "document.getElementById('n1').dispatchEvent(new MouseEvent('mouseenter'))"
        )
        assert browser.evaluate(hidden) is False
        panel = browser.evaluate("document.getElementById('panel').innerText")
        assert "Kick-off" in panel and f"{FILES / 'map_flow.yaml'}:" in panel
        links = browser.evaluate(
            "Array.from(document.querySelectorAll('#n1 a')).map(a => a.getAttribute('href'))"
        )
        lines = (FILES / "map_flow.yaml").read_text(encoding="utf-8").splitlines()
        line = lines.index("  - id: kickoff") + 1
        assert links[0] == f"vscode://file{(FILES / 'map_flow.yaml').resolve()}:{line}"
        assert browser.problems() == []


def test_a_scenario_with_errors_gets_a_map_of_its_flow_and_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chromium: str
) -> None:
    out = tmp_path / "flawed.html"
    code, _, err = draw(capsys, str(FLAWED), "--out", str(out))
    assert code == 1
    assert "4 error(s)" in err and "Traceback" not in err
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open(out.as_uri(), width=1400, height=900)
        assert browser.evaluate(COUNTS) == [5, 2]
        marked = browser.evaluate(
            "Array.from(document.querySelectorAll('.f-unreachable, .f-dead_end, .f-never'))"
            ".map(n => n.classList.contains('f-unreachable') ? 'u' : 'x').length"
        )
        assert marked == 4  # orphan, loop_a, loop_b, the shadowed ending
        assert "orphan" in browser.evaluate("document.body.innerText")
        assert browser.problems() == []


def test_titles_follow_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ru.html"
    assert draw(capsys, str(FILES / "map_flow.yaml"), "--out", str(out), "--lang", "ru",
                "--runs", "0")[0] == 0  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert "Карта сценария: Карта хода" in page and "Тревога" in page and "Kick-off" not in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--runs", "-1"], "--runs must be from 0"),
        (["--policies", "random,cautious"], "unknown policy 'cautious'"),
        (["--seed", "-5"], "--seed must be"),
    ],
)
def test_bad_options_are_refused_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, _, err = draw(capsys, "example_release", "--out", str(tmp_path / "x.html"), *argv)
    assert code == 2 and message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_an_unknown_scenario_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = draw(capsys, "no_such_scenario", "--out", str(tmp_path / "x.html"))
    assert code == 2 and "no scenario with this id" in err


def test_the_class_report_links_each_scenarios_map(
    filled: Path, tmp_path: Path, report: Report, chromium: str
) -> None:
    out = tmp_path / "report"
    assert report("--out", str(out)).code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for sid in SCENARIOS:
        assert f'href="maps/{sid}.html"' in index
        assert (out / "maps" / f"{sid}.png").is_file()
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open((out / "maps" / f"{SCENARIOS[0]}.html").as_uri())
        assert browser.problems() == []
