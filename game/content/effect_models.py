"""The effects a choice, a time-out, an event's start or an open problem can have.

Each effect is a registered type with named arguments (`{type: adjust, stress: 0.1}`); the
docstrings below are the author documentation (docs/authoring.md is generated from them).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.content.fields import Bool, Cond, Delta, Id, Int, Model, Number, RichText, Text, Unit
from game.content.principles import ArchetypeId

METRICS = ("morale", "stress", "trust", "fatigue", "skill")
Who = Literal["team", "involved", "others"]

ACTIONS = (
    "praise_public", "praise_private", "open_brief", "checklist", "pressure", "one_on_one",
    "ask_in_meeting", "criticise_public", "criticise_private", "coach", "delegate",
    "do_it_yourself", "stage", "make_responsible", "overload", "unload", "shield", "involve",
)  # fmt: skip
Action = Literal[
    "praise_public", "praise_private", "open_brief", "checklist", "pressure", "one_on_one",
    "ask_in_meeting", "criticise_public", "criticise_private", "coach", "delegate",
    "do_it_yourself", "stage", "make_responsible", "overload", "unload", "shield", "involve",
]  # fmt: skip


def _one_target(effect: Model, names: tuple[str, ...]) -> None:
    given = [t for t in names if getattr(effect, t) is not None]
    if len(given) > 1:
        raise ValueError(f"use only one of {', '.join(names)} (found {', '.join(given)})")


class Adjust(Model):
    """Change metrics by a delta (a number or a range [low, high]). Whom: nothing = the whole
    team; `member`, `archetype`, `where` (a condition over each member's own metrics and
    traits) or `who` (`involved`: the people the event or choice involves; `others`: everyone
    else) narrow it."""

    type: Literal["adjust"]
    member: Id | None = Field(None, description="One member id.")
    archetype: ArchetypeId | None = Field(None, description="Every member of this archetype.")
    where: Cond | None = Field(None, description="Members for whom this holds, e.g. stress > 0.6.")
    who: Who | None = Field(None, description="team, involved or others.")
    morale: Delta | None = Field(None, description="Change of mood and motivation.")
    stress: Delta | None = Field(None, description="Change of pressure felt.")
    trust: Delta | None = Field(None, description="Trust in the leader.")
    fatigue: Delta | None = Field(None, description="Accumulated strain; high fatigue burns out.")
    skill: Delta | None = Field(None, description="Change of competence at the work.")

    @model_validator(mode="after")
    def _check(self) -> Adjust:
        _one_target(self, ("member", "archetype", "where", "who"))
        if all(getattr(self, m) is None for m in METRICS):
            raise ValueError(f"adjust changes nothing: give at least one of {', '.join(METRICS)}")
        return self


class Act(Model):
    """The leader does something to people, and it lands through who they are: each person's
    traits decide how much morale, stress, trust, fatigue and growth it brings (docs/authoring.md
    has the table). The same act can help one person and hurt another. Whom: as in `adjust`;
    nothing = the people involved (`involves` of the choice or event), or the whole team when
    nobody is involved."""

    type: Literal["act"]
    how: Action = Field(description="What the leader does; see the table of acts.")
    member: Id | None = Field(None, description="One member id.")
    archetype: ArchetypeId | None = Field(None, description="Every member of this archetype.")
    where: Cond | None = Field(None, description="Members for whom this holds.")
    who: Who | None = Field(None, description="team, involved or others.")
    strength: Number = Field(1.0, ge=0.0, le=3.0, description="Scales the whole response.")

    @model_validator(mode="after")
    def _check(self) -> Act:
        _one_target(self, ("member", "archetype", "where", "who"))
        return self


class Later(Model):
    """Delayed consequence: the effects land `turns` decisions later; `text` is shown then."""

    type: Literal["later"]
    turns: Int = Field(ge=1, le=50, description="Decisions from now until the effects land.")
    text: RichText | None = Field(None, description="Shown to the player when they land.")
    effects: list[Effect] = Field(min_length=1, description="The effects that land later.")


class Reveal(Model):
    """The leader learns the true state (and private notes) of the team, or of `member` /
    `archetype`, whatever their trust: a survey, the data, a look at the work. (Asking people
    is the `one_on_one` act, and what they tell depends on their trust.)"""

    type: Literal["reveal"]
    member: Id | None = Field(None, description="Only this member.")
    archetype: ArchetypeId | None = Field(None, description="Only members of this archetype.")


class SetFlag(Model):
    """Set a flag (or clear it with `value: false`); conditions read it as `flags.NAME`."""

    type: Literal["flag"]
    name: Id = Field(description="The flag's name; conditions read it as flags.NAME.")
    value: Bool = Field(True, description="false clears the flag.")


class Count(Model):
    """Add to a whole-number counter (or `set` it); conditions read it as `counters.NAME`."""

    type: Literal["count"]
    name: Id = Field(description="The counter's name; conditions read it as counters.NAME.")
    add: Int | None = Field(None, ge=-100, le=100, description="Added to the counter.")
    set: Int | None = Field(None, ge=-1000, le=1000, description="The counter's new value.")

    @model_validator(mode="after")
    def _one(self) -> Count:
        if (self.add is None) == (self.set is None):
            raise ValueError("give exactly one of add, set")
        return self


class Schedule(Model):
    """The event interrupts the flow `turns` decisions from now."""

    type: Literal["schedule"]
    event: Id = Field(description="The event that interrupts.")
    turns: Int = Field(1, ge=1, le=50, description="Decisions from now until it comes.")


class Leave(Model):
    """The member leaves the team for good. `reason: quit` (the default) counts against
    retention, as a failure of leadership; `decided` is a departure the leader chose (a
    dismissal, a transfer): it does not count against retention, but has its own effects."""

    type: Literal["leave"]
    member: Id = Field(description="The member who leaves.")
    reason: Literal["quit", "decided"] = Field("quit", description="quit or decided.")


class Join(Model):
    """A member listed in the scenario's `newcomers` joins the team now."""

    type: Literal["join"]
    member: Id = Field(description="The member who joins.")


