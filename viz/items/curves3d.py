"""Closed curves in space that the matrix moves, like the lattice: the unit sphere's circles,
whose images under M draw the ellipsoid (the SVD's picture in 3D)."""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import Camera, depth_alphas, gl_points


class Curves3D:
    """One GL line strip per :class:`~viz.scene.Curve`, made as needed, spare ones hidden;
    each fades with depth (:func:`viz.geometry3d.depth_alphas`), like the lattice."""

    def __init__(self, view: gl.GLViewWidget):
        self._view = view
        self._items: list[gl.GLLinePlotItem] = []
        self._curves: tuple = ()
        self._colours: list[tuple] = []
        self.points: list[np.ndarray] = []  # each curve where the matrix has moved it

    def show(self, curves, colours) -> None:
        """Draw these curves (each a :class:`~viz.scene.Curve`) from now on, in ``colours``
        ((r, g, b, a) floats, one per curve)."""
        self._curves = tuple(curves)
        self._colours = [tuple(colour) for colour in colours]
        self.points = [np.asarray(curve.points, dtype=float) for curve in self._curves]
        while len(self._items) < len(self._curves):
            item = gl.GLLinePlotItem(mode="line_strip", antialias=True)
            self._view.addItem(item)
            self._items.append(item)
        for index, item in enumerate(self._items):
            item.setVisible(index < len(self._curves))
            if index < len(self._curves):
                item.setData(color=self._colours[index], width=self._curves[index].width)

    def set_matrix(self, matrix) -> None:
        """Move every curve by ``matrix`` (3×3): its points p are drawn at matrix · p."""
        matrix = np.asarray(matrix, dtype=float)
        self.points = [np.asarray(curve.points, dtype=float) @ matrix.T for curve in self._curves]
        for item, points in zip(self._items, self.points):
            item.setData(pos=gl_points(points))

    def set_depth(self, camera: Camera, display) -> None:
        """Fade each curve by depth as ``camera`` sees the picture of ``display``."""
        for item, points, colour in zip(self._items, self.points, self._colours):
            colors = np.empty((len(points), 4), dtype=np.float32)
            colors[:, :3] = colour[:3]
            colors[:, 3] = colour[3] * depth_alphas(points, camera, display)
            item.setData(color=colors)
