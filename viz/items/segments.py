"""The one primitive most items are made of: many straight line segments in one pen.

A minimal pyqtgraph GraphicsObject: it keeps a ready-made ``QPainterPath`` and an exact
bounding rectangle, so painting is a single C++ ``drawPath`` — cheap enough to redraw
every animation frame (pyqtgraph's general-purpose curve item does much more per paint).
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

# Up to this many points a path is built point by point: pyqtgraph's array route costs some
# 30 µs however few the points are (an arrow's shaft has two, and moves every frame).
FEW_POINTS = 64


class Segments(pg.GraphicsObject):
    """Line segments in plane coordinates, given in pairs layout (rows: start, end, start, …),
    or as one polyline when ``connected`` is True."""

    def __init__(self, connected: bool = False, antialiased: bool = True):
        """``antialiased`` False draws crisp one-pixel steps instead of smoothed edges: far
        cheaper when thousands of thin segments move every frame (a PCA's residuals)."""
        super().__init__()
        self._connected = connected
        self._antialiased = antialiased
        self._pen = pg.mkPen("w")
        self._path = QtGui.QPainterPath()
        self._bounds = QtCore.QRectF()
        self._pixel: float | None = None  # plane units per screen pixel, until the view moves
        self.points = np.empty((0, 2))

    def set_pen(self, pen: QtGui.QPen) -> None:
        self._pen = pen
        self.update()

    def set_points(self, points) -> None:
        """Replace the geometry: (2N, 2) endpoints, or a polyline if ``connected``."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.points = points
        if len(points):
            path = _path(points, self._connected)
            low, high = points.min(axis=0), points.max(axis=0)
            bounds = QtCore.QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1])
        else:
            path, bounds = QtGui.QPainterPath(), QtCore.QRectF()
        self.prepareGeometryChange()
        self._path, self._bounds = path, bounds
        self.update()

    def viewTransformChanged(self):
        self.prepareGeometryChange()
        self._pixel = None

    def boundingRect(self) -> QtCore.QRectF:
        # pad by a few pixels (in plane units) so wide cosmetic pens are not clipped
        if self._pixel is None:
            self._pixel = self.pixelLength(QtCore.QPointF(1, 0)) or 0.0
        pad = self._pixel * (self._pen.widthF() + 2)
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter, *args):
        if self._path.isEmpty():
            return  # nothing to draw (an SVG would get an empty path that some readers reject)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, self._antialiased)
        painter.setPen(self._pen)
        painter.drawPath(self._path)


def _path(points: np.ndarray, connected: bool) -> QtGui.QPainterPath:
    """The segments start → end of each pair of rows (or one polyline) as a painter path."""
    if len(points) > FEW_POINTS:
        return pg.arrayToQPath(points[:, 0], points[:, 1], connect="all" if connected else "pairs")
    path = QtGui.QPainterPath()
    for index, (x, y) in enumerate(points.tolist()):
        if index == 0 or (not connected and index % 2 == 0):
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    return path
