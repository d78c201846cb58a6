"""Persistence for LeadSim: versioned JSON saves and the SQLite leaderboard.

Importing this package (or any module in it) has no side effects: the data folder is created
lazily by the first write. Callers usually want:

- :class:`game.store.save_record.SaveRecord` -- ``start(...)``, ``advanced(decisions, snapshot)``;
- :class:`game.store.saves.SaveStore` -- ``autosave``, ``save_slot``, ``scan()`` (saves and
  problems), ``latest()`` for "Continue";
- :func:`game.store.resume.resume_game` -- replay a save on the (possibly changed) scenario;
- :class:`game.store.leaderboard.Leaderboard` -- record finished playthroughs and query them;
  :func:`game.store.leaderboard.record_session` does open + record + close for a Session;
- :func:`game.store.names.normalize_name` -- check a player name as it is typed;
- :func:`game.store.datadir.data_dir` -- where all of it lives (``$LEADSIM_DATA_DIR``).

Every failure a player can cause or meet (a broken file, a bad name, a full disk) is reported as
a :class:`game.store.errors.StoreError` with a readable message, or as a ``SaveProblem`` record.
"""
