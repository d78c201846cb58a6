"""A screen shown while slow work runs in the background: opening a game, the debrief.

It holds a `Job` (see `game.ui.jobs`); when the job is done it turns the result into the
screens to show, on the main thread, and puts them in its place. Esc or a click on Back gives
up waiting and goes back (the result is then dropped); Enter does nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.ui.jobs import Job
from game.ui.page import page
from game.ui.scene import Host, Scene
from game.ui.widgets import Build, coloured, esc

Then = Callable[[Any], list[Scene]]
ACTIVATION_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class LoadingScene(Scene):
    name = "loading"

    def __init__(self, host: Host, text: str, job: Job[Any], then: Then) -> None:
        super().__init__(host)
        self.text = text
        self.job = job
        self.then = then
        self.finished = False

    def build(self, ui: Build) -> None:
        s = ui.strings
        frame = page(ui, s("loading.heading"), [("back", s("button.back"), self._back)])
        body = frame.body
        hint = coloured(s("loading.hint"), ui.theme.hex("text_dim"))
        ui.text(f"{esc(self.text)}<br><br>{hint}", pygame.Rect(body.x, body.y, body.width, -1))

    @property
    def waiting(self) -> bool:
        return not self.finished

    def update(self, dt: float) -> bool:
        del dt
        if self.finished or not self.job.done:
            return False
        self.finished = True
        scenes = self.then(self.job.result())
        if not scenes:
            self.host.pop()
            return True
        self.host.replace(scenes[0])
        for scene in scenes[1:]:
            self.host.push(scene)
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        # An impatient Enter must not give up the wait: only Esc or a click on Back do
        if event.type == pygame.KEYDOWN and event.key in ACTIVATION_KEYS:
            return True
        return super().handle_event(event)

    def _back(self) -> None:
        self.back()

    def back(self) -> bool:
        self.finished = True
        self.host.pop()
        return True
