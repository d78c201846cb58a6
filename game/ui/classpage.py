"""The class part of the settings screen: the server's address and PIN, Connect, how it stands.

Two text entries share the keyboard with the page's buttons: Tab or Down moves from the
address to the PIN and from the PIN to the buttons, Up goes back; Enter in the address moves
to the PIN, Enter in the PIN connects. Connecting runs on the worker (`game.ui.classroom`):
the page says "connecting" at once and shows the answer when it comes.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui import classroom as cl
from game.ui.page import page
from game.ui.scene import Host
from game.ui.widgets import Build, coloured, esc

MAX_ADDRESS = 200
MAX_PIN = 32


def status_line(host: Host) -> str:
    """How the class stands, in one line of words (plain text)."""
    s, room = host.strings, host.services.classroom
    url = room.url or ""
    if room.status == cl.CONNECTED:
        text = s("classroom.connected", url=url)
        if room.pending:
            text += " " + s("classroom.waiting", count=room.pending)
        return text
    if room.status == cl.CONNECTING:
        return s("classroom.connecting", url=url)
    if room.status == "wrong_pin":
        return s("classroom.wrong_pin", url=url)
    if room.status == cl.NOT_A_CLASS:
        return s("classroom.not_a_class", url=url)
    if room.status == "unreachable":
        return s("classroom.unreachable", url=url, reason=room.message or room.status)
    return s("classroom.off")


def sent_line(host: Host, run_id: str | None) -> str:
    """What became of the game `run_id` sent to the class ("" when it was not sent)."""
    sent = host.services.classroom.sent
    if sent is None or run_id is None or sent.run_id != run_id:
        return ""
    s = host.strings
    if sent.state == cl.SENDING:
        return s("classroom.sending")
    if sent.state == cl.ACCEPTED:
        if sent.score is None:
            return s("classroom.accepted")
        return s("classroom.accepted_score", score=round(sent.score))
    if sent.state == cl.REFUSED:
        return s("classroom.refused", reason=sent.reason)
    if sent.state == cl.QUEUED:
        return s("classroom.queued")
    return s("classroom.not_queued", reason=sent.reason)


class ClassPage:
    """The class page's widgets and keys, for the scene that shows it."""

    def __init__(self, host: Host, close: Any) -> None:
        self.host = host
        self.close = close
        room = host.services.classroom
        self.address_text = room.url or ""
        self.pin_text = ""
        self.error: str | None = None
        self.address: UITextEntryLine | None = None
        self.pin: UITextEntryLine | None = None
        self.typing: str | None = "address"  # the entry that has the keyboard

    def build(self, ui: Build) -> None:
        s = ui.strings
        room = self.host.services.classroom
        width = min(ui.rect.width - 2 * ui.px("margin"), ui.px("card_min_width") * 3)
        buttons = [("connect", s("classroom.connect"), self.connect)]
        if room.url is not None:
            buttons.append(("disconnect", s("classroom.disconnect"), self.disconnect))
        buttons.append(("back", s("button.back"), self.close))
        frame = page(ui, s("classroom.heading"), buttons, max_width=width)
        body, gap = frame.body, ui.px("gap")
        y = body.y
        intro = ui.text(esc(s("classroom.intro")), pygame.Rect(body.x, y, body.width, -1))
        y = intro.rect.bottom + gap
        label = ui.text(esc(s("classroom.address")), pygame.Rect(body.x, y, body.width, -1))
        y = label.rect.bottom + ui.px("small_gap")
        self.address = UITextEntryLine(
            pygame.Rect(body.x, y, body.width, -1),
            ui.manager,
            placeholder_text=s("classroom.address_example"),
        )
        self.address.set_text_length_limit(MAX_ADDRESS)
        self.address.set_text(self.address_text)
        y = self.address.rect.bottom + gap
        label = ui.text(esc(s("classroom.pin")), pygame.Rect(body.x, y, body.width, -1))
        y = label.rect.bottom + ui.px("small_gap")
        self.pin = UITextEntryLine(pygame.Rect(body.x, y, body.width, -1), ui.manager)
        self.pin.set_text_length_limit(MAX_PIN)
        self.pin.set_text(self.pin_text)
        y = self.pin.rect.bottom + gap
        theme = ui.theme
        colour = theme.hex("good") if room.status == cl.CONNECTED else theme.hex("text")
        if room.status in ("wrong_pin", "unreachable", "not_a_class"):
            colour = theme.hex("bad")
        lines = [coloured(status_line(self.host), colour, bold=True)]
        if self.error:
            lines.append(coloured(self.error, theme.hex("bad")))
        if room.problems:
            lines.append(coloured(s("classroom.fetch_problems"), theme.hex("warn")))
            lines += [coloured(p, theme.hex("text_dim")) for p in room.problems]
        ui.text("<br>".join(lines), pygame.Rect(body.x, y, body.width, max(20, body.bottom - y)))

    def built(self, scene: Any) -> bool:
        """Give the keyboard to the entry that had it; False when the buttons have it."""
        entry = self.address if self.typing == "address" else self.pin
        if self.typing is None or entry is None:
            return False
        self._type_in(scene, entry)
        return True

    def _type_in(self, scene: Any, entry: UITextEntryLine) -> None:
        current = scene.focus.current
        if current is not None:
            current.button.unselect()
        scene.focus.index = -1
        for other in (self.address, self.pin):
            if other is not None and other is not entry:
                other.unfocus()
        entry.focus()
        self.typing = "address" if entry is self.address else "pin"

    def teardown(self) -> None:
        self.teardown_texts()
        self.address = self.pin = None

    def handle_event(self, scene: Any, event: pygame.event.Event) -> bool:
        address, pin = self.address, self.pin
        if address is None or pin is None:
            return False
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            if event.ui_element is address:
                self._type_in(scene, pin)
                return True
            if event.ui_element is pin:
                self.connect()
                return True
        if event.type == pygame.MOUSEBUTTONDOWN:
            for entry in (address, pin):
                if entry.rect.collidepoint(event.pos):
                    self._type_in(scene, entry)
                    return False  # the entry places its cursor too
        if event.type != pygame.KEYDOWN:
            return False
        forward = event.key in (pygame.K_TAB, pygame.K_DOWN)
        if address.is_focused and forward:
            self._type_in(scene, pin)
            return True
        if pin.is_focused and forward and scene.focus.items:
            pin.unfocus()
            self.typing = None
            scene.focus.focus(0)
            return True
        if pin.is_focused and event.key == pygame.K_UP:
            self._type_in(scene, address)
            return True
        typing = address.is_focused or pin.is_focused
        if not typing and event.key == pygame.K_UP and scene.focus.index <= 0:
            self._type_in(scene, pin)
            return True
        return False

    def connect(self) -> None:
        self.teardown_texts()
        problem = self.host.services.classroom.connect(self.address_text, self.pin_text)
        self.error = None if problem is None else self.host.strings("classroom.bad_address")
        self.typing = None
        self.host.relayout()

    def disconnect(self) -> None:
        self.host.services.classroom.disconnect()
        self.error = None
        self.host.relayout()

    def teardown_texts(self) -> None:
        if self.address is not None:
            self.address_text = self.address.get_text()
        if self.pin is not None:
            self.pin_text = self.pin.get_text()

    @property
    def typing_now(self) -> bool:
        return any(e is not None and e.is_focused for e in (self.address, self.pin))
