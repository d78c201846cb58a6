"""The chart module draws line, bar and radar charts onto Surfaces without any window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.charts import Bar, Series, bar_chart, line_chart, load_style, radar_chart, save_png

TRAJECTORY = [
    Series("morale", [0.6, 0.55, None, 0.7, 0.4], "morale"),
    Series("стресс", [0.3, 0.5, 0.45, 0.6, 0.8], "stress"),
    Series("output", [0.7, 0.72, 0.75, 0.8, 0.6], "productivity"),
]


def detail(surface: pygame.Surface) -> int:
    """How many different colours a sample of the picture has (a blank chart has one or two)."""
    width, height = surface.get_size()
    return len(
        {tuple(surface.get_at((x, y))) for x in range(0, width, 7) for y in range(0, height, 5)}
    )


def test_line_chart_has_the_requested_size_and_content() -> None:
    image = line_chart(
        (640, 320), TRAJECTORY, title="Команда", x_labels=list("01234"), marks=[(2, "milestone")]
    )
    assert image.get_size() == (640, 320)
    assert detail(image) > 20


@pytest.mark.parametrize("palette", ["standard", "colourblind"])
def test_bar_chart_draws_negative_and_positive_bars(palette: str) -> None:
    bars = [Bar("Planning", 2), Bar("Emotional balance, tact and respect", -1), Bar("Контроль", 0)]
    image = bar_chart(
        (500, 240),
        bars,
        title="Profile",
        value_range=(-3, 3),
        value_format="{:+.0f}",
        style=load_style(palette),
    )
    assert image.get_size() == (500, 240)
    assert detail(image) > 15


def test_vertical_bar_chart_for_distributions() -> None:
    bars = [Bar(str(10 * i), i % 4) for i in range(11)]
    image = bar_chart((600, 300), bars, value_range=(0, 4), value_format="{:.0f}", horizontal=False)
    assert detail(image) > 10


def test_radar_chart_with_two_series() -> None:
    axes = ["Планирование", "Organizing", "Motivating", "Controlling"]
    series = [Series("you", [0.8, 0.3, 0.6, 0.5]), Series("class", [0.5, 0.5, 0.4, 0.7])]
    image = radar_chart((400, 360), axes, series, title="Profile")
    assert image.get_size() == (400, 360)
    assert detail(image) > 15


@pytest.mark.parametrize(
    "draw",
    [
        lambda: line_chart((200, 100), []),
        lambda: line_chart((120, 60), [Series("one point", [0.5])]),
        lambda: line_chart((300, 200), [Series("flat", [1, 1, 1])], y_range=(1, 1)),
        lambda: bar_chart((200, 100), []),
        lambda: radar_chart((200, 200), ["a", "b"], [Series("x", [1, 2])]),
        lambda: line_chart((1, 1), TRAJECTORY, title="tiny"),
    ],
)
def test_degenerate_inputs_still_give_a_picture(draw: object) -> None:
    assert callable(draw)
    assert isinstance(draw(), pygame.Surface)


def test_save_png_writes_a_loadable_file(tmp_path: Path) -> None:
    path = save_png(line_chart((320, 200), TRAJECTORY), tmp_path / "charts" / "team.png")
    assert pygame.image.load(str(path)).get_size() == (320, 200)


def test_charts_need_no_display(tmp_path: Path) -> None:
    code = (
        "import sys, pygame\n"
        "from pathlib import Path\n"
        "from game.charts import Series, line_chart, save_png\n"
        "save_png(line_chart((300, 150), [Series('m', [0.1, 0.9])]), Path(sys.argv[1]))\n"
        "assert not pygame.display.get_init()\n"
    )
    target = tmp_path / "headless.png"
    root = Path(__file__).resolve().parents[2]
    env = {"PATH": "/usr/bin:/bin", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}  # no DISPLAY, no SDL vars
    subprocess.run([sys.executable, "-c", code, str(target)], cwd=root, env=env, check=True)
    assert target.stat().st_size > 1000
