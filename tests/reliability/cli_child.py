"""Running `leadsim` in a child process with a memory limit, a time limit and our own streams."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY = 1 << 30

CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from game.cli import main
sys.exit(main(sys.argv[1:]))
"""


def leadsim(
    *args: str | Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    memory: int = MEMORY,
    **options: object,
) -> subprocess.CompletedProcess[str]:
    """`leadsim ARGS` in a child process limited to `memory` bytes; fails after `timeout` s.

    Its output and errors are captured unless `options` say otherwise (`stdout=None`...).
    """
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", CHILD.format(memory=memory), *map(str, args)],
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env=environment,
        **streams,
    )
