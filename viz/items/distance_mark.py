"""A distance drawn as a measured gap: a dashed segment between two points, bars across its ends,
and its length written beside its middle ("error σ₂ = 1.38")."""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from .segments import Segments

BAR_FRACTION = 0.06  # the end bars, as a fraction of the segment's length


class DistanceMark:
    """A dashed segment from ``start`` to ``end`` with end bars and a label."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._lines = Segments()
        self._lines.setZValue(z)
        self._label = pg.TextItem("", anchor=(0.5, 0.5))
        font = QtGui.QFont()
        font.setPointSizeF(12)
        self._label.setFont(font)
        self._label.setZValue(z + 0.1)
        for item in (self._lines, self._label):
            view_box.addItem(item, ignoreBounds=True)
        self.ends = (np.zeros(2), np.zeros(2))

    def set_style(self, color) -> None:
        self._lines.set_pen(pg.mkPen(color, width=2.5, style=QtCore.Qt.PenStyle.DashLine))
        self._label.setColor(QtGui.QColor(color))

    def show(self, start, end, text: str) -> None:
        """Mark the gap from ``start`` to ``end``, the label on the left of the way along."""
        start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
        self.ends = (start, end)
        along = end - start
        across = np.array([-along[1], along[0]]) * BAR_FRACTION
        self._lines.set_points([start, end, start - across, start + across, end - across, end + across])
        self._label.setText(text)
        middle = (start + end) / 2
        self._label.setPos(*middle)
        # beside the segment, on its left: the anchor moves the text off the middle point
        length = float(np.hypot(*along)) or 1.0
        normal = np.array([-along[1], along[0]]) / length
        self._label.setAnchor((0.5 - 0.6 * normal[0], 0.5 + 0.9 * normal[1]))
        self.set_visible(True)

    def set_visible(self, visible: bool) -> None:
        self._lines.setVisible(visible)
        self._label.setVisible(visible)

    @property
    def visible(self) -> bool:
        return self._lines.isVisible()

    def text(self) -> str:
        return self._label.toPlainText()

    def labels(self) -> list:
        return [self._label]
