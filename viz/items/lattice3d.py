"""The cube of lattice lines through integer points, as the 3×3 matrix moves them.

Drawn twice, like the 2D grid: faint and fixed (space before the matrix) and bright (its
image). A rank-2 matrix flattens the whole lattice into one plane, which you can see.
"""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import faded_lattice, gl_points


class Lattice3D:
    """Lines of the lattice −3..3 under a matrix, one GL line item updated in place; they fade
    with their distance from the unit cube (:func:`viz.geometry3d.faded_lattice`)."""

    def __init__(self, view: gl.GLViewWidget):
        self._lines = gl.GLLinePlotItem(mode="lines", antialias=False)
        view.addItem(self._lines)
        self.points, self._weights = faded_lattice(np.eye(3))
        self._rgba = (1.0, 1.0, 1.0, 1.0)

    def set_style(self, rgba, width: float) -> None:
        self._rgba = tuple(rgba)
        self._lines.setData(color=self._colors(), width=width)

    def _colors(self) -> np.ndarray:
        colors = np.tile(np.asarray(self._rgba, dtype=float), (len(self._weights), 1))
        colors[:, 3] *= self._weights
        return colors

    def set_matrix(self, matrix) -> None:
        self.points, self._weights = faded_lattice(matrix)
        self._lines.setData(pos=gl_points(self.points))
