"""Where the game's own data lives: bundled scenarios, assets and the schema, as package data.

They ship inside the `game` package (`game/data/`), so an installed wheel has them as well as a
checkout. `importlib.resources` finds the folder; LeadSim is always installed as plain files,
so the folder is an ordinary path that can be listed and opened.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DATA = Path(str(files("game") / "data"))
SCENARIOS = DATA / "scenarios"
ASSETS = DATA / "assets"
SCHEMA_FILE = DATA / "schema" / "leadsim.schema.json"
