"""Frame time of the studio: update + paint per animation frame at 1280×800.

Prints JSON lines: the 2D scene during an identity → shear animation (off-screen raster),
with the same paint of an empty pyqtgraph view as a baseline in the same run; and the 3D
scene during identity → a rotation about (1, 1, 1), rendered by OpenGL (Mesa's software
renderer here) — that part needs a display: run under ``xvfb-run`` with QT_QPA_PLATFORM=xcb,
otherwise it prints why it was skipped.

    python bench/frame_time.py [--frames 300]
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" python bench/frame_time.py
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


def time_3d(frames: int) -> None:
    """Update + render of the 3D scene per frame, finished (glFinish); and, for comparison,
    a render read back into a QImage with grabFramebuffer (what an export or a test does)."""
    from kernels import Vector
    from viz.gl_support import opengl_problem
    from viz.interpolation import rotation_about
    from viz.model import SceneModel

    problem = opengl_problem()
    if problem:
        emit("frame_time_3d", skipped=problem)
        return
    from viz.views.space_view import SpaceView

    axis = np.ones(3) / np.sqrt(3)
    target = rotation_about(axis, np.radians(120)) @ np.diag([1.5, 1.0, 0.75])
    model = SceneModel(Matrix(target.tolist()), Vector([1, 2, 1]))
    view = SpaceView(model.scene)
    view.resize(*SIZE)
    view.show()
    QtWidgets.QApplication.processEvents()
    path = TransformPath(np.eye(3), target)
    from OpenGL import GL

    samples, grabbed = [], []
    for i in range(frames):
        t = i / (frames - 1)
        start = time.perf_counter()
        view.show_matrix(path.at(t))
        view.makeCurrent()
        view.paintGL()   # what a frame on screen costs: draw into the widget's framebuffer…
        GL.glFinish()    # …and wait until the (software) renderer has really finished
        samples.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        view.grabFramebuffer()  # the same frame again, plus reading 4 MB back into a QImage
        grabbed.append((time.perf_counter() - start) * 1000)
    emit("frame_time_3d", size=f"{SIZE[0]}x{SIZE[1]}", **summary(samples[5:]), target_p95_ms=8.0,
         renderer=_gl_renderer(view))
    emit("frame_time_3d_with_readback", size=f"{SIZE[0]}x{SIZE[1]}", **summary(grabbed[5:]))


def _gl_renderer(view) -> str:
    from OpenGL import GL

    view.makeCurrent()
    return GL.glGetString(GL.GL_RENDERER).decode()


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
    window.studio.model.set_matrix(Matrix([[1, 1], [0, 1]]))
    window.studio.animator.finish()
    view = window.studio.view
    view.setParent(None)  # measure the canvas alone, at exactly SIZE
    view.resize(*SIZE)
    view.show()
    app.processEvents()
    path = TransformPath(np.eye(2), np.array(window.studio.model.matrix.to_floats()))
    studio = time_frames(lambda t: window.studio._on_frame(path.at(t), t), view.viewport(), args.frames)

    base, scene = summary(empty), summary(studio)
    emit("frame_time_2d_empty_view", size=f"{SIZE[0]}x{SIZE[1]}", **base)
    emit("frame_time_2d", size=f"{SIZE[0]}x{SIZE[1]}", **scene, target_p95_ms=4.0,
         ratio_to_empty_view=round(scene["median_ms"] / max(base["median_ms"], 1e-9), 2))
    time_3d(args.frames)


if __name__ == "__main__":
    main()
