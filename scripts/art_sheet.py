"""Render the game's art on one contact sheet, to look at it all at once.

    python scripts/art_sheet.py OUT.png [--only portraits,expressions,covers,icons,logo]
                                        [--large 160] [--small 48] [--looks LOOKS.yaml]

Sections: the logo and window icons; every member of the bundled teams at the large size;
each member's expressions at the small size (mood across, stress down the rows, then an
estimate and a person who left); every cover; every icon at 16-64 px. Team members' looks come
from each team file's `portrait:` keys when given, else from the team and member ids;
--looks previews other keys (a YAML mapping of "team_id/member_id" to portrait keys).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame
import yaml

from game.content.look import Look, portrait_seed
from game.resources import ASSETS, SCENARIOS
from game.ui.art.covers import SETTINGS, cover
from game.ui.art.icons import ICON_NAMES, icon
from game.ui.art.logo import logo, window_icon
from game.ui.art.portraits import Portraits

BACKGROUND = (19, 32, 43)
TEXT = (220, 228, 235)
DIM = (150, 165, 180)
PAD = 12
MOODS = (0.0, 0.25, 0.5, 0.75, 1.0)
STRESSES = (0.0, 0.5, 0.8, 1.0)
ICON_SIZES = (16, 24, 32, 48, 64)
ICON_COLOURS = ("#f1f4f7", "#f5b83d")

Member = tuple[str, str, Look | None]  # seed, name, look
Block = pygame.Surface


def bundled_teams(extra_looks: dict[str, Look] | None = None) -> list[tuple[str, list[Member]]]:
    """(team name, members) for each bundled team file, in file-name order.

    `extra_looks` (seed -> Look) previews looks not yet written in the team files.
    """
    teams = []
    for file in sorted(SCENARIOS.glob("team_*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        members: list[Member] = []
        for m in data["members"]:
            seed = portrait_seed(data["id"], m["id"])
            look = Look.from_mapping(m["portrait"]) if "portrait" in m else None
            look = (extra_looks or {}).get(seed, look)
            name = m["name"]["en"] if isinstance(m["name"], dict) else str(m["name"])
            members.append((seed, name, look))
        team_name = data["name"]["en"] if isinstance(data["name"], dict) else str(data["name"])
        teams.append((team_name, members))
    return teams


def _font(px: int, bold: bool = False) -> pygame.font.Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return pygame.font.Font(str(ASSETS / "fonts" / name), px)


def _label(text: str, px: int = 16, colour: tuple[int, int, int] = TEXT) -> Block:
    return _font(px, bold=px >= 18).render(text, True, colour)


def _stack(blocks: list[Block], across: bool = False, gap: int = PAD) -> Block:
    """Blocks placed one under the other (or side by side), on the sheet's background."""
    if across:
        size = (sum(b.get_width() for b in blocks) + gap * (len(blocks) - 1),
                max(b.get_height() for b in blocks))  # fmt: skip
    else:
        size = (max(b.get_width() for b in blocks),
                sum(b.get_height() for b in blocks) + gap * (len(blocks) - 1))  # fmt: skip
    out = pygame.Surface(size, pygame.SRCALPHA)
    pos = 0
    for b in blocks:
        out.blit(b, (pos, 0) if across else (0, pos))
        pos += (b.get_width() if across else b.get_height()) + gap
    return out


def section_logo(_args: argparse.Namespace) -> Block:
    icons = [window_icon(64), window_icon(32)]
    return _stack([_label("Logo and window icons", 22), _stack([logo(96), *icons], across=True)])


def section_portraits(args: argparse.Namespace) -> Block:
    portraits = Portraits(512)
    rows = [_label(f"Bundled teams at {args.large} px (mood 0.65, stress 0.3)", 22)]
    for team, members in bundled_teams(args.looks):
        faces = []
        for seed, name, look in members:
            face = portraits.surface(seed, look, 0.65, 0.3, size=args.large)
            faces.append(_stack([face, _label(name, 14, DIM)], gap=4))
        rows.append(_stack([_label(team, 16), _stack(faces, across=True)], gap=6))
    return _stack(rows)


def section_expressions(args: argparse.Namespace) -> Block:
    portraits = Portraits(4096)
    size = args.small
    head = [_label(f"Expressions at {size} px: mood {MOODS} across, stress {STRESSES} down; "
                   "then an estimate and a person who left", 18)]  # fmt: skip
    members = [m for _, ms in bundled_teams(args.looks) for m in ms]
    tiles = []
    for seed, name, look in members:
        columns = []
        for mood in MOODS:
            column = [portraits.surface(seed, look, mood, s, size=size) for s in STRESSES]
            columns.append(_stack(column, gap=2))
        extra = [
            portraits.surface(seed, look, 0.35, 0.6, estimated=True, size=size),
            portraits.surface(seed, look, gone=True, size=size),
        ]
        columns.append(_stack(extra, gap=2))
        tiles.append(_stack([_label(name, 13, DIM), _stack(columns, across=True, gap=2)], gap=2))
    per_row = 6
    rows = [
        _stack(tiles[i : i + per_row], across=True, gap=PAD * 2)
        for i in range(0, len(tiles), per_row)
    ]
    return _stack(head + rows)


def section_covers(args: argparse.Namespace) -> Block:
    w = args.cover_width
    tiles = [_stack([cover(s, (w, w * 9 // 16)), _label(s, 14, DIM)], gap=4) for s in SETTINGS]
    rows = [_stack(tiles[i : i + 4], across=True) for i in range(0, len(tiles), 4)]
    return _stack([_label("Covers", 22), *rows])


def section_icons(_args: argparse.Namespace) -> Block:
    tiles = []
    for name in ICON_NAMES:
        sizes = [icon(name, s, c) for c in ICON_COLOURS for s in ICON_SIZES]
        tiles.append(_stack([_stack(sizes, across=True, gap=6), _label(name, 12, DIM)], gap=3))
    rows = [_stack(tiles[i : i + 4], across=True, gap=PAD * 3) for i in range(0, len(tiles), 4)]
    return _stack([_label("Icons at 16, 24, 32, 48 and 64 px", 22), *rows])


SECTIONS: dict[str, Callable[[argparse.Namespace], Block]] = {
    "logo": section_logo,
    "portraits": section_portraits,
    "expressions": section_expressions,
    "covers": section_covers,
    "icons": section_icons,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the PNG file to write")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--large", type=int, default=160, help="large portrait size (px)")
    parser.add_argument("--small", type=int, default=48, help="small portrait size (px)")
    parser.add_argument("--cover-width", type=int, default=384, help="cover width (px)")
    parser.add_argument(
        "--looks",
        type=Path,
        help="YAML file mapping team_id/member_id to portrait keys, to preview looks",
    )
    args = parser.parse_args(argv)
    if args.looks is not None:
        try:
            raw = yaml.safe_load(args.looks.read_text(encoding="utf-8")) or {}
            args.looks = {str(k): Look.from_mapping(v) for k, v in raw.items()}
        except (OSError, yaml.YAMLError, ValueError, AttributeError) as err:
            parser.error(f"--looks {args.looks}: {err}")
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    pygame.init()
    body = _stack([SECTIONS[name](args) for name in chosen], gap=PAD * 3)
    sheet = pygame.Surface((body.get_width() + 2 * PAD, body.get_height() + 2 * PAD))
    sheet.fill(BACKGROUND)
    sheet.blit(body, (PAD, PAD))
    try:
        pygame.image.save(sheet, str(args.out))
    except (pygame.error, OSError) as err:
        print(f"art_sheet: cannot write {args.out}: {err}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({sheet.get_width()}x{sheet.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
