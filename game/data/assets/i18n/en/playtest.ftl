# Charts of `leadsim playtest --plot`.

playtest-trajectory_title = Team averages per turn ({ $policy }): mean and 10-90 % band
playtest-scores_title = Mean score per policy (0-100)
playtest-people_title = Each person per turn ({ $policy }): morale and stress
playtest-still_playing = averaged over the runs still playing
playtest-still_there = averaged over the runs where they are still there
playtest-fewer_runs = fewer runs from here
playtest-mean = mean
playtest-p10 = 10 %
playtest-p90 = 90 %
playtest-endings_by_policy = Endings reached, share of runs (bars: policies; colours: endings)
playtest-leaving_title = Who leaves, share of runs (bars: policies; colours: people)
playtest-reason-quit = quit
playtest-reason-burnout = burned out
playtest-reason-decided = let go
playtest-best_sequence = best sequence
playtest-best_unprincipled = best unprincipled sequence
playtest-policies = policies
playtest-sequences = decision sequences found by the search
