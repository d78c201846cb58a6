"""`leadsim new`: a commented scenario and team that check, play and playtest cleanly."""

from __future__ import annotations

from collections.abc import Sequence

# Placeholder texts per language; an instructor replaces them. Keys are used in the templates.
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "en": {
        "team": "My team",
        "title": "My new scenario",
        "summary": "One or two sentences for the scenario picker.",
        "briefing": "The situation at the start: who, what, and why it matters now.",
        "e1_title": "Monday morning",
        "e1": "Describe the first situation. Keep it short: what happened, who is affected.",
        "ask": "Ask the team what they see before deciding",
        "ask_out": "People open up: you learn how things really are.",
        "order": "Announce a decision right away, without asking",
        "order_out": "The team nods, but some of them look worried.",
        "e2_title": "Too much at once",
        "e2": "Three requests arrive on the same day. What gets the team's focus?",
        "focus": "Pick one priority and say what waits",
        "all": "Tell the team that everything is a priority",
        "e3_title": "The deadline",
        "e3": "The deadline is close and something goes wrong. What do you do?",
        "calm": "Stay calm, weigh plan B, and decide",
        "panic": "Raise your voice and demand overtime from everyone",
        "win": "Milestone delivered",
        "good": "A strong finish",
        "good_d": "Explain here why this ending happened and which principles mattered.",
        "ok": "Done, at a cost",
        "ok_d": "Explain what went well and what the team paid for it.",
        "bad": "The goal slipped",
        "bad_d": "Explain what went wrong and what a leader could have done differently.",
        "private": "What this person would only tell you one to one.",
        "alex": "Alex",
        "alex_role": "Developer",
        "sam": "Sam",
        "sam_role": "Tester",
        "kim": "Kim",
        "kim_role": "Designer",
        "share": "Use what people told you: move part of Sam's testing to Alex",
    },
    "ru": {
        "team": "Моя команда",
        "title": "Мой новый сценарий",
        "summary": "Одно-два предложения для списка сценариев.",
        "briefing": "Ситуация на старте: кто, что случилось и почему это важно сейчас.",
        "e1_title": "Утро понедельника",
        "e1": "Опишите первую ситуацию коротко: что произошло и кого это касается.",
        "ask": "Сначала спросить команду, что они видят",
        "ask_out": "Люди открываются: вы узнаёте, как обстоят дела на самом деле.",
        "order": "Сразу объявить решение, ни с кем не советуясь",
        "order_out": "Команда кивает, но кто-то явно встревожен.",
        "e2_title": "Всё и сразу",
        "e2": "В один день пришли три срочные просьбы. На чём сосредоточится команда?",
        "focus": "Выбрать один приоритет и сказать, что подождёт",
        "all": "Сказать команде, что приоритетно всё",
        "e3_title": "Дедлайн",
        "e3": "Срок близко, и что-то идёт не так. Что вы сделаете?",
        "calm": "Сохранить спокойствие, взвесить план B и решить",
        "panic": "Повысить голос и потребовать от всех переработок",
        "win": "Этап сдан",
        "good": "Сильный финал",
        "good_d": "Объясните, почему получился такой финал и какие принципы сработали.",
        "ok": "Сделали, но дорогой ценой",
        "ok_d": "Объясните, что получилось и чем за это заплатила команда.",
        "bad": "Цель не достигнута",
        "bad_d": "Объясните, что пошло не так и что руководитель мог сделать иначе.",
        "private": "То, что этот человек скажет только один на один.",
        "alex": "Алекс",
        "alex_role": "Разработчик",
        "sam": "Сэм",
        "sam_role": "Тестировщик",
        "kim": "Ким",
        "kim_role": "Дизайнер",
        "share": "Опереться на то, что рассказали люди: передать часть тестов Сэма Алексу",
    },
}


