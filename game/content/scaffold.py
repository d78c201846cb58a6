"""`leadsim new`: a commented format 2 scenario and team that check, play and playtest cleanly.

The files show the parts an author needs first: choice ids, people named in texts, an `act`
that lands through each person's traits, a stakeholder, a problem that costs every turn until
it is closed, a delayed consequence, a time-out that costs, and a debrief part shown only when
the player did what it praises. The placeholder texts are for the author to replace.
"""

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
        "e1": "Describe the first situation: what happened, who is affected. "
        "{tester} says all is fine.",
        "ask": "Ask {tester} over lunch how the testing is going",
        "ask_out": "It takes a day, and {tester} tells you how things stand.",
        "order": "Decide this morning on what the team already knows",
        "order_out": "The team nods, but some of them look worried.",
        "e2_title": "Too much at once",
        "e2": "Three requests arrive on the same day. What gets the team's focus?",
        "focus": "Pick one priority and say what waits",
        "all": "Take all three on and let the team set the order",
        "e3_title": "The deadline",
        "e3": "The deadline is close and something goes wrong. What do you do?",
        "calm": "Lay out the fallback options with the team, then decide",
        "panic": "Say the slip should have been caught and ask everyone to stay late",
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
        "share": "Move part of {tester}'s testing to {lead_dev}",
        "sponsor": "Ms Lee",
        "sponsor_role": "the project's sponsor",
        "overload": "The team juggles too much",
        "slip": "With everything at once, one of the three requests slipped.",
        "good_asked": "You asked {tester} before you decided: that is how you saw the overload.",
    },
    "ru": {
        "team": "Моя команда",
        "title": "Мой новый сценарий",
        "summary": "Одно-два предложения для списка сценариев.",
        "briefing": "Ситуация на старте: кто, что случилось и почему это важно сейчас.",
        "e1_title": "Утро понедельника",
        "e1": "Опишите первую ситуацию: что произошло и кого это касается. "
        "{tester} говорит, что всё в порядке.",
        "ask": "За обедом расспросить {tester.acc}, как идёт тестирование",
        "ask_out": "Это занимает день, но {tester} рассказывает, как обстоят дела.",
        "order": "Решить сегодня утром, исходя из того, что команда уже знает",
        "order_out": "Команда кивает, но кто-то явно встревожен.",
        "e2_title": "Всё и сразу",
        "e2": "В один день пришли три срочные просьбы. На чём сосредоточится команда?",
        "focus": "Выбрать один приоритет и сказать, что подождёт",
        "all": "Взять все три и дать команде самой решить, в каком порядке",
        "e3_title": "Дедлайн",
        "e3": "Срок близко, и что-то идёт не так. Что вы сделаете?",
        "calm": "Разобрать с командой запасные варианты, потом решить",
        "panic": "Сказать, что срыв должны были заметить, и попросить всех задержаться",
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
        "share": "Снять с {tester.gen} часть тестов и передать их {lead_dev.dat}",
        "sponsor": "Ли",
        "sponsor_role": "спонсор проекта",
        "overload": "Команда тянет слишком много",
        "slip": "Когда важно всё сразу, одна из трёх просьб сорвалась.",
        "good_asked": "Вы спросили {tester.acc}, прежде чем решать, и увидели перегрузку.",
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


def _tidy(text: str) -> str:
    """No spaces at the ends of lines (a key whose text follows on the next lines)."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def team_yaml(team_id: str, langs: Sequence[str]) -> str:
    """The team file `leadsim new` writes."""

    def t(key: str, indent: int) -> str:
        return _text(key, langs, indent)

    cases = ""
    if "ru" in langs:
        cases = "\n    cases: {ru: {gen: Сэма, dat: Сэму, acc: Сэма, ins: Сэмом, pre: Сэме}}"
    lead_cases = ""
    if "ru" in langs:
        lead_cases = (
            "\n    cases: {ru: {gen: Алекса, dat: Алексу, acc: Алекса, ins: Алексом, pre: Алексе}}"
        )
    return _tidy(f"""# yaml-language-server: $schema=leadsim.schema.json
# The people of your scenario. Archetypes (erudite, executive, friendly, obsequious,
# indifferent, overcompetent) decide how each person takes your decisions; traits you list
# override the archetype's defaults. Starting values are in [0, 1]. Another team with the same
# member ids can play the same scenario: texts name people by id ({{tester}}).
kind: team
id: {team_id}
name: {t("team", 2)}
members:
  - id: lead_dev
    name: {t("alex", 6)}
    role: {t("alex_role", 6)}
    archetype: erudite{lead_cases}
    skill: 0.8
  - id: tester
    name: {t("sam", 6)}
    role: {t("sam_role", 6)}
    archetype: obsequious{cases}
    stress: 0.5
    # Hidden until you learn how this member really is (a one-on-one, if they trust you).
    private: {t("private", 6)}
  - id: designer
    name: {t("kim", 6)}
    role: {t("kim_role", 6)}
    archetype: friendly
relationships:
  # bond: -1 open conflict ... 1 close; moods spread along close bonds.
  - between: [lead_dev, designer]
    bond: 0.6
""")


def scenario_yaml(scenario_id: str, team_id: str, setting: str, langs: Sequence[str]) -> str:
    """The scenario file `leadsim new` writes."""

    def t(key: str, indent: int) -> str:
        return _text(key, langs, indent)

    # a team's plain texts read as English, so only a pair with English can require languages
    require = f" --require-lang {','.join(langs)}" if "en" in langs else ""

    return _tidy(f"""# yaml-language-server: $schema=leadsim.schema.json
# A scenario: events (situations), each with 2-5 choices; every choice has an id, names the
# principles it applies or violates, and has effects. See docs/authoring.md for every field.
# Texts name people by id: {{tester}} is the tester's name, {{tester.ins}} a case of it.
# Check it:     leadsim check --deep{require} .
# Play it:      leadsim play {scenario_id} --text --scenarios .
# Playtest it:  leadsim playtest {scenario_id} --scenarios . --runs 2000
kind: scenario
format: 2
id: {scenario_id}
title: {t("title", 2)}
summary: {t("summary", 2)}
briefing: {t("briefing", 2)}
setting: {setting}           # a label for the picker and the cover art; no rules
languages: [{", ".join(langs)}]
difficulty: 2
minutes: 10
team: {team_id}
time_limit: 60         # seconds per decision; each event says what a time-out does
workload: 4            # turns of full-strength work the goal needs
stakeholders:          # people outside the team whose trust counts in the score
  - id: sponsor
    name: {t("sponsor", 6)}
    role: {t("sponsor_role", 6)}
    trust: 0.6
problems:              # costs every turn while it is open: postponing is not free
  - id: overload
    title: {t("overload", 6)}
    open: true
    cost: [{{type: adjust, stress: 0.03}}]
events:
  - id: first_call
    title: {t("e1_title", 6)}
    text: {t("e1", 6)}
    involves: [tester]     # whom the situation is about; acts reach them
    on_timeout:            # when the time runs out: not deciding is a decision too
      - {{type: stakeholder, id: sponsor, patience: -0.15}}
      - {{type: later, turns: 2, effects: [{{type: adjust, member: tester, stress: 0.25}}]}}
    choices:
      - id: ask_first
        text: {t("ask", 10)}
        outcome: {t("ask_out", 10)}
        applies: [informed_decisions, know_your_people]
        effects:
          - {{type: act, how: one_on_one}}          # lands through who they are (table of acts)
          - {{type: stakeholder, id: sponsor, patience: -0.05}}   # the best option costs
      - id: decide_now
        text: {t("order", 10)}
        outcome: {t("order_out", 10)}
        violates: [informed_decisions]
        effects:
          - {{type: adjust, trust: -0.05}}
          # a delayed consequence: it lands two decisions later
          - type: later
            turns: 2
            effects:
              - {{type: adjust, member: tester, stress: 0.25}}
              - {{type: progress, amount: -0.2}}
  - id: priorities
    title: {t("e2_title", 6)}
    text: {t("e2", 6)}
    on_timeout:            # nobody decided, so all three requests land on the team
      - {{type: priorities, change: 2}}
      - {{type: milestone, reached: false}}
    choices:
      - id: one_priority
        text: {t("focus", 10)}
        applies: [clear_priorities, planning]
        effects:
          - {{type: priorities, set: 1}}
          - {{type: problem, id: overload, open: false}}
          - {{type: progress, amount: [0.15, 0.25]}}  # a range: drawn at random, reproducibly
          - {{type: stakeholder, id: sponsor, patience: -0.05}}
      - id: everything_matters
        text: {t("all", 10)}
        violates: [clear_priorities]
        effects:
          - {{type: priorities, change: 2}}
          - {{type: adjust, stress: 0.1}}
          - {{type: stakeholder, id: sponsor, trust: 0.05}}   # pleasing today...
          - type: later                                 # ...and the bill comes later
            turns: 1
            text: {t("slip", 14)}
            effects: [{{type: milestone, reached: false}}]
  - id: deadline
    title: {t("e3_title", 6)}
    text: {t("e3", 6)}
    on_timeout: [{{type: milestone, reached: false}}]
    choices:
      - id: stay_calm
        text: {t("calm", 10)}
        applies: [composure, decisiveness]
        effects:
          - type: milestone
            reached: true
            name: {t("win", 14)}
      - id: share_the_load
        text: {t("share", 10)}
        if: tester.revealed                        # offered only once you know the truth
        applies: [organizing, know_your_people]
        effects:
          - {{type: act, member: tester, how: unload}}
          - type: milestone
            reached: true
            name: {t("win", 14)}
      - id: raise_your_voice
        text: {t("panic", 10)}
        violates: [emotional_balance, stress_resistance]
        effects:
          - {{type: act, who: team, how: criticise_public}}
          - {{type: chance, p: 0.8, then: [{{type: milestone, reached: false}}]}}
endings:                   # the first ending whose condition holds is reached
  - id: strong_finish
    title: {t("good", 6)}
    when: "milestones.reached >= 1 and team.stress < 0.5"
    debrief:
      - {t("good_d", 8).lstrip()}
      - if: tester.revealed                      # shown only if it is true
        text: {t("good_asked", 10)}
  - id: done_at_a_cost
    title: {t("ok", 6)}
    when: "milestones.reached >= 1"
    debrief: {t("ok_d", 6)}
  - id: slipped
    title: {t("bad", 6)}
    debrief: {t("bad_d", 6)}
""")
