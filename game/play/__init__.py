"""One game run, shared by both front ends: the layer above the store and the simulation.

``game.play.verify`` replays stored playthroughs with the engine, for the leaderboard's
verification; the store itself knows nothing of the engine.
"""
