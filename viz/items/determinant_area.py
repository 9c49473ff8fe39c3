"""The unit square's image: a parallelogram whose signed area is the determinant.

Positive area: î' → ĵ' still turns counter-clockwise. Negative: the plane was flipped over,
shown by a second colour, the word "flipped" and a curved arrow that now turns clockwise.
"""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ..geometry import parallelogram, signed_area
from .moving_label import moving_label
from .segments import Segments

ARC_STEPS = np.linspace(0.1, 0.9, 24)  # where the arc's points lie, as fractions of the turn
BARB_TURN = np.array([[0.94, -0.5], [0.5, 0.94]])  # turns a direction by 28° (and stretches it a little)


class DeterminantArea:
    """The translucent parallelogram, its orientation arc and the ``det = …`` label."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._polygon = QtWidgets.QGraphicsPolygonItem()
        self._arc = Segments(connected=True)
        self._label = moving_label()
        self._label_fill = "#000000"
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
        was_positive = self.det >= 0
        self.det = signed_area(matrix)
        self._polygon.setPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in self.corners[:4]]))
        centre = 0.5 * self.corners[1] + 0.5 * self.corners[3]  # (î' + ĵ')/2, never overflows
        self._label.setText(label)
        self._label.setPos(*centre)
        self._update_arc(matrix)
        if (self.det >= 0) != was_positive:  # the colour tells the orientation: only a flip changes it
            self._apply_colors()

    def _update_arc(self, matrix) -> None:
        """A quarter-size arc from î' towards ĵ', the way the unit square's corner turns."""
        (i_x, j_x), (i_y, j_y) = np.asarray(matrix, dtype=float).tolist()  # columns î', ĵ'
        lengths = (math.hypot(i_x, i_y), math.hypot(j_x, j_y))
        if min(lengths) < 1e-9 or abs(self.det) < 1e-12:
            self._arc.set_points([])
            return
        start = math.atan2(i_y, i_x)
        sweep = math.atan2(j_y, j_x) - start
        sweep = (sweep + math.pi) % (2 * math.pi) - math.pi  # the short way, sign = orientation
        radius = 0.28 * min(lengths)
        angles = start + ARC_STEPS * sweep
        arc = radius * np.column_stack([np.cos(angles), np.sin(angles)])
        # a small barb at the end shows the direction of turning: the way back, turned ±28°
        end = arc[-1]
        back = arc[-3] - end
        back = back / (math.hypot(*back) or 1.0) * radius * 0.25
        barbs = [end + BARB_TURN @ back, end, end + BARB_TURN.T @ back]
        self._arc.set_points(np.vstack([arc, barbs]))

    @property
    def label_text(self) -> str:
        return self._label.toPlainText()

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]
