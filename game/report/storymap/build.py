"""Making a story map: read the scenario, playtest it, lay it out, write the HTML and the PNG.

A scenario with errors still gets a map of its flow (that is when an author needs one most),
as long as its file has the shape of a scenario; it is only not playtested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import models as m
from game.content.diagnostics import ContentError, Diagnostic
from game.content.library import Bundle, Catalog, load_bundle
from game.content.loader import FileResult
from game.content.text import tr
from game.i18n import Strings
from game.report.storymap.graph import StoryGraph, build_graph
from game.report.storymap.page import render_page
from game.report.storymap.png import write_png
from game.report.storymap.scene import Scene, build_scene
from game.report.storymap.traffic import DEFAULT_RUNS, measure
from game.sim.policies import PLAYERS
from game.sim.texts import Renderer


@dataclass(frozen=True)
class MapOptions:
    policies: tuple[str, ...] = PLAYERS
    runs: int = DEFAULT_RUNS  # per policy; 0 = no playtest
    seed: int = 1
    lang: str = "en"


@dataclass(frozen=True)
class Source:
    """A scenario file that has the shape of a scenario, and what check says about it."""

    result: FileResult
    bundle: Bundle | None  # None when the file has errors: it cannot be played
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.problems if d.severity == "error")


@dataclass(frozen=True)
class Written:
    html: Path
    png: Path
    scene: Scene


def _checked(path: Path, dirs: Sequence[Path]) -> tuple[FileResult, list[Diagnostic]]:
    catalog = Catalog([path], [path.parent, *dirs])
    catalog.validate()
    return catalog.results[0], [d for d in catalog.diagnostics() if d.path == str(path)]


def read_source(bundle_or_error: Bundle | ContentError, dirs: Sequence[Path]) -> Source:
    """The scenario of a bundle that loaded, or of a file that did not load for errors that
    still leave a scenario to draw; raises the ContentError when there is none."""
    if isinstance(bundle_or_error, Bundle):
        result, problems = _checked(bundle_or_error.path, dirs)
        return Source(result, bundle_or_error, problems)
    files = dict.fromkeys(Path(d.path) for d in bundle_or_error.diagnostics if d.path)
    for path in files:
        if path.suffix in (".yaml", ".yml") and path.is_file():
            result, problems = _checked(path, dirs)
            if result.kind == "scenario" and isinstance(result.model, m.Scenario):
                return Source(result, None, problems)
    raise bundle_or_error


def load_source(ref: str | Path, dirs: Sequence[Path] = ()) -> Source:
    """A scenario by path or id (as `load_bundle` finds it), playable or not."""
    try:
        return read_source(load_bundle(ref, dirs), dirs)
    except ContentError as err:
        return read_source(err, dirs)


def _texts(source: Source, lang: str) -> Any:
    if source.bundle is not None:
        renderer = Renderer(source.bundle, None, None)
        return lambda value: renderer.text(value, lang)

    def plain(value: Any) -> str:
        if isinstance(value, list):
            parts = [tr(p.text if isinstance(p, m.CondText) else p, lang) for p in value]
            return " ".join(p for p in parts if p)
        return tr(value, lang)

    return plain


def map_graph(source: Source, lang: str) -> StoryGraph:
    """The scenario's graph with its texts in `lang`."""
    return build_graph(source.result, _texts(source, lang), source.problems)


def make_scene(source: Source, options: MapOptions) -> Scene:
    """Graph, playtest (when the scenario can be played and runs are asked for) and layout."""
    s = Strings(options.lang)
    graph = map_graph(source, options.lang)
    traffic = []
    notes = []
    if source.bundle is not None and options.runs > 0:
        traffic = measure(graph, source.bundle, options.policies, options.runs, options.seed)
    else:
        why = s("map.no_playtest.errors") if source.bundle is None else s("map.no_playtest.runs")
        notes.append(s("map.no_playtest", reason=why))
    scene = build_scene(graph, traffic, s, options.seed, options.runs)
    scene.notes += notes
    return scene


def write_map(source: Source, out: Path, options: MapOptions) -> Written:
    """Write the page to `out` and its PNG next to it (same name, .png); OSError passes."""
    scene = make_scene(source, options)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(scene, Strings(options.lang)), encoding="utf-8")
    png = out.with_suffix(".png")
    write_png(scene, png, Strings(options.lang))
    return Written(out, png, scene)
