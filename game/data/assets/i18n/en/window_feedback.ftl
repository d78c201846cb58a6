## Faces: a label under a person who is not simply there

face-quit = { $gender ->
       *[other] Quit
    }
face-burnout = { $gender ->
       *[other] Burned out and left
    }
face-decided = { $gender ->
       *[other] Let go
    }
face-away = Away for now
face-not_joined = Not on the team yet
face-never_joined = { $gender ->
       *[other] Never joined
    }

## The outcome of a decision: who reacted, and what was measured

feedback-reacted = Who reacted
feedback-unchanged = No visible change
feedback-measured = Measured
feedback-morale_rose = ▲ Morale rose for { $count } of { $total }
feedback-morale_fell = ▼ Morale fell for { $count } of { $total }
feedback-stress_rose = ▲ Stress rose for { $count } of { $total }
feedback-stress_fell = ▼ Stress fell for { $count } of { $total }
feedback-productivity_rose = ▲ Output rose for { $count } of { $total }
feedback-productivity_fell = ▼ Output fell for { $count } of { $total }
feedback-trust_rose = ▲ Trust rose for { $count } of { $total }
feedback-trust_fell = ▼ Trust fell for { $count } of { $total }
feedback-stakeholder_trust_rose = ▲ Stakeholders' trust in you rose for { $count } of { $total }
feedback-stakeholder_trust_fell = ▼ Stakeholders' trust in you fell for { $count } of { $total }

## The debrief's principles chart

profile-scale = 0 … { $count } { $count ->
        [one] decision
       *[other] decisions
    }
profile-none = No decision applied or violated a principle.
profile-more = …and { $count } more principles (see the decisions on the right)
