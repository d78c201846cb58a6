"""Persistence for LeadSim: versioned JSON saves and the SQLite leaderboard.

The store knows nothing of the engine or the scenario files: a scenario id is kept as an id,
and verification takes the engine's replay as a callable (``game.play.verify``). Importing
this package (or any module in it) has no side effects: the data folder is created lazily by
the first write. Callers usually want:

- :class:`game.store.save_record.SaveRecord` -- ``start(...)``, ``advanced(decisions, snapshot)``;
- :class:`game.store.saves.SaveStore` -- ``autosave``, ``save_slot``, ``scan()`` (saves and
  problems), ``latest()`` for "Continue";
- :func:`game.store.resume.resume_game` -- replay a save on the (possibly changed) scenario;
- :class:`game.store.leaderboard.Leaderboard` -- record finished playthroughs, rank them,
  verify them; :func:`game.store.leaderboard.record_session` does open + record + close for a
  Session (pass ``run_id=`` the save's game id and ``mode=``);
- :func:`game.store.names.normalize_name` -- check a player name as it is typed;
- :mod:`game.store.decisions` -- what a decision in a log may be (a choice id, a position of
  the first engine, or None);
- :func:`game.store.datadir.data_dir` -- where all of it lives (``$LEADSIM_DATA_DIR``).

Every problem with the data a player can cause or meet (a broken file, a damaged row, a bad
name, a full disk) is reported as a :class:`game.store.errors.StoreError` with a readable
message, or as a ``SaveProblem`` / ``DamagedRow`` record; docs/leaderboard.md has the rules.
"""
