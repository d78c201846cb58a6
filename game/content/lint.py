"""Lint: problems in a scenario that validates but would not play or teach as intended.

Errors: events or endings no playthrough can reach; dead ends (events from which no ending can
be reached). Warnings: a condition that no state satisfies; an effect that changes nothing; a
flag set but never read; a choice without any principle tag; a text longer than the window
shows. The playtest-based checks (`check --deep`) live with the engine, in game/sim/deep_lint.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from game.content.conditions import Condition
from game.content.loader import FileResult
from game.content.models import END, Chance, Choice, Scenario, Schedule, SetFlag, Team, When
from game.content.models import Adjust as AdjustModel
from game.content.models import Leader as LeaderModel
from game.content.models import Milestone as MilestoneModel
from game.content.models import Priorities as PrioritiesModel
from game.content.models import Progress as ProgressModel
from game.content.principles import ARCHETYPE_IDS, TRAITS
from game.content.walk import FIELDS, all_effects, parts_of, scenario_effects

# Characters that fit the window's boxes at the smallest supported size (1024x600) without
# scrolling; longer texts still work (they scroll) but read poorly at a workshop.
TEXT_LIMITS = {
    ("Event", "text"): 900,
    ("Event", "title"): 70,
    ("Choice", "text"): 180,
    ("Choice", "outcome"): 450,
    ("Ending", "title"): 70,
    ("Ending", "debrief"): 1600,
    ("Scenario", "title"): 70,
    ("Scenario", "summary"): 300,
    ("Scenario", "briefing"): 1500,
    ("Later", "text"): 300,
}
_LEVELS = (0.0, 0.15, 0.35, 0.55, 0.75, 1.0)
_TURNS = (0.0, 1.0, 2.0, 4.0, 8.0, 15.0, 40.0)
_GRID_LIMIT = 20_000
_ENDING_GRID_LIMIT = 2_000  # endings are checked against every earlier one: keep it quick


def lint_scenario(result: FileResult, team: Team | None) -> None:
    """Add lint diagnostics for a scenario that passed validation."""
    scenario = result.model
    assert isinstance(scenario, Scenario)
    # the flow graph and what it bounds are worked out once: for a big scenario each is a
    # walk over every choice and effect
    graph = _successors(scenario)
    milestones = _milestone_limits(scenario, graph)
    _reachability(result, scenario, graph, milestones)
    _conditions(result, scenario, Bounds(len(team.members) if team else 6, milestones))
    _effects(result, scenario)
    _flags(result, scenario)
    for e, event in enumerate(scenario.events):
        for c, choice in enumerate(event.choices):
            if not choice.applies and not choice.violates:
                result.add(
                    ("events", e, "choices", c),
                    "choice has no principle tag",
                    "add the principles it applies or violates: the debrief needs them",
                    severity="warning",
                )
    _text_lengths(result, scenario)


# --- flow ----------------------------------------------------------------------------------


def _links(value: Any) -> list[str]:
    """Where a `next` can lead; a branch whose condition can never hold leads nowhere."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [b.goto for b in value if b.if_ is None or can_hold(b.if_, _ANY_TEAM)]


def _followers(scenario: Scenario) -> list[str]:
    """For each event, the first event listed after it that is not an interruption (or END)."""
    out = [END] * len(scenario.events)
    following = END
    for i in range(len(scenario.events) - 1, -1, -1):
        out[i] = following
        if not scenario.events[i].interrupt:
            following = scenario.events[i].id
    return out


def _following(scenario: Scenario, i: int) -> str:
    for j in range(i + 1, len(scenario.events)):
        if not scenario.events[j].interrupt:
            return scenario.events[j].id
    return END


def default_targets(scenario: Scenario, i: int) -> list[str]:
    """Where play can go after event `i` when the choice names no next (or the time ran out):
    the event's `next`, else the event listed after it that is not an interruption, else END.
    Branches whose condition can never hold are left out."""
    event = scenario.events[i]
    default = _links(event.next)
    if not default or (isinstance(event.next, list) and event.next[-1].if_ is not None):
        default = [*default, _following(scenario, i)]
    return default


def choice_targets(choice: Choice, default: list[str]) -> list[str]:
    """Where play can go right after `choice` (its own `next`, falling back on `default`, the
    event's :func:`default_targets`), before interruptions and `when` skips are applied."""
    own = _links(choice.next)
    conditional = isinstance(choice.next, list) and choice.next[-1].if_ is not None
    return own if own and not conditional else [*own, *default]


