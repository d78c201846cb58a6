"""What a team member looks like: the author's optional `portrait:` keys, and the full look.

A `Look` holds only what an author chose; everything left out is derived from a seed string
(team id and member id, see `portrait_seed`), so any team gets faces, the same ones every time.
`resolve(seed, look)` gives the complete `Features` a portrait is drawn from. Each feature draws
from its own hash of the seed, so overriding one (say the hair colour) never changes another.

It lives with the scenario format (it imports neither pygame nor numpy): team files are checked
with it, and the window's art draws from it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from types import MappingProxyType

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


SKIN_TONES = MappingProxyType({
    "pale": "#fbe2d0",
    "light": "#f2cdb0",
    "beige": "#e6b48e",
    "tan": "#cf9a6c",
    "olive": "#bb8a5c",
    "brown": "#9a6440",
    "dark": "#77482c",
    "deep": "#56321f",
})  # fmt: skip
HAIR_COLOURS = MappingProxyType({
    "black": "#211c1c",
    "dark_brown": "#3e2b22",
    "brown": "#6b452f",
    "auburn": "#8a3a20",
    "red": "#b8582c",
    "blonde": "#d8ae68",
    "platinum": "#e8dcc0",
    "grey": "#9d9ea4",
    "white": "#e4e4e6",
    "blue": "#3e6fd0",
    "pink": "#de78a6",
    "purple": "#7a52c2",
    "teal": "#2f9c96",
})  # fmt: skip
HAIR_STYLES = (
    "bald", "buzz", "short", "side_part", "quiff", "pixie", "curly", "afro", "bob", "long",
    "ponytail", "bun", "braids", "headscarf",
)  # fmt: skip
PRESENTATIONS = ("feminine", "masculine", "neutral")
FACIAL_HAIR = ("none", "stubble", "moustache", "beard")
GLASSES = ("none", "round", "square")
AGES = ("young", "adult", "senior")
CLOTHES = ("crew", "vneck", "collar", "hoodie", "blazer")

# What an author may write under `portrait:`; colours may also be given as #rrggbb.
CHOICES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "presentation": PRESENTATIONS,
    "skin": tuple(SKIN_TONES),
    "hair": HAIR_STYLES,
    "hair_colour": tuple(HAIR_COLOURS),
    "facial_hair": FACIAL_HAIR,
    "glasses": GLASSES,
    "age": AGES,
    "clothes": CLOTHES,
})  # fmt: skip
COLOUR_KEYS = frozenset({"skin", "hair_colour"})

BACKGROUNDS = (
    "#3f6f8f", "#4d7d68", "#75598c", "#8a6648", "#4a679c", "#3d7f86", "#85505e", "#67709e",
    "#8d7a3e", "#5a7a45",
)  # fmt: skip
CLOTHES_COLOURS = (
    "#e9ecef", "#2b3440", "#c8553d", "#2f6fb3", "#f2b544", "#3a8f6e", "#8b5fbf", "#d77fa1",
    "#5c6b7a", "#e07b39", "#1f7a8c", "#b83b5e",
)  # fmt: skip
GLASSES_FRAMES = ("#26262c", "#6b3f22", "#b9973f", "#3b4a6b")
SCARF_COLOURS = ("#2f6fb3", "#8b5fbf", "#3a8f6e", "#c8553d", "#5c6b7a", "#d77fa1", "#b8863b")

_STYLE_WEIGHTS = {
    "masculine": {
        "buzz": 2, "short": 3, "side_part": 3, "quiff": 2, "curly": 2, "afro": 1, "bald": 1,
        "long": 0.4, "bun": 0.3, "braids": 0.3,
    },
    "feminine": {
        "long": 3, "bob": 2, "ponytail": 2, "bun": 1.5, "curly": 1.5, "afro": 1, "pixie": 1,
        "braids": 1, "headscarf": 0.6,
    },
    "neutral": {
        "pixie": 2, "short": 2, "bob": 1.5, "curly": 2, "afro": 1, "buzz": 1, "side_part": 1,
        "bun": 1, "long": 1, "quiff": 1,
    },
}  # fmt: skip
_DYES = ("blue", "pink", "purple", "teal")
_NATURAL_HAIR = {"black": 4, "dark_brown": 4, "brown": 3, "auburn": 1, "red": 0.7, "blonde": 2}


@dataclass(frozen=True)
class Look:
    """The portrait keys an author may give for one person; None means "derive it from the seed".

    `skin` and `hair_colour` take a name (see `CHOICES`) or a colour written `#rrggbb`.
    """

    presentation: str | None = None
    skin: str | None = None
    hair: str | None = None
    hair_colour: str | None = None
    facial_hair: str | None = None
    glasses: str | None = None
    age: str | None = None
    clothes: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Look:
        """A Look from a team file's `portrait:` mapping; ValueError names every bad key/value."""
        if not isinstance(data, Mapping):
            raise ValueError(f"portrait: expected a mapping of keys to values, got {data!r}")
        problems: list[str] = []
        values: dict[str, str] = {}
        for key, raw in data.items():
            if key not in CHOICES:
                hint = difflib.get_close_matches(str(key), list(CHOICES), n=1)
                did = f"did you mean '{hint[0]}'? " if hint else ""
                problems.append(f"unknown key '{key}' ({did}known keys: {', '.join(CHOICES)})")
                continue
            value = _normalise(key, raw)
            if value is None:
                problems.append(_bad_value(key, raw))
            else:
                values[key] = value
        if problems:
            raise ValueError("portrait: " + "; ".join(problems))
        return cls(**values)

    def as_mapping(self) -> dict[str, str]:
        """The keys the author set, as `from_mapping` accepts them."""
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}


