"""A linear combination drawn tip to tail: c1·v1, then c2·v2 from its tip, and so on.

Where the path ends is c1·v1 + … + ck·vk, marked by its own arrow from the origin. With two
vectors the other order (c2·v2 first) is drawn too: the two paths are the sides of the
parallelogram whose diagonal is the sum — the parallelogram rule.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore

from .segments import Segments
from .vector_arrow import VectorArrow


class CombinationPath:
    """Dashed tip-to-tail legs and a solid arrow to the sum."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._legs = Segments()
        self._legs.setZValue(z)
        view_box.addItem(self._legs, ignoreBounds=True)
        self.total = VectorArrow(view_box, "sum", z=z + 0.5)
        self.points = np.zeros((1, 2))
        self.set_visible(False)

    def set_style(self, color) -> None:
        self._legs.set_pen(pg.mkPen(color, width=2, style=QtCore.Qt.PenStyle.DashLine))
        self.total.set_style(color, width=3.5)

    def show(self, coefficients, vectors, label: str) -> None:
        """Legs c_i·v_i laid end to end from the origin, and the arrow to where they end."""
        steps = [float(c) * np.asarray(v, dtype=float) for c, v in zip(coefficients, vectors)]
        self.points = np.vstack([np.zeros(2), np.cumsum(steps, axis=0)]) if steps else np.zeros((1, 2))
        paths = [self.points]
        if len(steps) == 2:  # the other order closes the parallelogram
            paths.append(np.vstack([np.zeros(2), np.cumsum(steps[::-1], axis=0)]))
        legs = [point for path in paths for pair in zip(path[:-1], path[1:]) for point in pair]
        self._legs.set_points(np.array(legs).reshape(-1, 2))
        self.total.set_label(label)
        self.total.set_tip(*self.points[-1])
        self.set_visible(True)

    def set_visible(self, visible: bool) -> None:
        self._legs.setVisible(visible)
        self.total.set_visible(visible)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return self.total.labels()
