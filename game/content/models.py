"""The scenario format v1 as typed, frozen models.

Unknown keys and wrong types are errors, never silently ignored. The JSON Schema that editors
use is generated from these models (`leadsim schema`), and so is the field reference in
docs/authoring.md: the descriptions below are the author documentation.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from game.content.conditions import Condition, ConditionSyntaxError, parse_condition
from game.content.principles import TRAIT_HELP, ArchetypeId, PrincipleId

END = "end"
SETTINGS = (
    "product", "project", "marketing", "finance", "pr", "procurement", "event", "crisis",
    "sports", "client", "other",
)  # fmt: skip
Setting = Literal[
    "product", "project", "marketing", "finance", "pr", "procurement", "event", "crisis",
    "sports", "client", "other",
]  # fmt: skip
METRICS = ("morale", "stress", "trust", "fatigue", "skill")

Id = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Lang = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z]{2}$")]
Unit = Annotated[float, Strict(), Field(ge=0.0, le=1.0)]
Int = Annotated[int, Strict()]
Number = Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]


class ConditionValueError(ValueError):
    """Raised by the condition field validator; keeps the offset inside the text."""

    def __init__(self, err: ConditionSyntaxError) -> None:
        super().__init__(err.message)
        self.syntax = err


# every two-letter code: a set lookup is the fastest test, and texts are most of a scenario
_LANGS = frozenset(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase)


class TextKeyError(ValueError):
    """Raised by the text validator for one language of a text: points at its key or value."""

    def __init__(self, message: str, key: str, at_key: bool, hint: str = "") -> None:
        super().__init__(f"{message} ({hint})" if hint else message)
        self.message = message
        self.hint = hint
        self.key = key
        self.at_key = at_key


def _text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value or value.isspace():
            raise ValueError("text is empty")
        return value
    if isinstance(value, Mapping):
        if not value:
            raise ValueError("text has no language")
        out: dict[str, str] = {}
        for lang, item in value.items():
            if lang not in _LANGS:
                # `{en: Late, again, ru: ...}` reads `again` as a key with no value
                split = item is None or (isinstance(lang, str) and " " in lang.strip())
                hint = (
                    "inside { } a comma ends the text; put text that has commas in quotes"
                    if split
                    else "use two letters, e.g. en, ru"
                )
                raise TextKeyError(f"'{lang}' is not a language code", str(lang), True, hint)
            if not isinstance(item, str) or not item or item.isspace():
                raise TextKeyError(f"the '{lang}' text is empty or not text", lang, False)
            out[lang] = item
        return out
    raise ValueError("expected text, or a map of languages such as {en: ..., ru: ...}")


class TextMarker:
    """Marks a field as player-facing text (checked for languages)."""


TEXT = TextMarker()
Text = Annotated[
    str | dict[str, str],
    TEXT,
    PlainValidator(_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]{2}$"},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ],
            "description": "Text: a string, or one string per language: {en: ..., ru: ...}",
        }
    ),
]


def _condition(value: Any) -> Condition:
    if isinstance(value, Condition):
        return value
    if not isinstance(value, str):
        raise ValueError('expected a condition as text, e.g. "team.morale < 0.4"')
    try:
        return parse_condition(value)
    except ConditionSyntaxError as err:
        raise ConditionValueError(err) from None


Cond = Annotated[
    Condition,
    PlainValidator(_condition),
    WithJsonSchema(
        {"type": "string", "description": 'A condition, e.g. "team.morale < 0.4 and flags.x"'}
    ),
]


def _magnitude(limit: float) -> Any:
    def check(value: Any) -> float | tuple[float, float]:
        def number(v: Any) -> float:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError("expected a number or a range [low, high]")
            if not math.isfinite(v):
                raise ValueError(f"{v} is not allowed (write an ordinary number)")
            if abs(v) > limit:
                raise ValueError(f"{v} is outside [-{limit:g}, {limit:g}]")
            return float(v)

        if isinstance(value, (list, tuple)):
            if len(value) != 2:
                raise ValueError("a range has exactly two numbers: [low, high]")
            low, high = number(value[0]), number(value[1])
            if low > high:
                raise ValueError(f"the range [{low:g}, {high:g}] is reversed; write [low, high]")
            return (low, high)
        return number(value)

    return check


_NUMBER = {"type": "number", "minimum": -1.0, "maximum": 1.0}
Delta = Annotated[
    float | tuple[float, float],
    PlainValidator(_magnitude(1.0)),
    WithJsonSchema(
        {
            "anyOf": [_NUMBER, {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2}],
            "description": "A number in [-1, 1], or a range [low, high] drawn at random",
        }
    ),
]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True
    )


# --- effects -------------------------------------------------------------------------------


class Adjust(Model):
    """Change metrics by a delta (a number or a range [low, high]). Whom: nothing = the whole
    team; `member`, `archetype` or `where` (a condition over each member's own metrics and
    traits) narrow it."""

    type: Literal["adjust"]
    member: Id | None = Field(None, description="One member id.")
    archetype: ArchetypeId | None = Field(None, description="Every member of this archetype.")
    where: Cond | None = Field(None, description="Members for whom this holds, e.g. stress > 0.6.")
    morale: Delta | None = Field(None, description="Change of mood and motivation.")
    stress: Delta | None = Field(None, description="Change of pressure felt.")
    trust: Delta | None = Field(None, description="Trust in the leader.")
    fatigue: Delta | None = Field(None, description="Accumulated strain; high fatigue burns out.")
    skill: Delta | None = Field(None, description="Change of competence at the work.")

    @model_validator(mode="after")
    def _check(self) -> Adjust:
        targets = [t for t in ("member", "archetype", "where") if getattr(self, t) is not None]
        if len(targets) > 1:
            raise ValueError(
                f"use only one of member, archetype, where (found {', '.join(targets)})"
            )
        if all(getattr(self, m) is None for m in METRICS):
            raise ValueError(f"adjust changes nothing: give at least one of {', '.join(METRICS)}")
        return self


class Later(Model):
    """Delayed consequence: the effects land `turns` decisions later; `text` is shown then."""

    type: Literal["later"]
    turns: Int = Field(ge=1, le=50, description="Decisions from now until the effects land.")
    text: Text | None = Field(None, description="Shown to the player when they land.")
    effects: list[Effect] = Field(min_length=1, description="The effects that land later.")


class Reveal(Model):
    """The leader learns the true state (and private notes) of the team, or of `member` /
    `archetype`. Until then the player sees estimates."""

    type: Literal["reveal"]
    member: Id | None = Field(None, description="Only this member.")
    archetype: ArchetypeId | None = Field(None, description="Only members of this archetype.")


class SetFlag(Model):
    """Set a flag (or clear it with `value: false`); conditions read it as `flags.NAME`."""

    type: Literal["flag"]
    name: Id = Field(description="The flag's name; conditions read it as flags.NAME.")
    value: Bool = Field(True, description="false clears the flag.")


class Schedule(Model):
    """The event interrupts the flow `turns` decisions from now."""

    type: Literal["schedule"]
    event: Id = Field(description="The event that interrupts.")
    turns: Int = Field(1, ge=1, le=50, description="Decisions from now until it comes.")


class Leave(Model):
    """The member leaves the team for good."""

    type: Literal["leave"]
    member: Id = Field(description="The member who leaves.")


class Milestone(Model):
    """A visible win (`reached: true`) or defeat (`reached: false`): wins lift morale, misses
    sink it."""

    type: Literal["milestone"]
    reached: Bool = Field(description="true: a win; false: a defeat.")
    name: Text | None = Field(None, description="What was won or lost, shown to the player.")


class Progress(Model):
    """Work delivered towards the scenario's goal (the goal is 1.0)."""

    type: Literal["progress"]
    amount: Delta = Field(description="Share of the goal delivered (negative: lost).")


