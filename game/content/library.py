"""Finding scenarios and teams on disk, validating them together, and loading a playable bundle.

Scenarios are looked up in the bundled scenarios (package data, `game/data/scenarios/`), in the
folders listed in the environment variable `LEADSIM_SCENARIOS` (separated by the platform's
path separator) and in folders given on the command line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.content.diagnostics import ContentError, Diagnostic, did_you_mean
from game.content.lint import lint_scenario
from game.content.loader import FileResult, gc_paused, read_file
from game.content.models import Scenario, Team
from game.content.validate import check_scenario, check_team
from game.content.yamlload import MAX_BYTES, YamlError, decode
from game.resources import SCENARIOS
from game.safe_file import RefusedFile, read_regular

BUNDLED = SCENARIOS
SUFFIXES = (".yaml", ".yml")


def scenario_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """Where scenarios are looked up, in order: extra folders, $LEADSIM_SCENARIOS, bundled."""
    dirs = [Path(p) for p in extra]
    env = os.environ.get("LEADSIM_SCENARIOS", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    dirs.append(BUNDLED)
    unique: list[Path] = []
    for d in dirs:
        if d not in unique:
            unique.append(d)
    return unique


def is_folder(path: Path) -> bool:
    """True for a folder; False for anything else, including a path that cannot be looked at."""
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long, or a parent folder that may not be entered
        return False


@dataclass
class Scan:
    """What a look through files and folders found: the YAML files, and folders it could not read.

    Every `*.yaml` / `*.yml` entry that is not a folder is listed, whatever it is: reading it
    later refuses a pipe, a device or an oversized file with a clear message, without reading
    a byte of it.
    """

    files: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    def unreadable(self, err: OSError) -> None:
        self.problems.append(
            Diagnostic(str(err.filename), 1, 1, "error", "",
                       f"cannot read the folder: {err.strerror or err}")
        )  # fmt: skip


def scan(paths: Iterable[Path]) -> Scan:
    """Files named directly, plus every *.yaml / *.yml below each folder, sorted per folder."""
    found = Scan()
    for path in paths:
        if not is_folder(path):
            found.files.append(path)
            continue
        below: list[Path] = []
        # os.walk does not enter symbolic links to folders, so a link loop costs nothing
        for folder, _dirs, names in os.walk(path, onerror=found.unreadable):
            below += [Path(folder, n) for n in names if n.endswith(SUFFIXES)]
        found.files += sorted(below)
    return found


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every *.yaml / *.yml below each folder, sorted per folder."""
    return scan(paths).files


def _existing_folders(dirs: Iterable[Path]) -> list[Path]:
    return [d for d in dirs if is_folder(d)]


@dataclass(frozen=True)
class Bundle:
    """A scenario with its team: everything a playthrough needs."""

    scenario: Scenario
    team: Team
    content_hash: str
    path: Path
    team_path: Path


def content_hash(scenario_bytes: bytes, team_bytes: bytes) -> str:
    """Identifies a scenario version: any change to the scenario or its team changes it."""
    digest = hashlib.sha256()
    digest.update(scenario_bytes)
    digest.update(b"\0team\0")
    digest.update(team_bytes)
    return digest.hexdigest()


_TEAM_KIND = re.compile(rb"kind\s*:\s*[\"']?team\b")


def _may_be_team(path: Path) -> bool:
    """A cheap look before a full read: could this file be a team?"""
    try:
        data = read_regular(path, MAX_BYTES)
    except RefusedFile:
        return True  # let the full read report the problem
    # a UTF-16 file (BOM first) hides its text from a byte search: read it in full
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or _TEAM_KIND.search(data) is not None


class Catalog:
    """Validated files, read once: checks scenarios against the teams it knows."""

    def __init__(self, files: Iterable[Path], fallback_dirs: Iterable[Path] = ()) -> None:
        self.results: list[FileResult] = [read_file(p) for p in files]
        self._fallback_dirs = list(fallback_dirs)
        self._fallback: list[FileResult] | None = None
        self._validated = False

    def teams(self) -> dict[str, FileResult]:
        teams: dict[str, FileResult] = {}
        for r in self._team_results(self.results):
            teams.setdefault(r.model.id, r)
        return teams

    @staticmethod
    def _team_results(results: Iterable[FileResult]) -> list[FileResult]:
        return [r for r in results if r.kind == "team" and r.model is not None]

    def find_team(self, team_id: str) -> FileResult | None:
        local = self.teams().get(team_id)
        if local is not None:
            return local
        if self._fallback is None:
            # realpath, unlike Path.resolve, takes a link that loops as it is
            checked = {os.path.realpath(r.path) for r in self.results}
            files = [p for p in yaml_files(_existing_folders(self._fallback_dirs))
                     if os.path.realpath(p) not in checked]  # fmt: skip
            # Only team files are wanted here: skip the (large) scenario files unread.
            self._fallback = [read_file(p) for p in files if _may_be_team(p)]
        for r in self._team_results(self._fallback):
            if r.model.id == team_id:
                return r
        return None

    def team_ids(self) -> set[str]:
        ids = set(self.teams())
        if self._fallback:
            ids |= {r.model.id for r in self._team_results(self._fallback)}
        return ids

    def validate(self, require_langs: tuple[str, ...] = ()) -> None:
        """Run the cross-reference checks on every file that parsed (once)."""
        if self._validated:
            return
        self._validated = True
        with gc_paused():
            self._validate(require_langs)

    def _validate(self, require_langs: tuple[str, ...]) -> None:
        seen: dict[tuple[str, str], FileResult] = {}
        for r in self.results:
            if r.model is None:
                continue
            key = (r.kind or "", r.model.id)
            if key in seen:
                r.add(("id",), f"another {r.kind} has the id '{r.model.id}'",
                      f"see {seen[key].path}; ids must be unique")  # fmt: skip
            seen.setdefault(key, r)
            if r.kind == "team":
                check_team(r, require_langs)
            else:
                team_file = self.find_team(r.model.team)
                team = team_file.model if team_file else None
                check_scenario(r, team, self.team_ids(), require_langs)
                if not any(d.severity == "error" for d in r.diagnostics):
                    lint_scenario(r, team)

    def diagnostics(self) -> list[Diagnostic]:
        """Every problem, sorted, each with its line of the file and a caret under the spot."""
        return sorted(d for r in self.results for d in _with_source(r))


