"""Checking every stored row against its own log, its seal and the other rows.

The store knows nothing of the engine: :meth:`Leaderboard.verify` takes a ``replay`` callable
(``game.play.verify.engine_replay`` is the real one) that rebuilds a playthrough from
``(scenario_id, content_hash, seed, decisions)`` and returns its :class:`Replayed` outcome, or
raises :class:`VersionUnavailable` (that scenario version is not installed here) or
:class:`ReplayFailed` (the decisions do not fit that version).

Each row ends up in one category, the first that applies in this order:

======================  =====================================================  ===========
category                meaning                                                failure?
======================  =====================================================  ===========
``damaged``             the row cannot be read at all                          yes
``duplicate``           its run id, or its whole log, is already on an         yes
                        earlier row
``forged``              the replay gives another score, ending or profile,     yes
                        or the decisions do not fit the scenario version
``edited``              its seal does not match its fields, or a row that      yes
                        should be sealed has none
``unavailable``         its scenario version is not installed here             no
``earlier_engine``      recorded by another engine version: not replayable     no
                        here (a model change is not a forgery)
``unsealed``            recorded before rows were sealed; replay confirmed     no
``verified``            seal and replay confirm every field                    no
======================  =====================================================  ===========

Every reason that applies is kept, so a row that is both edited and forged says both. A
duplicate is reported against the first row with an intact seal that holds the same run id or
log, so a row rewritten to carry another run's log is the duplicate, never the run it copied.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from game.store import rows
from game.store.decisions import Decision
from game.store.names import name_key
from game.store.playthrough import Playthrough
from game.store.seal import seal_matches

DAMAGED = "damaged"
DUPLICATE = "duplicate"
FORGED = "forged"
EDITED = "edited"
UNAVAILABLE = "unavailable"
EARLIER_ENGINE = "earlier_engine"
UNSEALED = "unsealed"
VERIFIED = "verified"
KINDS = (DAMAGED, DUPLICATE, FORGED, EDITED, UNAVAILABLE, EARLIER_ENGINE, UNSEALED, VERIFIED)
FAILURES = frozenset({DAMAGED, DUPLICATE, FORGED, EDITED})


@dataclass(frozen=True)
class Replayed:
    """What the engine makes of a log: the fields of a row derived from it."""

    score: float
    ending_id: str | None
    profile: Mapping[str, int]


class VersionUnavailable(Exception):
    """That scenario version cannot be replayed here; the message says why."""


class ReplayFailed(Exception):
    """The decisions do not fit the scenario version they name; the message says where."""


Replay = Callable[[str, str, int, Sequence[Decision]], Replayed]


@dataclass(frozen=True)
class Finding:
    """One row and what verification made of it."""

    kind: str  # the first category that applies (see the table above)
    row: Playthrough | rows.DamagedRow
    reasons: tuple[str, ...] = ()
    replayed: Replayed | None = None
    kinds: frozenset[str] = frozenset()  # every category that applies

    @property
    def row_id(self) -> int:
        return self.row.row_id or 0


@dataclass(frozen=True)
class VerifyReport:
    """Rows per category, and the finding of every row that is not plainly verified."""

    total: int
    counts: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()

    @property
    def failed(self) -> bool:
        """True when a row is damaged, duplicated, forged or edited."""
        return any(self.counts.get(kind) for kind in FAILURES)


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:4])


def engine_note(stored: str, running: str) -> str:
    """Why a row of engine version ``stored`` is not replayed by engine ``running``."""
    if _version_tuple(stored) < _version_tuple(running):
        which = "an earlier engine"
    elif _version_tuple(stored) > _version_tuple(running):
        which = "a newer engine"
    else:
        which = "another engine"
    return f"recorded by {which} (version {stored}), not replayable here"


def _nonzero(profile: Mapping[str, int]) -> dict[str, int]:
    return {k: v for k, v in profile.items() if v}


def compare(row: Playthrough, replayed: Replayed, tolerance: float) -> list[str]:
    """Every field of ``row`` derived from the log that the replay does not confirm."""
    problems = []
    if not math.isclose(replayed.score, row.score, rel_tol=0.0, abs_tol=tolerance):
        problems.append(f"score: stored {row.score:g} but the replay scores {replayed.score:g}")
    if replayed.ending_id != row.ending_id:
        problems.append(
            f"ending: stored {row.ending_id or 'none'} but the replay reaches "
            f"{replayed.ending_id or 'none'}"
        )
    stored, actual = _nonzero(row.profile), _nonzero(replayed.profile)
    if stored != actual:
        keys = sorted(set(stored) | set(actual), key=str)
        diffs = [
            f"{k} {stored.get(k, 0):+d} (replay {actual.get(k, 0):+d})"
            for k in keys
            if stored.get(k, 0) != actual.get(k, 0)
        ]
        problems.append("profile: stored " + ", ".join(diffs[:6]) + (" ..." if diffs[6:] else ""))
    return problems


def _kind(found: Mapping[str, Sequence[str]]) -> str:
    return next((k for k in KINDS if found.get(k)), VERIFIED)


def _finding(
    row: Playthrough, found: Mapping[str, Sequence[str]], replayed: Replayed | None
) -> Finding:
    reasons = tuple(reason for k in KINDS for reason in found.get(k, ()))
    kinds = frozenset(k for k in KINDS if found.get(k))
    return Finding(_kind(found), row, reasons, replayed, kinds)


@dataclass
class Verifier:
    """Walks the rows in id order. Rows with an intact seal (or from before seals) own their
    run id and log; a later row holding either is their duplicate, and so is a row with a
    broken seal holding either, wherever it stands (see :meth:`finish`)."""

    replay: Replay
    engine: str
    key: bytes | None
    key_problem: str | None
    sealed_from: int | None
    tolerance: float = 1e-6
    runs: dict[str, int] = field(default_factory=dict)
    logs: dict[str, int] = field(default_factory=dict)

    def check(self, raw: Sequence[object]) -> Finding:
        row = rows.decode(raw)
        if isinstance(row, rows.DamagedRow):
            reason = f"the stored row is unreadable: {row.problem}"
            return Finding(DAMAGED, row, (reason,), kinds=frozenset({DAMAGED}))
        found: dict[str, list[str]] = {}
        self._seal(row, rows.RawRow._make(raw).name_key, found)
        if EDITED not in found:
            self._own(row, found)
        replayed = None
        if row.engine_version != self.engine:
            found.setdefault(EARLIER_ENGINE, []).append(
                engine_note(row.engine_version, self.engine)
            )
        else:
            replayed = self._replay(row, found)
        return _finding(row, found, replayed)

    def _owner(self, row: Playthrough) -> str | None:
        """Which earlier row owns this row's run id (else its log), in words; or None."""
        row_id = row.row_id or 0
        if row.run_id is not None and self.runs.get(row.run_id, row_id) != row_id:
            return f"duplicate of #{self.runs[row.run_id]} (the same run id)"
        log = self.logs.get(rows.log_key(row), row_id)
        if log != row_id:
            return f"duplicate of #{log} (the same scenario version, seed and decisions)"
        return None

    def _own(self, row: Playthrough, found: dict[str, list[str]]) -> None:
        duplicate = self._owner(row)
        if duplicate is not None:
            found.setdefault(DUPLICATE, []).append(duplicate)
            return
        if row.run_id is not None:
            self.runs[row.run_id] = row.row_id or 0
        self.logs[rows.log_key(row)] = row.row_id or 0

    def finish(self, finding: Finding) -> Finding:
        """Once every owner is known: a row with a broken seal holding another row's run id or
        log is that row's duplicate."""
        if EDITED not in finding.kinds or DUPLICATE in finding.kinds:
            return finding
        assert isinstance(finding.row, Playthrough)
        duplicate = self._owner(finding.row)
        if duplicate is None:
            return finding
        return replace(
            finding,
            kind=DUPLICATE,
            reasons=(duplicate, *finding.reasons),
            kinds=finding.kinds | {DUPLICATE},
        )

    def _seal(self, row: Playthrough, stored_key: object, found: dict[str, list[str]]) -> None:
        edited = found.setdefault(EDITED, [])
        if row.seal is None:
            if self.sealed_from is not None and (row.row_id or 0) < self.sealed_from:
                found.setdefault(UNSEALED, []).append("unsealed, from an earlier version")
            elif self.sealed_from is None and self.key is not None:
                edited.append(
                    "it carries no seal, and the record of which rows predate seals is "
                    "missing or was edited"
                )
            else:
                edited.append("it carries no seal, but every row recorded since has one")
        elif self.key is None:
            edited.append(f"its seal cannot be checked: {self.key_problem}")
        elif not seal_matches(self.key, rows.seal_payload(row), row.seal):
            edited.append(
                "its seal does not match its fields: it was changed after it was recorded "
                "(or sealed with another key)"
            )
        if stored_key != name_key(row.name):
            edited.append("its name key does not match its name")
        if not edited:
            del found[EDITED]

    def _replay(self, row: Playthrough, found: dict[str, list[str]]) -> Replayed | None:
        try:
            replayed = self.replay(row.scenario_id, row.content_hash, row.seed, row.decisions)
        except VersionUnavailable as exc:
            found.setdefault(UNAVAILABLE, []).append(f"cannot be replayed: {exc}")
            return None
        except ReplayFailed as exc:
            found.setdefault(FORGED, []).append(
                f"its decisions do not replay on scenario version {row.content_hash[:10]}: {exc}"
            )
            return None
        problems = compare(row, replayed, self.tolerance)
        if problems:
            found.setdefault(FORGED, []).extend(problems)
        return replayed


def verify_rows(raw_rows: Iterable[Sequence[object]], verifier: Verifier) -> VerifyReport:
    """Check every raw row (in id order); a report of the counts and of each finding."""
    counts = dict.fromkeys(KINDS, 0)
    findings = []
    total = 0
    for raw in raw_rows:
        total += 1
        finding = verifier.check(raw)
        counts[finding.kind] += 1
        if finding.kind != VERIFIED:
            findings.append(finding)
    for index, finding in enumerate(findings):
        final = verifier.finish(finding)
        counts[finding.kind] -= 1
        counts[final.kind] += 1
        findings[index] = final
    return VerifyReport(total, {k: n for k, n in counts.items() if n}, tuple(findings))