class Priorities(Model):
    """How many priorities the team juggles: `set` a number or `change` it."""

    type: Literal["priorities"]
    set: Int | None = Field(None, ge=1, le=10, description="The new number of priorities.")
    change: Int | None = Field(None, ge=-9, le=9, description="Added to the number.")

    @model_validator(mode="after")
    def _one(self) -> Priorities:
        if (self.set is None) == (self.change is None):
            raise ValueError("give exactly one of set, change")
        return self


class Leader(Model):
    """The leader's own composure: provocations lower it, a pause restores it."""

    type: Literal["leader"]
    composure: Delta = Field(description="Change of the leader's composure.")


class Chance(Model):
    """With probability `p` the `then` effects happen, otherwise the `else` effects."""

    type: Literal["chance"]
    p: Unit = Field(description="Probability of `then`, from 0 to 1.")
    then: list[Effect] = Field(default_factory=list, description="Effects with probability p.")
    else_: list[Effect] = Field(default_factory=list, alias="else", description="Otherwise.")


class When(Model):
    """If the condition holds now, the `then` effects happen, otherwise the `else` effects."""

    type: Literal["when"]
    if_: Cond = Field(alias="if", description="The condition, checked when the choice is made.")
    then: list[Effect] = Field(default_factory=list, description="Effects if it holds.")
    else_: list[Effect] = Field(default_factory=list, alias="else", description="Otherwise.")


