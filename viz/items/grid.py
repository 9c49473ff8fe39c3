"""A grid of lines through the integer points, as the matrix moves them.

Drawn twice: faint and fixed (the identity, the plane before anything happens) and bright
(the image of that grid under the matrix on screen). Either way the lines are recomputed
for the visible rectangle, so they fill the view at any zoom or pan. The fixed one is painted
into the view's background, which Qt keeps between frames (see PlaneView.drawBackground).
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from ..geometry import lattice_segments
from .segments import Segments


class GridItem:
    """The lines x = k, y = k under ``matrix``; the images of the axes get their own pen.

    Given a ``view_box``, its lines are items there, stacked at ``z``. Without one they are
    drawn only by :meth:`paint`: how the plane view puts the fixed grid in its background.
    """

    def __init__(self, view_box: pg.ViewBox | None = None, z: float = 0.0):
        self._lines = Segments()
        self._axes = Segments()
        if view_box is not None:
            for item, dz in ((self._lines, 0.0), (self._axes, 0.1)):
                item.setZValue(z + dz)
                view_box.addItem(item, ignoreBounds=True)
        self._matrix = np.eye(2)
        self._rect = (-1.0, 1.0, -1.0, 1.0)
        self._drawn_for: tuple | None = None  # the (matrix, rect) the lines were last computed for

    def set_style(self, line_color, line_width: float, axis_color, axis_width: float) -> None:
        self._lines.set_pen(pg.mkPen(line_color, width=line_width))
        self._axes.set_pen(pg.mkPen(axis_color, width=axis_width))

    def set_matrix(self, matrix) -> None:
        """Redraw for ``matrix`` (2×2 array) within the visible rectangle."""
        self._matrix = matrix
        self._redraw()

    def set_view_rect(self, rect) -> None:
        """Redraw for a new visible ``rect`` (after a pan, zoom or resize)."""
        self._rect = rect
        self._redraw()

    def _redraw(self) -> None:
        drawn_for = (np.asarray(self._matrix, dtype=float).tolist(), tuple(self._rect))
        if drawn_for == self._drawn_for:
            return  # the same lines (a canvas holding still while others move, a repeated range)
        self._drawn_for = drawn_for
        lines, axes = lattice_segments(self._matrix, self._rect)
        self._lines.set_points(lines)
        self._axes.set_points(axes)

    def paint(self, painter: QtGui.QPainter) -> None:
        """Draw the lines, then the axes over them, with ``painter`` set to plane coordinates."""
        for item in (self._lines, self._axes):
            item.paint(painter)

    def segments(self) -> tuple[np.ndarray, np.ndarray]:
        """The drawn (grid, axes) segments, for tests."""
        return self._lines.points, self._axes.points
