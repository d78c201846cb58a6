"""Game window benchmarks: frame time on each main screen, start-up, idle CPU, and the
longest frame while slow work (reading 30 scenario files, a debrief, a live reload) runs in
the background.

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
BLOCK_TARGET_MS = 50.0  # no frame may hold the window longer than this
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
        scene = app.scene("decision", run)
    elif screen == "outcome":
        before = run.view
        scene = app.scene("outcome", run, run.take(choose("principled", run.session)), before)
    elif screen == "debrief":
        while not run.finished:
            run.take(choose("principled", run.session))
        scene = app.scene("debrief", run, debrief(run.session))
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
    """Median and p99 of one full frame (update + draw + flip) on one screen, and how many
    portraits the frames of the screen at rest drew (none: they are drawn when it is laid out
    or while its meters move)."""
    import pygame

    from game.ui.faces import art

    with tempfile.TemporaryDirectory() as folder:
        _environment(Path(folder))
        app = _app_on(size, screen)
        faces = len(getattr(app.stack[-1], "faces", ()))
        assert screen != "decision" or faces, "the decision screen shows no faces"
        drawn = 0  # portraits drawn in frames of a screen at rest (not while meters move)
        times = []
        for _ in range(frames):
            app.hot = 1.0  # as right after input: pygame_gui updates, everything is drawn
            resting, before = not app.stack[-1].animating, art().renders
            start = time.perf_counter()
            app.frame(1 / 60)
            times.append((time.perf_counter() - start) * 1000)
            drawn += art().renders - before if resting else 0
        app.services.close()
        pygame.quit()
    times.sort()
    label = f"{size[0]}x{size[1]}" if screen == "decision" else f"{screen}_{size[0]}x{size[1]}"
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return {
        **_result(f"frame_median_{label}", median, "ms", FRAME_TARGET_MS),
        **_result(f"frame_p99_{label}", p99, "ms", FRAME_TARGET_MS * 4),
        **_result(f"portraits_drawn_{label}_{faces}_faces", drawn, "per run", 1),
    }


STARTUP = """
import argparse, sys, time
import pygame
from game.ui.app import start
from game.ui.options import Options
pygame.display.init(); pygame.font.init()
args = argparse.Namespace(scenario=sys.argv[1], seed=1, lang="en", scenarios=[], name=None)
app = start(Options.from_args(args))
app.services.wait()  # the scenario is read in the background, behind a loading screen
app.step(wait=False)  # the loading screen gives way to the briefing, which is drawn
assert app.stack[-1].name == "briefing", app.stack[-1].name
print(time.perf_counter())
app.services.close()
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


def _many_scenarios(folder: Path, count: int) -> None:
    """`count` copies of the largest bundled scenario, each under its own id."""
    import re

    from game.resources import SCENARIOS

    text = (SCENARIOS / "turnaround.yaml").read_text(encoding="utf-8")
    for n in range(count):
        copy = re.sub(r"^id: turnaround$", f"id: turnaround_{n:02d}", text, count=1, flags=re.M)
        (folder / f"turnaround_{n:02d}.yaml").write_text(copy, encoding="utf-8")


def _frames_until(
    app: Any, done: Any, waiting: Any, limit_s: float = 120.0
) -> dict[str, list[float]]:
    """Run frames (`step(wait=False)`, then the rest of a 60 Hz frame) until `done()`: the wall
    and main-thread CPU ms of each frame, apart for the frames that end still `waiting()`."""
    times: dict[str, list[float]] = {
        "wait": [0.0],
        "wait_cpu": [0.0],
        "rest": [0.0],
        "rest_cpu": [0.0],
    }
    begin = time.perf_counter()
    while not done() and time.perf_counter() - begin < limit_s:
        wall, cpu = time.perf_counter(), time.thread_time()
        app.step(wait=False)
        kind = "wait" if waiting() else "rest"  # the frame that takes the result is "rest"
        times[kind + "_cpu"].append((time.thread_time() - cpu) * 1000)
        times[kind].append((time.perf_counter() - wall) * 1000)
        time.sleep(1 / 60)  # the rest of the frame, as the window's frame clock waits
    return times


