"""Child process for the multi-process store tests (run as a script, not collected).

python store_worker.py leaderboard FOLDER WORKER ROWS   # ROWS single-row transactions
python store_worker.py saves FOLDER                     # rewrite saves until killed
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.store.leaderboard import Leaderboard
from game.store.playthrough import Playthrough
from game.store.save_record import SaveRecord
from game.store.saves import SaveEntry, SaveStore

GAMES = ("alpha", "beta", "gamma")
PADDING = "x" * 150_000  # big enough that a kill often lands in the middle of a write


def write_rows(folder: Path, worker: int, rows: int) -> None:
    with Leaderboard.open(folder, check=False) as board:
        for n in range(rows):
            board.record(
                Playthrough(
                    name=f"Игрок {worker}",
                    scenario_id="missed_deadline",
                    content_hash="h",
                    score=float(n),
                    ending_id="steady",
                    seed=worker * 100_000 + n,
                    decisions=(1, 2),
                )
            )
    print("done", flush=True)


def snapshot(decisions: list[int]) -> dict[str, object]:
    return {"turn": len(decisions), "total": sum(decisions), "padding": PADDING}


def rewrite_saves(folder: Path) -> None:
    """Continue every game from what is on disk and keep adding decisions, forever."""
    store = SaveStore(folder)
    records = {}
    for game in GAMES:
        found = store.load(store.autosave_path(game))
        if isinstance(found, SaveEntry):
            records[game] = found.record
        else:
            records[game] = SaveRecord(game_id=game, scenario_id="s", content_hash="h", seed=1)
    step = 0
    while True:
        for game in GAMES:
            decisions = [*records[game].decisions, step % 4]
            records[game] = records[game].advanced(decisions, snapshot(decisions))
            store.autosave(records[game])
            if game == "alpha":
                store.save_slot("manual", records[game])
            print(step, flush=True)
            step += 1


if __name__ == "__main__":
    if sys.argv[1] == "leaderboard":
        write_rows(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        rewrite_saves(Path(sys.argv[2]))
