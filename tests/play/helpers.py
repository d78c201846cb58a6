"""Real scenario files to edit in the tests of the game run layer."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from game.i18n import Strings
from game.resources import SCENARIOS

EXAMPLE = "example_release.yaml"


def example_copy(folder: Path) -> Path:
    """The format 2 example scenario and its team, copied into `folder`; the scenario's path."""
    for name in (EXAMPLE, "example_team.yaml"):
        shutil.copy(SCENARIOS / name, folder / name)
    return folder / EXAMPLE


def edit_events(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite the scenario with `change` applied to each of its events (a YAML round trip)."""
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    for event in data["events"]:
        change(event)
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def reverse_choices(event: dict[str, Any]) -> None:
    event["choices"].reverse()


def without_choice(choice_id: str) -> Callable[[dict[str, Any]], None]:
    def change(event: dict[str, Any]) -> None:
        event["choices"] = [c for c in event["choices"] if c["id"] != choice_id]

    return change


def choice_set(choice_id: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(event: dict[str, Any]) -> None:
        for choice in event["choices"]:
            if choice["id"] == choice_id:
                choice[key] = value

    return change


def first_engine_save(
    folder: Path, choices: str = "1,1", lang: str = "en", name: str | None = None
) -> None:
    """A save of example_release as the first engine wrote it: format 1, the choices by their
    place in the file, a content hash of a version no longer installed."""
    folder.mkdir(parents=True, exist_ok=True)
    save = {
        "format": 1,
        "scenario": "example_release",
        "hash": "0" * 64,
        "seed": 3,
        "choices": choices,
        "lang": lang,
        "saved_at": "2025-05-01T14:03:07Z",
        "name": name,
        "slot": None,
        "state": {},
    }
    (folder / "auto-first-engine.json").write_text(json.dumps(save), encoding="utf-8")


def share_testing_removed() -> str:
    """What live reload says when the example's second decision took `share_testing` and
    that choice was deleted from the file."""
    return Strings("en")(
        "run.reload.removed",
        number=2,
        event="The last two days",
        choice="Move Maria to testing to share Oleg's load",
        id="share_testing",
        count=1,
    )
