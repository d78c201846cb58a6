"""The leadership model the game teaches: principle ids, archetypes and their traits.

The ids are the stable keys used by scenario files, the engine, debriefs and tests. Names and
plain-words explanations exist in English and Russian.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Group = Literal["function", "quality", "mistake"]


@dataclass(frozen=True)
class Principle:
    id: str
    group: Group
    name: dict[str, str]
    explain: dict[str, str]


def _p(pid: str, group: Group, en: str, ru: str, explain_en: str, explain_ru: str) -> Principle:
    return Principle(pid, group, {"en": en, "ru": ru}, {"en": explain_en, "ru": explain_ru})


_PRINCIPLES = (
    _p(
        "planning",
        "function",
        "Planning",
        "Планирование",
        "Set goals, sequence the work and see what is coming.",
        "Ставить цели, выстраивать порядок работ и видеть, что ждёт впереди.",
    ),
    _p(
        "organizing",
        "function",
        "Organizing",
        "Организация",
        "Put the right people on the work, remove blockers, set the frame.",
        "Расставить людей по задачам, убрать препятствия, задать рамки.",
    ),
    _p(
        "motivating",
        "function",
        "Motivating",
        "Мотивация",
        "Recognise effort, give meaning, know what drives each person.",
        "Признавать усилия, объяснять смысл, знать, что движет каждым.",
    ),
    _p(
        "controlling",
        "function",
        "Controlling",
        "Контроль",
        "Check progress against the plan and correct early, without micromanaging.",
        "Сверять ход работ с планом и поправлять курс вовремя, без микроменеджмента.",
    ),
    _p(
        "composure",
        "quality",
        "Composure",
        "Выдержка",
        "Listen before deciding; do not act on impulse.",
        "Сначала выслушать, потом решать; не действовать сгоряча.",
    ),
    _p(
        "emotional_balance",
        "quality",
        "Emotional balance, tact and respect",
        "Психическая уравновешенность, такт",
        "Stay calm; correct people with a cool head and in private.",
        "Сохранять спокойствие; делать замечания без эмоций и один на один.",
    ),
    _p(
        "stress_resistance",
        "quality",
        "Stress resistance",
        "Стрессоустойчивость",
        "Hold steady in a crisis; do not pass your own stress on to the team.",
        "Держаться в кризисе и не перекладывать своё напряжение на команду.",
    ),
    _p(
        "decisiveness",
        "quality",
        "Decisiveness with fallback plans",
        "Решительность, план Б, В, Г",
        "Decide in time, with plans B, C and D thought through in advance.",
        "Принимать решение вовремя, заранее продумав планы Б, В и Г.",
    ),
    _p(
        "strategic_thinking",
        "quality",
        "Strategic thinking",
        "Стратегическое мышление",
        "Think several moves ahead and weigh what a choice leads to later.",
        "Думать на несколько ходов вперёд и взвешивать последствия.",
    ),
    _p(
        "objectivity",
        "quality",
        "Objective assessment",
        "Объективная оценка ситуации",
        "Step back and see the problem at its real scale, without bias.",
        "Взглянуть со стороны и оценить проблему в реальном масштабе, без эмоций.",
    ),
    _p(
        "rational_thinking",
        "quality",
        "Rational, non-standard thinking",
        "Рациональность мышления, нестандартные решения",
        "Look for the shortest path; do not fear an unusual solution.",
        "Искать кратчайший путь и не бояться нестандартного решения.",
    ),
    _p(
        "self_demand",
        "quality",
        "Demands of oneself first",
        "Требовательность к себе",
        "Ask nothing of the team that you would not do yourself.",
        "Не требовать от команды того, чего не делаешь сам.",
    ),
    _p(
        "expertise",
        "quality",
        "Knows the craft",
        "Знание матчасти",
        "Be able to advise how to do a task, not only to set it.",
        "Уметь подсказать, как сделать задачу, а не только поставить её.",
    ),
    _p(
        "people_psychology",
        "quality",
        "Understands people",
        "Знание психологии",
        "Know how people react and what they need.",
        "Понимать, как люди реагируют и что им нужно.",
    ),
    _p(
        "clear_priorities",
        "mistake",
        "Clear priorities",
        "Чёткие приоритеты",
        "A few clear priorities: when everything is a priority, nothing is.",
        "Несколько ясных приоритетов: когда приоритетно всё, не приоритетно ничего.",
    ),
    _p(
        "informed_decisions",
        "mistake",
        "Informed decisions",
        "Решения на основе информации",
        "Gather facts and ask the people who see the situation from inside.",
        "Собрать факты и спросить тех, кто видит ситуацию изнутри.",
    ),
    _p(
        "know_your_people",
        "mistake",
        "Know your people",
        "Знать своих людей",
        "Take a genuine interest in each person.",
        "Искренне интересоваться каждым человеком в команде.",
    ),
    _p(
        "values_and_culture",
        "mistake",
        "Values and culture",
        "Ценности и культура",
        "Act in line with the values the team shares.",
        "Действовать в согласии с ценностями, которые разделяет команда.",
    ),
)

PRINCIPLES = MappingProxyType({p.id: p for p in _PRINCIPLES})
PRINCIPLE_IDS: tuple[str, ...] = tuple(p.id for p in _PRINCIPLES)
FUNCTIONS: tuple[str, ...] = tuple(p.id for p in _PRINCIPLES if p.group == "function")

PrincipleId = Literal[
    "planning", "organizing", "motivating", "controlling", "composure", "emotional_balance",
    "stress_resistance", "decisiveness", "strategic_thinking", "objectivity",
    "rational_thinking", "self_demand", "expertise", "people_psychology", "clear_priorities",
    "informed_decisions", "know_your_people", "values_and_culture",
]  # fmt: skip

TRAITS: tuple[str, ...] = (
    "autonomy", "structure", "sociability", "candor", "engagement", "ego", "resilience",
)  # fmt: skip

TRAIT_HELP = MappingProxyType({
    "autonomy": "thrives on freedom, suffers under micromanagement",
    "structure": "needs clear priorities; suffers most when focus is split",
    "sociability": "spreads their mood to the people close to them",
    "candor": "how honestly their visible state reflects the true one",
    "engagement": "baseline morale: where their mood returns to",
    "ego": "spends energy proving themselves; friction with peers",
    "resilience": "resistance to stress",
})  # fmt: skip


@dataclass(frozen=True)
class Archetype:
    id: str
    name: dict[str, str]
    traits: dict[str, float]


def _a(aid: str, en: str, ru: str, *values: float) -> Archetype:
    return Archetype(aid, {"en": en, "ru": ru}, dict(zip(TRAITS, values, strict=True)))


_ARCHETYPES = (
    # id, English, Russian, then autonomy structure sociability candor engagement ego resilience
    _a("erudite",       "Erudite",         "Эрудированный",     0.9, 0.3, 0.5, 0.7, 0.8, 0.4, 0.6),
    _a("executive",     "Executor",        "Исполнительный",    0.2, 0.9, 0.5, 0.6, 0.7, 0.2, 0.5),
    _a("friendly",      "Friendly",        "Дружественный",     0.5, 0.5, 0.9, 0.7, 0.7, 0.2, 0.6),
    _a("obsequious",    "Eager to please", "Угодливый",         0.3, 0.6, 0.6, 0.15, 0.6, 0.1, 0.4),
    _a("indifferent",   "Indifferent",     "Равнодушный",       0.4, 0.5, 0.2, 0.5, 0.25, 0.3, 0.6),
    _a("overcompetent", "Show-off expert", "Сверхкомпетентный", 0.8, 0.3, 0.3, 0.6, 0.6, 0.9, 0.5),
)  # fmt: skip

ARCHETYPES = MappingProxyType({a.id: a for a in _ARCHETYPES})
ARCHETYPE_IDS: tuple[str, ...] = tuple(a.id for a in _ARCHETYPES)

ArchetypeId = Literal[
    "erudite", "executive", "friendly", "obsequious", "indifferent", "overcompetent"
]  # fmt: skip
