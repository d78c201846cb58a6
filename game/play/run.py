"""One game being played, the same in the terminal and in the window.

A `GameRun` holds the engine's `Session` and what goes with playing it: the seed, the
autosave after every decision (a player's games only; scripted and policy games are never
saved), live reload, and the leaderboard entry with the run's id and who played it (mode
player, scripted or policy:NAME). Store problems never stop play; they come back in the
player's language. Front ends show the game and hand decisions to `take`.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import replace

from game.content.library import Bundle
from game.content.watch import Broken, Reloaded
from game.i18n import Strings
from game.play import reload as live
from game.play.autosave import Autosave
from game.play.log import logged
from game.play.messages import store_text
from game.play.wording import Wording
from game.sim.session import Decision, Session, TeamView, TurnRecord
from game.store.errors import DuplicatePlaythrough, StoreError
from game.store.leaderboard import Leaderboard
from game.store.names import normalize_name
from game.store.playthrough import PLAYER, SCRIPTED, playthrough_from_session, policy_mode
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore

Clock = Callable[[], float]
SEED_RANGE = 2**31  # a random seed is drawn below this


def new_seed(seed: int | None = None) -> int:
    """The seed asked for, or a fresh random one."""
    return seed if seed is not None else secrets.randbelow(SEED_RANGE)


def mode_of(scripted: bool, policy: str | None) -> str:
    """Who plays: a policy, a script of choices given in advance, or a person."""
    if policy:
        return policy_mode(policy)
    return SCRIPTED if scripted else PLAYER


class GameRun:
    """One playthrough with its autosave, live reload and leaderboard entry."""

    def __init__(
        self,
        session: Session,
        lang: str,
        *,
        mode: str = PLAYER,
        autosave: Autosave | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.session = session
        self.lang = lang
        self.strings = Strings(lang)
        self.mode = mode
        self.autosave = autosave
        self.clock = clock
        self.started = clock()
        self.view: TeamView = session.view()
        self.reloads = 0  # how many times live reload replaced the session
        self.recorded_row: int | None = None
        self.name_problem: str | None = None  # why the name given is not the save's
        self.notice: str | None = None  # e.g. "the scenario changed since this save"
        # told when a save fails after one that worked (the terminal prints it once)
        self.on_problem: Callable[[str], None] | None = None

    @classmethod
    def start(
        cls,
        bundle: Bundle,
        lang: str,
        *,
        seed: int | None = None,
        name: str | None = None,
        mode: str = PLAYER,
        saves: SaveStore | None = None,
        clock: Clock = time.monotonic,
    ) -> GameRun:
        """A new game; a person's game (mode player) is saved in `saves` after every
        decision. A `name` that cannot be a player name is left out, with the reason."""
        session = Session(bundle, new_seed(seed))
        run = cls(session, lang, mode=mode, clock=clock)
        if saves is not None and mode == PLAYER:
            scenario_id, content = bundle.scenario.id, bundle.content_hash
            try:
                record = SaveRecord.start(
                    scenario_id, content, session.seed, language=lang, player_name=name or None
                )
            except StoreError as err:
                run.name_problem = store_text(run.strings, err, str(err))
                record = SaveRecord.start(scenario_id, content, session.seed, language=lang)
            run.autosave = Autosave(record, saves, run.strings)
        return run

    @classmethod
    def resumed(
        cls,
        session: Session,
        record: SaveRecord,
        lang: str,
        saves: SaveStore | None,
        clock: Clock = time.monotonic,
    ) -> GameRun:
        """A saved game, replayed into `session`, played on; its log now names choices by id
        (a save of the first engine held their positions)."""
        run = cls(session, lang, clock=clock)
        upgraded = replace(record, decisions=tuple(logged(session)))
        if saves is not None:
            run.autosave = Autosave(upgraded, saves, run.strings)
        return run

    # --- the game ----------------------------------------------------------------------------

    @property
    def bundle(self) -> Bundle:
        return self.session.bundle

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def player_name(self) -> str | None:
        return self.autosave.record.player_name if self.autosave is not None else None

    @property
    def run_id(self) -> str | None:
        """The id the run's leaderboard row carries: its save's game id (None: unsaved)."""
        return self.autosave.record.run_id if self.autosave is not None else None

    @property
    def problem(self) -> str | None:
        """The store problem the player should know of: why the last save failed, or why the
        name given could not be used (None when all is well)."""
        error = self.autosave.error if self.autosave is not None else None
        return error or self.name_problem

    @property
    def saved(self) -> int:
        """How many decisions the save holds (0 for a game that is never saved)."""
        return self.autosave.saved if self.autosave is not None else 0

    def words(self) -> Wording:
        return Wording(self.session, self.lang, self.strings)

    def take(self, ref: Decision) -> TurnRecord:
        """Apply a decision (a choice id; None when the time ran out) and save the game.
        Raises game.sim.session.InvalidChoice when it is not on offer."""
        record = self.session.take(ref)
        self.view = self.session.view()
        self.save()
        return record

    def save(self) -> None:
        if self.autosave is None:
            return
        fresh = self.autosave.save(self.session, self.view)
        if fresh is not None and self.on_problem is not None:
            self.on_problem(fresh)

    def save_slot(self, name: str) -> str | None:
        """Save into a named slot; returns the problem, or None when saved."""
        if self.autosave is None:
            return self.strings("run.not_saved")
        return self.autosave.save_slot(name, self.session, self.view)

    # --- live reload -------------------------------------------------------------------------

    def reload(self, change: Reloaded | Broken) -> live.Report:
        """Take a change of the scenario's files: replay on the new version (see
        game.play.reload), or say why the last good version keeps running."""
        if isinstance(change, Broken):
            return live.broken(self.words(), change)
        old = self.session
        return self.adopt(live.replay_log(change.bundle, old.seed, list(old.decisions), old.run))

    def adopt(self, replayed: live.Replayed) -> live.Report:
        """Play on with a replay of this game on a new version of its scenario (made in the
        background, perhaps while the player decided more: those decisions are replayed too)."""
        before = self.words()
        session, stop = replayed.session, replayed.stop
        if stop is None:
            stop = live.replay_more(session, self.session.decisions)
        self.session = session
        self.view = session.view()
        self.reloads += 1
        self.save()
        words = self.words()
        if stop is None:
            return live.reloaded(words, len(session.decisions))
        return live.stopped(words, stop, before)

    # --- the leaderboard ---------------------------------------------------------------------

    def record(self, board: Leaderboard, name: str) -> str | None:
        """Put the finished game on `board` under `name`; returns the problem, or None."""
        row = playthrough_from_session(
            self.session,
            name=name,
            duration_s=self.clock() - self.started,
            run_id=self.run_id,
            mode=self.mode,
        )
        try:
            self.recorded_row = board.record(replace(row, decisions=tuple(logged(self.session))))
            clean = normalize_name(name)
        except DuplicatePlaythrough as err:
            self.recorded_row = err.row_id or None  # the same game is on the board already
            return store_text(self.strings, err, str(err))
        except StoreError as err:
            return store_text(self.strings, err, str(err))
        if self.autosave is not None:  # the next game offers the same name
            self.autosave.rename(clean)
            self.save()
        return None
