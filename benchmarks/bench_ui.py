"""Game window benchmarks: frame time on the decision screen, start-up, idle CPU.

Run ``python -m benchmarks.bench_ui`` (``--json`` for machine-readable output). Each ``bench_*``
function returns ``{name: {"value", "unit", "target", "ok"}}``. The window is opened with SDL's
dummy video driver unless ``SDL_VIDEODRIVER`` says otherwise, and the data folder is a
temporary one, so nothing of the player's is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

Result = dict[str, dict[str, Any]]
SCENARIO = "everything_priority"  # six members: the busiest decision screen we ship
FRAME_TARGET_MS = 4.0
START_TARGET_S = 1.5
IDLE_TARGET = 3.0  # % of one core
ROOT = Path(__file__).resolve().parent.parent


def _result(name: str, value: float, unit: str, target: float) -> Result:
    return {name: {"value": round(value, 3), "unit": unit, "target": target, "ok": value < target}}


def _environment(data: Path) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["LEADSIM_DATA_DIR"] = str(data)


def _app_on(size: tuple[int, int], screen: str) -> Any:
    """An app showing `screen` (briefing, decision, outcome or debrief) of the benchmark game."""
    import pygame

    from game.sim.debrief import debrief
    from game.sim.policies import choose
    from game.ui.app import App
    from game.ui.options import Options
    from game.ui.resume import home, load, new_game
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.decision import DecisionScene
    from game.ui.scenes.outcome import OutcomeScene
    from game.ui.services import make_services
    from game.ui.theme import Style

    pygame.display.init()
    pygame.font.init()
    options = Options(scenario=SCENARIO, seed=1, lang="en", size=size)
    app = App(options, make_services([]), Style.load())
    bundle = load(app, SCENARIO)
    assert not isinstance(bundle, str), bundle
    briefing = new_game(app, bundle)[0]
    run = briefing.run  # type: ignore[attr-defined]
    scene: Any = briefing
    if screen == "decision":
        scene = DecisionScene(app, run)
    elif screen == "outcome":
        before = run.session.view()
        scene = OutcomeScene(app, run, run.choose(choose("principled", run.session)), before)
    elif screen == "debrief":
        while not run.finished:
            run.choose(choose("principled", run.session))
        scene = DebriefScene(app, run, debrief(run.session))
    app.reset(*home(app), scene)
    app.frame(0.0)
    return app


def _decision_app(size: tuple[int, int]) -> Any:
    """An app showing the first decision of the benchmark scenario."""
    return _app_on(size, "decision")


SCREENS = ("briefing", "decision", "outcome", "debrief")


def bench_frame(
    size: tuple[int, int] = (1920, 1080), frames: int = 300, screen: str = "decision"
) -> Result:
    """Median and p99 of one full frame (update + draw + flip) on one screen."""
    import pygame

    with tempfile.TemporaryDirectory() as folder:
        _environment(Path(folder))
        app = _app_on(size, screen)
        times = []
        for _ in range(frames):
            app.hot = 1.0  # as right after input: pygame_gui updates, everything is drawn
            start = time.perf_counter()
            app.frame(1 / 60)
            times.append((time.perf_counter() - start) * 1000)
        app.services.close()
        pygame.quit()
    times.sort()
    label = f"{size[0]}x{size[1]}" if screen == "decision" else f"{screen}_{size[0]}x{size[1]}"
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return {
        **_result(f"frame_median_{label}", median, "ms", FRAME_TARGET_MS),
        **_result(f"frame_p99_{label}", p99, "ms", FRAME_TARGET_MS * 4),
    }


STARTUP = """
import argparse, sys, time
import pygame
from game.ui.app import start
from game.ui.options import Options
pygame.display.init(); pygame.font.init()
args = argparse.Namespace(scenario=sys.argv[1], seed=1, lang="en", scenarios=[], name=None)
app = start(Options.from_args(args))
print(time.perf_counter())  # the scenario's briefing is drawn on the next frame
app.frame(0.0)
print(time.perf_counter())
pygame.quit()
"""
FIRST = """
import pygame, sys, time
from game.ui import app as window
from game.ui.options import Options
pygame.display.init(); pygame.font.init()
shown = []
original = window.App.frame
def frame(self, dt):
    original(self, dt)
    if not shown:
        shown.append(time.perf_counter())
        print(shown[0])
window.App.frame = frame
window.start(Options(scenario=sys.argv[1], seed=1, lang="en"))
pygame.quit()
"""


def bench_start(repeat: int = 3) -> Result:
    """Wall time from starting Python to the window's first frame (the title screen), and to
    the named scenario's briefing, for `leadsim play example_release`."""
    firsts: list[float] = []
    briefings: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, LEADSIM_DATA_DIR=folder)
        env.setdefault("SDL_VIDEODRIVER", "dummy")
        env.setdefault("SDL_AUDIODRIVER", "dummy")
        env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
        for _ in range(repeat):
            for code, out in ((FIRST, firsts), (STARTUP, briefings)):
                begin = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-c", code, "example_release"],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                stamps = [float(x) for x in done.stdout.split() if x[:1].isdigit()]
                out.append(stamps[-1] - begin)
    return {
        **_result("start_to_first_frame", statistics.median(firsts), "s", START_TARGET_S),
        **_result("start_to_briefing", statistics.median(briefings), "s", START_TARGET_S * 2),
    }


def bench_idle(seconds: float = 3.0) -> Result:
    """CPU used by an open window nobody touches (decision screen, no countdown)."""
    import pygame

    with tempfile.TemporaryDirectory() as folder:
        _environment(Path(folder))
        app = _decision_app((1280, 720))
        for _ in range(3):
            app.step()
        app.hot = 0.0
        pygame.event.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        while time.perf_counter() - wall < seconds:
            app.step()
        share = (time.process_time() - cpu) / (time.perf_counter() - wall) * 100
        app.services.close()
        pygame.quit()
    return _result("idle_cpu", share, "% of one core", IDLE_TARGET)


def run(quick: bool = False) -> Result:
    """Every UI benchmark (`quick`: fewer frames and a shorter idle, for smoke runs)."""
    results: Result = {}
    for size in ((1280, 720), (1920, 1080)):
        for screen in SCREENS:
            results.update(bench_frame(size, 60 if quick else 300, screen))
    results.update(bench_start(1 if quick else 3))
    results.update(bench_idle(1.0 if quick else 3.0))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    results = run()
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for name, r in results.items():
            mark = "ok" if r["ok"] else "SLOW"
            print(f"{name:32} {r['value']:10.3f} {r['unit']:14} target < {r['target']}  {mark}")
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
