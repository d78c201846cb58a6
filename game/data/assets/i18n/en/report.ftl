# The instructors' class report (`leadsim report`) and the leaderboard's notes.

report-title = LeadSim — class report
report-generated = Generated { $date } UTC.
report-totals = { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    } of { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenarios
    }, played { $first } – { $last } (UTC).
report-since = Only plays since { $date }.
report-contents = Scenarios
report-data_files = Raw data (CSV)
report-scenario_heading = { $title } ({ $id })
report-scenario_meta = { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    } by { $players ->
        [one] { $players } player
       *[other] { $players } players
    }.
report-score_summary = { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    } · mean { NUMBER($mean, minimumFractionDigits: 1, maximumFractionDigits: 1) } · median { NUMBER($median, minimumFractionDigits: 1, maximumFractionDigits: 1) } · lowest { NUMBER($low, minimumFractionDigits: 1, maximumFractionDigits: 1) } · highest { NUMBER($high, minimumFractionDigits: 1, maximumFractionDigits: 1) }
report-heading-scores = Score distribution
report-heading-endings = Endings
report-heading-profile = The class's leadership profile
report-heading-choices = What the class chose
report-profile_explain = For each principle: how often a play applied it minus how often it broke it, averaged over the class. Above zero the class practised it; below zero it tended to break it.
report-col-place = #
report-col-name = Name
report-col-ending = Ending
report-col-date = Date (UTC)
report-col-option = Option
report-col-picked = Picked
report-col-share = Share
report-chart-scores = Plays per score band
report-chart-endings = Endings reached
report-chart-principles = Principles: applied minus broken, per play (class mean)
report-share_note = { NUMBER($share, style: "percent") } ({ $count })
report-timed_out = Time ran out before deciding
report-no_ending = No ending (left early)
report-alt-scores = Histogram of the class's scores in { $title }
report-alt-endings = Bar chart of the endings the class reached in { $title }
report-alt-principles = Bar chart of the class's balance on each of the 18 principles in { $title }
report-choices_caption = { $decisions ->
        [one] { $decisions } decision
       *[other] { $decisions } decisions
    } in { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }.
report-ranking = Ranked within version { $version } ({ $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }): scores of different versions are never mixed.
report-version_plays = { $version }: { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }
report-note-versions = This scenario was played in more than one version ({ $versions }). Scores, endings and the profile count every play; each version is ranked apart.
report-note-not_installed = This scenario is not installed here, or it does not validate: its titles and the choices per event cannot be shown.
report-note-no_choices = The choices per event are read by replaying plays on the installed scenario, which is missing here.
report-note-other_version = { $count } of { $total } plays were made on another version of the scenario than the installed one, so their choices cannot be read and are left out below.
report-note-all_other_version = Every play was made on another version of the scenario than the installed one, so the choices per event cannot be read from them.
report-note-failed = { $count ->
        [one] { $count } play
       *[other] { $count } plays
    } could not be replayed on the installed scenario and { $count ->
        [one] is
       *[other] are
    } left out below.
report-note-no_decisions = No decisions to show.
report-note-unreached = Not reached in any play: { $events }.
report-error-since = --since expects a date as YYYY-MM-DD, not '{ $value }'.
report-error-no_leaderboard = there is no leaderboard in { $folder } yet: nothing to report.
report-error-empty = the leaderboard has no finished playthroughs yet: nothing to report.
report-error-unknown = no playthroughs of '{ $scenario }' on the leaderboard (scenarios with plays: { $known }).
report-error-none_since = no playthroughs since { $date }: nothing to report.
report-error-damaged = { $notice } Nothing to report.
report-error-write = cannot write the report to { $folder }: { $reason }
report-written = Class report written to { $path } ({ $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }, { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenarios
    }).

## Leaderboard rows that are damaged, played by policies or scripts, or by another engine

report-mode_heading = { $heading } — { $mode }
report-mode-scripted = scripted runs (decisions given in advance)
report-mode-policy = played by the policy “{ $policy }”
report-note-damaged = Row #{ NUMBER($id, useGrouping: 0) } of the leaderboard is damaged and left out: { $problem }
report-note-other_modes = { $count ->
        [one] { $count } run played by a policy or from scripted decisions is
       *[other] { $count } runs played by a policy or from scripted decisions are
    } left out; add --all to report them, each in a section of its own.
report-note-other_engine = { $count } of { $total } plays were recorded by another version of the game's engine, so their choices are left out below; they are ranked apart.
report-ranking_engine = Ranked within version { $version } as recorded by engine { $engine } ({ $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }): scores of different versions and engines are never mixed.
report-heading-players = Every player
report-col-best = Best score
report-col-runs = Plays
report-player-title = { $name }: runs and debrief
report-player-back = ← Back to the class report
report-player-meta = { $runs ->
        [one] { $runs } play
       *[other] { $runs } plays
    }, grouped by scenario, best first.
report-player-what_ifs_note = Key moments and what-ifs are worked out for the best play of each scenario only: each one replays every option that was on offer.
report-player-run = { $scenario }: { $score } points
report-player-run_meta = Ending: { $ending } · played { $date } (UTC)
report-player-decisions = Decisions, in order
report-player-principles = Principles applied and violated
report-player-principle = Principle
report-player-counts_note = How often each principle was applied and how often it was violated, on one scale.
report-player-net_note = Applied minus violated, as stored with the play (the play could not be replayed here).
report-player-moments = Key moments and what-ifs
report-player-people = What became of the team
report-player-not_installed = This scenario is no longer installed here: its decisions and key moments cannot be shown.
report-player-other_version = This play was made on version { $version } of the scenario, which is no longer installed: its decisions and key moments cannot be shown.
report-player-other_engine = This play was recorded by engine { $engine }, another version of the game's engine: its decisions cannot be replayed here.
report-player-failed = This play's log no longer replays on the installed scenario: its decisions cannot be shown.
