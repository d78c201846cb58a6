"""The game window: an App owning the window, a pygame_gui manager and the stack of screens.

`run_window(args)` is what `leadsim play` calls. The loop redraws only when something changed
(input, an animation, a countdown): while idle it sleeps in `Clock.tick` at a low rate, so an
open window costs almost no CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import warnings
from typing import Any

import pygame
import pygame_gui

from game.i18n import Strings
from game.ui.dialogs import mark_entries
from game.ui.flow import current_run
from game.ui.keys import KeyGate
from game.ui.options import Options
from game.ui.scene import Scene
from game.ui.screens import screens
from game.ui.services import ClientMaker, Services, make_services
from game.ui.settings import Settings
from game.ui.theme import Style, Theme, theme_for
from game.ui.watch import LiveReload
from game.ui.widgets import Build

RESIZE_EVENTS = (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED)
MAX_AUTOPLAY_FRAMES = 60_000
KEY_REPEAT = (400, 40)  # ms before a held key repeats, ms between repeats (see game/ui/keys.py)


class App:
    """The window and its screens. Screens reach it through the `Host` protocol."""

    def __init__(self, options: Options, services: Services, style: Style) -> None:
        self.options = options
        self.services = services
        self.style = style
        settings = services.settings_file.load()
        if options.lang:
            settings = Settings(
                options.lang, settings.fullscreen, settings.text_size, settings.palette
            )
        if options.fullscreen:
            settings = Settings(settings.lang, True, settings.text_size, settings.palette)
        self.settings = settings
        self.strings = Strings(settings.lang)
        self.stack: list[Scene] = []
        self.screens = screens()
        self.running = True
        self.exit_code = 0
        self.dirty = True
        self.hot = 0.0  # seconds of full-rate frames left after the last input
        self.frames = 0
        self.now = 0.0  # seconds of frames so far: real time, or 1/60 s a frame in tests
        self.keys = KeyGate()
        self.backdrop: pygame.Surface | None = None
        self.background: pygame.Surface | None = None
        self._background_key: tuple[object, tuple[int, int]] | None = None
        # overlay -> (the look it was made for, the dimmed picture of the screens below it)
        self._backdrops: dict[Scene, tuple[object, pygame.Surface | None]] = {}
        self._layout_pending = True
        self._windowed_size = options.size or tuple(style.layout("default_size"))
        self.screen = self._open_window()
        self.theme: Theme = theme_for(
            style, self.screen.get_size(), settings.palette, settings.text_size
        )
        self.manager = self.theme.make_manager(self.screen.get_size())
        self.clock = pygame.time.Clock()
        self.live = LiveReload() if options.watch else None
        self.autoplay = None
        if options.autoplay:
            from game.ui.autoplay import Autoplay

            self.autoplay = Autoplay(options)

    @property
    def lang(self) -> str:
        return self.settings.lang

    # --- the window ------------------------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.settings.fullscreen:
            size: tuple[int, int] = (0, 0)
            flags |= pygame.FULLSCREEN
        else:
            size = fit_desktop(self._windowed_size)
        set_icon()  # before the window opens: some platforms take the icon only then
        try:
            screen = pygame.display.set_mode(size, flags)
        except pygame.error:
            screen = pygame.display.set_mode(fit_desktop(self._windowed_size), pygame.RESIZABLE)
        pygame.display.set_caption(self.strings("app.name"))
        pygame.key.set_repeat(*KEY_REPEAT)
        set_minimum_size(tuple(self.style.layout("min_size")))
        return screen

    def toggle_fullscreen(self) -> None:
        if not self.settings.fullscreen:
            self._windowed_size = self.screen.get_size()
        self.settings = self.settings.cycled("fullscreen")
        self.services.settings_file.save(self.settings)
        self.screen = self._open_window()
        self.relayout()

    def apply_settings(self, settings: Settings) -> None:
        """Take new settings at once: language, palette, text size, full screen."""
        old = self.settings
        if settings == old:
            return
        if settings.fullscreen != old.fullscreen:
            self.toggle_fullscreen()
        self.settings = settings
        self.strings = Strings(settings.lang)
        pygame.display.set_caption(self.strings("app.name"))
        self.services.settings_file.save(settings)
        self.relayout()

    # --- the screen stack ------------------------------------------------------------------

    def scene(self, name: str, *args: Any, **kwargs: Any) -> Scene:
        """A new screen of the kind `name`, made for this app (see game/ui/screens.py)."""
        return self.screens[name](self, *args, **kwargs)

    def push(self, scene: Scene) -> None:
        if self.stack:
            if scene.overlay and not self._layout_pending:
                # the window shows the screen below as it is: dim that, rather than build it again
                self._backdrops[scene] = (self._look(), self._shaded(self.screen.copy()))
            self._leave_top()
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.enter()
        self.relayout()

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        self._leave_top()
        self.stack.pop().exit()
        self.stack[-1].resume()
        self.relayout()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            below = self._backdrops.get(self.stack[-1])
            if scene.overlay and below is not None:  # the same screens lie below the new one
                self._backdrops[scene] = below
            self._leave_top()
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self.relayout()

    def reset(self, *scenes: Scene) -> None:
        if self.stack:
            self._leave_top()
        while self.stack:
            self.stack.pop().exit()
        for scene in scenes:
            if self.stack:
                self.stack[-1].pause()
            self.stack.append(scene)
            scene.enter()
        self.relayout()

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def relayout(self) -> None:
        self._backdrops = {s: kept for s, kept in self._backdrops.items() if s in self.stack}
        self._layout_pending = True
        self.dirty = True

    def _leave_top(self) -> None:
        self.stack[-1].teardown()
        self.manager.clear_and_reset()

    # --- layout ----------------------------------------------------------------------------

    def _layout(self) -> None:
        self._layout_pending = False
        size = self.screen.get_size()
        theme = theme_for(self.style, size, self.settings.palette, self.settings.text_size)
        top = self.stack[-1]
        top.teardown()
        if theme.key != self.theme.key:
            self.theme = theme
            self.manager = theme.make_manager(size)
        else:
            self.manager.set_window_resolution(size)
            self.manager.clear_and_reset()
        # pygame_gui's text entry turns key repeat off when it loses the focus: arrows repeat
        pygame.key.set_repeat(*KEY_REPEAT)
        if self.background is None or self._background_key != (self.theme.key, size):
            self.background = paint_background(self.theme, size)
            self._background_key = (self.theme.key, size)
        self.backdrop = self._backdrop_of(top) if top.overlay else None
        self._build(top, self.manager)
        self.dirty = True

    def _build(self, scene: Scene, manager: pygame_gui.UIManager) -> None:
        # Below the smallest supported size the screen is laid out at that size and shows
        # partly: narrower text boxes would make pygame_gui's word wrapping loop forever.
        least = self.style.layout("min_size")
        width, height = manager.window_resolution
        rect = pygame.Rect(0, 0, max(width, least[0]), max(height, least[1]))
        ui = Build(manager, self.theme, self.strings, rect, scene.focus, self.lang)
        scene.build(ui)
        scene.scrollables = [*ui.scrollers, *ui.texts]
        scene.built()
        manager.update(0.0)

    def _look(self) -> tuple[object, ...]:
        """What a picture of a screen depends on besides the screen itself."""
        return (self.screen.get_size(), self.theme.key, self.lang)

    def _backdrop_of(self, overlay: Scene) -> pygame.Surface | None:
        """The dimmed picture under an overlay: kept from when it opened, else drawn anew."""
        kept = self._backdrops.get(overlay)
        if kept is None or kept[0] != self._look():
            kept = (self._look(), self._backdrop(len(self.stack) - 2, self.screen.get_size()))
            self._backdrops[overlay] = kept
        return kept[1]

    def _shaded(self, picture: pygame.Surface) -> pygame.Surface:
        shade = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
        shade.fill(self.theme.colour("overlay"))
        picture.blit(shade, (0, 0))
        return picture

    def _backdrop(self, index: int, size: tuple[int, int]) -> pygame.Surface | None:
        """The screen below an overlay, drawn into a picture and dimmed."""
        if index < 0:
            return None
        scene = self.stack[index]
        picture = pygame.Surface(size)
        below = self._backdrop(index - 1, size) if scene.overlay else None
        picture.blit(below or self.background or picture, (0, 0))
        manager = self.theme.make_manager(size)
        self._build(scene, manager)
        scene.draw(picture)
        manager.draw_ui(picture)
        scene.teardown()
        return self._shaded(picture)

    # --- the loop --------------------------------------------------------------------------

    def run(self) -> int:
        """Play until the window closes; returns the exit code."""
        try:
            while self.running:
                self.step()
        finally:
            self.services.close()
        return self.exit_code

    def step(self, wait: bool = True) -> None:
        """One pass: wait for the next frame, handle events, update, draw if needed.

        `wait=False` (and autoplay) runs at once with a fixed 1/60 s step, as tests do.
        """
        top = self.stack[-1]
        busy = self.hot > 0 or top.animating or self._layout_pending
        if self.autoplay is not None and top.waiting:
            # the harness runs frames back to back: let background work finish, not spin
            self.services.wait(0.05)
        if self.autoplay is not None or not wait:
            self.clock.tick()
            elapsed = dt = 1 / 60
        else:
            rate = self.style.timing("active_fps") if busy else self.idle_rate(top)
            elapsed = self.clock.tick(rate) / 1000
            dt = min(0.25, elapsed)  # a long stall does not fast-forward the countdown
        self.now += elapsed
        self.keys.begin_batch(self.now)
        for event in pygame.event.get():
            self.handle(event)
        self.frame(dt)
        if self.autoplay is not None:
            self.frames += 1
            if self.frames > MAX_AUTOPLAY_FRAMES:
                print("autoplay: too many frames, giving up", file=sys.stderr)
                self.quit(1)
            elif not (self._layout_pending or self.stack[-1].animating or self.stack[-1].waiting):
                self.autoplay.after_frame(self)

    def idle_rate(self, top: Scene) -> float:
        return max(self.style.timing("idle_fps"), top.frame_rate())

    def frame(self, dt: float) -> None:
        """Update, and draw when something changed."""
        if self._layout_pending:
            self._layout()
        self.hot = max(0.0, self.hot - dt)
        if self.live is not None and self.live.tick(self, current_run(self.stack), dt):
            self.dirty = True
        top = self.stack[-1]
        if self.services.classroom.poll() and getattr(top, "shows_class", False):
            self.relayout()  # the class's status, scenarios or last sending changed
        changed = top.update(dt)
        self.manager.update(dt)
        if changed or self.hot > 0 or top.animating:
            self.dirty = True
        if self._layout_pending:
            self._layout()
        if self.dirty:
            # the keyboard moves to or from a text entry only on input or a new layout
            mark_entries(
                self.manager, self.theme.colour("accent"), self.theme.colour("button_border")
            )
            self.draw(self.screen)
            pygame.display.flip()
            self.dirty = False

    def draw(self, surface: pygame.Surface) -> None:
        top = self.stack[-1]
        base = self.backdrop if top.overlay and self.backdrop else self.background
        if base is not None and base.get_size() == surface.get_size():
            surface.blit(base, (0, 0))
        else:
            surface.fill(self.theme.colour("background"))
        top.draw(surface)
        self.manager.draw_ui(surface)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit(0)
            return
        if event.type in RESIZE_EVENTS:
            self.screen = pygame.display.get_surface() or self.screen
            self.relayout()
            return
        if event.type == pygame.WINDOWFOCUSLOST:
            self.keys.release_all()
        if not self.keys.admit(event, self.stack[-1]):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        self.hot = self.style.timing("hot_seconds")
        self.dirty = True
        if self._layout_pending:
            self._layout()
        if self.manager.process_events(event):
            return
        self.stack[-1].handle_event(event)


def paint_background(theme: Theme, size: tuple[int, int]) -> pygame.Surface:
    """A vertical gradient from the palette's top colour to its background colour."""
    surface = pygame.Surface(size)
    top, bottom = theme.colour("background_top"), theme.colour("background")
    height = max(1, size[1])
    for y in range(height):
        pygame.draw.line(surface, top.lerp(bottom, y / height), (0, y), (size[0], y))
    return surface


