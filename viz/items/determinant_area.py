"""The unit square's image: a parallelogram whose signed area is the determinant.

Positive area: î' → ĵ' still turns counter-clockwise. Negative: the plane was flipped over,
shown by a second colour, the word "flipped" and a curved arrow that now turns clockwise.
"""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ..geometry import parallelogram, signed_area
from .segments import Segments


class DeterminantArea:
    """The translucent parallelogram, its orientation arc and the ``det = …`` label."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._polygon = QtWidgets.QGraphicsPolygonItem()
        self._arc = Segments(connected=True)
        self._label = pg.TextItem("", anchor=(0.5, 0.5))
        self._label_fill = "#000000"
        font = QtGui.QFont()
        font.setPointSizeF(13)
        font.setBold(True)
        self._label.setFont(font)
        for item, dz in ((self._polygon, 0.0), (self._arc, 0.1), (self._label, 5.0)):
            item.setZValue(z + dz)
            view_box.addItem(item, ignoreBounds=True)
        self._colors = ("#009E73", "#D55E00")
        self._text_color = "#FFFFFF"
        self.det = 1.0
        self.corners = parallelogram(np.eye(2))

    def set_style(self, positive_color, negative_color, text_color, background) -> None:
        self._colors = (positive_color, negative_color)
        self._text_color = text_color
        self._label_fill = background
        self._apply_colors()

    def _apply_colors(self) -> None:
        color = QtGui.QColor(self._colors[0] if self.det >= 0 else self._colors[1])
        fill = QtGui.QColor(color)
        fill.setAlphaF(0.30)
        self._polygon.setBrush(QtGui.QBrush(fill))
        self._polygon.setPen(pg.mkPen(color, width=2))
        self._arc.set_pen(pg.mkPen(color, width=2))
        self._label.setColor(QtGui.QColor(self._text_color))
        fill = QtGui.QColor(self._label_fill)
        fill.setAlphaF(0.6)  # keeps the label readable over grid lines
        self._label.fill = pg.mkBrush(fill)

    def set_matrix(self, matrix, label: str) -> None:
        """Draw the parallelogram of ``matrix`` with ``label`` ("det = 2", from the scene)."""
        self.corners = parallelogram(matrix)
        self.det = signed_area(matrix)
        self._polygon.setPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in self.corners[:4]]))
        centre = 0.5 * self.corners[1] + 0.5 * self.corners[3]  # (î' + ĵ')/2, never overflows
        self._label.setText(label)
        self._label.setPos(*centre)
        self._update_arc(matrix)
        self._apply_colors()

    def _update_arc(self, matrix) -> None:
        """A quarter-size arc from î' towards ĵ', the way the unit square's corner turns."""
        matrix = np.asarray(matrix, dtype=float)
        i_hat, j_hat = matrix[:, 0], matrix[:, 1]
        lengths = (np.hypot(*i_hat), np.hypot(*j_hat))
        if min(lengths) < 1e-9 or abs(self.det) < 1e-12:
            self._arc.set_points([])
            return
        start = math.atan2(i_hat[1], i_hat[0])
        sweep = math.atan2(j_hat[1], j_hat[0]) - start
        sweep = (sweep + math.pi) % (2 * math.pi) - math.pi  # the short way, sign = orientation
        radius = 0.28 * min(lengths)
        angles = start + np.linspace(0.1, 0.9, 24) * sweep
        xs, ys = radius * np.cos(angles), radius * np.sin(angles)
        # a small barb at the end shows the direction of turning
        end, before = np.array([xs[-1], ys[-1]]), np.array([xs[-3], ys[-3]])
        back = before - end
        back = back / (np.hypot(*back) or 1.0) * radius * 0.25
        barb_l = end + np.array([back[0] * 0.94 - back[1] * 0.5, back[1] * 0.94 + back[0] * 0.5])
        barb_r = end + np.array([back[0] * 0.94 + back[1] * 0.5, back[1] * 0.94 - back[0] * 0.5])
        xs = np.concatenate([xs, [barb_l[0], end[0], barb_r[0]]])
        ys = np.concatenate([ys, [barb_l[1], end[1], barb_r[1]]])
        self._arc.set_points(np.column_stack([xs, ys]))

    @property
    def label_text(self) -> str:
        return self._label.toPlainText()

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]
