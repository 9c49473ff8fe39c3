"""Eigen-directions: lines through the origin that the matrix only stretches, labelled λ.

A vector on such a line stays on it: M·v = λ·v. They are dashed so they read as
directions, not as things the matrix moved.
"""

import math

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui

MAX_LINES = 2  # a 2×2 matrix has at most two independent eigen-directions to draw


class EigenLines:
    """Up to two dashed lines through the origin, each labelled with its eigenvalue."""

    def __init__(self, view_box: pg.ViewBox, z: float):
        self._lines = []
        for index in range(MAX_LINES):
            line = pg.InfiniteLine(pos=(0, 0), angle=0, movable=False,
                                   label="", labelOpts={"position": 0.88 - 0.1 * index})
            line.setZValue(z)
            line.setVisible(False)
            view_box.addItem(line, ignoreBounds=True)
            self._lines.append(line)
        self._color = "#F0E442"
        self.directions: list[tuple[float, float]] = []

    def set_style(self, color) -> None:
        self._color = color
        pen = pg.mkPen(color, width=2, style=QtCore.Qt.PenStyle.DashLine)
        font = QtGui.QFont()
        font.setPointSizeF(12)
        for line in self._lines:
            line.setPen(pen)
            line.label.setColor(QtGui.QColor(color))
            line.label.setFont(font)

    def update(self, directions) -> None:
        """Show one line per ``(dx, dy, label)``; hide the rest."""
        self.directions = [(dx, dy) for dx, dy, _ in directions]
        for index, line in enumerate(self._lines):
            if index < len(directions):
                dx, dy, label = directions[index]
                line.setAngle(math.degrees(math.atan2(dy, dx)))
                line.setVisible(True)  # first: pyqtgraph only re-renders a visible label
                line.label.setFormat(label)
            else:
                line.setVisible(False)

    def shown(self) -> list[tuple[float, str]]:
        """(angle in degrees, label) of each visible line — what a reader sees."""
        return [(line.angle, line.label.toPlainText()) for line in self._lines if line.isVisible()]

    def set_visible(self, visible: bool) -> None:
        for index, line in enumerate(self._lines):
            line.setVisible(visible and index < len(self.directions))
