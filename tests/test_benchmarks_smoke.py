"""The benchmarks run (a --quick smoke run); their figures live in docs/performance.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmarks_run_and_report_every_figure(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", "--only", "check,sim,store"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, "LEADSIM_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert any(name.startswith("sim.") for name in figures)
    assert any(name.startswith("store.") for name in figures)
    assert any(name.startswith("check.") for name in figures)
    for name, figure in figures.items():
        assert set(figure) >= {"value", "unit", "target", "ok"}, name
