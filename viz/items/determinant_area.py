"""The unit square's image: a parallelogram whose signed area is the determinant.

Positive area: î' → ĵ' still turns counter-clockwise. Negative: the plane was flipped over,
shown by a second colour, the word "flipped" and a curved arrow that now turns clockwise.
"""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from ..geometry import parallelogram, signed_area
from .moving_label import MovingLabel
from .segments import Segments
from .translucent_fill import TranslucentPolygon

# where the arc's points lie, as fractions of the turn (plain floats: a handful of points is
# computed faster one by one than with numpy)
ARC_STEPS = np.linspace(0.1, 0.9, 24).tolist()
# the arc's barb turns a direction by ±28° (and stretches it a little): [[0.94, ∓0.5], [±0.5, 0.94]]
BARB_COS, BARB_SIN = 0.94, 0.5


class DeterminantArea:
    """The translucent parallelogram, its orientation arc and the ``det = …`` label."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._polygon = TranslucentPolygon()
        self._arc = Segments(connected=True)
        self._label = MovingLabel()
        self._label_fill = "#000000"
        for item, dz in ((self._polygon, 0.0), (self._arc, 0.1), (self._label, 5.0)):
            item.setZValue(z + dz)
            view_box.addItem(item, ignoreBounds=True)
        self._colors = ("#009E73", "#D55E00")
        self._text_color = "#FFFFFF"
        self.det = 1.0
        self._corners = parallelogram(np.eye(2)).tolist()

    @property
    def corners(self) -> np.ndarray:
        """The parallelogram's corners 0, î', î' + ĵ', ĵ', 0 (rows), as drawn."""
        return np.array(self._corners)

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
        self._label.set_fill(fill)

    def set_matrix(self, matrix, label: str) -> None:
        """Draw the parallelogram of ``matrix`` with ``label`` ("det = 2", from the scene)."""
        matrix = np.asarray(matrix, dtype=float)
        self._corners = parallelogram(matrix).tolist()
        was_positive = self.det >= 0
        self.det = signed_area(matrix)
        self._polygon.setPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in self._corners[:4]]))
        (i_x, i_y), (j_x, j_y) = self._corners[1], self._corners[3]
        self._label.setText(label)
        self._label.setPos(0.5 * i_x + 0.5 * j_x, 0.5 * i_y + 0.5 * j_y)  # (î' + ĵ')/2, never overflows
        self._update_arc(matrix)
        if (self.det >= 0) != was_positive:  # the colour tells the orientation: only a flip changes it
            self._apply_colors()

    def _update_arc(self, matrix: np.ndarray) -> None:
        """A quarter-size arc from î' towards ĵ', the way the unit square's corner turns."""
        (i_x, j_x), (i_y, j_y) = matrix.tolist()  # columns î', ĵ'
        lengths = (math.hypot(i_x, i_y), math.hypot(j_x, j_y))
        if min(lengths) < 1e-9 or abs(self.det) < 1e-12:
            self._arc.set_points([])
            return
        start = math.atan2(i_y, i_x)
        sweep = math.atan2(j_y, j_x) - start
        sweep = (sweep + math.pi) % (2 * math.pi) - math.pi  # the short way, sign = orientation
        radius = 0.28 * min(lengths)
        angles = [start + step * sweep for step in ARC_STEPS]
        arc = [(radius * math.cos(angle), radius * math.sin(angle)) for angle in angles]
        # a small barb at the end shows the direction of turning: the way back, turned ±28°
        (end_x, end_y), (x, y) = arc[-1], arc[-3]
        back_x, back_y = x - end_x, y - end_y
        length = math.hypot(back_x, back_y) or 1.0
        back_x, back_y = back_x / length * radius * 0.25, back_y / length * radius * 0.25
        left_x, left_y = _turned(back_x, back_y, BARB_SIN)
        right_x, right_y = _turned(back_x, back_y, -BARB_SIN)
        barbs = [(end_x + left_x, end_y + left_y), (end_x, end_y), (end_x + right_x, end_y + right_y)]
        self._arc.set_points(arc + barbs)

    @property
    def label_text(self) -> str:
        return self._label.toPlainText()

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]


def _turned(x: float, y: float, sine: float) -> tuple[float, float]:
    """(x, y) turned by the barb's angle: +28° for ``sine`` = BARB_SIN, −28° for −BARB_SIN."""
    return BARB_COS * x - sine * y, sine * x + BARB_COS * y
