# One game run, the same in the terminal and the window: live reload, saving.

run-reload-removed = The scenario changed on disk: reloaded. Decision { $number } ({ $event }) took the choice "{ $choice }" ({ $id }), which is no longer there. Decisions replayed: { $count }; decide again from decision { $number }.
run-reload-not_offered = The scenario changed on disk: reloaded. Decision { $number } ({ $event }) took the choice "{ $choice }" ({ $id }), which is no longer on offer there. Decisions replayed: { $count }; decide again from decision { $number }.
run-reload-ended = The scenario changed on disk: reloaded. It now ends before decision { $number }. Decisions replayed: { $count }.

run-not_saved = This game is not saved.

run-leader = You, the leader
metric-energy = energy
metric-patience = patience
run-counts-applied = applied
run-counts-violated = violated
