"""Closed curves in space that the matrix moves, like the lattice: the unit sphere's circles,
whose images under M draw the ellipsoid (the SVD's picture in 3D)."""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import gl_points


class Curves3D:
    """One GL line strip per :class:`~viz.scene.Curve`, made as needed, spare ones hidden."""

    def __init__(self, view: gl.GLViewWidget):
        self._view = view
        self._items: list[gl.GLLinePlotItem] = []
        self._curves: tuple = ()

    def show(self, curves, colours) -> None:
        """Draw these curves (each a :class:`~viz.scene.Curve`) from now on, in ``colours``
        ((r, g, b, a) floats, one per curve)."""
        self._curves = tuple(curves)
        while len(self._items) < len(self._curves):
            item = gl.GLLinePlotItem(mode="line_strip", antialias=True)
            self._view.addItem(item)
            self._items.append(item)
        for index, item in enumerate(self._items):
            item.setVisible(index < len(self._curves))
            if index < len(self._curves):
                item.setData(color=colours[index], width=self._curves[index].width)

    def set_matrix(self, matrix) -> None:
        """Move every curve by ``matrix`` (3×3): its points p are drawn at matrix · p."""
        matrix = np.asarray(matrix, dtype=float)
        for item, curve in zip(self._items, self._curves):
            item.setData(pos=gl_points(np.asarray(curve.points, dtype=float) @ matrix.T))
