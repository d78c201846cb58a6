# Strings shared by the terminal, the window and the tools: names of metrics, settings,
# score parts, principles and types of people, the engine's messages, the store's messages.
#
# A key in code (`msg.left`) is the message id here with its dots as hyphens (`msg-left`).
# A name argument ($name) also comes as $name_gen, $name_dat, $name_acc, $name_ins, $name_pre
# (its case forms), $name_declined (yes / no) and $name_gender (masculine, feminine, neuter,
# plural, other); a list of names adds $name_count. See game/i18n/words.py.

app-name = LeadSim

## The principles (game/content/principles.py) and how a decision met them

principle-name-planning = Planning
principle-name-organizing = Organizing
principle-name-motivating = Motivating
principle-name-controlling = Controlling
principle-name-composure = Composure
principle-name-emotional_balance = Emotional balance, tact and respect
principle-name-stress_resistance = Stress resistance
principle-name-decisiveness = Decisiveness with fallback plans
principle-name-strategic_thinking = Strategic thinking
principle-name-objectivity = Objective assessment
principle-name-rational_thinking = Rational, non-standard thinking
principle-name-self_demand = Demands of oneself first
principle-name-expertise = Knows the craft
principle-name-people_psychology = Understands people
principle-name-clear_priorities = Clear priorities
principle-name-informed_decisions = Informed decisions
principle-name-know_your_people = Know your people
principle-name-values_and_culture = Values and culture

principle-applied = + { $name } (applied)
principle-violated = − { $name } (violated)

## The article's types of people (an adjective in Russian agrees with the person)

archetype-erudite = Erudite
archetype-executive = Executor
archetype-friendly = Friendly
archetype-obsequious = Eager to please
archetype-indifferent = Indifferent
archetype-overcompetent = Show-off expert

## Meters, settings and the parts of the score

metric-morale = morale
metric-stress = stress
metric-productivity = output
metric-trust = trust
metric-progress = progress

setting-product = product
setting-project = project
setting-marketing = marketing
setting-finance = finance
setting-pr = PR and advertising
setting-procurement = procurement
setting-event = event
setting-crisis = crisis
setting-sports = sports
setting-client = client account
setting-healthcare = healthcare
setting-public = public service
setting-other = other

score-total = Score
score-delivery = Delivery
score-team = Team health
score-retention = Retention
score-principles = Principles applied
score-stakeholders = Stakeholders

lang-en = English
lang-ru = Russian

## What the engine tells the player after a decision

msg-left = { $name } has left the team.
msg-joined = { $name } has joined the team.
msg-away = { $name } is away for a while.
msg-back = { $name } is back.
msg-milestone_reached = Milestone reached: { $name }
msg-milestone_missed = Milestone missed: { $name }
msg-milestone_reached_unnamed = Milestone reached
msg-milestone_missed_unnamed = Milestone missed
msg-revealed = You now know how things really stand with { $names }.
msg-timeout = Time ran out before you decided.

## Saves and the leaderboard (game/store)

store-name_not_text = The name must be text.
store-name_empty = The name is empty: type at least one visible character.
store-name_control = The name contains an invisible control character (at position { $position }); use only visible characters and spaces.
store-name_too_long = The name is { $length } characters long; at most { $max } are allowed.
store-resume_other_scenario = This save belongs to the scenario '{ $saved }', not to '{ $given }'. Choose the right scenario or start a new game.
store-resume_changed_misfit = The scenario '{ $scenario }' has changed since this game was saved, and your { $count ->
        [one] saved decision no longer fits
       *[other] { $count } saved decisions no longer fit
    } it ({ $detail }). The game has to start again.
store-resume_failed = This save of '{ $scenario }' could not be replayed ({ $detail }). The game has to start again.
store-resume_changed = The scenario '{ $scenario }' was updated since this game was saved; { $count ->
        [one] your decision was
       *[other] your { $count } decisions were
    } replayed on the new version, so the numbers may differ from what you saw before.
store-already_recorded = This game is already on the leaderboard (row #{ NUMBER($row, useGrouping: 0) }).
