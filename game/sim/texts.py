"""Scenario texts as the player reads them: conditional parts and variables resolved.

A text's parts with `if` are shown only when their condition holds now; `{dmitry}`,
`{dmitry.role}`, `{gleb.gen}` and `{client}` (format 2) become the person's name, role or
name in a grammatical case, in the player's language.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.content import models as m
from game.content.library import Bundle
from game.content.templates import CASES, render
from game.content.text import tr
from game.sim.context import Context


class Renderer:
    """Renders texts against one playthrough's current state (the first of `rows`)."""

    def __init__(self, bundle: Bundle, ctx: Context | None, rows: np.ndarray | None) -> None:
        self.bundle = bundle
        self.ctx = ctx
        self.rows = rows
        scenario = bundle.scenario
        self.fallback = scenario.languages[0] if scenario.languages else "en"
        self.templated = scenario.format >= 2
        self.members = {mb.id: mb for mb in bundle.team.members}
        self.stakeholders = {s.id: s for s in scenario.stakeholders}

    def text(self, value: Any, lang: str) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            parts = [self._part(part, lang) for part in value]
            return " ".join(p for p in parts if p)
        return self._fill(tr(value, lang, self.fallback), lang)

    def _part(self, part: Any, lang: str) -> str:
        if isinstance(part, m.CondText):
            holds = self._holds(part)
            chosen = part.text if holds else part.else_
            return "" if chosen is None else self._fill(tr(chosen, lang, self.fallback), lang)
        return self._fill(tr(part, lang, self.fallback), lang)

    def _holds(self, part: m.CondText) -> bool:
        if self.ctx is None or self.rows is None:
            return False
        return bool(self.ctx.holds(part.if_, self.rows[:1])[0])

    def _fill(self, text: str, lang: str) -> str:
        if not self.templated:
            return text
        return render(text, lambda name, attribute: self._resolve(name, attribute, lang))

    def _resolve(self, name: str, attribute: str | None, lang: str) -> str | None:
        member = self.members.get(name)
        if member is not None:
            if attribute == "role":
                return tr(member.role, lang, self.fallback)
            if attribute in CASES:
                forms = member.cases.get(lang)
                form = getattr(forms, attribute, None) if forms is not None else None
                if form:
                    return str(form)
            return tr(member.name, lang, self.fallback)
        stakeholder = self.stakeholders.get(name)
        if stakeholder is not None:
            if attribute == "role" and stakeholder.role is not None:
                return tr(stakeholder.role, lang, self.fallback)
            return tr(stakeholder.name, lang, self.fallback)
        return None
