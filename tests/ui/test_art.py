"""The art kit: portraits, icons, covers, logo and the licences of what it ships."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.content.look import CHOICES, Look, portrait_seed, resolve
from game.content.principles import PRINCIPLES
from game.resources import ASSETS, SCENARIOS
from game.ui.art.covers import SETTINGS, THEMES, cover
from game.ui.art.icons import ICON_DIR, ICON_NAMES, ICONS, METER_ICONS, icon
from game.ui.art.kit import ArtKit
from game.ui.art.logo import ICON_SIZES, logo, window_icon
from game.ui.art.portraits import LEVELS, Portraits, quantise

ART = ASSETS / "art"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    yield


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean absolute difference of two same-sized surfaces' RGBA bytes (0..255)."""
    pa, pb = pixels(a), pixels(b)
    assert len(pa) == len(pb)
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def opaque_share(surface: pygame.Surface) -> float:
    alpha = pixels(surface)[3::4]
    return sum(1 for a in alpha if a > 0) / len(alpha)


# ---- portraits --------------------------------------------------------------------------------


def test_same_seed_draws_the_same_pixels_in_separate_caches():
    a = Portraits(4).surface("hawks/denis", None, 0.6, 0.4, size=96)
    b = Portraits(4).surface("hawks/denis", None, 0.6, 0.4, size=96)
    assert pixels(a) == pixels(b)


def test_members_of_a_team_get_different_faces():
    portraits = Portraits(64)
    seeds = [portrait_seed("tandem", m) for m in ("vera", "igor", "lena", "pavel", "oleg", "mark")]
    faces = [portraits.surface(s, None, 0.6, 0.3, size=64) for s in seeds]
    for i in range(len(faces)):
        for j in range(i + 1, len(faces)):
            assert difference(faces[i], faces[j]) > 3.0, (seeds[i], seeds[j])


def test_mood_changes_the_picture_at_every_level():
    portraits = Portraits(64)
    steps = [portraits.surface("plant/zoya", None, k / 4, 0.2, size=96) for k in range(5)]
    for a, b in itertools.pairwise(steps):
        assert pixels(a) != pixels(b)


def test_stress_changes_the_picture_at_every_level():
    portraits = Portraits(64)
    steps = [portraits.surface("plant/zoya", None, 0.5, k / 4, size=96) for k in range(5)]
    for a, b in itertools.pairwise(steps):
        assert pixels(a) != pixels(b)


def test_high_stress_adds_a_sweat_drop_in_its_own_light_blue():
    def blue_drop_pixels(surface: pygame.Surface) -> int:
        raw = pixels(surface)
        return sum(
            1
            for i in range(0, len(raw), 4)
            if raw[i + 2] > 220 and raw[i] < 190 and raw[i + 1] > 190 and raw[i + 3] == 255
        )

    portraits = Portraits(8)
    calm = portraits.surface("x/y", Look(skin="tan"), 0.5, 0.1, size=160)
    stressed = portraits.surface("x/y", Look(skin="tan"), 0.5, 0.95, size=160)
    assert blue_drop_pixels(stressed) > blue_drop_pixels(calm) + 20


def test_estimate_and_gone_differ_from_the_plain_portrait_and_each_other():
    portraits = Portraits(8)
    plain = portraits.surface("marketing/alina", None, 0.5, 0.5, size=96)
    estimate = portraits.surface("marketing/alina", None, 0.5, 0.5, estimated=True, size=96)
    gone = portraits.surface("marketing/alina", None, 0.5, 0.5, gone=True, size=96)
    assert difference(plain, estimate) > 5
    assert difference(plain, gone) > 5
    assert difference(estimate, gone) > 5


