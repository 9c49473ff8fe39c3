"""Start-up: process start → first painted window, and a whole headless PNG export.

Each figure is a fresh process, repeated; the baseline is a bare ``python -c pass`` and a
process that only imports PyQt6 + pyqtgraph, measured in the same run.

    python bench/startup.py [--runs 7]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _stats import emit, summary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAINT = """
import sys, time
from PyQt6 import QtCore, QtWidgets
from viz.app import MainWindow
app = QtWidgets.QApplication([])
window = MainWindow()
class FirstPaint(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint:
            QtCore.QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
        return False
watcher = FirstPaint()
window.studio.view.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""


def timed(command: list[str], reads_end_time: bool = False) -> float:
    # as an installed app runs: bytecode caches allowed (this sandbox sets PYTHONDONTWRITEBYTECODE)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    end = float(result.stdout.strip().splitlines()[0]) if reads_end_time else time.time()
    return (end - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "shear.png")
        figures = {
            "startup_bare_python": ([python, "-c", "pass"], False, None),
            "startup_import_qt_pyqtgraph": ([python, "-c", "import PyQt6.QtWidgets, pyqtgraph"], False, None),
            "startup_first_paint": ([python, "-c", FIRST_PAINT], True, 500.0),
            "startup_headless_png_export": ([python, "-m", "viz", "export", "--matrix", "1 1; 0 1",
                                             "--out", out, "--size", "1600x1000"], False, 500.0),
        }
        for name, (command, reads_end, target) in figures.items():
            timed(command, reads_end)  # warm the file and bytecode caches once
            samples = [timed(command, reads_end) for _ in range(args.runs)]
            extra = {"target_ms": target} if target else {}
            emit(name, **summary(samples), **extra)


if __name__ == "__main__":
    main()
