"""Eigen-directions: lines through the origin that the matrix only stretches, labelled λ.

A vector on such a line stays on it: M·v = λ·v. They are dashed so they read as
directions, not as things the matrix moved.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

from ..geometry import clip_lines
from .segments import Segments


class EigenLines:
    """Dashed lines through the origin across the visible area, each labelled with its λ."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._view_box = view_box
        self._curve = Segments()
        self._curve.setZValue(z)
        view_box.addItem(self._curve, ignoreBounds=True)
        self._labels: list[pg.TextItem] = []
        self._z = z
        self._color = "#F0E442"
        self._font = QtGui.QFont()
        self._font.setPointSizeF(12)
        self._visible = True
        self.directions: list[tuple[float, float, str]] = []
        self.segments = np.empty((0, 2))

    def set_style(self, color) -> None:
        self._color = color
        self._curve.set_pen(pg.mkPen(color, width=2, style=QtCore.Qt.PenStyle.DashLine))
        for label in self._labels:
            label.setColor(QtGui.QColor(color))

    def set_directions(self, directions, rect) -> None:
        """Lines along each ``(dx, dy, label)``, drawn across ``rect``."""
        self.directions = list(directions)
        while len(self._labels) < len(self.directions):
            label = pg.TextItem("", color=self._color, anchor=(0, 1))
            label.setFont(self._font)
            label.setZValue(self._z + 0.1)
            self._view_box.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        self.set_view_rect(rect)

    def set_view_rect(self, rect) -> None:
        """Re-clip the lines to a new visible ``rect`` (after a pan or zoom)."""
        points = np.zeros((len(self.directions), 2))
        vectors = np.array([d[:2] for d in self.directions], dtype=float).reshape(-1, 2)
        self.segments = clip_lines(points, vectors, rect)
        self._curve.set_points(self.segments)
        for index, label in enumerate(self._labels):
            if index < len(self.directions) and 2 * index + 1 < len(self.segments):
                end = self._far_end(self.segments[2 * index: 2 * index + 2], vectors[index])
                label.setText(self.directions[index][2])
                label.setPos(*(0.82 * end))
                label.setVisible(self._visible)
            else:
                label.setVisible(False)
        self._curve.setVisible(self._visible)

    @staticmethod
    def _far_end(segment: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """The end of a clipped line that lies along +direction (where the label goes)."""
        return segment[1] if segment[1] @ direction >= segment[0] @ direction else segment[0]

    def shown(self) -> list[tuple[float, str]]:
        """(angle in degrees, label) of each visible line — what a reader sees."""
        if not self._visible:
            return []
        return [(float(np.degrees(np.arctan2(dy, dx))), text) for dx, dy, text in self.directions]

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        self._curve.setVisible(visible)
        for index, label in enumerate(self._labels):
            label.setVisible(visible and index < len(self.directions))

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return list(self._labels)
