"""Every screen, in both languages, at the smallest and the largest supported window size,
driven by the autoplay harness through real posted events."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.ui.app import run_window
from game.ui.settings import FILE_NAME
from tests.ui.helpers import FIXTURES, STRESS

SCREENS = (
    "title",
    "settings",
    "settings_class",
    "saves",
    "picker",
    "briefing",
    "decision",
    "pause",
    "save_dialog",
    "notice",
    "outcome",
    "debrief",
    "debrief_profile",
    "name_entry",
    "leaderboard",
)


def autoplay(
    folder: Path, scenario: str, lang: str, size: str, policy: str = "principled"
) -> tuple[int, dict]:
    args = argparse.Namespace(
        scenario=scenario,
        seed=5,
        lang=lang,
        scenarios=[FIXTURES],
        name=None,
        autoplay=policy,
        screenshots=str(folder),
        size=size,
    )
    code = run_window(args)
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return code, report


def assert_not_blank(path: Path) -> None:
    pixels = pygame.surfarray.array3d(pygame.image.load(str(path))).reshape(-1, 3)
    assert pixels.std() > 10, f"{path.name} is nearly one colour"
    assert len(np.unique(pixels[::7], axis=0)) > 50, f"{path.name} has almost no detail"


@pytest.mark.parametrize("size", ["1024x600", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_autoplay_shows_every_screen_without_cut_text(tmp_path: Path, lang: str, size: str) -> None:
    code, report = autoplay(tmp_path / "shots", STRESS, lang, size)
    assert code == 0
    names = [screen["scene"] for screen in report["screens"]]
    assert sorted(names) == sorted(SCREENS)
    for n, screen in enumerate(report["screens"], start=1):
        path = tmp_path / "shots" / screen["file"]
        assert path.name == f"{n:02d}-{screen['scene']}.png"
        assert screen["size"] == [int(v) for v in size.split("x")]
        assert_not_blank(path)
    assert report["problems"] == []


def test_a_long_bundled_scenario_plays_to_the_leaderboard(tmp_path: Path) -> None:
    code, report = autoplay(tmp_path / "shots", "everything_priority", "en", "1280x720", "greedy")
    assert code == 0
    assert report["problems"] == []
    assert (tmp_path / "shots" / "15-leaderboard.png").is_file()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_largest_text_fits_the_smallest_window(tmp_path: Path, _data_dir: Path, lang: str) -> None:
    _data_dir.mkdir(parents=True, exist_ok=True)
    (_data_dir / FILE_NAME).write_text(json.dumps({"text_size": "largest"}), encoding="utf-8")
    code, report = autoplay(tmp_path / "shots", STRESS, lang, "1024x600")
    assert code == 0
    assert report["problems"] == []
