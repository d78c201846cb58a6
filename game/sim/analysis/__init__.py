"""Tools that measure whether a scenario is a real dilemma, on top of the batch engine.

* `plans`: many fixed decision plans played at once over the same runs (common random
  numbers), with what each plan's decisions had in common with principled play;
* `search`: the best decision sequence, and the best one that ignores the principles;
* `probe`: principled play with one decision made otherwise, measured around that decision;
* `deviations`: what one decision made otherwise costs when the rest is played on principle;
* `tradeoffs`: whether some option of an event is best on every measured dimension;
* `teams`: how the best decisions change with the team;
* `people`: who leaves, when and why, and each person's morale and stress over time;
* `verdict`: verdict v2, the criteria a scenario that teaches must meet;
* `report`: all of it for one scenario, as plain data.
"""
