"""Where a singular matrix sends the whole plane: a highlighted line, or just the origin.

det = 0 means the columns are dependent, so every image M·v lands on one line (rank 1),
or on the origin (rank 0). Seeing that line is seeing why no inverse can exist.
"""

import math

import pyqtgraph as pg
from PyQt6 import QtGui


class CollapseHighlight:
    """A wide translucent band along the image line, or a ring at the origin."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._line = pg.InfiniteLine(pos=(0, 0), angle=0, movable=False, label="",
                                     labelOpts={"position": 0.12})
        self._point = pg.ScatterPlotItem(size=22, pxMode=True)
        for item in (self._line, self._point):
            item.setZValue(z)
            item.setVisible(False)
            view_box.addItem(item, ignoreBounds=True)
        self.shape: str | None = None  # None, "line" or "point"

    def set_style(self, color) -> None:
        band = QtGui.QColor(color)
        band.setAlphaF(0.45)
        self._line.setPen(pg.mkPen(band, width=9))
        self._line.label.setColor(QtGui.QColor(color))
        font = QtGui.QFont()
        font.setPointSizeF(12)
        self._line.label.setFont(font)
        self._point.setPen(pg.mkPen(color, width=3))
        self._point.setBrush(pg.mkBrush(band))

    def show_line(self, dx: float, dy: float, label: str) -> None:
        """Highlight the line through the origin along (dx, dy)."""
        self.shape = "line"
        self._line.setAngle(math.degrees(math.atan2(dy, dx)))
        self._line.setVisible(True)  # first: pyqtgraph only re-renders a visible label
        self._line.label.setFormat(label)
        self._point.setVisible(False)

    @property
    def angle(self) -> float:
        """The direction of the highlighted line, in degrees from the x-axis."""
        return self._line.angle

    def show_point(self) -> None:
        """Highlight the origin: the zero matrix sends everything there."""
        self.shape = "point"
        self._point.setData([0.0], [0.0])
        self._point.setVisible(True)
        self._line.setVisible(False)

    def clear(self) -> None:
        self.shape = None
        self._line.setVisible(False)
        self._point.setVisible(False)

    def set_visible(self, visible: bool) -> None:
        self._line.setVisible(visible and self.shape == "line")
        self._point.setVisible(visible and self.shape == "point")
