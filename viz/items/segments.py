"""The one primitive most items are made of: many straight line segments in one pen.

A minimal pyqtgraph GraphicsObject: it keeps a ready-made ``QPainterPath`` and an exact
bounding rectangle, so painting is a single C++ ``drawPath`` — cheap enough to redraw
every animation frame (pyqtgraph's general-purpose curve item does much more per paint).
"""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from ..geometry import FAR

# Up to this many points a path is built point by point, in plain Python floats (a quarter of a
# microsecond a point); beyond, pyqtgraph builds it from numpy arrays, whose calls cost some 20 µs
# however few the points are (an arrow's shaft has two, a grid a hundred or so, every frame).
# The two give the same path for points within ±FAR, unless a point repeats the one before it:
# moveTo/lineTo leave out a line to where the path already is, and NaN and points beyond ~1e128,
# which pyqtgraph's arrays handle in their own way.
FEW_POINTS = 128


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
        self._bounds = QtCore.QRectF()  # exactly around the points
        self._pixel: float | None = None  # plane units per screen pixel, until the view moves
        self._padded: QtCore.QRectF | None = None  # boundingRect(), until points, pen or view change
        self._points: list | np.ndarray = np.empty((0, 2))

    @property
    def points(self) -> np.ndarray:
        """The points drawn, as an (N, 2) array."""
        return np.asarray(self._points, dtype=float).reshape(-1, 2)

    def set_pen(self, pen: QtGui.QPen) -> None:
        self.prepareGeometryChange()  # the pen's width is in the padding of boundingRect()
        self._pen = pen
        self._padded = None

    def set_points(self, points) -> None:
        """Replace the geometry: (2N, 2) endpoints, or a polyline if ``connected``. A short list
        of (x, y) pairs (an arrow's shaft, an arc) is drawn as it is, without a detour through numpy."""
        if not (isinstance(points, list) and len(points) <= FEW_POINTS):
            points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(points) == 0:
            path, bounds = QtGui.QPainterPath(), QtCore.QRectF()
        elif len(points) <= FEW_POINTS:
            xs, ys = zip(*points) if isinstance(points, list) else points.T.tolist()
            path, bounds = _few_points_path(xs, ys, self._connected)
        else:
            path, bounds = _many_points_path(points, self._connected)
        self.prepareGeometryChange()  # this also has Qt repaint the item
        self._points, self._path, self._bounds = points, path, bounds
        self._padded = None

    def viewTransformChanged(self):
        self.prepareGeometryChange()
        self._pixel = None
        self._padded = None

    def boundingRect(self) -> QtCore.QRectF:
        """The points' bounds, padded by a few pixels (in plane units) so that wide cosmetic pens
        are not clipped. Qt asks for it many times a paint: it is made once per change."""
        if self._padded is None:
            if self._pixel is None:
                self._pixel = self.pixelLength(QtCore.QPointF(1, 0)) or 0.0
            pad = self._pixel * (self._pen.widthF() + 2)
            self._padded = self._bounds.adjusted(-pad, -pad, pad, pad)
        return self._padded

    def paint(self, painter, *args):
        if self._path.isEmpty():
            return  # nothing to draw (an SVG would get an empty path that some readers reject)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, self._antialiased)
        painter.setPen(self._pen)
        painter.drawPath(self._path)


def _few_points_path(xs, ys, connected: bool) -> tuple[QtGui.QPainterPath, QtCore.QRectF]:
    """The painter path through the points (xs[i], ys[i]) (at least one), built point by point,
    and their bounds: each point is either a move (a segment's start) or a line drawn to it."""
    path = QtGui.QPainterPath()
    move, line = path.moveTo, path.lineTo
    count = len(xs)
    if connected:
        steps = [move] + [line] * (count - 1)
    else:
        steps = [move, line] * (count // 2) + [move] * (count % 2)
    for step, x, y in zip(steps, xs, ys):
        step(x, y)
    if math.isnan(sum(xs) + sum(ys)):  # a NaN has no order: plain min and max may miss it
        return path, _bounds(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
    left, top = min(xs), min(ys)
    return path, QtCore.QRectF(left, top, max(xs) - left, max(ys) - top)


def _many_points_path(points: np.ndarray, connected: bool) -> tuple[QtGui.QPainterPath, QtCore.QRectF]:
    """The painter path through ``points`` made by pyqtgraph from the coordinate arrays, and
    their bounds."""
    xs, ys = points[:, 0], points[:, 1]
    connect = "all" if connected else "pairs"
    if np.abs(points).max() <= FAR:  # the usual case (False for a NaN or an inf): the path then
        # holds every point as it is, so its bounds are theirs, and pyqtgraph need not check
        path = pg.arrayToQPath(xs, ys, connect=connect, finiteCheck=False)
        return path, path.boundingRect()
    return pg.arrayToQPath(xs, ys, connect=connect), _bounds(xs, ys)


def _bounds(xs: np.ndarray, ys: np.ndarray) -> QtCore.QRectF:
    """The smallest rectangle around the points (NaN if any coordinate is: numpy passes it on)."""
    left, top, right, bottom = float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())
    return QtCore.QRectF(left, top, right - left, bottom - top)
