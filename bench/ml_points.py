"""Frame time of the ML lab's point views with 5,000 points: update + paint per animation frame.

Prints JSON lines: the PCA view over its three steps (5,000 generated points, residuals and
axes) and the neural-layer view over Wx → + b → σ (5,000 points and the bent grid), each in
the real window at 1280×800 (off-screen raster), measured with ``viewport().repaint()``.

    python bench/ml_points.py [--frames 200]
"""

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PyQt6 import QtWidgets  # noqa: E402

from _stats import emit, summary, time_frames  # noqa: E402
from viz.app import MainWindow  # noqa: E402

POINTS = 5000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=200)
    frames = parser.parse_args().frames
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.switch_lab("ml")
    lab = window.lab("ml")

    lab.switch_mode("pca")
    pca = lab.mode
    pca.push_settings(replace(pca.settings, count=POINTS), "bench")
    app.processEvents()
    samples = time_frames(lambda i: pca._show_position(3 * i / (frames - 1)),  # the bars stand still
                          [pca.figure.plot.viewport()], frames)
    emit("ml_pca_frame", points=len(pca.pca.data.points), **summary(samples))

    lab.switch_mode("layer")
    layer = lab.mode
    layer.push_settings(replace(layer.settings, count=POINTS), "bench")
    app.processEvents()
    samples = time_frames(lambda i: layer._show_position(layer.play.count * i / (frames - 1)),
                          [layer.figure.plot.viewport()], frames)
    emit("ml_layer_frame", points=len(layer.cloud.points), **summary(samples))

    layer.tabs.setCurrentIndex(1)
    layer.push_settings(replace(layer.settings, count=400), "bench")
    start = time.perf_counter()
    layer.start_training()
    while layer.training:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    emit("ml_training", points=400, hidden_units=layer.settings.hidden_units,
         seconds=round(time.perf_counter() - start, 3), accuracy=layer.accuracy)
    window.close()


if __name__ == "__main__":
    main()
