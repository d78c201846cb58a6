# The debrief: `leadsim replay`, the end of a terminal game and the window's debrief.

text-debrief-title = Debrief: { $title }

## The leadership profile

text-debrief-profile = Your leadership profile
text-debrief-profile_empty = No principle was applied or violated.
text-debrief-function = { $name } { $value }
text-debrief-functions = The four functions of a manager: { $values }

## Key moments

text-debrief-key_moments = Key moments: your costliest mistakes and the decisions that changed the outcome most
text-debrief-no_moments = No other choice would have changed the final score by a point or more.
text-debrief-moment = { $number }. Decision { $turn }, { $event }
text-debrief-quoted = “{ $name }”
text-debrief-costly = Costly: another choice would have scored { $points ->
        [one] { $points } point
       *[other] { $points } points
    } more.
text-debrief-broke_at_cost = You broke { $principles } here, and a choice that breaks no principle would have scored { $points ->
        [one] { $points } point
       *[other] { $points } points
    } more.
text-debrief-good_call = A good call: any other choice would have cost you up to { $points ->
        [one] { $points } point
       *[other] { $points } points
    }.
text-debrief-you_did = You chose: { $choice }
text-debrief-happened = What happened: { $outcome }
text-debrief-applied = + { $name }: { $why }
text-debrief-violated = − { $name } (broken): { $why }
text-debrief-instead = Had you chosen “{ $choice }”: score { $score } instead of { $actual } (ending: { $ending })
text-debrief-alt_breaks = But that choice breaks { $principles }.
text-debrief-no_ending = none yet

## The team over time

text-debrief-timeline = Team over time
text-debrief-decisions = decision
text-debrief-trend = { NUMBER($start, minimumFractionDigits: 2, maximumFractionDigits: 2) } → { NUMBER($end, minimumFractionDigits: 2, maximumFractionDigits: 2) }

## What happened to each person, as the engine recorded it

text-debrief-people = What happened to your people
text-debrief-person = { $name }: { $facts }
text-debrief-quit = quit after decision { $turn }
text-debrief-burnout = burned out and left after decision { $turn }
text-debrief-let_go = let go by you after decision { $turn }
text-debrief-away = away when the game ended
text-debrief-not_joined = never joined the team
text-debrief-trust_rose = trust in you rose ({ $change })
text-debrief-trust_fell = trust in you fell ({ $change })
text-debrief-morale_rose = morale rose ({ $change })
text-debrief-morale_fell = morale fell ({ $change })
text-debrief-stress_rose = stress rose ({ $change })
text-debrief-stress_fell = stress fell ({ $change })
text-debrief-steady = held steady
