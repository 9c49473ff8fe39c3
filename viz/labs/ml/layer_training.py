"""Training a small network 2 → k → 2 on a worker thread, with progress, Stop and a live loss curve.

The numbers are :mod:`.network` (gradient descent written in numpy); this module runs them off
the GUI thread (:class:`TrainWorker`) and draws what the learner watches
(:class:`TrainFigure`): the input plane coloured by the network's vote, the hidden layer's warp
of the plane as the output layer reads it (:meth:`~.network.Network.hidden_picture`: the
decision line is the vertical line through 0), and the loss falling.
"""

from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from .datasets import TwoClassCloud
from .layer_picture import grid_polylines, polyline_pairs
from .network import TRAINING_STEPS, Network, Training, train
from .plane_plot import Figure, Look, PlanePlot, frame_rect

REPORT_EVERY = 25  # steps between two pictures of the learning network
REGION_PIXELS = 120  # the vote is sampled on a 120 × 120 grid of the input plane
REGION_ALPHA = 70


class TrainWorker(QtCore.QThread):
    """Runs :func:`~.network.train` off the GUI thread. ``progress(steps, loss, network)`` every
    :data:`REPORT_EVERY` steps (queued to the GUI thread); :meth:`stop` ends it at the next report."""

    progress = QtCore.pyqtSignal(int, float, object)

    def __init__(self, network: Network, cloud: TwoClassCloud, steps: int = TRAINING_STEPS, parent=None):
        super().__init__(parent)
        self.training = Training(network, cloud.points, cloud.labels)
        self.steps = steps
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        def report(steps: int, loss: float, network: Network) -> bool:
            self.progress.emit(steps, loss, network)
            return not self._stop.is_set()

        train(self.training, self.steps, REPORT_EVERY, report)


class TrainFigure(Figure):
    """The input plane with the network's vote, the hidden layer's warp, and the loss curve."""

    def __init__(self, parent=None):
        self.input_plot = PlanePlot()
        self.hidden_plot = PlanePlot()
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.hideButtons()
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setLabel("bottom", "step")
        super().__init__([self.input_plot, self.hidden_plot, self.loss_plot], [1, 1, 1], parent)
        self.regions = pg.ImageItem()
        self.input_plot.add(self.regions, z=-5)
        self.input_points = (self.input_plot.cloud(z=20), self.input_plot.cloud(z=21))
        self.hidden_grid = self.hidden_plot.segments(z=5)
        self.hidden_points = (self.hidden_plot.cloud(z=20), self.hidden_plot.cloud(z=21))
        self.decision = self.hidden_plot.segments(z=15)
        self.loss_curve = self.loss_plot.plot([], [])
        self.network: Network | None = None

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        theme, palette = look.theme, look.palette
        for plot in (self.input_plot, self.hidden_plot):
            plot.apply_theme(look)
        self.loss_plot.setBackground(theme.background)
        for name in ("bottom", "left"):
            self.loss_plot.getAxis(name).setPen(pg.mkPen(theme.axes))
            self.loss_plot.getAxis(name).setTextPen(pg.mkPen(theme.faint_text))
        for clouds in (self.input_points, self.hidden_points):
            for cloud, colour in zip(clouds, (palette.i_hat, palette.j_hat)):
                cloud.set_style(colour, 5.0)
        self.hidden_grid.set_pen(pg.mkPen(theme.grid, width=1.0))
        self.decision.set_pen(pg.mkPen(theme.text, width=2.0, style=QtCore.Qt.PenStyle.DashLine))
        self.loss_curve.setPen(pg.mkPen(palette.vector, width=2.0))
        self.input_plot.setTitle("input: the network's vote", color=theme.faint_text, size="10pt")
        self.hidden_plot.setTitle("hidden layer, output's view", color=theme.faint_text, size="10pt")
        self.loss_plot.setTitle("loss (cross-entropy)", color=theme.faint_text, size="10pt")

    def show_network(self, network: Network, cloud: TwoClassCloud, losses: list[tuple[int, float]]) -> None:
        """Draw ``network`` on ``cloud`` after the steps and losses so far."""
        self.network = network
        rect = frame_rect([cloud.points])
        self._show_regions(network, rect)
        for label, item in enumerate(self.input_points):
            item.set_points(cloud.of_class(label))
        self.input_plot.show_rect(rect)
        hidden = network.hidden_picture(cloud.points)
        for label, item in enumerate(self.hidden_points):
            item.set_points(hidden[cloud.labels == label])
        grid = grid_polylines()
        warped = network.hidden_picture(grid.reshape(-1, 2)).reshape(grid.shape)
        self.hidden_grid.set_points(polyline_pairs(warped))
        hidden_rect = frame_rect([hidden])
        self.decision.set_points([[0.0, hidden_rect[2]], [0.0, hidden_rect[3]]])
        self.hidden_plot.show_rect(hidden_rect)
        if losses:
            steps, values = zip(*losses)
            self.loss_curve.setData(np.array(steps, dtype=float), np.array(values))

    def _show_regions(self, network: Network, rect) -> None:
        """Each pixel of the input plane in the colour of the class the network votes for,
        paler where it is unsure (the colour is the probability-weighted mix)."""
        left, right, bottom, top = rect
        xs = np.linspace(left, right, REGION_PIXELS)
        ys = np.linspace(bottom, top, REGION_PIXELS)
        grid = np.stack(np.meshgrid(xs, ys, indexing="ij"), axis=-1).reshape(-1, 2)
        p = network.probabilities(grid)[:, 1].reshape(REGION_PIXELS, REGION_PIXELS, 1)
        palette = self.look.palette
        first, second = (np.array(QtGui.QColor(c).getRgb()[:3], dtype=float)
                         for c in (palette.i_hat, palette.j_hat))
        rgb = (1 - p) * first + p * second
        alpha = np.full(p.shape, REGION_ALPHA, dtype=float)
        self.regions.setImage(np.concatenate([rgb, alpha], axis=2).astype(np.uint8), autoLevels=False)
        self.regions.setRect(QtCore.QRectF(left, bottom, right - left, top - bottom))

    def clear(self) -> None:
        self.network = None
        self.regions.clear()
        for item in (*self.input_points, *self.hidden_points):
            item.set_points(np.zeros((0, 2)))
        for segments in (self.hidden_grid, self.decision):
            segments.set_points(np.zeros((0, 2)))
        self.loss_curve.setData([], [])
