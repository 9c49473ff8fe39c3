"""The learner's prediction: a ring on the plane with a label, which stays put while the truth moves."""

import pyqtgraph as pg
from PyQt6 import QtGui

RING_PIXELS = 16


class GuessPoint:
    """A hollow ring of fixed pixel size at the predicted point, its label up and to the right."""

    def __init__(self, view_box: pg.ViewBox, label: str, z: float):
        self._ring = pg.ScatterPlotItem(size=RING_PIXELS, symbol="o", pxMode=True)
        self._label = pg.TextItem(label, anchor=(-0.12, 1.1))
        font = QtGui.QFont()
        font.setPointSizeF(11)
        font.setBold(True)
        self._label.setFont(font)
        for item, dz in ((self._ring, 0.0), (self._label, 0.1)):
            item.setZValue(z + dz)
            view_box.addItem(item, ignoreBounds=True)
        self.point = (0.0, 0.0)
        self.set_point(0.0, 0.0)

    def set_style(self, color) -> None:
        colour = QtGui.QColor(color)
        self._ring.setPen(pg.mkPen(colour, width=3))
        self._ring.setBrush(pg.mkBrush(None))
        self._label.setColor(colour)

    def set_point(self, x: float, y: float) -> None:
        self.point = (float(x), float(y))
        self._ring.setData([self.point[0]], [self.point[1]])
        self._label.setPos(*self.point)

    def set_label(self, text: str) -> None:
        self._label.setText(text)

    def set_visible(self, visible: bool) -> None:
        self._ring.setVisible(visible)
        self._label.setVisible(visible)

    def labels(self) -> list:
        """The label items, for the view's label placer."""
        return [self._label]