def test_an_estimate_is_less_colourful_than_the_truth():
    def saturation(surface: pygame.Surface) -> float:
        raw = pixels(surface)
        total = 0
        for i in range(0, len(raw), 4):
            if raw[i + 3]:
                total += max(raw[i : i + 3]) - min(raw[i : i + 3])
        return total

    portraits = Portraits(8)
    truth = portraits.surface("integrator/katya", None, 0.7, 0.3, size=96)
    guess = portraits.surface("integrator/katya", None, 0.7, 0.3, estimated=True, size=96)
    assert saturation(guess) < 0.6 * saturation(truth)


def test_a_gone_portrait_ignores_mood_and_stress():
    portraits = Portraits(8)
    a = portraits.surface("hawks/kolya", None, 0.1, 0.9, gone=True, size=64)
    b = portraits.surface("hawks/kolya", None, 0.9, 0.1, gone=True, size=64)
    assert a is b
    assert portraits.renders == 1


def test_cache_hit_does_not_redraw_and_small_moves_reuse_the_picture():
    portraits = Portraits(16)
    first = portraits.surface("hawks/denis", None, 0.60, 0.40, size=96)
    again = portraits.surface("hawks/denis", None, 0.61, 0.401, size=96)
    assert again is first
    assert portraits.renders == 1
    portraits.surface("hawks/denis", None, 0.60, 0.40, size=48)
    assert portraits.renders == 2


def test_cache_forgets_the_least_recently_used_beyond_its_size():
    portraits = Portraits(2)
    a = portraits.surface("t/a", size=32)
    portraits.surface("t/b", size=32)
    portraits.surface("t/a", size=32)  # a is now the most recent
    portraits.surface("t/c", size=32)  # evicts b
    assert len(portraits) == 2
    assert portraits.surface("t/a", size=32) is a
    renders = portraits.renders
    portraits.surface("t/b", size=32)
    assert portraits.renders == renders + 1


def test_quantise_has_the_promised_number_of_levels_and_clamps():
    values = {quantise(k / 1000) for k in range(-100, 1101)}
    assert len(values) == LEVELS
    assert min(values) == 0.0 and max(values) == 1.0


