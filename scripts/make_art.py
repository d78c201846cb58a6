"""Refresh the art files shipped in game/data/assets/art/ (run by developers, never by the game).

    python scripts/make_art.py [--tabler DIR]

With --tabler (a folder holding the `@tabler/icons` npm package, e.g. after
`npm install @tabler/icons` in a scratch folder: DIR=node_modules/@tabler/icons), copies the
outline icons the game uses and the package's licence. Always renders the window icons
(icon-32.png, icon-64.png) and the logo (logo.png) from code. The game itself never downloads
anything and reads only what is shipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from game.resources import ASSETS
from game.ui.art.covers import THEMES
from game.ui.art.icons import ICON_DIR, ICONS
from game.ui.art.logo import ICON_SIZES, logo, window_icon

ART = ASSETS / "art"


def needed_icons() -> list[str]:
    """Every Tabler icon the game draws: named icons and cover emblems."""
    names = set(ICONS.values())
    for theme in THEMES.values():
        names.add(theme.emblem)
        names.update(theme.around)
    return sorted(names)


def copy_tabler(package: Path) -> int:
    source = package / "icons" / "outline"
    if not source.is_dir():
        print(f"make_art: {source} not found: is {package} the @tabler/icons package?")
        return 1
    missing = [n for n in needed_icons() if not (source / f"{n}.svg").is_file()]
    if missing:
        print(f"make_art: not in this Tabler version: {', '.join(missing)}")
        return 1
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    for old in ICON_DIR.glob("*.svg"):
        old.unlink()
    for name in needed_icons():
        shutil.copyfile(source / f"{name}.svg", ICON_DIR / f"{name}.svg")
    shutil.copyfile(package / "LICENSE", ART / "LICENSE-tabler-icons.txt")
    version = package / "package.json"
    print(f"copied {len(needed_icons())} icons from {version if version.is_file() else package}")
    return 0


def render_pngs() -> None:
    pygame.init()
    for size in ICON_SIZES:
        pygame.image.save(window_icon(size), str(ART / f"icon-{size}.png"))
    pygame.image.save(logo(128), str(ART / "logo.png"))
    print(f"rendered icon-{'/'.join(map(str, ICON_SIZES))}.png and logo.png in {ART}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabler", type=Path, help="folder of the @tabler/icons npm package")
    args = parser.parse_args(argv)
    if args.tabler is not None and copy_tabler(args.tabler):
        return 1
    render_pngs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
