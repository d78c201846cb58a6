"""The text report of `leadsim playtest`: the figures of the JSON report, laid out to read."""

from __future__ import annotations

import math
from typing import Any, TextIO

from game.content.text import tr
from game.safe_text import visible
from game.sim.program import Program

COLUMN = 15
TURNS_SHOWN = 14
PEOPLE_POLICIES = ("principled", "random")


def _pct(value: float) -> str:
    return f"{value * 100:5.1f}%"


def _points(value: float) -> str:
    return f"{value:+.1f}"


class Report:
    """Writes one playtest report; every text from the scenario goes through `visible`."""

    def __init__(self, program: Program, report: dict[str, Any], lang: str, out: TextIO) -> None:
        self.program, self.report, self.lang, self.out = program, report, lang, out
        self.policies: dict[str, dict[str, Any]] = report["policies"]
        self.names = list(self.policies)

    def w(self, text: str) -> None:
        self.out.write(visible(text))

    def row(self, label: str, cells: list[str]) -> None:
        self.w(f"{label[:23]:<24}" + "".join(f"{c:>{COLUMN}}" for c in cells) + "\n")

    def header_row(self) -> None:
        self.row("", [n[: COLUMN - 1] for n in self.names])

    def print(self) -> None:
        for part in (
            self.header,
            self.scores,
            self.endings,
            self.people,
            self.choices,
            self.team_over_time,
            self.people_over_time,
            self.search,
            self.mistakes,
            self.tradeoffs,
            self.teams,
            self.verdict,
        ):
            part()

    def header(self) -> None:
        r, scenario = self.report, self.program.scenario
        self.w(
            f"Playtest of {scenario.id} ({tr(scenario.title, self.lang)}) with team {r['team']}\n"
        )
        self.w(f"{r['file']}\n")
        self.w(
            f"{r['runs']:,} runs per policy, seed {r['seed']}, {r['engine']} engine, "
            f"{r['seconds']:.2f} s\n"
        )

    def scores(self) -> None:
        self.w(
            f"\n{'policy':<16}{'mean':>7}{'std':>7}{'p5':>7}{'p50':>7}{'p95':>7}{'decisions':>11}\n"
        )
        for name, s in self.policies.items():
            self.w(
                f"{name:<16}{s['mean_score']:7.1f}{s['std_score']:7.1f}{s['p5']:7.1f}"
                f"{s['p50']:7.1f}{s['p95']:7.1f}{s['mean_decisions']:11.1f}\n"
            )

    def endings(self) -> None:
        self.w("\nEndings\n")
        self.header_row()
        for ending in self.program.endings:
            self.row(ending.id, [_pct(self.policies[n]["endings"][ending.id]) for n in self.names])

    def people(self) -> None:
        self.w("\nWho leaves, why, and after which decision on average\n")
        self.header_row()
        for member in self.program.bundle.team.members:
            found = [self.policies[n]["people"][member.id] for n in self.names]
            self.row(f"{member.id} ({member.archetype})", [_pct(p["left"]) for p in found])
            for reason in ("quit", "burnout", "decided"):
                if not any(p["reasons"][reason] for p in found):
                    continue
                self.row(f"  {reason}", [_pct(p["reasons"][reason]) for p in found])
                after = [p["left_after"][reason] for p in found]
                self.row("    after decision", ["-" if a is None else f"{a:.1f}" for a in after])

    def choices(self) -> None:
        self.w("\nChoices taken (share of the times each event was reached)\n")
        self.header_row()
        for event in self.program.events:
            shares = [self.policies[n]["choices"].get(event.model.id) for n in self.names]
            if not any(shares):
                self.w(f"  {event.model.id}: never reached\n")
                continue
            self.w(f"  {event.model.id}\n")
            for choice in event.choices:
                self.row(f"    {choice.id}", [_pct((s or {}).get(choice.id, 0.0)) for s in shares])
            timeouts = [self.policies[n]["timeouts"].get(event.model.id, 0.0) for n in self.names]
            if any(timeouts):
                self.row("    (time ran out)", [_pct(t) for t in timeouts])

    def team_over_time(self) -> None:
        self.w("\nTeam over time (mean per turn; --json and --plot add the 10-90 % band)\n")
        for name, s in self.policies.items():
            self.w(f"  {name}\n")
            for metric, points in s["trajectory"].items():
                self._line(f"    {metric:<13}", [m for m, _, _ in points], "{:.2f}")
            self._playing(s["playing"], "    playing      ", "runs still playing")

    def _line(self, label: str, values: list[float], fmt: str) -> None:
        self.w(label + " ".join(fmt.format(v) for v in values[:TURNS_SHOWN]) + "\n")

    def _playing(self, shares: list[float], label: str, what: str) -> None:
        if all(s >= 1.0 for s in shares[:TURNS_SHOWN]):
            return
        # floored: a turn that lost any run must not show 100
        self._line(label, [math.floor(s * 100) for s in shares], "{:4d}")
        first = next(t for t, s in enumerate(shares) if s < 1.0)
        self.w(
            f"{' ' * len(label)}(% of {what}; from turn {first} on, the averages above "
            f"are over the {what})\n"
        )

    def people_over_time(self) -> None:
        shown = [n for n in PEOPLE_POLICIES if n in self.policies]
        if not shown:
            return
        self.w(f"\nEach person over time ({', '.join(shown)}; --json has every policy)\n")
        for name in shown:
            self.w(f"  {name}\n")
            for mid, p in self.policies[name]["people"].items():
                self._line(f"    {mid[:12]:<12} morale  ", p["morale"], "{:.2f}")
                self._line(f"    {'':<12} stress  ", p["stress"], "{:.2f}")
                label = f"    {'':<12} there   "
                self._playing(p["present"], label, "runs where they are still there")

    def search(self) -> None:
        analysis = self.report.get("analysis")
        if not analysis:
            return
        s = analysis["search"]
        how = (
            "exhaustive" if s["method"] == "exhaustive" else f"beam search, width {s['beam_width']}"
        )
        self.w(
            f"\nBest decision sequences ({how}, {s['plans_tried']:,} plans, "
            f"{s['runs']} runs each)\n"
        )
        self.w(f"  principled play          {s['principled']:6.1f}\n")
        for label, found in (
            ("best sequence", s["best"]),
            ("best unprincipled", s["best_unprincipled"]),
        ):
            if found is None:
                self.w(
                    f"  {label:<24} none: every sequence agrees with principled play in "
                    "more than half of its decisions\n"
                )
                continue
            self.w(
                f"  {label:<24} {found['score']:6.1f}  (agrees with principled play in "
                f"{found['agreement'] * 100:.0f} % of its decisions)\n"
            )
            for event, choice in found["plan"].items():
                self.w(
                    f"      {event}: {choice if choice is not None else '(let the time run out)'}\n"
                )

    def mistakes(self) -> None:
        analysis = self.report.get("analysis")
        if not analysis:
            return
        d = analysis["deviations"]
        self.w(
            f"\nMistakes: one decision made otherwise, the rest on principle ({d['runs']} runs)\n"
        )
        if d["median_cost"] is None:
            self.w("  no event offers a choice that is not principled\n")
            return
        count = len(d["mistakes"])
        plural = "" if count == 1 else "s"
        self.w(f"  median cost {d['median_cost']:.1f} points over {count} single mistake{plural}\n")
        for m in d["mistakes"][:5]:
            self.w(f"  {m['cost']:6.1f}  {m['event']}: {m['choice']} ({m['runs']} runs)\n")

    def tradeoffs(self) -> None:
        analysis = self.report.get("analysis")
        if not analysis:
            return
        t = analysis["tradeoffs"]
        dims = t["dimensions"]
        self.w("\nTrade-offs: mean change over the decision and two more turns on principle\n")
        self.w(f"{'':<24}" + "".join(f"{d[:13]:>14}" for d in dims) + "\n")
        for event in t["events"]:
            dominant = ", ".join(event["dominant"])
            verdict = (
                "a real trade-off"
                if event["tradeoff"]
                else f"{dominant} {'dominate' if len(event['dominant']) > 1 else 'dominates'}"
            )
            self.w(f"  {event['event']}: {verdict}\n")
            for option, changes in event["changes"].items():
                cells = "".join(f"{changes[d]:+14.3f}" for d in dims)
                self.w(f"    {option[:19]:<20}{cells}\n")
        if t["share"] is not None:
            self.w(
                f"  {t['tradeoffs']} of {t['events_measured']} events are real trade-offs "
                f"({t['share'] * 100:.0f} %)\n"
            )

    def teams(self) -> None:
        teams = self.report.get("teams")
        if not teams:
            return
        self.w(f"\nTeams: best choices that change with the team ({', '.join(teams['teams'])})\n")
        for team, best in teams["best"].items():
            self.w(f"  {team:<22} best sequence {best['score']:6.1f}\n")
        if not teams["differences"]:
            self.w("  the best sequences make the same choices\n")
        for d in teams["differences"]:
            choices = ", ".join(
                f"{t}: {c if c is not None else '(time runs out)'}" for t, c in d["choices"].items()
            )
            costs = ", ".join(f"{t} {c:.1f}" for t, c in d["costs"].items())
            self.w(
                f"  {d['event']}: {choices}\n      points lost making another team's "
                f"choice: {costs}\n"
            )

    def verdict(self) -> None:
        v = self.report["verdict"]
        self.w("\nVerdict\n")
        for c in v["criteria"]:
            mark = {True: "ok  ", False: "MISS", None: "n/a "}[c["ok"]]
            numbers = ", ".join(f"{k} {val:.1f}" for k, val in c["values"].items())
            margin = "" if c["margin"] is None else f" (margin {_points(c['margin'])})"
            note = f" [{c['note']}]" if c.get("note") else ""
            numbers = f": {numbers}" if numbers else ""
            self.w(f"  {mark} {c['text']}{numbers}{margin}{note}\n")
        ending = {
            True: "OK: the scenario rewards leading well, and only that",
            False: "NOT OK: see the criteria marked MISS",
            None: "INCOMPLETE: some criteria were not measured",
        }
        self.w(f"  {ending[v['ok']]}\n")


def print_report(program: Program, report: dict[str, Any], lang: str, out: TextIO) -> None:
    Report(program, report, lang, out).print()
