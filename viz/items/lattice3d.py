"""The cube of lattice lines through integer points, as the 3×3 matrix moves them.

Drawn twice, like the 2D grid: faint and fixed (space before the matrix) and bright (its
image). A rank-2 matrix flattens the whole lattice into one plane, which you can see.
"""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import gl_points, lattice_segments


class Lattice3D:
    """Lines of the lattice −3..3 under a matrix, one GL line item updated in place."""

    def __init__(self, view: gl.GLViewWidget):
        self._lines = gl.GLLinePlotItem(mode="lines", antialias=False)
        view.addItem(self._lines)
        self.points = lattice_segments(np.eye(3))

    def set_style(self, rgba, width: float) -> None:
        self._lines.setData(color=rgba, width=width)

    def set_matrix(self, matrix) -> None:
        self.points = lattice_segments(matrix)
        self._lines.setData(pos=gl_points(self.points))
