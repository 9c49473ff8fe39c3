"""Frame time of the Compose mode: AB, BA and AB − BA moving together at 1600×900.

Each frame is one position of the shared scrubber: the three canvases are updated and the
whole canvas area is repainted (off-screen raster). A baseline in the same run: three empty
pyqtgraph views of the same size repainted the same way. Also the sequence canvas alone.

    python bench/compose.py [--frames 300]
"""

import argparse
import os
import sys
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
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])

    baseline = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(baseline)
    views = []
    for _ in range(3):
        view = pg.GraphicsView(background="#0E1116")
        view.setCentralItem(pg.ViewBox(lockAspect=True))
        row.addWidget(view)
        views.append(view.viewport())
    baseline.resize(*SIZE)
    baseline.show()
    app.processEvents()
    empty = summary(time_frames(lambda i: None, views, args.frames))

    window = MainWindow()
    window.switch_lab("compose")
    mode = window.lab("compose").modes["compose"]
    canvas = mode.canvas()
    canvas.setParent(None)  # the three canvases alone, at exactly SIZE
    canvas.resize(*SIZE)
    canvas.show()
    mode.play("pair")
    mode.player.stop()
    app.processEvents()
    pair = summary(time_frames(lambda i: mode._show_position(2 * i / (args.frames - 1)),
                               [c.view.viewport() for c in mode.pair_canvases], args.frames))
    emit("compose_frame_three_empty_views", size=f"{SIZE[0]}x{SIZE[1]}", **empty)
    emit("compose_frame_pair", size=f"{SIZE[0]}x{SIZE[1]}", **pair, target_p95_ms=8.0,
         ratio_to_empty_views=round(pair["median_ms"] / max(empty["median_ms"], 1e-9), 2))
    mode.play_sequence()
    mode.player.stop()
    app.processEvents()
    count = mode.player.timeline.count
    sequence = summary(time_frames(lambda i: mode._show_position(count * i / (args.frames - 1)),
                                   [mode.single_canvas.view.viewport()], args.frames))
    emit("compose_frame_sequence", size=f"{SIZE[0]}x{SIZE[1]}", steps=count, **sequence)


if __name__ == "__main__":
    main()