def successors(scenario: Scenario) -> dict[str, set[str]]:
    """For each event id, the events (or END) play can go to next: after any of its choices,
    through scheduled interruptions (and back) and past events skipped by their `when`."""
    return _successors(scenario)


@dataclass(frozen=True)
class Reach:
    """The flow as `check` sees it: which events play can reach from the start, and from
    which events some ending can still be reached."""

    graph: dict[str, set[str]]
    reached: set[str]
    can_end: set[str]


def reach(scenario: Scenario, graph: dict[str, set[str]] | None = None) -> Reach:
    """Reachability over :func:`successors` (`graph`, when already worked out) from the start
    event (or past it, when the first event may be skipped), and backwards from the end."""
    graph = dict(_successors(scenario) if graph is None else graph)
    start = scenario.start or scenario.events[0].id
    if scenario.events[0].when is not None and scenario.start is None:
        graph.setdefault("<start>", set()).update({start, _following(scenario, 0)})
        start = "<start>"
    reached = _reachable(graph, start)
    reverse: dict[str, set[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, set()).add(source)
    can_end = _reachable(reverse, END) if END in reverse else set()
    return Reach(graph, reached, can_end)


def _successors(scenario: Scenario) -> dict[str, set[str]]:
    """For each event, the events (or END) play can go to next."""
    index = {e.id: i for i, e in enumerate(scenario.events)}
    schedules: dict[int, list[str]] = {}
    for effect, loc in scenario_effects(scenario):
        # only a schedule names an event (getattr on the others would take pydantic's slow path)
        target = effect.event if isinstance(effect, Schedule) else None
        if target in index:
            schedules.setdefault(int(loc[1]), []).append(target)
    out: dict[str, set[str]] = {}
    scheduled_by: dict[str, set[str]] = {}
    for i, event in enumerate(scenario.events):
        default = default_targets(scenario, i)
        targets: set[str] = set()
        for choice in event.choices:
            targets.update(choice_targets(choice, default))
        limit = event.time_limit if event.time_limit is not None else scenario.time_limit
        if limit:
            targets.update(default)  # the time may run out: play takes the event's own next
        for target in schedules.get(i, []):
            scheduled_by.setdefault(target, set()).add(event.id)
            targets.add(target)
        out[event.id] = targets
    predecessors: dict[str, set[str]] = {}
    for source, targets in out.items():
        for target in targets:
            predecessors.setdefault(target, set()).add(source)
    for i, event in enumerate(scenario.events):
        if event.id in scheduled_by and event.next is None:
            # after an interruption, play resumes where the scheduling event was heading
            for source in scheduled_by.get(event.id, set()):
                out[event.id] |= {t for t in out[source] if t != event.id}
        if event.when is not None:
            # a skipped event passes play on to its own default next
            skip = _links(event.next) or [_following(scenario, i)]
            for source in predecessors.get(event.id, set()):
                out[source].update(skip)
    return out


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = {start}, [start]
    while stack:
        for nxt in graph.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _reachability(
    result: FileResult,
    scenario: Scenario,
    graph: dict[str, set[str]],
    milestones: tuple[tuple[str, int], ...] | None,
) -> None:
    if not scenario.events:
        return
    flow = reach(scenario, graph)
    reached, can_end = flow.reached, flow.can_end
    for i, event in enumerate(scenario.events):
        if event.id not in reached:
            result.add(
                ("events", i, "id"),
                f"event '{event.id}' can never be reached",
                "link to it with next, goto or a schedule effect, or remove it",
            )
    early = any(e.early for e in scenario.endings)
    # an early ending that reads the turn comes sooner or later: a way out of any loop
    timed_out = any(
        e.early and e.when is not None and any(r.parts == ("turn",) for r in e.when.names)
        for e in scenario.endings
    )
    for i, event in enumerate(scenario.events):
        if event.id in reached and event.id not in can_end:
            result.add(
                ("events", i, "id"),
                f"dead end: no ending can be reached from event '{event.id}'",
                "give some path from here a next that leads to 'end' (a loop needs an exit "
                "whose condition can hold)",
                severity="warning" if timed_out else "error",
            )
    if END not in reached and not early:
        result.add(("endings",), "no playthrough can reach an ending")
    _shadowed_endings(result, scenario, Bounds(6, milestones))


def _shadowed_endings(result: FileResult, scenario: Scenario, bounds: Bounds) -> None:
    """An ending that an earlier, broader ending always pre-empts can never be reached."""
    for i, ending in enumerate(scenario.endings):
        before = [e for e in scenario.endings[:i] if e.early == ending.early]
        shadow = next((e for e in before if e.when is None), None)
        if shadow is not None:
            result.add(
                ("endings", i, "id"),
                f"ending '{ending.id}' can never be reached: '{shadow.id}' before it "
                "has no condition and always wins",
                "move the fallback ending last",
            )
            continue
        conditions = [e.when for e in before if e.when is not None]
        if ending.when is not None and not can_hold(ending.when, bounds):
            result.add(
                ("endings", i, "when"),
                f"ending '{ending.id}' can never be reached: its condition can never hold",
                "check the numbers (how many milestones can this scenario reach?)",
            )
        elif conditions and not can_win(ending.when, conditions, bounds):
            result.add(
                ("endings", i, "when"),
                f"ending '{ending.id}' can never be reached: whenever it holds, an ending "
                "listed before it holds too",
                "put the narrower ending first, or make the earlier one narrower",
            )


# --- conditions ----------------------------------------------------------------------------


_BOOLEAN_FIELDS = ("left", "revealed", "away", "quit", *ARCHETYPE_IDS)


@dataclass(frozen=True)
class Bounds:
    """What the grid of possible states may hold for this scenario."""

    team_size: int = 6
    milestones: tuple[tuple[str, int], ...] | None = None  # reached/missed: most that happen


_ANY_TEAM = Bounds()


def _values(parts: tuple[str, ...], bounds: Bounds) -> tuple[Any, ...]:
    head, name = parts[0], parts[-1]
    size = bounds.team_size
    if head in ("flags", "problems") or (len(parts) == 2 and name in _BOOLEAN_FIELDS):
        return (False, True)
    if head in ("turn", "timeouts", "counters", "applied", "violated"):
        return _TURNS if head == "turn" else (*_TURNS, -1.0, -5.0)
    if head in ("left", "members", "quit", "dismissed"):
        return tuple(float(x) for x in range(size + 1))
    if head == "priorities":
        return (1.0, 2.0, 3.0, 5.0, 10.0)
    if head == "milestones":
        most = dict(bounds.milestones or ()).get(name)
        if most is not None:
            return tuple(float(x) for x in range(most + 1))
        return (0.0, 1.0, 2.0, 3.0, 6.0)
    return _LEVELS


def _grid(names: list[tuple[str, ...]], bounds: Bounds) -> Iterator[dict[tuple[str, ...], Any]]:
    # extremes first: most conditions hold at one, and searches stop at the first success
    grids = [(v[-1], v[0], *v[1:-1]) for v in (_values(p, bounds) for p in names)]
    for combo in itertools.product(*grids):
        yield dict(zip(names, combo, strict=True))


def can_hold(condition: Condition, team_size: int | Bounds) -> bool:
    """Whether any state on a grid over the names the condition reads satisfies it."""
    bounds = team_size if isinstance(team_size, Bounds) else Bounds(team_size)
    return _can_hold(condition, bounds)


@lru_cache(maxsize=4096)
def _can_hold(condition: Condition, bounds: Bounds) -> bool:
    # conditions and bounds are immutable: a condition written in many places is tried once
    names = sorted({ref.parts for ref in condition.names})
    for count, state in enumerate(_grid(names, bounds)):
        if count >= _GRID_LIMIT:
            return True  # too many names to be sure; say nothing
        try:
            if condition.evaluate(state.__getitem__):
                return True
        except (KeyError, TypeError, ValueError, ArithmeticError):
            return True
    return False


def can_win(condition: Condition | None, before: list[Condition], bounds: Bounds) -> bool:
    """Whether some state satisfies `condition` while none of the conditions `before` hold
    (an ending checked after broader ones may never be the one reached)."""
    everything = [c for c in (condition, *before) if c is not None]
    names = sorted({ref.parts for c in everything for ref in c.names})
    for count, state in enumerate(_grid(names, bounds)):
        if count >= _ENDING_GRID_LIMIT:
            return True  # too many names to be sure; say nothing
        try:
            if condition is not None and not condition.evaluate(state.__getitem__):
                continue
            if not any(c.evaluate(state.__getitem__) for c in before):
                return True
        except (KeyError, TypeError, ValueError, ArithmeticError):
            return True
    return False


def _milestone_limits(
    scenario: Scenario, graph: dict[str, set[str]] | None = None
) -> tuple[tuple[str, int], ...] | None:
    """How many milestones can be reached and missed at most; None when an effect can repeat
    (the flow over `graph`, worked out when not given, has a loop)."""
    if _has_cycle(_successors(scenario) if graph is None else graph):
        return None
    counts = {"reached": 0, "missed": 0}
    for effect, _ in all_effects(scenario):
        if isinstance(effect, MilestoneModel):
            counts["reached" if effect.reached else "missed"] += 1
    return tuple(sorted(counts.items()))


def _has_cycle(graph: dict[str, set[str]]) -> bool:
    state: dict[str, int] = {}
    for root in graph:
        if root in state:
            continue
        stack = [(root, iter(graph.get(root, ())))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                return True
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(graph.get(child, ()))))
    return False


