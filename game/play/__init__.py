"""One game run, shared by both front ends: the layer above the store and the simulation.

- ``run``: a `GameRun` (the session, its seed, autosave, live reload, leaderboard entry);
- ``autosave``, ``log``: saving after every decision, the log as a save keeps it;
- ``reload``: live reload by choice id; ``resume``: opening a scenario, continuing a save;
- ``wording``: what a game says to the player; ``lessons``: the debrief's key moments and
  people, worded alike for both front ends; ``messages``: the store's, translated;
- ``verify``: the engine as the leaderboard verification's replay (the store itself knows
  nothing of the engine); ``upgrade_log``: first-engine logs as choice ids.
"""
