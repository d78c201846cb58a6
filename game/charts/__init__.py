"""LeadSim's one chart module: line, bar and radar charts drawn with pygame onto a Surface.

The game window, the playtest command and the class report all draw their charts here, so a
chart looks the same on screen and in a file. No display is needed (only `pygame.font`)::

    from game.charts import Series, line_chart, save_png
    image = line_chart((800, 400), [Series("morale", [0.6, 0.55, 0.7], "morale")],
                       title="Team", x_labels=["0", "1", "2"])
    save_png(image, Path("out/team.png"))

Colours and fonts come from `assets/theme/palette.json` (`load_style("colourblind")` for the
Okabe-Ito palette); series are also told apart by marker shape and dash pattern. Callers pass
every text already translated: this module holds no user-facing strings.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.charts.bar import Bar, bar_chart
from game.charts.line import Series, line_chart
from game.charts.radar import radar_chart
from game.charts.style import ChartStyle, load_style

__all__ = [
    "Bar",
    "ChartStyle",
    "Series",
    "bar_chart",
    "line_chart",
    "load_style",
    "radar_chart",
    "save_png",
]


def save_png(surface: pygame.Surface, path: Path) -> Path:
    """Write a chart as a PNG file (creating its folder); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path