def _conditions(result: FileResult, scenario: Scenario, bounds: Bounds) -> None:
    holds: dict[str, bool] = {}  # a condition written twice is tried once
    for condition, loc, per_member in parts_of(result).conditions():
        if per_member and any(ref.parts[0] in TRAITS for ref in condition.names):
            continue
        if condition.source not in holds:
            holds[condition.source] = can_hold(condition, bounds)
        if not holds[condition.source]:
            what = {"if": "this condition", "when": "this condition"}.get(str(loc[-1]), "it")
            result.add(
                loc,
                f"{what} can never hold",
                "check the comparison and its numbers",
                severity="warning",
            )


# --- effects and flags ---------------------------------------------------------------------


def _zero(value: Any) -> bool:
    return value is None or value == 0 or (isinstance(value, tuple) and value == (0.0, 0.0))


def _noop(effect: Any) -> str:
    if isinstance(effect, AdjustModel) and all(
        _zero(getattr(effect, m)) for m in ("morale", "stress", "trust", "fatigue", "skill")
    ):
        return "every change is 0"
    if isinstance(effect, ProgressModel) and _zero(effect.amount):
        return "the amount is 0"
    if isinstance(effect, LeaderModel) and all(
        _zero(getattr(effect, m)) for m in ("composure", "stress", "energy")
    ):
        return "every change is 0"
    if isinstance(effect, PrioritiesModel) and effect.change == 0:
        return "the change is 0"
    if isinstance(effect, (Chance, When)) and not effect.then and not effect.else_:
        return "both 'then' and 'else' are empty"
    if isinstance(effect, Chance) and effect.p == 0 and effect.then and not effect.else_:
        return "p is 0, so 'then' never happens"
    return ""


