# The debrief: `leadsim replay`, the end of a terminal game and the window's debrief.

text-debrief-title = Debrief: { $title }
text-debrief-profile = Your leadership profile
text-debrief-profile_note = (times each principle was applied minus times it was violated)
text-debrief-profile_empty = No principle was applied or violated.
text-debrief-functions = The four functions of a manager: { $values }
text-debrief-key_moments = Key moments (decisions that changed the outcome most)
text-debrief-no_moments = No decision had an alternative.
text-debrief-moment = { $number }. Decision { $turn }, { $event }
text-debrief-you_did = You chose: { $choice }
text-debrief-happened = What happened: { $outcome }
text-debrief-instead = Had you chosen “{ $choice }”: score { $score } instead of { $actual } (ending: { $ending })
text-debrief-applied = + { $name }: { $why }
text-debrief-violated = − { $name } (broken): { $why }
text-debrief-timeline = Team over time
text-debrief-decisions = decision
text-debrief-people = What happened to your people
text-debrief-left_after = left the team after decision { $turn }
text-debrief-burned_out = burned out
text-debrief-trust_rose = trust in you rose ({ $change })
text-debrief-trust_fell = trust in you fell ({ $change })
text-debrief-steady = held steady