_EffectUnion = (
    Adjust | Later | Reveal | SetFlag | Schedule | Leave | Milestone | Progress | Priorities
)  # fmt: skip
Effect = Annotated[_EffectUnion | Leader | Chance | When, Field(discriminator="type")]
EFFECT_TYPES: dict[str, type[Model]] = {
    "adjust": Adjust, "later": Later, "reveal": Reveal, "flag": SetFlag, "schedule": Schedule,
    "leave": Leave, "milestone": Milestone, "progress": Progress, "priorities": Priorities,
    "leader": Leader, "chance": Chance, "when": When,
}  # fmt: skip

# --- scenario ------------------------------------------------------------------------------


class Branch(Model):
    """One step of a conditional `next`: go to `goto` if `if` holds (no `if` = always)."""

    if_: Cond | None = Field(None, alias="if", description="Omit in the last branch.")
    goto: Id = Field(description="The event to go to, or `end`.")


Next = Id | list[Branch]


class Choice(Model):
    """One option of an event."""

    id: Id | None = Field(None, description="Optional name, unique within the event.")
    text: Text = Field(description="What the player can choose.")
    outcome: Text | None = Field(None, description="Shown right after the choice is made.")
    if_: Cond | None = Field(None, alias="if", description="Offered only when this holds.")
    applies: list[PrincipleId] = Field(default_factory=list, description="Principles applied.")
    violates: list[PrincipleId] = Field(default_factory=list, description="Principles violated.")
    effects: list[Effect] = Field(default_factory=list, description="What the choice does.")
    next: Next | None = Field(None, description="Event id, `end`, or a list of {if, goto}.")


class Event(Model):
    """A situation the leader must decide on."""

    id: Id = Field(description="Unique within the scenario; `next` and `goto` name it.")
    title: Text | None = Field(None, description="A short heading.")
    text: Text = Field(description="The situation.")
    when: Cond | None = Field(None, description="Skipped when this is false on arrival.")
    time_limit: Int | None = Field(None, ge=0, le=600, description="Seconds; 0 = no limit.")
    next: Next | None = Field(None, description="Default next event; default: the one listed next.")
    on_timeout: list[Effect] = Field(
        default_factory=list, description="Effects when the time limit runs out."
    )
    interrupt: Bool = Field(
        False,
        description="Reached only through `schedule` or an explicit next; the flow from the "
        "event listed before it skips over it. After it, play resumes where it was interrupted.",
    )
    choices: list[Choice] = Field(min_length=2, max_length=5, description="2 to 5 options.")


class Ending(Model):
    """A way the scenario ends; the first ending whose `when` holds is the one reached."""

    id: Id = Field(description="Unique within the scenario.")
    title: Text = Field(description="Shown when the game ends.")
    when: Cond | None = Field(None, description="Omit for the fallback (last) ending.")
    early: Bool = Field(False, description="Checked after every decision; ends the game at once.")
    debrief: Text = Field(description="What happened and why, tied to the principles.")


class Scoring(Model):
    """Relative weights of the score's parts (any scale; they are normalised)."""

    delivery: Number = Field(40.0, ge=0, le=1000, description="Progress and milestones reached.")
    team: Number = Field(
        30.0, ge=0, le=1000, description="Team health (morale, stress, productivity)."
    )
    retention: Number = Field(20.0, ge=0, le=1000, description="Share of members who stayed.")
    principles: Number = Field(
        10.0, ge=0, le=1000, description="Share of principle tags applied, not violated."
    )

    @model_validator(mode="after")
    def _positive(self) -> Scoring:
        if self.delivery + self.team + self.retention + self.principles <= 0:
            raise ValueError("at least one scoring weight must be above 0")
        return self