def test_portraits_are_transparent_outside_their_circle_at_every_size():
    portraits = Portraits(8)
    for size in (24, 48, 96, 160):
        face = portraits.surface("eventura/lev", None, 0.5, 0.5, size=size)
        assert face.get_size() == (size, size)
        assert face.get_at((0, 0)).a == 0
        assert face.get_at((size // 2, size // 2)).a == 255
        assert 0.7 < opaque_share(face) < 0.85  # a disc covers pi/4 of its square


def test_a_portrait_can_be_drawn_for_any_team_and_any_look_key():
    portraits = Portraits(256)
    for key, options in CHOICES.items():
        for value in options:
            look = Look.from_mapping({key: value})
            face = portraits.surface(f"any/{key}", look, 0.5, 0.5, size=48)
            assert face.get_at((24, 24)).a == 255, (key, value)


def test_look_overrides_win_and_leave_other_features_alone():
    seed = "marketing/boris"
    base = resolve(seed)
    changed = resolve(seed, Look(hair_colour="#123456", glasses="square"))
    assert changed.hair_colour == "#123456"
    assert changed.glasses == "square"
    assert (changed.skin, changed.background, changed.hair) == (
        base.skin,
        base.background,
        base.hair,
    )


def test_derived_looks_cover_the_range_of_skin_tones_and_hair_styles():
    features = [resolve(f"team/member{i}") for i in range(400)]
    assert len({f.skin for f in features}) == len(CHOICES["skin"])
    assert len({f.hair for f in features}) == len(CHOICES["hair"])
    assert {f.presentation for f in features} == set(CHOICES["presentation"])


# ---- Look validation ---------------------------------------------------------------------------


def test_look_from_mapping_accepts_names_colours_and_boolean_glasses():
    look = Look.from_mapping(
        {"presentation": "feminine", "skin": "#8D5524", "hair": "bob", "glasses": True}
    )
    assert look == Look(presentation="feminine", skin="#8d5524", hair="bob", glasses="round")
    assert Look.from_mapping(look.as_mapping()) == look
    assert Look.from_mapping({"glasses": False}).glasses == "none"


def test_unknown_look_key_names_the_key_and_suggests_the_right_one():
    with pytest.raises(ValueError) as err:
        Look.from_mapping({"hair_color": "red"})
    message = str(err.value)
    assert "unknown key 'hair_color'" in message
    assert "did you mean 'hair_colour'?" in message


def test_bad_look_values_are_all_reported_with_what_is_allowed():
    with pytest.raises(ValueError) as err:
        Look.from_mapping({"age": 42, "hair": "mohawk", "skin": "green"})
    message = str(err.value)
    assert "age: 42 is not allowed" in message and "young, adult, senior" in message
    assert "hair: 'mohawk' is not allowed" in message
    assert "skin: 'green' is not allowed" in message and "#rrggbb" in message


def test_look_from_something_that_is_not_a_mapping_is_a_clear_error():
    with pytest.raises(ValueError, match="expected a mapping"):
        Look.from_mapping(["feminine"])  # type: ignore[arg-type]


def test_look_module_works_without_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "from game.content.look import Look, resolve\n"
        "print(resolve('a/b', Look.from_mapping({'age': 'senior'})).age)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "senior"


# ---- icons, covers, logo -----------------------------------------------------------------------


def test_every_principle_and_meter_has_an_icon():
    assert set(PRINCIPLES) <= set(ICONS)
    for meter in ("morale", "stress", "trust", "productivity", "progress", "energy"):
        assert meter in METER_ICONS
    assert {"leader_stress", "stakeholder_trust", "patience"} <= set(METER_ICONS)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_every_icon_renders_at_several_sizes(name):
    for size in (16, 24, 32, 48, 64):
        surface = icon(name, size, "#f5b83d")
        assert surface.get_size() == (size, size)
        ink = [c for c in (surface.get_at((x, y)) for x in range(size) for y in range(size)) if c.a]
        assert len(ink) > size, (name, size)  # something is drawn
        solid = [c for c in ink if c.a >= 230]  # strokes reach (nearly) full cover: legible
        assert solid and all(abs(c.r - 0xF5) < 4 and abs(c.g - 0xB8) < 4 for c in solid)


def test_icons_draw_their_dots():
    # mood-happy has two eyes made of zero-length strokes; they must show at small sizes
    surface = icon("morale", 24, "#ffffff")
    eye_row = [surface.get_at((x, 9)).a for x in range(24)]
    assert sum(1 for a in eye_row if a > 128) >= 2


def test_unknown_icon_name_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown icon 'moral'.*morale"):
        icon("moral", 24)


@pytest.mark.parametrize("setting", SETTINGS)
def test_every_setting_has_a_cover_at_several_sizes(setting):
    for size in ((320, 180), (640, 360), (1280, 720), (400, 300)):
        surface = cover(setting, size)
        assert surface.get_size() == size
        assert surface.get_at((size[0] // 2, size[1] // 2)).a == 255


def test_covers_cover_the_scenario_settings_and_the_new_ones():
    from game.content.models import SETTINGS as SCENARIO_SETTINGS

    assert set(SCENARIO_SETTINGS) <= set(SETTINGS)
    assert {"healthcare", "public"} <= set(SETTINGS)


def test_covers_differ_by_setting_and_follow_the_palette():
    a = cover("finance", (320, 180))
    b = cover("sports", (320, 180))
    assert difference(a, b) > 5
    light = cover("finance", (320, 180), {"background": "#e8eef3", "background_top": "#ffffff"})
    assert difference(a, light) > 20


def test_unknown_setting_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown setting 'space'.*healthcare"):
        cover("space", (320, 180))


def test_logo_and_window_icons():
    for size in ICON_SIZES:
        surface = window_icon(size)
        assert surface.get_size() == (size, size)
        assert surface.get_at((size // 2, size // 2)).a == 255
        assert surface.get_at((0, 0)).a == 0  # rounded corners
    wide = logo(64)
    assert wide.get_height() == 64 and wide.get_width() > 3 * 64


def test_shipped_pngs_match_what_the_code_draws():
    for size in ICON_SIZES:
        shipped = pygame.image.load(str(ART / f"icon-{size}.png"))
        assert shipped.get_size() == (size, size)
        fresh = window_icon(size)
        assert difference(shipped, fresh) < 2.0
    shipped_logo = pygame.image.load(str(ART / "logo.png"))
    assert shipped_logo.get_size() == logo(128).get_size()


def test_kit_caches_every_kind_of_picture():
    kit = ArtKit()
    first = [
        kit.icon("trust", 24, (199, 146, 234)),
        kit.cover("crisis", (320, 180)),
        kit.logo(48),
        kit.window_icon(32),
        kit.portrait("a/b", None, 0.5, 0.5, size=48),
    ]
    drawn = kit.renders
    again = [
        kit.icon("trust", 24, "#c792ea"),
        kit.cover("crisis", (320, 180)),
        kit.logo(48),
        kit.window_icon(32),
        kit.portrait("a/b", None, 0.5, 0.5, size=48),
    ]
    assert kit.renders == drawn == 5
    assert all(x is y for x, y in zip(first, again, strict=True))


def test_portraits_work_with_a_real_display_and_convert_to_its_format():
    pygame.display.init()
    screen = pygame.display.set_mode((320, 200))
    try:
        face = Portraits(4).surface("hawks/denis", None, 0.5, 0.5, size=64)
        screen.blit(face, (0, 0))
        assert face.get_flags() & pygame.SRCALPHA
    finally:
        pygame.display.quit()


# ---- licences ----------------------------------------------------------------------------------


def test_every_shipped_art_file_is_listed_with_its_licence():
    listing = (ART / "LICENSES.md").read_text(encoding="utf-8")
    svgs = sorted(ICON_DIR.glob("*.svg"))
    assert svgs, "no icon files shipped"
    assert f"{len(svgs)} files" in listing
    assert (ART / "LICENSE-tabler-icons.txt").read_text(encoding="utf-8").startswith("MIT License")
    for file in ART.iterdir():
        if file.is_file() and file.name not in ("LICENSES.md",):
            assert file.name in listing, f"{file.name} is not listed in LICENSES.md"
    for svg in svgs:
        assert "icon-tabler" in svg.read_text(encoding="utf-8"), svg.name


def test_every_icon_the_code_names_is_shipped():
    needed = set(ICONS.values())
    for theme in THEMES.values():
        needed |= {theme.emblem, *theme.around}
    shipped = {p.stem for p in ICON_DIR.glob("*.svg")}
    assert needed == shipped


def test_contact_sheet_renders_every_section(tmp_path):
    out = tmp_path / "sheet.png"
    result = subprocess.run(
        [sys.executable, "scripts/art_sheet.py", str(out), "--large", "64", "--small", "24",
         "--cover-width", "160"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sheet = pygame.image.load(str(out))
    assert sheet.get_width() > 600 and sheet.get_height() > 600
    assert re.search(r"wrote .*sheet\.png \(\d+x\d+\)", result.stdout)
    assert len(sorted(SCENARIOS.glob("team_*.yaml"))) >= 6


def test_contact_sheet_rejects_an_unknown_section(tmp_path):
    result = subprocess.run(
        [sys.executable, "scripts/art_sheet.py", str(tmp_path / "x.png"), "--only", "faces"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 2
    assert "unknown section(s) faces" in result.stderr
    assert "Traceback" not in result.stderr


def test_portrait_benchmark_reports_cold_and_cached_figures():
    from benchmarks import bench_art

    figures = bench_art.bench_portraits(3)
    assert set(figures) == {
        "art.portrait_cold_48px",
        "art.portrait_cold_160px",
        "art.portrait_cached_160px",
    }
    for figure in figures.values():
        assert set(figure) == {"value", "unit", "target", "ok"}
        assert figure["value"] > 0