def bench_picker(files: int = 30) -> Result:
    """Open the scenario picker with `files` extra scenario files that nobody has read yet:
    the time until its list is complete, and the longest frame meanwhile (wall time, and
    the main thread's CPU time, which a busy machine inflates less)."""
    import pygame

    from game.content.library import ScenarioLibrary
    from game.ui.app import start
    from game.ui.options import Options
    from game.ui.scenes.picker import PickerScene

    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as extra:
        _environment(Path(folder))
        _many_scenarios(Path(extra), files)
        begin = time.perf_counter()
        ScenarioLibrary([Path(extra)]).entries()
        read_s = time.perf_counter() - begin
        pygame.display.init()
        pygame.font.init()
        app = start(Options(scenario="example_release", lang="en", size=(1280, 720),
                            scenarios=(Path(extra),)))  # fmt: skip
        app.services.wait()
        app.step(wait=False)
        picker = PickerScene(app)
        begin = time.perf_counter()
        app.push(picker)
        frames = _frames_until(
            app, lambda: not (picker.waiting or picker.animating), lambda: picker.waiting
        )
        shown_s = time.perf_counter() - begin
        count = len(picker.entries)
        app.services.close()
        pygame.quit()
    assert count > files, f"the picker shows {count} scenarios"
    label = f"picker_{files}_files"
    return {
        **_result(f"{label}_read", read_s, "s", 10.0),
        **_result(f"{label}_list_complete", shown_s, "s", 10.0),
        **_result(
            f"{label}_longest_frame_while_reading", max(frames["wait"]), "ms", BLOCK_TARGET_MS
        ),
        **_result(
            f"{label}_longest_frame_cpu_while_reading",
            max(frames["wait_cpu"]),
            "ms",
            BLOCK_TARGET_MS,
        ),
        **_result(
            f"{label}_longest_frame_showing_the_list", max(frames["rest"]), "ms", BLOCK_TARGET_MS
        ),
        **_result(
            f"{label}_longest_frame_cpu_showing_the_list",
            max(frames["rest_cpu"]),
            "ms",
            BLOCK_TARGET_MS,
        ),
    }


def bench_debrief_wait() -> Result:
    """The last outcome's Continue: the what-if replays of the debrief run in the background;
    the longest frame until the debrief shows, and how long the replays took."""
    import pygame

    from game.sim.policies import choose
    from game.ui.resume import debrief_later, home

    with tempfile.TemporaryDirectory() as folder:
        _environment(Path(folder))
        app = _app_on((1280, 720), "decision")
        run = app.stack[-1].run
        while not run.finished:
            run.take(choose("principled", run.session))
        begin = time.perf_counter()
        app.reset(*home(app), debrief_later(app, run))
        frames = _frames_until(
            app, lambda: app.stack[-1].name == "debrief", lambda: app.stack[-1].waiting
        )
        shown_s = time.perf_counter() - begin
        app.services.close()
        pygame.quit()
    return {
        **_result("debrief_ready", shown_s, "s", 2.0),
        **_result(
            "debrief_longest_frame_while_replaying", max(frames["wait"]), "ms", BLOCK_TARGET_MS
        ),
        **_result(
            "debrief_longest_frame_cpu_while_replaying",
            max(frames["wait_cpu"]),
            "ms",
            BLOCK_TARGET_MS,
        ),
        **_result("debrief_layout_frame", max(frames["rest"]), "ms", BLOCK_TARGET_MS),
        **_result("debrief_layout_frame_cpu", max(frames["rest_cpu"]), "ms", BLOCK_TARGET_MS),
    }


def bench_reload(decisions: int = 10) -> Result:
    """Live reload (`--watch`) of the largest bundled scenario after `decisions` decisions:
    the worker reads the edited file and replays the game while the window keeps drawing.
    The longest frame until the notice shows (wall and main-thread CPU), and the time to it."""
    import shutil

    import pygame

    from game.resources import SCENARIOS
    from game.sim.policies import choose
    from game.ui.app import start
    from game.ui.options import Options
    from game.ui.resume import home

    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as work:
        _environment(Path(folder))
        for name in ("turnaround.yaml", "team_plant.yaml"):
            shutil.copy(SCENARIOS / name, Path(work) / name)
        scenario = Path(work) / "turnaround.yaml"
        pygame.display.init()
        pygame.font.init()
        options = Options(scenario=str(scenario), seed=1, lang="en", size=(1280, 720), watch=True)
        app = start(options)
        app.services.wait()
        app.step(wait=False)
        run = app.stack[-1].run
        for _ in range(decisions):
            if not run.finished:
                run.take(choose("principled", run.session))
        made = len(run.session.decisions)
        app.reset(*home(app), app.scene("decision", run))
        for _ in range(60):  # a second of frames: the watcher takes its first look
            app.step(wait=False)
        app.services.wait()
        text = scenario.read_text(encoding="utf-8")
        scenario.write_text(text.replace("title:", "title:  ", 1), encoding="utf-8")
        begin = time.perf_counter()
        frames = _frames_until(app, lambda: app.stack[-1].name == "notice", lambda: True)
        shown_s = time.perf_counter() - begin
        replayed = len(run.session.decisions)
        app.services.close()
        pygame.quit()
    assert replayed == made, f"{replayed} of {made} decisions replayed"
    return {
        **_result("reload_notice", shown_s, "s", 2.0),
        **_result("reload_longest_frame", max(frames["wait"]), "ms", BLOCK_TARGET_MS),
        **_result("reload_longest_frame_cpu", max(frames["wait_cpu"]), "ms", BLOCK_TARGET_MS),
    }


def run(quick: bool = False) -> Result:
    """Every UI benchmark (`quick`: fewer frames and a shorter idle, for smoke runs)."""
    results: Result = {}
    for size in ((1280, 720), (1920, 1080)):
        for screen in SCREENS:
            results.update(bench_frame(size, 60 if quick else 300, screen))
    results.update(bench_start(1 if quick else 3))
    results.update(bench_idle(1.0 if quick else 3.0))
    results.update(bench_picker(8 if quick else 30))
    results.update(bench_debrief_wait())
    results.update(bench_reload())
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
