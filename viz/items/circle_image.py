"""The image of the unit circle under a matrix: the circle itself under I, an ellipse under an
invertible M (its semi-axes are σ₁u₁ and σ₂u₂), a segment when M squashes a direction.

Every point of the circle is (cos t, sin t), so its image is M·(cos t, sin t): the curve is one
matrix product per frame, cheap enough to follow an animation.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from .segments import Segments

CIRCLE_POINTS = 241  # the polyline's corners: smooth at any zoom a picture is exported at
_CIRCLE = np.column_stack([np.cos(np.linspace(0, 2 * np.pi, CIRCLE_POINTS)),
                           np.sin(np.linspace(0, 2 * np.pi, CIRCLE_POINTS))])


class CircleImage:
    """A closed curve: the unit circle under the matrix given to :meth:`set_matrix`."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._curve = Segments(connected=True)
        self._curve.setZValue(z)
        view_box.addItem(self._curve, ignoreBounds=True)
        self.points = np.empty((0, 2))

    def set_style(self, color, width: float = 2.0, dashed: bool = False, opacity: float = 1.0) -> None:
        colour = QtGui.QColor(color)
        colour.setAlphaF(opacity)
        style = QtCore.Qt.PenStyle.DashLine if dashed else QtCore.Qt.PenStyle.SolidLine
        self._curve.set_pen(pg.mkPen(colour, width=width, style=style))

    def set_matrix(self, matrix) -> None:
        """Draw the image of the unit circle under the 2×2 ``matrix``."""
        self.points = _CIRCLE @ np.asarray(matrix, dtype=float).T
        self._curve.set_points(self.points)

    def set_visible(self, visible: bool) -> None:
        self._curve.setVisible(visible)

    @property
    def visible(self) -> bool:
        return self._curve.isVisible()
