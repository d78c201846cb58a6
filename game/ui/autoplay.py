"""The autoplay harness: plays the real window by posting real key and mouse events.

`leadsim play SCENARIO --autoplay POLICY --screenshots DIR` visits every screen (title,
settings and their class page, saved games, picker, briefing, decision, pause, save dialog,
outcome, debrief, name entry, leaderboard), lets the policy make the decisions, saves a PNG of
each screen the first time it appears (01-title.png, 02-settings.png, ...) and exits 0 after
the leaderboard. Each screenshot is checked for text that overflows; `DIR/report.json` lists
the screens and any problems. Events go through `pygame.event.post`, so they take the same
path as a player's.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import pygame

from game.sim.policies import choose
from game.ui import textfit

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.options import Options

# frames between one batch of events and the next: 5 frames (83 ms at the harness's 1/60 s)
# keep a key pressed again on the next screen clear of the 50 ms bounce filter (game.ui.keys)
SETTLE_FRAMES = 5


def key(code: int, unicode: str = "", mod: int = 0) -> None:
    """Post a key press and release, as the keyboard would."""
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0)
    )
    pygame.event.post(
        pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode=unicode, scancode=0)
    )


def click(pos: tuple[int, int]) -> None:
    """Post a mouse move to `pos` and a left click there."""
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    )
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, touch=False))


def type_text(text: str) -> None:
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))


class Autoplay:
    """Decides, after each settled frame, which events to post next."""

    def __init__(self, options: Options) -> None:
        self.policy = options.autoplay or "principled"
        self.folder = options.screenshots
        self.target = options.scenario
        self.seen: list[str] = []
        self.visits: dict[str, int] = {}
        self.report: dict[str, Any] = {"screens": [], "problems": []}
        self.wait = SETTLE_FRAMES
        self.last: Any = None
        self.failure: str | None = None  # why the screenshots could not be written
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                self.failure = f"cannot make {self.folder}: {err.strerror or err}"

    # --- the harness loop -------------------------------------------------------------------

    def after_frame(self, app: App) -> None:
        if self.failure is not None:
            print(f"leadsim play: --screenshots: {self.failure}", file=sys.stderr)
            app.quit(2)
            return
        scene = app.stack[-1]
        if scene is not self.last:
            self.last, self.wait = scene, SETTLE_FRAMES
        if pygame.event.peek() or self.wait > 0:
            self.wait = max(0, self.wait - 1)
            return
        if scene.name not in self.seen:
            self.seen.append(scene.name)
            self.shoot(app, scene.name)
        self.visits[scene.name] = self.visits.get(scene.name, 0) + 1
        handler = getattr(self, f"on_{scene.name}", None)
        if handler is None:
            key(pygame.K_ESCAPE)
        else:
            handler(app, scene)
        self.wait = SETTLE_FRAMES

    def shoot(self, app: App, name: str) -> None:
        app.draw(app.screen)
        window = app.screen.get_rect()
        found = textfit.problems(app.manager, window)
        entry = {"scene": name, "size": list(window.size), "problems": found}
        if self.folder is not None:
            path = self.folder / f"{len(self.seen):02d}-{name}.png"
            try:
                pygame.image.save(app.screen, str(path))
            except (OSError, pygame.error) as err:
                self.failure = f"cannot write {path}: {err}"
                return
            entry["file"] = path.name
            self.report["screens"].append(entry)
            self.report["problems"] += [f"{name}: {p}" for p in found]
            self.write_report()

    def write_report(self) -> None:
        if self.folder is not None:
            text = json.dumps(self.report, ensure_ascii=False, indent=1)
            try:
                (self.folder / "report.json").write_text(text + "\n", encoding="utf-8")
            except OSError as err:
                self.failure = f"cannot write {self.folder / 'report.json'}: {err.strerror or err}"

    # --- moving the focus like a player ----------------------------------------------------

    @staticmethod
    def press(app: App, target: str, use_mouse: bool = False) -> bool:
        """Move the focus to the button with key `target` and activate it."""
        ring = app.stack[-1].focus
        keys = [item.key for item in ring.items]
        if target not in keys:
            return False
        index = keys.index(target)
        if use_mouse:
            click(ring.items[index].button.rect.center)
            return True
        current = max(0, ring.index)
        step = pygame.K_DOWN if index >= current else pygame.K_UP
        for _ in range(abs(index - current)):
            key(step)
        key(pygame.K_RETURN, "\r")
        return True

    # --- one handler per screen ------------------------------------------------------------

    def on_title(self, app: App, scene: Any) -> None:
        if "settings" not in self.seen:
            self.press(app, "settings")
        elif "saves" not in self.seen and self.press(app, "saves"):
            return
        else:
            self.press(app, "new", use_mouse=True)

    def on_settings(self, app: App, scene: Any) -> None:
        if self.visits["settings"] == 1:
            # change the palette and back: both palettes get drawn, the focus survives
            self.press(app, "setting:palette")
        elif self.visits["settings"] == 2:
            key(pygame.K_LEFT)
        elif "settings_class" in self.seen:
            key(pygame.K_ESCAPE)
        elif scene.class_page is None:
            if not self.press(app, "setting:class"):  # no data folder: no class page
                self.seen.append("settings_class")
        else:
            # the class page as it opens (nothing is typed: the harness connects nowhere)
            self.seen.append("settings_class")
            self.shoot(app, "settings_class")
            key(pygame.K_ESCAPE)

    def on_saves(self, app: App, scene: Any) -> None:
        key(pygame.K_ESCAPE)

    def on_picker(self, app: App, scene: Any) -> None:
        wanted = [e for e in scene.entries if e.bundle is not None]
        chosen = next(
            (e for e in wanted if e.id == self.target or str(e.path) == self.target),
            wanted[0] if wanted else None,
        )
        if chosen is None:
            app.quit(1)
            return
        self.press(app, f"entry:{chosen.path}")

    def on_briefing(self, app: App, scene: Any) -> None:
        if "title" not in self.seen:
            key(pygame.K_ESCAPE)  # opened on a scenario: go and see the title screen first
        else:
            self.press(app, "begin")

    def on_decision(self, app: App, scene: Any) -> None:
        if "pause" not in self.seen:
            key(pygame.K_ESCAPE)
            return
        picked = choose(self.policy, scene.run.session)
        if picked is None:
            if scene.limit:
                return  # this policy lets the time run out
            picked = scene.options[0].id  # no clock to run out: the first choice shown
        shown = [o.id for o in scene.options].index(picked) + 1
        target = next((i for i in scene.focus.items if i.key == f"choice:{picked}"), None)
        visible = (
            target is not None
            and target.scroller is not None
            and target.scroller.rect.contains(target.button.rect)
        )
        if self.visits["decision"] % 3 == 0 and visible:
            self.press(app, f"choice:{picked}", use_mouse=True)
        else:
            key(getattr(pygame, f"K_{shown}"), str(shown))

    def on_pause(self, app: App, scene: Any) -> None:
        if "save_dialog" not in self.seen and self.press(app, "save"):
            return
        self.press(app, "resume")

    def on_save_dialog(self, app: App, scene: Any) -> None:
        key(pygame.K_RETURN, "\r")

    def on_notice(self, app: App, scene: Any) -> None:
        self.press(app, "ok")

    def on_outcome(self, app: App, scene: Any) -> None:
        key(pygame.K_RETURN, "\r")

    def on_debrief(self, app: App, scene: Any) -> None:
        if self.visits["debrief"] == 1:
            self.press(app, "chart")  # show the principle profile chart too
        else:
            if "debrief_profile" not in self.seen:
                self.seen.append("debrief_profile")
                self.shoot(app, "debrief_profile")
            self.press(app, "continue")

    def on_name_entry(self, app: App, scene: Any) -> None:
        if scene.error is not None:
            # a refused name stays on this screen, said in words: record it, then skip
            self.report["problems"].append(f"name_entry: {scene.error}")
            self.press(app, "skip")
            return
        entry = scene.entry
        if entry is not None and not entry.get_text().strip():
            type_text(app.strings("autoplay.name"))
        key(pygame.K_RETURN, "\r")

    def on_leaderboard(self, app: App, scene: Any) -> None:
        self.write_report()
        if self.failure is None:
            app.quit(0)
