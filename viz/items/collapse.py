"""Where a singular matrix sends the whole plane: a highlighted line, or just the origin.

det = 0 means the columns are dependent, so every image M·v lands on one line (rank 1),
or on the origin (rank 0). Seeing that line is seeing why no inverse can exist.
"""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from ..geometry import clip_lines
from .segments import Segments


class CollapseHighlight:
    """A wide translucent band along the image line, or a ring at the origin, with a caption."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._band = Segments()
        self._point = pg.ScatterPlotItem(size=22, pxMode=True)
        self._label = pg.TextItem("", anchor=(0, 0))
        font = QtGui.QFont()
        font.setPointSizeF(12)
        self._label.setFont(font)
        for item, dz in ((self._band, 0.0), (self._point, 0.0), (self._label, 0.1)):
            item.setZValue(z + dz)
            item.setVisible(False)
            view_box.addItem(item, ignoreBounds=True)
        self.shape: str | None = None  # None, "line" or "point"
        self._direction = np.array([1.0, 0.0])
        self._visible = True

    def set_style(self, color) -> None:
        band = QtGui.QColor(color)
        band.setAlphaF(0.45)
        self._band.set_pen(pg.mkPen(band, width=9))
        self._label.setColor(QtGui.QColor(color))
        self._point.setPen(pg.mkPen(color, width=3))
        self._point.setBrush(pg.mkBrush(band))

    @property
    def angle(self) -> float:
        """The direction of the highlighted line, in degrees from the x-axis."""
        return math.degrees(math.atan2(self._direction[1], self._direction[0]))

    def show_line(self, dx: float, dy: float, label: str, rect) -> None:
        """Highlight the line through the origin along (dx, dy)."""
        self.shape = "line"
        direction = np.array([dx, dy], dtype=float)
        self._direction = direction / np.abs(direction).max()  # tame huge entries before any product
        self._label.setText(label)
        self.set_view_rect(rect)

    def show_point(self, label: str) -> None:
        """Highlight the origin: the zero matrix sends everything there."""
        self.shape = "point"
        self._point.setData([0.0], [0.0])
        self._label.setText(label)
        self._label.setPos(0.0, 0.0)
        self.set_visible(self._visible)

    def clear(self) -> None:
        self.shape = None
        self.set_visible(self._visible)

    def set_view_rect(self, rect) -> None:
        """Re-clip the band to a new visible ``rect``."""
        if self.shape == "line":
            segment = clip_lines(np.zeros((1, 2)), self._direction[None, :], rect)
            if len(segment):
                self._band.set_points(segment)
                start = segment[0] if segment[0] @ self._direction < 0 else segment[1]
                self._label.setPos(*(0.75 * start))
        self.set_visible(self._visible)

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        self._band.setVisible(visible and self.shape == "line")
        self._point.setVisible(visible and self.shape == "point")
        self._label.setVisible(visible and self.shape is not None)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]
