"""A trail of dots: where a moving point has been (Mx as the learner drags x round the circle)."""

import numpy as np
import pyqtgraph as pg

DOT_PIXELS = 5


class Trail:
    """Dots at the given plane points, in one colour, a fixed size on screen."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._dots = pg.ScatterPlotItem(pxMode=True, size=DOT_PIXELS, pen=None)
        self._dots.setZValue(z)
        view_box.addItem(self._dots, ignoreBounds=True)
        self.points = np.empty((0, 2))

    def set_style(self, color) -> None:
        self._dots.setBrush(pg.mkBrush(color))

    def set_points(self, points) -> None:
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self._dots.setData(pos=self.points)
