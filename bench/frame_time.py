"""Frame time of the 2D studio: update + paint per animation frame at 1280×800, off-screen.

Prints JSON lines: the studio scene during an identity → shear animation, and as a
baseline, the same paint of an empty pyqtgraph view of the same size in the same run.

    python bench/frame_time.py [--frames 300]
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PyQt6 import QtWidgets  # noqa: E402

from _stats import emit, summary  # noqa: E402
from kernels import Matrix  # noqa: E402
from viz.app import MainWindow  # noqa: E402
from viz.interpolation import TransformPath  # noqa: E402

SIZE = (1280, 800)


def time_frames(update, viewport, frames: int) -> list[float]:
    samples = []
    for i in range(frames):
        start = time.perf_counter()
        update(i / (frames - 1))
        viewport.repaint()
        samples.append((time.perf_counter() - start) * 1000)
    return samples[5:]  # the first frames warm caches


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])

    baseline = pg.GraphicsView(background="#0E1116")
    box = pg.ViewBox(lockAspect=True)
    baseline.setCentralItem(box)
    baseline.resize(*SIZE)
    baseline.show()
    app.processEvents()
    empty = time_frames(lambda t: None, baseline.viewport(), args.frames)

    window = MainWindow()
    window.model.set_matrix(Matrix([[1, 1], [0, 1]]))
    window.animator.finish()
    view = window.view
    view.setParent(None)  # measure the canvas alone, at exactly SIZE
    view.resize(*SIZE)
    view.show()
    app.processEvents()
    path = TransformPath(np.eye(2), np.array(window.model.matrix.to_floats()))
    studio = time_frames(lambda t: window._on_frame(path.at(t), t), view.viewport(), args.frames)

    base, scene = summary(empty), summary(studio)
    emit("frame_time_2d_empty_view", size=f"{SIZE[0]}x{SIZE[1]}", **base)
    emit("frame_time_2d", size=f"{SIZE[0]}x{SIZE[1]}", **scene, target_p95_ms=4.0,
         ratio_to_empty_view=round(scene["median_ms"] / max(base["median_ms"], 1e-9), 2))


if __name__ == "__main__":
    main()
