"""The scenario format as typed, frozen models: format 1 and format 2 in one set of models.

Unknown keys and wrong types are errors, never silently ignored. The JSON Schema that editors
use is generated from these models (`leadsim schema`), and so is the field reference in
docs/authoring.md: the descriptions below are the author documentation. Field types live in
`fields`, effects in `effect_models`; both are re-exported here.

Format 2 (`format: 2`) requires an id on every choice and adds stakeholders, problems,
newcomers, conditional texts and text variables; format 1 files keep playing as they did.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, model_validator

from game.content.effect_models import (
    ACTIONS,
    EFFECT_TYPES,
    MEMBER_EFFECTS,
    METRICS,
    Act,
    Adjust,
    Away,
    Back,
    Chance,
    Count,
    Effect,
    Join,
    Later,
    Leader,
    Leave,
    Milestone,
    Priorities,
    Problem,
    Progress,
    Reveal,
    Schedule,
    SetFlag,
    Stakeholder,
    When,
)
from game.content.fields import (
    TEXT,
    Bool,
    Cond,
    ConditionValueError,
    CondText,
    Id,
    Int,
    Lang,
    Model,
    Number,
    RichText,
    Text,
    TextKeyError,
    Unit,
)
from game.content.look import CHOICES, Look
from game.content.principles import TRAIT_HELP, ArchetypeId, PrincipleId

__all__ = [
    "ACTIONS", "EFFECT_TYPES", "END", "KINDS", "MEMBER_EFFECTS", "METRICS", "SETTINGS", "TEXT",
    "Act", "Adjust", "Away", "Back", "Bool", "Branch", "Chance", "Choice", "Cond", "CondText",
    "ConditionValueError", "Count", "Effect", "Ending", "Event", "Id", "Int", "Join", "Lang",
    "Later", "Leader", "LeaderStart", "Leave", "Member", "Milestone", "Model", "NameCases",
    "Number", "Priorities", "Problem", "ProblemDef", "Progress", "Relationship", "Reveal",
    "RichText", "Scenario", "Schedule", "Scoring", "SetFlag", "Stakeholder", "StakeholderDef",
    "Tag", "Team", "TeamValue", "Text", "TextKeyError", "Traits", "Unit", "When",
]  # fmt: skip

END = "end"
SETTINGS = (
    "product", "project", "marketing", "finance", "pr", "procurement", "event", "crisis",
    "sports", "client", "healthcare", "public", "other",
)  # fmt: skip
Setting = Literal[
    "product", "project", "marketing", "finance", "pr", "procurement", "event", "crisis",
    "sports", "client", "healthcare", "public", "other",
]  # fmt: skip


# --- scenario ------------------------------------------------------------------------------


class Branch(Model):
    """One step of a conditional `next`: go to `goto` if `if` holds (no `if` = always)."""

    if_: Cond | None = Field(None, alias="if", description="Omit in the last branch.")
    goto: Id = Field(description="The event to go to, or `end`.")


Next = Id | list[Branch]


class Tag(Model):
    """A principle applied or violated only when a condition holds (about the person or the
    situation), e.g. `{principle: know_your_people, if: dmitry.revealed}`."""

    principle: PrincipleId = Field(description="The principle id.")
    if_: Cond = Field(alias="if", description="Checked when the choice is made.")


PrincipleTag = PrincipleId | Tag


class Choice(Model):
    """One option of an event."""

    id: Id | None = Field(
        None, description="Unique within the event; required in format 2. Logs name it."
    )
    text: Text = Field(description="What the player can choose.")
    outcome: RichText | None = Field(None, description="Shown right after the choice is made.")
    if_: Cond | None = Field(None, alias="if", description="Offered only when this holds.")
    applies: list[PrincipleTag] = Field(default_factory=list, description="Principles applied.")
    violates: list[PrincipleTag] = Field(default_factory=list, description="Principles violated.")
    upholds: list[Id] = Field(
        default_factory=list, description="Ids of the team's values this choice lives up to."
    )
    breaks: list[Id] = Field(
        default_factory=list, description="Ids of the team's values this choice goes against."
    )
    involves: list[Id] | None = Field(
        None, description="The members this choice is about (default: the event's)."
    )
    effects: list[Effect] = Field(default_factory=list, description="What the choice does.")
    next: Next | None = Field(None, description="Event id, `end`, or a list of {if, goto}.")


class Event(Model):
    """A situation the leader must decide on."""

    id: Id = Field(description="Unique within the scenario; `next` and `goto` name it.")
    title: Text | None = Field(None, description="A short heading.")
    text: RichText = Field(description="The situation.")
    when: Cond | None = Field(None, description="Skipped when this is false on arrival.")
    involves: list[Id] = Field(
        default_factory=list, description="The members the situation is about."
    )
    effects: list[Effect] = Field(
        default_factory=list, description="What happens as the event begins, before deciding."
    )
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
    order: Literal["shuffled", "fixed"] | None = Field(
        None, description="Show the choices shuffled per game or as written (default: shuffle)."
    )
    choices: list[Choice] = Field(min_length=2, max_length=5, description="2 to 5 options.")


class Ending(Model):
    """A way the scenario ends; the first ending whose `when` holds is the one reached."""

    id: Id = Field(description="Unique within the scenario.")
    title: Text = Field(description="Shown when the game ends.")
    when: Cond | None = Field(None, description="Omit for the fallback (last) ending.")
    early: Bool = Field(False, description="Checked after every decision; ends the game at once.")
    debrief: RichText = Field(
        description="What happened and why; parts with `if` praise only what the player did."
    )


class Scoring(Model):
    """Relative weights of the score's parts (any scale; they are normalised). The score counts
    what happened to the work, the people and the stakeholders; the principle profile is shown
    in every debrief but weighs nothing unless `principles` is set."""

    delivery: Number = Field(35.0, ge=0, le=1000, description="Progress and milestones reached.")
    team: Number = Field(
        30.0, ge=0, le=1000, description="Team health (morale, stress, productivity)."
    )
    retention: Number = Field(
        20.0, ge=0, le=1000, description="Share of members who did not quit or burn out."
    )
    stakeholders: Number = Field(
        15.0, ge=0, le=1000, description="Stakeholders' trust and patience (if there are any)."
    )
    principles: Number = Field(
        0.0, ge=0, le=1000,
        description="Share of principle tags applied; makes the verdict circular (check warns).",
    )  # fmt: skip

    @model_validator(mode="after")
    def _positive(self) -> Scoring:
        total = self.delivery + self.team + self.retention + self.stakeholders + self.principles
        if total <= 0:
            raise ValueError("at least one scoring weight must be above 0")
        return self


class StakeholderDef(Model):
    """Someone outside the team whose trust matters: a client, a boss, new owners."""

    id: Id = Field(description="Effects and conditions name it: stakeholders.ID.trust.")
    name: Text = Field(description="Their name.")
    role: Text | None = Field(None, description="Who they are, e.g. the client's director.")
    trust: Unit = Field(0.5, description="Starting trust in you, 0 to 1.")
    patience: Unit = Field(0.7, description="Starting patience, 0 to 1.")
    decay: Unit = Field(0.0, description="Patience lost every turn while nothing reassures them.")
    weight: Number = Field(1.0, gt=0, le=100, description="Weight in the stakeholders' score.")


class ProblemDef(Model):
    """A problem that costs every turn while it is open: postponing a decision is not free."""

    id: Id = Field(description="Effects open and close it; conditions read problems.ID.")
    title: Text = Field(description="Shown while the problem is open.")
    open: Bool = Field(False, description="Open from the start.")
    cost: list[Effect] = Field(min_length=1, description="Effects applied every turn it is open.")


class LeaderStart(Model):
    """The leader's own state at the start."""

    composure: Unit = Field(0.7, description="Calm under provocation, 0 to 1.")
    stress: Unit = Field(0.3, description="The leader's own stress, 0 to 1.")
    energy: Unit = Field(0.8, description="What the leader has left to give, 0 to 1.")


