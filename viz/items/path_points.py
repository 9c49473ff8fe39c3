"""A path of points joined in order, with a dot at each and a labelled first point: the iterates
x₀, x₁, x₂, … of gradient descent."""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from .segments import Segments

DOT_PIXELS, START_PIXELS = 4, 13


class PathPoints:
    """A polyline through the points, small dots on them, and a large labelled dot at the start."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._line = Segments(connected=True)
        self._dots = pg.ScatterPlotItem(pxMode=True, size=DOT_PIXELS, pen=None)
        self._start = pg.ScatterPlotItem(pxMode=True, size=START_PIXELS)
        self._label = pg.TextItem("")
        font = QtGui.QFont()
        font.setPointSizeF(13)
        font.setBold(True)
        self._label.setFont(font)
        for item, dz in ((self._line, 0.0), (self._dots, 0.1), (self._start, 0.2), (self._label, 0.3)):
            item.setZValue(z + dz)
            view_box.addItem(item, ignoreBounds=True)
        self.points = np.empty((0, 2))

    def set_style(self, color, start_color, outline) -> None:
        self._line.set_pen(pg.mkPen(color, width=1.2))
        self._dots.setBrush(pg.mkBrush(color))
        self._start.setBrush(pg.mkBrush(start_color))
        self._start.setPen(pg.mkPen(outline, width=1.5))
        self._label.setColor(QtGui.QColor(start_color))

    def set_points(self, points, start_label: str) -> None:
        """The path through ``points`` (the first is the start, labelled ``start_label``)."""
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self._line.set_points(self.points)
        self._dots.setData(pos=self.points[1:])
        self._start.setData(pos=self.points[:1])
        self._label.setText(start_label)
        if len(self.points):
            self._label.setPos(*self.points[0])
            # the label on the side of the start away from the middle, so it stays in the picture
            self._label.setAnchor((1.25 if self.points[0][0] > 0 else -0.25, 1.1))

    def labels(self) -> list:
        return [self._label]
