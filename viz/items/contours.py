"""Level curves of a function of the plane (f = c for a few values c), drawn thin and faint so
what moves over them stands out: the contour map of the surface gradient descent walks down."""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from ..palette import seen_over
from .segments import Segments


class ContourLines:
    """Polylines in plane coordinates, one pen for all of them."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._lines = Segments()
        self._lines.setZValue(z)
        view_box.addItem(self._lines, ignoreBounds=True)
        self.curves: list = []

    def set_style(self, color, opacity: float = 0.7, background=None) -> None:
        """Faint lines: ``color`` at ``opacity``; over a known ``background``, drawn opaque in
        the colour that shows there (see :func:`~viz.palette.seen_over`: a see-through line is
        much slower to draw, and its segments darken where they meet)."""
        colour = QtGui.QColor(color)
        if background is None:
            colour.setAlphaF(opacity)
        else:
            colour = QtGui.QColor(seen_over(colour.name(), opacity, QtGui.QColor(background).name()))
        self._lines.set_pen(pg.mkPen(colour, width=1.0))

    def set_curves(self, curves) -> None:
        """Draw ``curves``: a list of (k, 2) arrays, each a polyline."""
        self.curves = [np.asarray(curve, dtype=float).reshape(-1, 2) for curve in curves]
        pairs = [np.stack([c[:-1], c[1:]], axis=1).reshape(-1, 2) for c in self.curves if len(c) > 1]
        self._lines.set_points(np.vstack(pairs) if pairs else np.empty((0, 2)))

    def set_visible(self, visible: bool) -> None:
        self._lines.setVisible(visible)
