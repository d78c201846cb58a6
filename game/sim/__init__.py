"""The simulation: numpy team state, dynamics, effects, scoring, one playthrough (Session) and
many playthroughs at once (the batch engine). Never imports pygame."""