def _with_source(result: FileResult) -> list[Diagnostic]:
    if not result.diagnostics or not result.data:
        return result.diagnostics
    try:
        text = decode(result.data)
    except YamlError:
        text = result.data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    return [d.with_source(lines) for d in result.diagnostics]


def check_files(
    files: Iterable[Path],
    fallback_dirs: Iterable[Path] = (),
    require_langs: tuple[str, ...] = (),
    deep: Callable[[FileResult, Bundle], None] | None = None,
    formats: dict[str, int] | None = None,
) -> list[Diagnostic]:
    """Read and validate files together, as `leadsim check` does: every problem, sorted.

    `deep`, when given, is called with each scenario that validates and its bundle, to add
    problems only playing it can find (`check --deep`). `formats`, when given, receives the
    format of each scenario that validates (path -> 1 or 2).
    """
    # The collector stays paused until the catalog is freed: a big scenario is a million
    # objects and none in a cycle, so there is nothing for it to find, only time to spend.
    with gc_paused():
        catalog = Catalog(files, fallback_dirs)
        catalog.validate(require_langs)
        if deep is not None:
            for result in catalog.results:
                if result.kind == "scenario" and result.ok:
                    try:
                        bundle = _bundle(result, catalog)
                    except ContentError:
                        continue
                    deep(result, bundle)
        problems = catalog.diagnostics()
        if formats is not None:
            formats.update(
                {
                    str(r.path): r.model.format
                    for r in catalog.results
                    if r.kind == "scenario" and r.ok
                }
            )
        del catalog
    return problems


def _bundle(result: FileResult, catalog: Catalog) -> Bundle:
    catalog.validate()
    if result.kind != "scenario" and result.model is not None:
        said = f"this is a {result.kind} file, not a scenario"
        hint = "play or open a scenario file; it names its team with `team:`"
        raise ContentError([Diagnostic(str(result.path), 1, 1, "error", "", said, hint)])
    problems = [d for d in result.diagnostics if d.severity == "error"]
    team_file = catalog.find_team(result.model.team) if result.model else None
    if team_file is not None:
        problems += [d for d in team_file.diagnostics if d.severity == "error"]
    if problems or result.model is None or team_file is None:
        raise ContentError(problems or result.diagnostics)
    return Bundle(
        scenario=result.model,
        team=team_file.model,
        content_hash=content_hash(result.data, team_file.data),
        path=result.path,
        team_path=team_file.path,
    )


SCENARIO_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


def load_bundle_by_id(scenario_id: object, extra_dirs: Iterable[Path] = ()) -> Bundle:
    """The scenario with this id, looked up in the scenario folders; raises ContentError.

    For ids read from saves, leaderboard rows and requests: an id is only ever looked up,
    never opened as a path, whatever it contains.
    """
    if not isinstance(scenario_id, str) or not SCENARIO_ID.fullmatch(scenario_id):
        shown = repr(scenario_id)[:80]
        raise ContentError(
            [
                Diagnostic(
                    "",
                    1,
                    1,
                    "error",
                    "",
                    f"{shown} is not a scenario id",
                    "ids are lower-case letters, digits and _",
                )
            ]
        )
    return _find_by_id(scenario_id, scenario_dirs(extra_dirs))


def load_bundle(ref: str | Path, extra_dirs: Iterable[Path] = ()) -> Bundle:
    """A scenario by path or by id, with its team, validated; raises ContentError.

    Only for what a user typed: ids from stored data go through `load_bundle_by_id`.
    """
    dirs = scenario_dirs(extra_dirs)
    path = Path(ref)
    if _names_a_file(path):
        if not os.path.lexists(path):
            raise ContentError([Diagnostic(str(path), 1, 1, "error", "", "no such file")])
        catalog = Catalog([path], [path.parent, *dirs])
        return _bundle(catalog.results[0], catalog)
    return _find_by_id(str(ref), dirs)


