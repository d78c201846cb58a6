"""Art kit benchmarks: drawing a portrait cold and from the cache, covers and icons, and frames
that blit eight cached portraits at 1920x1080.

Run ``python -m benchmarks.bench_art`` (``--json`` for machine-readable output, ``--quick`` for
a short run). Each figure is ``{name: {"value", "unit", "target", "ok"}}``. SDL's dummy video
driver is used unless ``SDL_VIDEODRIVER`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, dict[str, Any]]
FRAME_TARGET_MS = 4.0  # the decision screen's frame budget (issue 15)
COLD_PORTRAIT_TARGET_MS = 25.0  # eight new faces stay well inside a first frame
CACHED_PORTRAIT_TARGET_MS = 0.05
COVER_TARGET_MS = 150.0
ICON_TARGET_MS = 5.0
SIZE = (1920, 1080)
ROOT = Path(__file__).resolve().parent.parent


def _result(name: str, value: float, unit: str, target: float) -> Result:
    return {
        f"art.{name}": {
            "value": round(value, 4),
            "unit": unit,
            "target": target,
            "ok": value < target,
        }
    }


def _median_ms(action: Callable[[int], object], repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_portraits(repeat: int) -> Result:
    """A portrait drawn for the first time (a new seed each time), and fetched from the cache."""
    from game.ui.art.portraits import Portraits

    portraits = Portraits(4 * repeat)
    out: Result = {}
    for size in (48, 160):

        def draw(i: int, size: int = size) -> object:
            return portraits.surface(f"b/{size}/{i}", None, 0.6, 0.4, size=size)

        cold = _median_ms(draw, repeat)
        out |= _result(f"portrait_cold_{size}px", cold, "ms", COLD_PORTRAIT_TARGET_MS)
    portraits.surface("b/hit", None, 0.6, 0.4, size=160)
    renders = portraits.renders
    hit = _median_ms(lambda i: portraits.surface("b/hit", None, 0.6, 0.4, size=160), repeat * 20)
    assert portraits.renders == renders, "a cached portrait was drawn again"
    out |= _result("portrait_cached_160px", hit, "ms", CACHED_PORTRAIT_TARGET_MS)
    return out


def bench_covers_and_icons(repeat: int) -> Result:
    from game.ui.art.covers import SETTINGS, cover
    from game.ui.art.icons import ICON_NAMES, icon

    cold_cover = _median_ms(lambda i: cover(SETTINGS[i % len(SETTINGS)], (1280, 720)), repeat)
    cold_icon = _median_ms(lambda i: icon(ICON_NAMES[i % len(ICON_NAMES)], 32), repeat * 4)
    return {
        **_result("cover_1280x720", cold_cover, "ms", COVER_TARGET_MS),
        **_result("icon_32px", cold_icon, "ms", ICON_TARGET_MS),
    }


def _eight_faces(size: int) -> list[Any]:
    from game.content.look import portrait_seed
    from game.ui.art.portraits import Portraits

    portraits = Portraits(16)
    return [
        portraits.surface(portrait_seed("bench", f"m{i}"), None, i / 7, 1 - i / 7, size=size)
        for i in range(8)
    ]


def bench_frame_with_portraits(frames: int) -> Result:
    """A 1920x1080 frame: clear, blit 8 cached 160 px portraits and 8 icons, flip."""
    import pygame

    from game.ui.art.icons import icon

    pygame.display.init()
    screen = pygame.display.set_mode(SIZE)
    faces = _eight_faces(160)
    icons = [icon(n, 32) for n in ("morale", "stress", "trust", "productivity")] * 2
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        screen.fill((19, 32, 43))
        for i, (face, mark) in enumerate(zip(faces, icons, strict=True)):
            screen.blit(face, (40 + i * 230, 700))
            screen.blit(mark, (40 + i * 230, 880))
        pygame.display.flip()
        times.append((time.perf_counter() - start) * 1000)
    pygame.display.quit()
    return _result("frame_8_portraits_1920x1080", statistics.median(times), "ms", FRAME_TARGET_MS)


def bench_decision_with_portraits(frames: int) -> Result:
    """The real decision screen at 1920x1080 (as in bench_ui), with 8 cached portraits blitted
    onto it every frame: what the screen will cost once the portraits are placed on it."""
    import pygame

    from benchmarks import bench_ui

    with tempfile.TemporaryDirectory() as folder:
        bench_ui._environment(Path(folder))
        app = bench_ui._app_on(SIZE, "decision")
        faces = _eight_faces(96)
        times = []
        for _ in range(frames):
            app.hot = 1.0
            start = time.perf_counter()
            app.frame(1 / 60)
            screen = pygame.display.get_surface()
            for i, face in enumerate(faces):
                screen.blit(face, (40 + i * 110, 40))
            times.append((time.perf_counter() - start) * 1000)
        app.services.close()
        pygame.quit()
    median = statistics.median(times)
    return _result("decision_frame_with_portraits_1920x1080", median, "ms", FRAME_TARGET_MS)


def run(quick: bool = False) -> Result:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    pygame.init()
    repeat, frames = (10, 60) if quick else (60, 300)
    result = {**bench_portraits(repeat), **bench_covers_and_icons(max(5, repeat // 4))}
    result |= bench_frame_with_portraits(frames)
    result |= bench_decision_with_portraits(frames)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Art kit benchmarks")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--quick", action="store_true", help="a short run")
    args = parser.parse_args(argv)
    result = run(args.quick)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name, fig in result.items():
            mark = "ok" if fig["ok"] else "OVER"
            print(f"{name:48} {fig['value']:>10} {fig['unit']:3} target < {fig['target']}  {mark}")
    return 0 if all(f["ok"] for f in result.values()) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
