"""The instructors' class report: ``leadsim report`` writes ``index.html`` with PNG charts and
CSV files of the raw data, from the leaderboard.

    from game.report.build import Options, ReportError, build_report
    written = build_report(Options(scenario=None, since="2024-05-01", lang="ru",
                                   out=Path("report")))

Modules: ``gather`` (rows per scenario and their replays), ``stats`` (the class's numbers),
``figures`` (charts drawn by ``game.charts``), ``page`` (the HTML), ``csvfiles`` (raw data),
``build`` (all of it together). Importing this package does nothing else.
"""
