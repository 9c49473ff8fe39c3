"""Frame time of the ML lab's SVD and gradient-descent views at 1600×900.

SVD: each frame is one position of M = UΣVᵀ playing (the plane, the circle, the ellipse and
the trail of Mx moved to it), then the canvas repainted (off-screen raster); and one frame of
dragging x round the circle (a merged undo step, the show rebuilt, the trail grown). Gradient
descent: one frame of dragging the start or sliding α (a merged undo step, the run, the level
curves and the error plot redrawn, both plots repainted). The same paint of an empty pyqtgraph
view of the same size is timed first, in the same run, as the floor to read the others against.

    python bench/ml_views.py [--frames 200]
"""

import argparse
import math
import os
import sys
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyqtgraph as pg  # noqa: E402
from PyQt6 import QtWidgets  # noqa: E402

from _stats import emit, summary, time_frames  # noqa: E402
from viz.app import MainWindow  # noqa: E402

SIZE = (1600, 900)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = MainWindow()
    window.switch_lab("ml")
    lab = window.lab("ml")
    size = f"{SIZE[0]}x{SIZE[1]}"

    empty = pg.GraphicsView(background="#0E1116")
    empty.setCentralItem(pg.ViewBox())
    empty.resize(*SIZE)
    empty.show()
    app.processEvents()
    empty_frames = time_frames(lambda i: None, [empty.viewport()], args.frames)
    emit("ml_empty_view_frame", size=size, **summary(empty_frames))
    empty.close()

    svd = lab.modes["svd"]
    lab.switch_mode("svd")
    canvas = svd.canvas()
    canvas.setParent(None)  # the view alone, at exactly SIZE
    canvas.resize(*SIZE)
    canvas.show()
    app.processEvents()
    count, frames = svd.show.count, args.frames
    viewport = [svd.stage_canvas.view.viewport()]
    playing = summary(time_frames(lambda i: svd._show_position(count * i / (frames - 1)), viewport, frames))
    emit("ml_svd_frame_playing", size=size, **playing, target_p95_ms=8.0)

    def drag_probe(i: int) -> None:
        angle = 2 * math.pi * i / frames
        svd._on_dragged("probe", math.cos(angle), math.sin(angle), i == frames - 1)

    emit("ml_svd_frame_dragging_x", size=size, **summary(time_frames(drag_probe, viewport, frames)),
         target_p95_ms=16.0)

    descent = lab.modes["descent"]
    lab.switch_mode("descent")
    canvas = descent.canvas()
    canvas.setParent(None)
    canvas.resize(*SIZE)
    canvas.show()
    app.processEvents()
    plots = [descent.descent_canvas.plane.viewport(), descent.descent_canvas.errors.viewport()]

    def drag_start(i: int) -> None:
        angle = 2 * math.pi * i / frames
        descent._on_dragged("start", 2 * math.cos(angle), 2 * math.sin(angle), i == frames - 1)

    emit("ml_gd_frame_dragging_start", size=size, **summary(time_frames(drag_start, plots, frames)),
         steps=lab.model.state.settings["descent"].steps, target_p95_ms=16.0)

    def slide_rate(i: int) -> None:
        descent._push(descent.settings.__class__(descent.settings.start, Fraction(1 + i % 120, 400),
                                                 descent.settings.momentum, descent.settings.steps),
                      "Slide the learning rate", drag_id=999)

    emit("ml_gd_frame_sliding_alpha", size=size, **summary(time_frames(slide_rate, plots, frames)),
         target_p95_ms=16.0)


if __name__ == "__main__":
    main()
