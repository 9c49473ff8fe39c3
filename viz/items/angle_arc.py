"""The angle between two vectors: an arc from one to the other, labelled θ."""

import math

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from .segments import Segments


class AngleArc:
    """An arc of radius ~⅓ of the shorter vector, from u's direction to v's, the short way."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._arc = Segments(connected=True)
        self._arc.setZValue(z)
        view_box.addItem(self._arc, ignoreBounds=True)
        self._label = pg.TextItem("", anchor=(0.5, 0.5))
        font = QtGui.QFont()
        font.setPointSizeF(11)
        self._label.setFont(font)
        self._label.setZValue(z + 0.1)
        view_box.addItem(self._label, ignoreBounds=True)
        self.set_visible(False)

    def set_style(self, color) -> None:
        self._arc.set_pen(pg.mkPen(color, width=2))
        self._label.setColor(QtGui.QColor(color))

    def show(self, u, v, degrees: float) -> None:
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        radius = 0.35 * min(np.hypot(*u), np.hypot(*v))
        start = math.atan2(u[1], u[0])
        sweep = (math.atan2(v[1], v[0]) - start + math.pi) % (2 * math.pi) - math.pi
        angles = start + np.linspace(0.0, 1.0, 32) * sweep
        self._arc.set_points(np.column_stack([radius * np.cos(angles), radius * np.sin(angles)]))
        middle = start + sweep / 2
        self._label.setText(f"θ = {degrees:.4g}°")
        self._label.setPos(1.45 * radius * math.cos(middle), 1.45 * radius * math.sin(middle))
        self.set_visible(True)

    def set_visible(self, visible: bool) -> None:
        self._arc.setVisible(visible)
        self._label.setVisible(visible)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]