def _text(key: str, langs: Sequence[str], indent: int) -> str:
    """A YAML text value: a plain string for one language, a language map otherwise."""
    pad = " " * indent
    if len(langs) == 1:
        return _quote(PLACEHOLDERS[langs[0]][key])
    lines = [f"\n{pad}{lang}: {_quote(PLACEHOLDERS[lang][key])}" for lang in langs]
    return "".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def team_yaml(team_id: str, langs: Sequence[str]) -> str:
    def t(key: str, indent: int) -> str:
        return _text(key, langs, indent)

    return f"""# yaml-language-server: $schema=leadsim.schema.json
# The people of your scenario. Archetypes (erudite, executive, friendly, obsequious,
# indifferent, overcompetent) decide how each person takes your decisions; traits you list
# override the archetype's defaults. Starting values are in [0, 1].
kind: team
id: {team_id}
name: {t("team", 2)}
members:
  - id: lead_dev
    name: {t("alex", 6)}
    role: {t("alex_role", 6)}
    archetype: erudite
    skill: 0.8
  - id: tester
    name: {t("sam", 6)}
    role: {t("sam_role", 6)}
    archetype: obsequious
    stress: 0.5
    # Hidden until you reveal this member (for example by asking one to one).
    private: {t("private", 6)}
  - id: designer
    name: {t("kim", 6)}
    role: {t("kim_role", 6)}
    archetype: friendly
relationships:
  # bond: -1 open conflict ... 1 close; stress spreads along close bonds.
  - between: [lead_dev, designer]
    bond: 0.6
"""


def scenario_yaml(scenario_id: str, team_id: str, setting: str, langs: Sequence[str]) -> str:
    def t(key: str, indent: int) -> str:
        return _text(key, langs, indent)

    return f"""# yaml-language-server: $schema=leadsim.schema.json
# A scenario: events (situations), each with 2-5 choices; every choice names the principles
# it applies or violates and has effects. See docs/authoring.md for every field.
# Check it:     leadsim check --require-lang {",".join(langs)} .
# Play it:      leadsim play {scenario_id} --text --scenarios .
# Playtest it:  leadsim playtest {scenario_id} --scenarios . --runs 2000
kind: scenario
id: {scenario_id}
title: {t("title", 2)}
summary: {t("summary", 2)}
briefing: {t("briefing", 2)}
setting: {setting}
languages: [{", ".join(langs)}]
difficulty: 2
minutes: 10
team: {team_id}
workload: 4            # turns of full-strength work the goal needs
events:
  - id: first_call
    title: {t("e1_title", 6)}
    text: {t("e1", 6)}
    choices:
      - text: {t("ask", 10)}
        outcome: {t("ask_out", 10)}
        applies: [informed_decisions, know_your_people]
        effects:
          - {{type: reveal}}                          # you now see true values, not estimates
          - {{type: flag, name: asked_team}}          # read later as flags.asked_team
      - text: {t("order", 10)}
        outcome: {t("order_out", 10)}
        violates: [informed_decisions]
        effects:
          - {{type: adjust, trust: -0.05}}
          # a delayed consequence: it lands two decisions later
          - {{type: later, turns: 2, effects: [{{type: adjust, member: tester, stress: 0.15}}]}}
  - id: priorities
    title: {t("e2_title", 6)}
    text: {t("e2", 6)}
    choices:
      - text: {t("focus", 10)}
        applies: [clear_priorities, planning]
        effects:
          - {{type: priorities, set: 1}}
          - {{type: progress, amount: [0.15, 0.25]}}  # a range: drawn at random, reproducibly
      - text: {t("all", 10)}
        violates: [clear_priorities]
        effects:
          - {{type: priorities, change: 2}}
          - {{type: adjust, stress: 0.1}}
  - id: deadline
    title: {t("e3_title", 6)}
    text: {t("e3", 6)}
    choices:
      - text: {t("calm", 10)}
        applies: [composure, decisiveness]
        effects:
          - type: milestone
            reached: true
            name: {t("win", 14)}
      - text: {t("share", 10)}
        if: flags.asked_team                       # offered only if you asked in the first event
        applies: [organizing, know_your_people]
        effects:
          - {{type: adjust, member: tester, stress: -0.2}}
          - type: milestone
            reached: true
            name: {t("win", 14)}
      - text: {t("panic", 10)}
        violates: [emotional_balance, stress_resistance]
        effects:
          - {{type: adjust, stress: 0.15, trust: -0.1}}
          - {{type: chance, p: 0.5, then: [{{type: milestone, reached: false}}]}}
endings:                   # the first ending whose condition holds is reached
  - id: strong_finish
    title: {t("good", 6)}
    when: "milestones.reached >= 1 and team.stress < 0.5"
    debrief: {t("good_d", 6)}
  - id: done_at_a_cost
    title: {t("ok", 6)}
    when: "milestones.reached >= 1"
    debrief: {t("ok_d", 6)}
  - id: slipped
    title: {t("bad", 6)}
    debrief: {t("bad_d", 6)}
"""
