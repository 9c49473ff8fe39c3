"""Many points in one colour: a scatter cloud drawn as round dots of a fixed size on screen.

A lean pyqtgraph GraphicsObject (like :mod:`.segments`): one dot is drawn once into a small
pixmap, and each paint stamps it at every point with a single ``drawPixmapFragments`` (the
trick of pyqtgraph's ScatterPlotItem, without the rest of its bookkeeping), so 5,000 points
move every animation frame within the frame budget. Antialiased wide pens, by comparison,
take several milliseconds for as many dots.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui
from pyqtgraph.Qt.internals import PrimitiveArray


class PointCloud(pg.GraphicsObject):
    """Points (n × 2, plane coordinates) as dots ``size`` pixels wide."""

    def __init__(self, color="w", size: float = 5.0):
        super().__init__()
        self._fragments = PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)
        self._bounds = QtCore.QRectF()
        self._color = QtGui.QColor("white")
        self._size = size
        self._dots: dict[float, QtGui.QPixmap] = {}  # one dot per device pixel ratio
        self._pixel: float | None = None
        self.points = np.empty((0, 2))
        self.set_style(color, size)

    def set_style(self, color, size: float) -> None:
        self._color = pg.mkColor(color)
        self._size = size
        self._dots = {}
        self.update()

    def _dot(self, ratio: float) -> QtGui.QPixmap:
        """A round dot ``size`` logical pixels wide, drawn at the device's pixel ratio."""
        if ratio not in self._dots:
            side = max(1, int(np.ceil(self._size * ratio)) + 2)
            pixmap = QtGui.QPixmap(side, side)
            pixmap.fill(QtCore.Qt.GlobalColor.transparent)
            painter = QtGui.QPainter(pixmap)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.setPen(QtCore.Qt.PenStyle.NoPen)
            painter.setBrush(self._color)
            painter.drawEllipse(QtCore.QRectF(1, 1, side - 2, side - 2))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            self._dots[ratio] = pixmap
        return self._dots[ratio]

    def set_points(self, points) -> None:
        """Replace the points (any n × 2 array)."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.points = points
        if len(points):
            low, high = points.min(axis=0), points.max(axis=0)
            bounds = QtCore.QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1])
        else:
            bounds = QtCore.QRectF()
        self.prepareGeometryChange()
        self._bounds = bounds
        self.update()

    def viewTransformChanged(self):
        self.prepareGeometryChange()
        self._pixel = None

    def boundingRect(self) -> QtCore.QRectF:
        if self._pixel is None:
            self._pixel = self.pixelLength(QtCore.QPointF(1, 0)) or 0.0
        pad = self._pixel * (self._size + 2)
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter, *args):
        points = self.points
        if not len(points):
            return
        transform = painter.transform()  # plane → logical pixels
        x, y = points[:, 0], points[:, 1]
        ratio = painter.device().devicePixelRatioF()
        dot = self._dot(ratio)
        self._fragments.resize(len(points))
        fragments = self._fragments.ndarray()
        fragments[:, 0] = transform.m11() * x + transform.m21() * y + transform.dx()  # the dot's centre
        fragments[:, 1] = transform.m12() * x + transform.m22() * y + transform.dy()
        fragments[:, 2:4] = 0.0  # the whole pixmap, from its corner
        fragments[:, 4] = dot.width()
        fragments[:, 5] = dot.height()
        fragments[:, 6:8] = 1.0 / ratio  # the pixmap's device pixels, at logical size
        fragments[:, 8] = 0.0
        fragments[:, 9] = 1.0
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*self._fragments.drawargs(), dot)
        painter.restore()
