"""`python -m benchmarks [--json] [--quick] [--only NAME,...]`: every benchmark, one table.

Each suite module returns `{name: {value, unit, target, ok}}`; the target is the one set by the
issue that promised it. `--quick` shrinks the workloads for a smoke run (used by `make test`);
the figures in docs/performance.md come from a full run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from typing import Any

Result = dict[str, dict[str, Any]]


def _check(quick: bool) -> Result:
    from benchmarks import bench_check

    sizes = (100, 200, 400) if quick else bench_check.SIZES
    return {**bench_check.bench_bundled(), **bench_check.bench_generated(sizes)}


def _sim(quick: bool) -> Result:
    from benchmarks import bench_sim

    return bench_sim.run(quick)


def _debrief(quick: bool) -> Result:
    from benchmarks import bench_debrief

    return bench_debrief.run(quick)


def _store(quick: bool) -> Result:
    from benchmarks import bench_store

    return bench_store.run_all(rows=20_000 if quick else 1_000_000)


def _serve(quick: bool) -> Result:
    from benchmarks import bench_serve

    return bench_serve.run(quick)


def _ui(quick: bool) -> Result:
    bench_ui = importlib.import_module("benchmarks.bench_ui")
    result: Result = bench_ui.run(quick)
    return result


SUITES: dict[str, Callable[[bool], Result]] = {
    "check": _check,
    "sim": _sim,
    "debrief": _debrief,
    "store": _store,
    "serve": _serve,
    "ui": _ui,
}


def machine() -> str:
    return f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--json", action="store_true", help="print {name: {value, unit, target, ok}}"
    )
    parser.add_argument("--quick", action="store_true", help="small workloads (a smoke run)")
    parser.add_argument("--only", default="", help=f"comma-separated suites of {', '.join(SUITES)}")
    args = parser.parse_args(argv)
    # pygame greets on import with a line on stdout, which would corrupt --json output
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] or list(SUITES)
    unknown = [s for s in chosen if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite '{unknown[0]}'")
    results: Result = {}
    failures: list[str] = []
    for suite in chosen:
        started = time.perf_counter()
        try:
            found = SUITES[suite](args.quick)
        except ImportError as err:
            failures.append(f"{suite}: not available ({err})")
            continue
        results.update({f"{suite}.{name}": value for name, value in found.items()})
        if not args.json:
            print(f"# {suite} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"Machine: {machine()}")
        print(f"{'benchmark':<48}{'value':>14} {'unit':<8}{'target':>14}  result")
        for name, r in results.items():
            value = r["value"]
            shown = f"{value:,.3f}" if isinstance(value, (int, float)) else str(value)
            mark = "ok" if r["ok"] else "MISSED"
            print(f"{name:<48}{shown:>14} {r['unit']:<8}{r['target']!s:>14}  {mark}")
    for failure in failures:
        print(f"warning: {failure}", file=sys.stderr)
    if args.quick:
        # a smoke run checks that every benchmark runs; its small workloads prove no target
        return 0
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
