"""A save whose write fails half way (the disk is full) leaves the previous save intact.

The failure is real: a child process runs with a file-size limit (RLIMIT_FSIZE), so the
operating system refuses the write part way through the new file, as a full disk would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveStore

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 64 * 1024

CHILD = """
import json, resource, signal, sys
from pathlib import Path
from game.store.errors import SaveWriteError
from game.store.save_record import SaveRecord
from game.store.saves import SaveStore

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
record = SaveRecord.from_json(json.loads(Path(sys.argv[3]).read_text()))
big = record.advanced(record.decisions + (1,), {"padding": "x" * (4 * limit)})
try:
    SaveStore(Path(sys.argv[1])).autosave(big)
except SaveWriteError as err:
    print("refused:", err)
    sys.exit(0)
print("written")
sys.exit(1)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX resource limits")
def test_a_write_that_fails_half_way_keeps_the_previous_save(tmp_path):
    folder = tmp_path / "data"
    store = SaveStore(folder)
    record = SaveRecord.start("missed_deadline", "c" * 64, 7).advanced((1, 2), {"turn": 2})
    saved = store.autosave(record)
    before = saved.read_bytes()
    exported = tmp_path / "record.json"
    exported.write_text(json.dumps(record.to_json()), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(LIMIT), str(exported)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "refused: could not write" in result.stdout
    assert "File too large" in result.stdout
    assert saved.read_bytes() == before
    loaded = SaveStore(folder).load(saved)
    assert isinstance(loaded, SaveEntry)
    assert loaded.record.decisions == (1, 2)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], "no half-written file"
