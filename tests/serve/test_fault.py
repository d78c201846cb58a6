"""The class server killed with SIGKILL in the middle of a class: nothing is lost, nothing is
counted twice (a short run of benchmarks/bench_serve.py, which measures the full class)."""

from __future__ import annotations

from benchmarks.bench_serve import run_load


def test_every_run_reaches_the_board_exactly_once_when_the_server_is_killed_meanwhile(
    module_db, tmp_path
):
    load = run_load(
        module_db, games=4, each=3, kill=True, folder=tmp_path, time_limit_s=120,
        workers=0, max_delay_s=1.0,
    )  # fmt: skip
    assert (load.expected, load.distinct, load.stored) == (12, 12, 12)
    assert (load.refused, load.undrained) == (0, 0)
