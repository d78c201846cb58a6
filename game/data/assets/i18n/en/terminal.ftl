# The terminal front end (`leadsim play --text`): the same screens as the window, in lines.

## Before the first decision

text-briefing = Your team: { $team } ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    }) · { $setting } · about { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
text-values = The team's values:
text-people = The people:
text-role = { $role } · { $archetype }

## A decision

text-header = { $title } · decision { $turn } · progress { $progress }%
text-leader = You: stress { $stress }% · energy { $energy }%
text-stakeholder = { $name }: trust { $trust }% · patience { $patience }%
text-stakeholder_role = { $name } ({ $role })
text-problems = Open problems: { $problems }
text-team = Team
text-estimate_note = ~ marks an estimate: ask people to learn the real state.
text-status-quit = has left the team
text-status-burnout = burned out and left
text-status-decided = let go by you
text-status-away = away for now
text-private = Private: { $text }
text-choices = What do you do?
text-time_limit = You have { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } to decide; when the time runs out, not deciding is your decision.
text-time_limit_untimed = (At the workshop this decision has { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }; here, take your time.)

## The prompt

text-prompt = Your choice (1-{ $count }, h = history, q = quit): { "" }
# $clock is the time left as 0:42, always the same width; $warn is yes from 10 seconds on
text-prompt_timed = { $warn ->
        [yes] { "[" }{ $clock }!]
       *[no] { "[" }{ $clock } ]
    } Your choice (1-{ $count }, h = history, q = quit): { "" }
text-hurry = { $seconds ->
        [one] { $seconds } second left
       *[other] { $seconds } seconds left
    }: decide now, or the time decides for you.
text-bad_number = Please type a number from 1 to { $count }.
text-empty = Type the number of a choice, h for the history or q to quit.
text-too_long = That line is too long to be an answer; type a number from 1 to { $count }.
text-policy = [{ $policy }] chooses { $number }
text-scripted_bad = Decision { $turn }: { $problem }

## After a decision

text-outcome = What happened:
text-changes = { $name }: { $changes }
text-change-morale = morale { $change }
text-change-stress = stress { $change }
text-change-productivity = output { $change }
text-change-trust = trust { $change }
text-change-energy = energy { $change }
text-change-patience = patience { $change }
text-you = You
text-no_changes = Nothing visible changed.
text-history_title = Your decisions so far:
text-history_empty = No decisions yet.
text-ledger_line = { $turn }. { $event }: { $choice }
text-timed_out = (time ran out)

## The end of a game

text-ending = Ending: { $title }
text-score = Score: { $score } / 100
text-ledger = Your decisions and the principles behind them

## Leaving, saving, recording

text-eof = Input ended: stopping after { $count ->
        [0] no decisions
        [one] { $count } decision
       *[other] { $count } decisions
    }.
text-quit = You left the scenario after { $count ->
        [0] no decisions
        [one] { $count } decision
       *[other] { $count } decisions
    }.
text-interrupted = Interrupted. Stopping after { $count ->
        [0] no decisions
        [one] { $count } decision
       *[other] { $count } decisions
    }.
text-nothing_to_save = No decision was made, so there is nothing to save.
text-saved = Your decisions are saved: leadsim play --text --continue goes on from here.
text-not_saved_scripted = This game is not saved: a game played from --choices or by a policy never is.
text-not_saved = { $count ->
        [one] Your decision is not saved
       *[other] Your { $count } decisions are not saved
    }: { $error }
text-partly_saved = The save holds { $saved ->
        [one] your first decision
       *[other] your first { $saved } decisions
    }; { $count ->
        [one] the last one
       *[other] the last { $count }
    } could not be saved: { $error }
text-not_recorded_unfinished = Not recorded on the leaderboard: the game did not reach an ending.
text-recorded = Recorded on the leaderboard for { $name } (see: leadsim leaderboard { $scenario }).
text-save_failed = The game could not be saved: { $error }
text-record_failed = The result could not be recorded: { $error }

## Live reload (`--watch`)

text-reloaded = The scenario changed on disk: reloaded, { $count ->
        [one] { $count } decision replayed
       *[other] { $count } decisions replayed
    }.
text-reload_broken = The scenario changed on disk but no longer validates; still playing the last good version:

## The debrief's principles chart

text-debrief-profile_scale = Applied and violated, counted apart; each █ stands for { $unit ->
        [one] { $unit } time
       *[other] { $unit } times
    }.
text-debrief-col_applied = applied
text-debrief-col_violated = violated

## Playing in a class (--server URL --pin PIN)

text-class-drain_sent = { $count ->
        [one] A finished run that waited on this computer was sent to the class.
       *[other] { $count } finished runs that waited on this computer were sent to the class.
    }
text-class-drain_refused = The class did not take a run that waited ({ $run }): { $reason }. It is kept in the outbox's refused folder and stays on this computer's leaderboard.
text-class-drain_waiting = { $count ->
        [one] A finished run still waits on this computer for the class.
       *[other] { $count } finished runs still wait on this computer for the class.
    }
text-class-drain_nothing = No finished run waits for this class.
text-class-no_scenarios = The class offers no scenario yet: ask the instructor, or name a scenario of this computer.
text-class-offers = { $count ->
        [one] The class offers one scenario:
       *[other] The class offers { $count } scenarios:
    }
text-class-pick = Which one do you play? (1-{ $count }, q = quit):
text-class-name_a_scenario = The class cannot be asked for its scenarios now: name a scenario to play, e.g. leadsim play example_release --text --server …
text-class-not_offered = The class does not offer this version of “{ $title }”: the run is played here and the class decides when it arrives.
text-class-fetch_failed = { $title } from the class cannot be played: { $reason }
text-class-ask_name = Your name on the class board:
text-class-queued_pin = The class at { $url } did not take the PIN: the run waits on this computer until it is sent with the right PIN.
text-class-send_later = To send it later: leadsim play --text --server { $url } --pin PIN --send (the next game for the class sends it too).
