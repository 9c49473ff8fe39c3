"""The span of the selected vectors in the plane: the origin, a line, or the whole plane.

Everything c1·v1 + … + ck·vk can reach. Two vectors on one line span only that line, so
the highlight visibly snaps from "whole plane" to "line" as they are dragged into line.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ..geometry import clip_lines
from .segments import Segments


class SpanPatch:
    """A tinted view (dimension 2), a wide band through the origin (1), or a dot (0)."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._plane = QtWidgets.QGraphicsRectItem()
        self._band = Segments()
        self._dot = pg.ScatterPlotItem(size=16, pxMode=True)
        self._label = pg.TextItem("", anchor=(1, 0))
        font = QtGui.QFont()
        font.setPointSizeF(12)
        self._label.setFont(font)
        for item in (self._plane, self._band, self._dot, self._label):
            item.setZValue(z)
            item.setVisible(False)
            view_box.addItem(item, ignoreBounds=True)
        self.dimension: int | None = None
        self._direction = np.array([1.0, 0.0])
        self._through = np.zeros(2)

    def set_style(self, color) -> None:
        tint = QtGui.QColor(color)
        tint.setAlphaF(0.12)
        self._plane.setBrush(QtGui.QBrush(tint))
        self._plane.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        band = QtGui.QColor(color)
        band.setAlphaF(0.35)
        self._band.set_pen(pg.mkPen(band, width=12))
        self._dot.setBrush(pg.mkBrush(band))
        self._dot.setPen(pg.mkPen(color, width=2))
        self._label.setColor(QtGui.QColor(color))

    def show(self, dimension: int | None, basis, rect, names: str = "", through=None,
             title: str = "") -> None:
        """Show a span of ``dimension`` with these basis vectors; None hides it. ``names`` are
        the spanning vectors' names, for the label ("span{v, v1}: a line, dimension 1"). A line
        may be moved ``through`` a point (x₀ + span{d}), and then ``title`` labels it."""
        self.dimension = dimension
        shape = {0: "the origin", 1: "a line", 2: "the whole plane"}.get(dimension, "")
        self._through = np.zeros(2) if through is None else np.asarray(through, dtype=float)[:2]
        if title:
            self._label.setText(title)
        else:
            self._label.setText(f"span{{{names}}}: {shape}, dimension {dimension}" if names else "")
        if dimension == 1:
            self._direction = np.asarray(basis[0], dtype=float)
        self.set_view_rect(rect)

    def set_view_rect(self, rect) -> None:
        x_min, x_max, y_min, y_max = rect
        self._plane.setRect(QtCore.QRectF(x_min, y_min, x_max - x_min, y_max - y_min))
        if self.dimension == 1:
            self._band.set_points(clip_lines(self._through[None, :], self._direction[None, :], rect))
        self._dot.setData([float(self._through[0])], [float(self._through[1])])
        self._label.setPos(x_max - 0.02 * (x_max - x_min), y_max - 0.02 * (y_max - y_min))
        self._label.setVisible(self.dimension is not None and bool(self._label.toPlainText()))
        self._plane.setVisible(self.dimension == 2)
        self._band.setVisible(self.dimension == 1)
        self._dot.setVisible(self.dimension == 0)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]