def set_icon() -> None:
    """Give the window the game's icon (a driver that has no icons ignores it)."""
    from game.ui.pictures import icon

    with contextlib.suppress(pygame.error):
        pygame.display.set_icon(icon())


def set_minimum_size(size: tuple[int, ...]) -> None:
    """Ask the window manager not to let the window get smaller than `size`."""
    # not every platform or driver supports it; the layout copes anyway
    with warnings.catch_warnings(), contextlib.suppress(pygame.error, AttributeError, ValueError):
        warnings.simplefilter("ignore", DeprecationWarning)  # the display-module window
        pygame.Window.from_display_module().minimum_size = (int(size[0]), int(size[1]))


def fit_desktop(size: tuple[int, int]) -> tuple[int, int]:
    """A window size no larger than the desktop (the dummy video driver reports none)."""
    try:
        desktops = pygame.display.get_desktop_sizes()
    except pygame.error:
        desktops = []
    if not desktops or pygame.display.get_driver() == "dummy":
        return size
    width, height = desktops[0]
    return min(size[0], width), min(size[1], max(200, height - 60))


def start(options: Options, class_client: ClientMaker | None = None) -> App:
    """Open the window and show the title screen at once; the named scenario (or, with
    `--continue`, the latest saved game) is read in the background and opens when it is
    ready. On the title screen the scenario library starts being read at once, so that the
    scenario picker has it by the time it opens. `class_client` makes the class client (by
    default the real one over the network)."""
    from game.ui.resume import continue_latest, home, start_scenario

    app = App(options, make_services(list(options.scenarios), class_client), Style.load())
    app.reset(*home(app))
    app.frame(0.0)
    if options.resume:
        for scene in continue_latest(app):
            app.push(scene)
    elif options.scenario:
        for scene in start_scenario(app, options.scenario):
            app.push(scene)
    else:
        app.services.scan.request()
    app.services.classroom.reconnect()  # the class of the last time, if any
    return app


def run_window(args: argparse.Namespace) -> int:
    """Open the window (title screen, or the named scenario) and play; returns the exit code."""
    try:
        options = Options.from_args(args)
    except ValueError as err:
        print(f"leadsim play: {err}", file=sys.stderr)
        return 2
    pygame.display.init()
    pygame.font.init()
    try:
        return start(options).run()
    finally:
        pygame.quit()
