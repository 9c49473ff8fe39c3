"""How much work does kill -9 lose? The autosave's promise, measured.

A child process runs the real window with the autosave on and makes numbered edits through the
undo stack: the matrix becomes [[k, 0], [0, 1]] at edit k. It prints ``k t`` after each edit.
The parent kills it with SIGKILL at a random moment, reads the autosave the child left, and
counts the edits it lacks and the seconds of work they span (the time from the newest saved
edit to the newest edit made). Two rhythms:

- steady: one edit every 100 ms (someone typing cells);
- burst: edits every 5 ms in bursts of 20, a pause between (a drag, a slider).

    python bench/kill9.py [--rounds 10] [--seed 3]
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _stats import emit, summary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import sys, time
from PyQt6 import QtCore, QtWidgets
from kernels import Matrix
from viz.app import MainWindow

folder, rhythm = sys.argv[1], sys.argv[2]
app = QtWidgets.QApplication([])
window = MainWindow(data_folder=folder, autosave=True)
window.studio.animator.duration = 0.01
window.show()
state = {"k": 0}

def edit():
    state["k"] += 1
    k = state["k"]
    window.studio.apply_matrix(Matrix([[k, 0], [0, 1]]))
    print(k, time.monotonic(), flush=True)
    if rhythm == "steady":
        delay = 100
    else:
        delay = 5 if k % 20 else 400
    QtCore.QTimer.singleShot(delay, edit)

QtCore.QTimer.singleShot(0, edit)
app.exec()
"""


def one_round(rhythm: str, run_for: float) -> tuple[int, float]:
    """Kill the child after ``run_for`` seconds; (edits lost, seconds of work lost)."""
    from viz.autosave import AUTOSAVE_NAME
    from viz.session import load_session

    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen([sys.executable, "-c", CHILD, folder, rhythm], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        made: dict[int, float] = {}
        start = time.monotonic()
        assert child.stdout is not None
        for line in child.stdout:
            k, at = line.split()
            made[int(k)] = float(at)
            if time.monotonic() - start >= run_for:
                break
        child.send_signal(signal.SIGKILL)
        for line in child.stdout:  # edits printed before the kill landed
            k, at = line.split()
            made[int(k)] = float(at)
        child.wait()
        newest = max(made)
        path = Path(folder) / AUTOSAVE_NAME
        saved = int(load_session(path).matrix.rows[0][0]) if path.exists() else 0
        lost = newest - saved
        seconds = made[newest] - made[saved] if saved else made[newest] - made[min(made)]
        return lost, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for rhythm in ("steady", "burst"):
        lost, seconds = [], []
        for _ in range(args.rounds):
            edits, span = one_round(rhythm, rng.uniform(1.5, 3.0))
            lost.append(edits)
            seconds.append(span * 1000)
        emit(f"kill9_{rhythm}", rounds=args.rounds, edits_lost_max=max(lost),
             edits_lost_median=sorted(lost)[len(lost) // 2], work_lost=summary(seconds),
             work_lost_max_ms=round(max(seconds), 1), target="at most the last second of work")


if __name__ == "__main__":
    main()
