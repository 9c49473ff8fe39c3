"""Frame time of the Eliminate mode: Gaussian elimination of a 3×3 matrix played as motion.

Every frame of the whole run (each step and its rest) is timed: the mode's update for that
position plus the picture's paint — in the plane, the 2×2 case repainted off-screen; in space,
the 3×3 case drawn by OpenGL and finished (glFinish), as ``bench/frame_time.py`` does. The
target is that no frame takes over 16 ms, so the maximum is printed beside median and p95.
Space needs a display: ``QT_QPA_PLATFORM=xcb xvfb-run -a python bench/eliminate.py``.

    python bench/eliminate.py [--frames 240]
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from viz.gl_support import share_gl_contexts  # noqa: E402

share_gl_contexts()

from PyQt6 import QtWidgets  # noqa: E402

from _stats import emit, summary  # noqa: E402
from kernels import Matrix  # noqa: E402
from viz.app import MainWindow  # noqa: E402

SIZE = (1280, 800)
CASES = {2: Matrix([[2, 1], [4, 3]]), 3: Matrix([[0, 2, 1], [1, 1, 1], [2, 1, 3]])}  # 3×3 needs a swap


def paint(view, dimension: int) -> None:
    if dimension == 2:
        view.viewport().repaint()
        return
    from OpenGL import GL

    view.makeCurrent()
    view.paintGL()
    GL.glFinish()


def run(window, dimension: int, frames: int) -> None:
    lab = window.lab("compose")
    lab.switch_mode("eliminate")
    mode = lab.mode
    lab.set_pair(CASES[dimension], Matrix.identity(dimension), "bench")
    mode.player.stop()
    QtWidgets.QApplication.processEvents()
    view = mode.canvas_.view
    if dimension == 3:
        from viz.gl_support import opengl_problem

        problem = opengl_problem()
        if problem:
            emit("eliminate_frame_3d", skipped=problem)
            return
    count = mode.player.timeline.count
    paint(view, dimension)  # the first paint of a new view sets up its buffers: not a frame
    samples = []
    for i in range(frames):
        start = time.perf_counter()
        mode._show_position(count * i / (frames - 1))
        paint(view, dimension)
        samples.append((time.perf_counter() - start) * 1000)
    emit(f"eliminate_frame_{dimension}d", size=f"{SIZE[0]}x{SIZE[1]}", steps=count, **summary(samples),
         max_ms=round(max(samples), 3), target_max_ms=16.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=240)
    frames = parser.parse_args().frames
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841 (kept alive)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.switch_lab("compose")
    for dimension in (2, 3):
        run(window, dimension, frames)


if __name__ == "__main__":
    main()