def load_bundle_with_team(
    ref: str | Path | Bundle, team_id: str, extra_dirs: Iterable[Path] = ()
) -> Bundle:
    """A scenario (a path or id as for `load_bundle`, or a loaded bundle) played with the team
    `team_id` instead of its own; raises ContentError.

    The team is looked up next to the scenario, next to its own team and in the scenario
    folders. It must validate and have every member the scenario names (in effects,
    conditions, `involves`, newcomers and texts). Archetypes and values may differ: an effect
    aimed at an archetype nobody has, or a value the team does not hold, does nothing.
    """
    bundle = ref if isinstance(ref, Bundle) else load_bundle(ref, extra_dirs)
    if team_id == bundle.team.id:
        return bundle
    near = [bundle.path.parent, bundle.team_path.parent, *scenario_dirs(extra_dirs)]
    dirs = list(dict.fromkeys(near))
    catalog = Catalog([bundle.path], dirs)
    result = catalog.results[0]
    if result.kind != "scenario" or not result.ok:
        raise ContentError(result.diagnostics)
    team_file = catalog.find_team(team_id)
    if team_file is None:
        hint = did_you_mean(team_id, catalog.team_ids()) or "put its file next to the scenario"
        found = Diagnostic(str(bundle.path), 1, 1, "error", "team", f"no team '{team_id}' found")
        raise ContentError([dataclasses.replace(found, hint=hint)])
    check_team(team_file)
    if not team_file.ok:
        raise ContentError(team_file.diagnostics)
    trial = FileResult(result.path, result.kind, result.model, result.doc, [], result.data)
    check_scenario(trial, team_file.model, catalog.team_ids())
    named = f"team '{team_id}'"
    missing = [
        d if named in d.message else dataclasses.replace(d, message=f"with {named}: {d.message}")
        for d in trial.diagnostics
        if d.severity == "error" and not _may_differ(d.field)
    ]
    if missing:
        raise ContentError(missing)
    return Bundle(
        scenario=result.model,
        team=team_file.model,
        content_hash=content_hash(result.data, team_file.data),
        path=result.path,
        team_path=team_file.path,
    )


def _may_differ(field: str) -> bool:
    """Is this a reference another team need not satisfy (an archetype, a team value)?"""
    return field.endswith(".archetype") or ".upholds[" in field or ".breaks[" in field


def _names_a_file(path: Path) -> bool:
    """Whether what the user typed is a file rather than an id (a pipe or device counts too).

    Reading refuses what is not a regular file, with a message, instead of taking it for an id.
    """
    if path.suffix in SUFFIXES or len(path.parts) > 1:
        return True
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _find_by_id(ref: str, dirs: list[Path]) -> Bundle:
    for d in dirs:
        for candidate in (d / f"{ref}.yaml", d / f"{ref}.yml"):
            if _is_regular(candidate):
                catalog = Catalog([candidate], [d, *dirs])
                result = catalog.results[0]
                if result.kind == "scenario" and result.model and result.model.id == str(ref):
                    return _bundle(result, catalog)
    catalog = Catalog(yaml_files(_existing_folders(dirs)), dirs)
    for result in catalog.results:
        if result.kind == "scenario" and result.model is not None and result.model.id == str(ref):
            return _bundle(result, catalog)
    known = sorted(r.model.id for r in catalog.results if r.kind == "scenario" and r.model)
    hint = f"known scenarios: {', '.join(known)}" if known else "no scenarios found"
    raise ContentError([Diagnostic(str(ref), 1, 1, "error", "", "no scenario with this id", hint)])


@dataclass(frozen=True)
class LibraryEntry:
    """A scenario file found in the library: playable (bundle) or broken (error)."""

    id: str
    path: Path
    bundle: Bundle | None
    error: Diagnostic | None


class ScenarioLibrary:
    """Every scenario in the bundled folder, $LEADSIM_SCENARIOS and extra folders."""

    def __init__(self, extra_dirs: Iterable[Path] = ()) -> None:
        self.dirs = scenario_dirs(extra_dirs)

    def entries(self) -> list[LibraryEntry]:
        catalog = Catalog(yaml_files(_existing_folders(self.dirs)), self.dirs)
        catalog.validate()
        entries: list[LibraryEntry] = []
        for r in catalog.results:
            if r.kind == "team" and r.ok:
                continue
            errors = sorted(d for d in r.diagnostics if d.severity == "error")
            ident = r.model.id if r.model is not None else r.path.stem
            if r.kind == "scenario" and not errors:
                try:
                    entries.append(LibraryEntry(ident, r.path, _bundle(r, catalog), None))
                except ContentError as err:
                    entries.append(LibraryEntry(ident, r.path, None, err.diagnostics[0]))
            elif errors:
                entries.append(LibraryEntry(ident, r.path, None, errors[0]))
        return entries
