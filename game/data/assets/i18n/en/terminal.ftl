# The terminal front end (`leadsim play --text`).

text-header = { $title } · decision { $turn } · progress { $progress }
text-team = Team
text-estimate_note = ~ marks an estimate: ask people to learn the real state.
text-left_team = left the team
text-choices = What do you do?
text-prompt = Your choice (1-{ $count }, h = history, q = quit): 
text-bad_number = Please type a number from 1 to { $count }.
text-empty = Type the number of a choice, h for the history or q to quit.
text-too_long = That line is too long to be an answer; type a number from 1 to { $count }.
text-eof = Input ended: stopping after { $count } decisions.
text-nothing_to_save = No decision was made, so there is nothing to save.
text-saved = Your decisions are saved: leadsim play --text --continue goes on from here.
text-not_saved_scripted = This game is not saved: a game played from --choices or by a policy never is.
text-not_saved = Your { $count } decisions are not saved: { $error }
text-partly_saved = The save holds your first { $saved } decisions; the last { $count } could not be saved: { $error }
text-not_recorded_unfinished = Not recorded on the leaderboard: the game did not reach an ending.
text-quit = You left the scenario after { $count } decisions.
text-interrupted = Interrupted. Stopping after { $count } decisions.
text-history_title = Your decisions so far
text-history_empty = No decisions yet.
text-outcome = What happened
text-changes = { $name }: { $changes }
text-no_changes = Nothing visible changed.
text-ending = Ending: { $title }
text-score = Score: { $score } / 100
text-ledger = Your decisions and the principles behind them
text-ledger_line = { $turn }. { $event }: { $choice }
text-timed_out = (time ran out)
text-scripted_bad = Decision { $turn }: { $problem }
text-policy = { "[" }{ $policy }] chooses { $number }
text-time_limit = You have { $seconds } seconds to decide; when the time runs out, not deciding is your decision.
text-time_limit_untimed = (At the workshop this decision has { $seconds } seconds; here, take your time.)
text-prompt_timed = Your choice (1-{ $count }, h = history, q = quit) — { $seconds } s left: 
text-private = Private: { $text }
text-recorded = Recorded on the leaderboard for { $name } (see: leadsim leaderboard { $scenario }).
text-save_failed = The game could not be saved: { $error }
text-record_failed = The result could not be recorded: { $error }
text-reloaded = The scenario changed on disk: reloaded, { $count } decisions replayed.
text-reload_broken = The scenario changed on disk but no longer validates; still playing the last good version:
text-reload_misfit = The scenario changed on disk, but your decisions no longer fit it ({ $problem }); still playing the previous version.