class Scenario(Model):
    """A crisis or team situation: events, choices, effects, endings."""

    kind: Literal["scenario"] = Field(description="Always `scenario`.")
    format: Literal[1, 2] = Field(1, description="1 (the first format) or 2.")
    id: Id = Field(description="Unique among scenarios; saves and the leaderboard use it.")
    title: Text = Field(description="The scenario's name.")
    summary: Text = Field(description="One or two sentences for the scenario picker.")
    briefing: RichText | None = Field(None, description="The situation, before the first decision.")
    setting: Setting = Field(
        "project", description="A label for the kind of work (picker, cover art); no rules."
    )
    languages: list[Lang] = Field(
        default_factory=lambda: ["en"],
        min_length=1,
        description="Languages every text is given in; the first is used for plain strings.",
    )
    difficulty: Int = Field(2, ge=1, le=5, description="1 (easy) to 5 (hard).")
    minutes: Int = Field(20, ge=1, le=240, description="Estimated playing time.")
    teaches: list[PrincipleId] = Field(
        default_factory=list, description="The principles this scenario is about."
    )
    team: Id = Field(description="The id of the team the scenario is played with.")
    teams: list[Id] = Field(
        default_factory=list,
        description="Other teams it can be played with (they need the member ids it names).",
    )
    newcomers: list[Id] = Field(
        default_factory=list, description="Members of the team who join later (`join`)."
    )
    stakeholders: list[StakeholderDef] = Field(
        default_factory=list, description="People outside the team whose trust matters."
    )
    problems: list[ProblemDef] = Field(
        default_factory=list, description="Problems that cost every turn while they are open."
    )
    leader: LeaderStart = Field(default_factory=LeaderStart, description="The leader at start.")
    time_limit: Int = Field(0, ge=0, le=600, description="Default seconds per decision; 0 = none.")
    shuffle: Bool = Field(True, description="Show choices in a per-game order (format 2).")
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


