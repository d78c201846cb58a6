"""One game in the window: the engine session plus its autosave and leaderboard entry.

Screens call `choose` / `timeout`; the run autosaves after every decision (a save is the
decision log, see DESIGN.md) and records the finished game on the leaderboard. Store
failures never stop play: they are kept in `problem` for the screens to show.
"""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from typing import Any

from game.content.library import Bundle
from game.i18n import Strings
from game.sim.session import Session, TeamView, TurnRecord
from game.ui.messages import store_text
from game.ui.services import Services


@dataclass
class GameRun:
    bundle: Bundle
    session: Session
    lang: str
    services: Services
    record: Any = None  # game.store.save_record.SaveRecord when saving works
    started: float = 0.0
    problem: str | None = None
    notice: str | None = None  # e.g. "the scenario changed since this save"
    recorded_row: int | None = None
    views: list[TeamView] = field(default_factory=list)

    @classmethod
    def new(
        cls, bundle: Bundle, seed: int | None, lang: str, services: Services, name: str | None
    ) -> GameRun:
        seed = seed if seed is not None else secrets.randbelow(2**31)
        run = cls(bundle, Session(bundle, seed), lang, services, started=services.clock())
        if services.saves is not None:
            from game.store.save_record import SaveRecord

            scenario_id, content = bundle.scenario.id, bundle.content_hash
            try:
                run.record = SaveRecord.start(
                    scenario_id, content, seed, language=lang, player_name=name or None
                )
            except ValueError as err:  # InvalidName from a bad --name: play on without it
                run.problem = store_text(Strings(lang), err, str(err))
                run.record = SaveRecord.start(scenario_id, content, seed, language=lang)
        run.views = [run.session.view()]
        return run

    @classmethod
    def resumed(cls, bundle: Bundle, session: Session, record: Any, services: Services) -> GameRun:
        run = cls(bundle, session, record.language, services, record, services.clock())
        run.views = [session.view()]
        return run

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def player_name(self) -> str | None:
        return getattr(self.record, "player_name", None)

    def choose(self, index: int) -> TurnRecord:
        """Apply a decision (1-based index into the event's choices) and autosave."""
        return self._after(self.session.choose(index))

    def timeout(self) -> TurnRecord:
        """The countdown ran out before a decision."""
        return self._after(self.session.timeout())

    def _after(self, record: TurnRecord) -> TurnRecord:
        self.views.append(self.session.view())
        self.autosave()
        return record

    def snapshot(self) -> dict[str, Any]:
        """The cached state a save carries for menus (never used to rebuild the game)."""
        scenario = self.bundle.scenario
        view = self.views[-1] if self.views else self.session.view()
        return {
            "title": scenario.title,
            "turn": self.session.turn,
            "progress": round(view.progress, 4),
            "morale": round(view.averages.get("morale", 0.0), 4),
        }

    def autosave(self) -> None:
        saves = self.services.saves
        if saves is None or self.record is None:
            return
        self.record = self.record.advanced(
            self.session.decisions, self.snapshot(), finished=self.finished
        )
        try:
            saves.autosave(self.record)
        except Exception as err:  # SaveWriteError: tell the player, keep playing
            self.problem = store_text(Strings(self.lang), err, str(err))

    def save_slot(self, name: str) -> str | None:
        """Save into a named slot; returns the problem, or None when saved."""
        saves = self.services.saves
        if saves is None or self.record is None:
            return self.services.problem or "no store"
        record = self.record.advanced(
            self.session.decisions, self.snapshot(), finished=self.finished
        )
        try:
            saves.save_slot(name, record)
        except Exception as err:  # InvalidName, SaveWriteError
            return store_text(Strings(self.lang), err, str(err))
        return None

    def record_score(self, name: str) -> str | None:
        """Put the finished game on the leaderboard; returns the problem, or None."""
        board = self.services.leaderboard()
        if board is None:
            return self.services.problem or "no leaderboard"
        try:
            from game.store.playthrough import playthrough_from_session

            row = playthrough_from_session(
                self.session, name=name, duration_s=self.services.clock() - self.started
            )
            self.recorded_row = board.record(row)
        except Exception as err:  # InvalidName, LeaderboardError
            return store_text(Strings(self.lang), err, str(err))
        if self.record is not None:  # the next game offers the same name
            self.record = dataclasses.replace(self.record, player_name=row.name.strip())
            self.autosave()
        return None