class Scenario(Model):
    """A crisis or team situation: events, choices, effects, endings."""

    kind: Literal["scenario"] = Field(description="Always `scenario`.")
    id: Id = Field(description="Unique among scenarios; saves and the leaderboard use it.")
    title: Text = Field(description="The scenario's name.")
    summary: Text = Field(description="One or two sentences for the scenario picker.")
    briefing: Text | None = Field(None, description="The situation, before the first decision.")
    setting: Setting = Field("project", description="The kind of work the scenario is set in.")
    languages: list[Lang] = Field(
        default_factory=lambda: ["en"],
        min_length=1,
        description="Languages every text is given in; the first is used for plain strings.",
    )
    difficulty: Int = Field(2, ge=1, le=5, description="1 (easy) to 5 (hard).")
    minutes: Int = Field(20, ge=1, le=240, description="Estimated playing time.")
    team: Id = Field(description="The id of the team the scenario is played with.")
    time_limit: Int = Field(0, ge=0, le=600, description="Default seconds per decision; 0 = none.")
    priorities: Int = Field(1, ge=1, le=10, description="Priorities juggled at the start.")
    workload: Number = Field(8.0, gt=0, le=1000, description="Turns of full work the goal needs.")
    scoring: Scoring = Field(default_factory=Scoring, description="Weights of the score.")
    start: Id | None = Field(None, description="First event id; default: the first listed.")
    events: list[Event] = Field(min_length=1, description="The situations, in order.")
    endings: list[Ending] = Field(
        min_length=1, description="Checked in order; the first whose `when` holds is reached."
    )


class Traits(Model):
    """Overrides of the archetype's default traits, each in [0, 1]."""

    autonomy: Unit | None = Field(None, description=TRAIT_HELP["autonomy"])
    structure: Unit | None = Field(None, description=TRAIT_HELP["structure"])
    sociability: Unit | None = Field(None, description=TRAIT_HELP["sociability"])
    candor: Unit | None = Field(None, description=TRAIT_HELP["candor"])
    engagement: Unit | None = Field(None, description=TRAIT_HELP["engagement"])
    ego: Unit | None = Field(None, description=TRAIT_HELP["ego"])
    resilience: Unit | None = Field(None, description=TRAIT_HELP["resilience"])


class Member(Model):
    """A person on the team."""

    id: Id = Field(description="Unique within the team; effects and conditions name it.")
    name: Text = Field(description="The person's name.")
    role: Text = Field(description="Their job on the team.")
    archetype: ArchetypeId = Field(description="Sets their default traits.")
    morale: Unit = Field(0.6, description="Starting mood and motivation, 0 to 1.")
    stress: Unit = Field(0.3, description="Starting pressure, 0 to 1.")
    skill: Unit = Field(0.6, description="Competence at the work, 0 to 1.")
    trust: Unit = Field(0.5, description="Starting trust in the leader, 0 to 1.")
    fatigue: Unit = Field(0.0, description="Starting accumulated strain, 0 to 1.")
    traits: Traits = Field(default_factory=Traits, description="Overrides of archetype traits.")
    about: Text | None = Field(None, description="Shown on the member card.")
    private: Text | None = Field(None, description="Hidden until revealed.")


class Relationship(Model):
    """How two members stand with each other: -1 open conflict ... 1 close."""

    between: list[Id] = Field(min_length=2, max_length=2, description="Two member ids.")
    bond: Number = Field(0.5, ge=-1.0, le=1.0, description="-1 open conflict, 0 neutral, 1 close.")


class Team(Model):
    """The people a scenario is played with."""

    kind: Literal["team"] = Field(description="Always `team`.")
    id: Id = Field(description="Unique among teams; a scenario's `team` names it.")
    name: Text = Field(description="The team's name.")
    values: list[Text] = Field(default_factory=list, description="The team's stated values.")
    members: list[Member] = Field(min_length=1, max_length=200, description="The people.")
    relationships: list[Relationship] = Field(
        default_factory=list, description="Bonds between members; unlisted pairs are neutral."
    )


Later.model_rebuild()
Chance.model_rebuild()
When.model_rebuild()
Choice.model_rebuild()
Event.model_rebuild()
Scenario.model_rebuild()

KINDS: dict[str, type[Model]] = {"scenario": Scenario, "team": Team}