class Away(Model):
    """The member is away for `turns` decisions (leave, sickness, another project): not
    working, not counted, untouched by team effects; back by themselves afterwards."""

    type: Literal["away"]
    member: Id = Field(description="The member who is away.")
    turns: Int = Field(ge=1, le=50, description="Decisions until they are back.")


class Back(Model):
    """A member who is away comes back now."""

    type: Literal["back"]
    member: Id = Field(description="The member who comes back.")


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
    """The leader is a person too: change their composure, stress or energy. Provocations lower
    composure; doing the work yourself costs energy; rest restores it."""

    type: Literal["leader"]
    composure: Delta | None = Field(None, description="Change of the leader's composure.")
    stress: Delta | None = Field(None, description="Change of the leader's stress.")
    energy: Delta | None = Field(None, description="Change of the leader's energy.")

    @model_validator(mode="after")
    def _some(self) -> Leader:
        if self.composure is None and self.stress is None and self.energy is None:
            raise ValueError("leader changes nothing: give composure, stress or energy")
        return self


class Stakeholder(Model):
    """Change a stakeholder's trust in you or their patience (a client, a boss, new owners)."""

    type: Literal["stakeholder"]
    id: Id = Field(description="The stakeholder, as listed in the scenario's stakeholders.")
    trust: Delta | None = Field(None, description="Change of their trust in you.")
    patience: Delta | None = Field(None, description="Change of their patience.")

    @model_validator(mode="after")
    def _some(self) -> Stakeholder:
        if self.trust is None and self.patience is None:
            raise ValueError("stakeholder changes nothing: give trust or patience")
        return self


class Problem(Model):
    """Open a problem listed in the scenario's `problems` (it costs every turn until it is
    closed), or close it with `open: false`."""

    type: Literal["problem"]
    id: Id = Field(description="The problem, as listed in the scenario's problems.")
    open: Bool = Field(True, description="true opens it; false closes it.")


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


EFFECT_TYPES: dict[str, type[Model]] = {
    "adjust": Adjust, "act": Act, "later": Later, "reveal": Reveal, "flag": SetFlag,
    "count": Count, "schedule": Schedule, "leave": Leave, "join": Join, "away": Away,
    "back": Back, "milestone": Milestone, "progress": Progress, "priorities": Priorities,
    "leader": Leader, "stakeholder": Stakeholder, "problem": Problem, "chance": Chance,
    "when": When,
}  # fmt: skip
_Union = (
    Adjust | Act | Later | Reveal | SetFlag | Count | Schedule | Leave | Join | Away | Back
    | Milestone | Progress | Priorities | Leader | Stakeholder | Problem | Chance | When
)  # fmt: skip
Effect = Annotated[_Union, Field(discriminator="type")]
MEMBER_EFFECTS = (Adjust, Act, Reveal, Leave, Join, Away, Back)

Later.model_rebuild()
Chance.model_rebuild()
When.model_rebuild()
