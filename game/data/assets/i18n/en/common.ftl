# Strings shared by the terminal, the window and the tools: names of metrics, settings,
# score parts and principles, the engine's messages, the store's messages.

app-name = LeadSim

principle-applied = applied
principle-violated = violated

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
setting-other = other

score-total = Score
score-delivery = Delivery
score-team = Team health
score-retention = Retention
score-principles = Principles applied
score-stakeholders = Stakeholders

msg-left = { $name } has left the team.
msg-milestone_reached = Milestone reached: { $name }
msg-milestone_missed = Milestone missed: { $name }
msg-milestone_default = the milestone
msg-revealed = You now know how things really stand with: { $names }.
msg-timeout = Time ran out before you decided.

store-name_not_text = The name must be text.
store-name_empty = The name is empty: type at least one visible character.
store-name_control = The name contains an invisible control character (at position { $position }); use only visible characters and spaces.
store-name_too_long = The name is { $length } characters long; at most { $max } are allowed.
store-resume_other_scenario = This save belongs to the scenario '{ $saved }', not to '{ $given }'. Choose the right scenario or start a new game.
store-resume_changed_misfit = The scenario '{ $scenario }' has changed since this game was saved, and your { $count } saved decisions no longer fit it ({ $detail }). The game has to start again.
store-resume_failed = This save of '{ $scenario }' could not be replayed ({ $detail }). The game has to start again.
store-resume_changed = The scenario '{ $scenario }' was updated since this game was saved; your { $count } decisions were replayed on the new version, so the numbers may differ from what you saw before.
store-already_recorded = This game is already on the leaderboard (row #{ $row }).