class NameCases(Model):
    """A name's grammatical cases in one language, for texts such as "у {gleb.gen}"."""

    gen: str | None = Field(None, min_length=1, description="Genitive (Глеба).")
    dat: str | None = Field(None, min_length=1, description="Dative (Глебу).")
    acc: str | None = Field(None, min_length=1, description="Accusative (Глеба).")
    ins: str | None = Field(None, min_length=1, description="Instrumental (Глебом).")
    pre: str | None = Field(None, min_length=1, description="Prepositional (Глебе).")


def _portrait(value: object) -> Look:
    if isinstance(value, Look):
        return value
    if not isinstance(value, Mapping):
        raise ValueError("expected a mapping such as {hair: bob, glasses: round}")
    try:
        return Look.from_mapping(value)
    except ValueError as err:  # the field path already says "portrait"
        raise ValueError(str(err).removeprefix("portrait: ")) from None


Portrait = Annotated[
    Look,
    PlainValidator(_portrait),
    WithJsonSchema(
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                key: {"type": "string", "description": "one of: " + ", ".join(values)}
                for key, values in CHOICES.items()
            },
            "description": "How the person looks (every key optional; the rest is derived "
            "from the member's id)",
        }
    ),
]


class Member(Model):
    """A person on the team."""

    id: Id = Field(description="Unique within the team; effects and conditions name it.")
    name: Text = Field(description="The person's name.")
    role: Text = Field(description="Their job on the team.")
    archetype: ArchetypeId = Field(description="Sets their default traits.")
    gender: Literal["female", "male"] | None = Field(
        None, description="For texts that agree with it and for the portrait."
    )
    portrait: Portrait | None = Field(
        None, description="How they look: presentation, skin, hair, hair_colour, "
        "facial_hair, glasses, age, clothes (any left out are derived from the id).",
    )  # fmt: skip
    cases: dict[Lang, NameCases] = Field(
        default_factory=dict, description="The name's case forms per language: {ru: {gen: ...}}."
    )
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


class TeamValue(Model):
    """A stated value with an id, so that choices can uphold or break it."""

    id: Id = Field(description="Choices name it in `upholds` and `breaks`.")
    text: Text = Field(description="The value in words.")


class Team(Model):
    """The people a scenario is played with."""

    kind: Literal["team"] = Field(description="Always `team`.")
    id: Id = Field(description="Unique among teams; a scenario's `team` names it.")
    name: Text = Field(description="The team's name.")
    values: list[Text | TeamValue] = Field(
        default_factory=list,
        description="The team's stated values: texts, or {id, text} so choices can name them.",
    )
    members: list[Member] = Field(min_length=1, max_length=200, description="The people.")
    relationships: list[Relationship] = Field(
        default_factory=list, description="Bonds between members; unlisted pairs are neutral."
    )


Choice.model_rebuild()
Event.model_rebuild()
ProblemDef.model_rebuild()
Scenario.model_rebuild()

KINDS: dict[str, type[Model]] = {"scenario": Scenario, "team": Team}
