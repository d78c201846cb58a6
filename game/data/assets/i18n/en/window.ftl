# The game window (game/ui).

title-tagline = Lead a team through a crisis, then see which leadership principles you applied.
title-keys = Arrows or Tab move · Enter chooses · Esc goes back · F11 full screen
title-store_problem = Saving is unavailable: { $problem }
title-continue = Continue: { $scenario } ({ $decisions ->
        [one] { $decisions } decision made
       *[other] { $decisions } decisions made
    })
title-new = New game
title-saves = Saved games
title-leaderboard = Leaderboard
title-settings = Settings
title-quit = Quit

notice-cannot_load = The scenario '{ $ref }' cannot be played: { $error }
notice-restart = { $reason }
notice-changed = { $notice }

button-ok = OK
button-restart = Start again
button-start = Start
button-back = Back
button-begin = Begin
button-continue = Continue
button-debrief = See the debrief
button-done = Done
button-save_score = Save my score
button-skip = Skip
button-cancel = Cancel

picker-heading = Choose a scenario
picker-empty = No scenarios were found. Put scenario files in scenarios/ or name a folder with --scenarios.
picker-broken_item = { $id } (cannot be played)
picker-cannot_start = This scenario file has errors and cannot be played. Run "leadsim check" on it to see all of them.
picker-broken = This file has errors and cannot be played. The first one:
picker-file = File: { $path }
picker-best = Your best score: { $score } / 100
picker-no_best = Best score: not played yet
picker-setting = Setting: { $setting }
picker-difficulty = Difficulty: { $level } of 5
picker-minutes = About { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
picker-languages = Languages: { $languages }
picker-team = Team: { $team } ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    })

briefing-sub = Your team: { $team } · { $setting } · about { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
briefing-values = The team's values
briefing-estimates = Striped meters with a ~ are your estimates: you learn how people really are by asking them.

card-role = { $role } · { $archetype }
card-left = Has left the team
card-private = Private: { $text }

meter-value = { $value }%
meter-estimate = ~{ $value }%
meter-with_delta = { $value } ({ $delta })
meter-sample = ~100% (+100)

decision-status = { $title } · decision { $turn }
decision-progress = Work delivered: { $percent }%
decision-team = Your team
decision-keys = Keys 1-{ $last } choose · arrows and Enter too · Esc opens the menu
decision-save_problem = (The game could not be saved: { $problem })
decision-countdown = { $seconds } s left

choice-label = { $number }.  { $text }

outcome-heading = What happened
outcome-chosen = You chose:
outcome-bullet = • { $text }

debrief-heading = Ending: { $ending }
debrief-score = Score: { $score } / 100
debrief-show_timeline = Show the timeline
debrief-show_profile = Show the principles
debrief-start = start
debrief-timeline = The team, decision by decision
debrief-profile = Principles: applied (+) and violated (−)
debrief-applied = + { $principle } (applied)
debrief-violated = − { $principle } (violated)
debrief-principles = The principles in brief

leaderboard-heading = Leaderboard
leaderboard-sub = { $scenario } · version { $version }
leaderboard-unavailable = The leaderboard is not available: { $problem }
leaderboard-empty = Nobody is on this leaderboard yet. Finish a game to be the first.
leaderboard-rank = #
leaderboard-name = Name
leaderboard-score = Score
leaderboard-ending = Ending
leaderboard-date = Date

name-heading = Your score: { $score } / 100
name-prompt = Type your name for the leaderboard and press Enter.
name-placeholder = Your name
name-problem = This name cannot be used: { $problem }
name-already = You have played this very game before (the same decisions in the same situation): it is on the board already, highlighted.
name-hint = 1 to { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }, any alphabet.

settings-heading = Settings
settings-row = { $setting }: { $value }
settings-lang = Language
settings-lang-en = English
settings-lang-ru = Русский
settings-fullscreen = Display
settings-fullscreen-off = Window
settings-fullscreen-on = Full screen
settings-text_size = Text size
settings-text_size-small = Small
settings-text_size-normal = Normal
settings-text_size-large = Large
settings-text_size-largest = Largest
settings-palette = Colours
settings-palette-standard = Standard
settings-palette-colourblind = Colour-blind safe
settings-note = Enter or the right arrow changes a setting, the left arrow changes it back. Changes apply at once and are remembered.

pause-heading = Paused
pause-resume = Resume
pause-save = Save game
pause-quit = Quit to the title
pause-autosaved = Your game is saved after every decision; Continue on the title screen picks it up.

save-heading = Save game
save-prompt = Name this save.
save-default_slot = { $scenario } { $time }
save-problem = Could not save: { $problem }
save-confirm = Save
save-done = Saved as "{ $slot }".

saves-heading = Saved games
saves-empty = There are no saved games yet.
saves-problems = Files that could not be read:
saves-autosave = Autosave
saves-item = { $slot }: { $scenario } · { $decisions ->
        [one] { $decisions } decision made
       *[other] { $decisions } decisions made
    } · { $date }
saves-item_titled = { $slot } · { $decisions ->
        [one] { $decisions } decision made
       *[other] { $decisions } decisions made
    } · { $date }

autoplay-name = Autoplayer

loading-heading = Just a moment
loading-scenarios = Reading the scenario files…
loading-game = Opening the game…
loading-debrief = Preparing your debrief…
loading-saves = Looking for saved games…
loading-hint = Esc goes back.

picker-scan_problem = The scenario files could not be read: { $problem }
picker-hint = One click selects a scenario · Enter or a double click starts it

saves-hint = One click selects a game · Enter or a double click continues it
