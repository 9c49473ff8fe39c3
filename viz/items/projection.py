"""The shadow of u on v: the projection (u·v / v·v)·v and the perpendicular from u's tip.

The dot product made visible: the shadow's signed length is u·v / |v|, and the dashed
line from u's tip drops to it at a right angle.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore

from .segments import Segments
from .vector_arrow import VectorArrow


class ProjectionItem:
    """A dashed perpendicular from u's tip to the line of v, and the projected vector."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._drop = Segments()
        self._drop.setZValue(z)
        view_box.addItem(self._drop, ignoreBounds=True)
        self.shadow = VectorArrow(view_box, "proj", z=z + 0.5, head_length=12)
        self.set_visible(False)

    def set_style(self, color) -> None:
        self._drop.set_pen(pg.mkPen(color, width=1.5, style=QtCore.Qt.PenStyle.DashLine))
        self.shadow.set_style(color, width=3.0)

    def show(self, u, projection, label: str) -> None:
        """u's tip, and its projection (the foot of the perpendicular) onto the other vector."""
        u, projection = np.asarray(u, dtype=float), np.asarray(projection, dtype=float)
        self._drop.set_points([u, projection])
        self.shadow.set_label(label)
        self.shadow.set_tip(*projection)
        self.set_visible(True)

    def set_visible(self, visible: bool) -> None:
        self._drop.setVisible(visible)
        self.shadow.set_visible(visible)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return self.shadow.labels()