def _normalise(key: str, raw: object) -> str | None:
    if key == "glasses" and isinstance(raw, bool):
        return "round" if raw else "none"
    if not isinstance(raw, str):
        return None
    if key in COLOUR_KEYS and HEX.match(raw):
        return raw.lower()
    return raw if raw in CHOICES[key] else None


def _bad_value(key: str, raw: object) -> str:
    allowed = ", ".join(CHOICES[key])
    extra = " or a colour written #rrggbb" if key in COLOUR_KEYS else ""
    extra += " (or true/false)" if key == "glasses" else ""
    hint = difflib.get_close_matches(str(raw), CHOICES[key], n=1) if isinstance(raw, str) else []
    did = f"did you mean '{hint[0]}'? " if hint else ""
    return f"{key}: {raw!r} is not allowed ({did}expected one of: {allowed}{extra})"


@dataclass(frozen=True)
class Features:
    """Everything a portrait is drawn from: the Look with every gap filled in."""

    presentation: str
    skin: str
    hair: str
    hair_colour: str
    beard_colour: str  # brows and facial hair: the hair colour, or a natural one under a dye
    facial_hair: str
    glasses: str
    glasses_frame: str
    age: str
    clothes: str
    clothes_colour: str
    background: str
    scarf_colour: str
    face_width: float  # 0..1: narrow to broad
    earrings: bool
    part_left: bool  # which side a parting or a side sweep falls to


def portrait_seed(team_id: str, member_id: str) -> str:
    """The seed that makes a member of a team the same person everywhere."""
    return f"{team_id}/{member_id}"


class _Dice:
    """Independent, stable draws per feature name from a seed string (blake2b, not `random`)."""

    def __init__(self, seed: str) -> None:
        self.seed = seed

    def unit(self, name: str) -> float:
        digest = hashlib.blake2b(f"{self.seed}\x00{name}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") / 2**64

    def pick(self, name: str, options: Sequence[str]) -> str:
        return options[int(self.unit(name) * len(options))]

    def weighted(self, name: str, weights: Mapping[str, float]) -> str:
        x = self.unit(name) * sum(weights.values())
        for option, weight in weights.items():
            x -= weight
            if x < 0:
                return option
        return list(weights)[-1]


def _colour(value: str, names: Mapping[str, str]) -> str:
    return value if value.startswith("#") else names[value]


def resolve(seed: str, look: Look | None = None) -> Features:
    """The complete features of the person `seed` names, honouring what `look` sets."""
    look = look or Look()
    dice = _Dice(seed)
    presentation = look.presentation or dice.weighted(
        "presentation", {"feminine": 45, "masculine": 45, "neutral": 10}
    )
    age = look.age or dice.weighted("age", {"young": 35, "adult": 50, "senior": 15})
    skin = look.skin or dice.pick("skin", tuple(SKIN_TONES))
    style_weights = dict(_STYLE_WEIGHTS[presentation])
    if age == "senior" and "bald" in style_weights:
        style_weights["bald"] = 3
    hair = look.hair or dice.weighted("hair", style_weights)
    if look.hair_colour:
        hair_colour = look.hair_colour
    elif age == "senior" and dice.unit("grey") < 0.75:
        hair_colour = dice.pick("grey_shade", ("grey", "white"))
    elif dice.unit("dyed") < 0.05:
        hair_colour = dice.pick("dye", _DYES)
    else:
        hair_colour = dice.weighted("hair_colour", _NATURAL_HAIR)
    natural = hair_colour not in _DYES
    beard_colour = hair_colour if natural else dice.weighted("natural", _NATURAL_HAIR)
    if look.facial_hair:
        facial_hair = look.facial_hair
    elif presentation == "masculine":
        facial_hair = dice.weighted(
            "facial_hair", {"none": 55, "stubble": 20, "moustache": 7, "beard": 18}
        )
    else:
        facial_hair = "none"
    glasses = look.glasses or dice.weighted("glasses", {"none": 72, "round": 14, "square": 14})
    background = dice.pick("background", BACKGROUNDS)
    clothes_colour = dice.pick("clothes_colour", CLOTHES_COLOURS)
    return Features(
        presentation=presentation,
        skin=_colour(skin, SKIN_TONES),
        hair=hair,
        hair_colour=_colour(hair_colour, HAIR_COLOURS),
        beard_colour=_colour(beard_colour, HAIR_COLOURS),
        facial_hair=facial_hair,
        glasses=glasses,
        glasses_frame=dice.pick("frame", GLASSES_FRAMES),
        age=age,
        clothes=look.clothes or dice.pick("clothes", CLOTHES),
        clothes_colour=clothes_colour,
        background=background,
        scarf_colour=dice.pick("scarf", SCARF_COLOURS),
        face_width=dice.unit("face_width"),
        earrings=presentation == "feminine" and dice.unit("earrings") < 0.4,
        part_left=dice.unit("part") < 0.5,
    )