def _effects(result: FileResult, scenario: Scenario) -> None:
    for effect, loc in parts_of(result).effects():
        reason = _noop(effect)
        if reason:
            result.add(loc, f"this effect changes nothing: {reason}", severity="warning")


def _flags(result: FileResult, scenario: Scenario) -> None:
    read = {
        ref.parts[1]
        for condition, _, _ in parts_of(result).conditions()
        for ref in condition.names
        if len(ref.parts) == 2 and ref.parts[0] == "flags"
    }
    reported: set[str] = set()
    for effect, loc in parts_of(result).effects():
        if isinstance(effect, SetFlag) and effect.name not in read and effect.name not in reported:
            reported.add(effect.name)
            result.add(
                (*loc, "name"),
                f"flag '{effect.name}' is set but never read",
                "read it in a condition (flags.NAME) or remove it",
                severity="warning",
            )


# --- texts ---------------------------------------------------------------------------------


_LIMITED = MappingProxyType(
    {
        model: tuple(
            (f.name, TEXT_LIMITS[(model.__name__, f.name)])
            for f in fields
            if (model.__name__, f.name) in TEXT_LIMITS
        )
        for model, fields in FIELDS.items()
    }
)


def _text_lengths(result: FileResult, scenario: Scenario) -> None:
    for part, loc in parts_of(result).models:
        for field, limit in _LIMITED[type(part)]:
            value = getattr(part, field)
            if value is None:
                continue
            texts = value.items() if isinstance(value, dict) else [("", value)]
            for lang, text in texts:
                if len(text) > limit:
                    where = f" ({lang})" if lang else ""
                    result.add(
                        (*loc, field),
                        f"text{where} is {len(text)} characters; the window shows about "
                        f"{limit} here without scrolling",
                        "shorten it",
                        severity="warning",
                    )
