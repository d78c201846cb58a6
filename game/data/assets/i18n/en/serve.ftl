# The class server (`leadsim serve`): the projector page and the instructor's admin page.

serve-title = LeadSim class
serve-round-open = Round { $round } · open for runs
serve-round-closed = Round { $round } · closed
serve-playing = Playing now
serve-nobody-playing = Nobody is playing right now.
serve-decisions = { $count ->
    [one] { $count } decision
   *[other] { $count } decisions
}
serve-no-runs = No finished runs yet. The board fills in as soon as the first run arrives.
serve-col-place = #
serve-col-name = Name
serve-col-score = Score
serve-col-ending = Ending
serve-runs = { $count ->
    [one] { $count } run
   *[other] { $count } runs
}
serve-earlier = { $count ->
    [one] { $count } run of an earlier version of this scenario is ranked apart.
   *[other] { $count } runs of earlier versions of this scenario are ranked apart.
}
serve-report = Class report
serve-map = Story map
serve-live = live
serve-offline = connection lost, reconnecting…
serve-language = Русский
serve-map-missing = There is no story map of “{ $id }” here: no such scenario is on offer, or it cannot be drawn.
serve-report-empty = There are no runs to report yet.
serve-back = Back to the board
serve-not-found = There is nothing at this address.
serve-admin-title = LeadSim class · instructor
serve-admin-bad-token = This page needs the instructor token that `leadsim serve` printed.
serve-admin-open-round = Open a new round
serve-admin-close-round = Close the round
serve-admin-reset = Reset the class
serve-admin-reset-note = Starts a new class: the runs so far stay in the database and in the export of every class, but leave the board and the report.
serve-admin-export = Export CSV
serve-admin-export-all = Export CSV (every class)
serve-admin-runs = Runs of this class
serve-admin-hide = Hide
serve-admin-show = Show
serve-admin-hidden = hidden
serve-admin-col-id = Row
serve-admin-col-round = Round
serve-admin-col-scenario = Scenario

# The game as a class client (`--server URL --pin PIN`).
class-connected = Connected to the class at { $url }.
class-wrong-pin = The class at { $url } does not take this PIN: finished runs wait on this computer until the PIN is right.
class-unreachable = The class at { $url } does not answer ({ $reason }): finished runs wait on this computer and are sent when it answers.
class-sent = Sent to the class: the server's replay scores this run { $score }.
class-queued = { $count ->
    [1] The class did not answer: the run waits on this computer and is sent when it answers.
   *[other] The class did not answer: { $count } runs wait on this computer and are sent when it answers.
}
class-refused = The class did not take this run: { $reason }. It stays on this computer's leaderboard.
class-not-queued = The run could not be kept for the class: { $reason }
