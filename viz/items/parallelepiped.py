"""The unit cube's image: a parallelepiped whose signed volume is the determinant.

Positive volume keeps the right-hand rule (î, ĵ, k̂ still turn like x, y, z); negative means
space was turned inside out, shown by the second colour and the word "flipped".
"""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import Camera, depth_alphas, gl_points, parallelepiped, signed_volume


def _triangles(faces: np.ndarray) -> np.ndarray:
    """Two triangles per quadrilateral face, as the GL mesh wants them."""
    return np.concatenate([faces[:, [0, 1, 2]], faces[:, [0, 2, 3]]])


class Parallelepiped:
    """Translucent faces and solid edges of the image of the unit cube; the edges fade with
    depth (:func:`viz.geometry3d.depth_alphas`), so its far side recedes."""

    def __init__(self, view: gl.GLViewWidget):
        corners, faces, edges = parallelepiped(np.eye(3))
        self._faces = _triangles(faces)
        self._edge_index = edges.ravel()
        self._mesh = gl.GLMeshItem(vertexes=corners, faces=self._faces, smooth=False,
                                   drawEdges=False, glOptions="translucent")
        self._edges = gl.GLLinePlotItem(mode="lines", antialias=True, width=2.0)
        view.addItem(self._mesh)
        view.addItem(self._edges)
        self._colors = ((0.0, 0.62, 0.45), (0.84, 0.37, 0.0))
        self.volume = 1.0
        self.corners = corners
        self.edge_alphas = np.ones(len(self._edge_index))  # depth fade at each edge end

    def set_style(self, positive_rgb, negative_rgb) -> None:
        self._colors = (tuple(positive_rgb[:3]), tuple(negative_rgb[:3]))
        self._apply_colors()

    def _apply_colors(self) -> None:
        rgb = self._colors[0] if self.volume >= 0 else self._colors[1]
        self._mesh.setColor((*rgb, 0.28))
        colors = np.empty((len(self._edge_index), 4), dtype=np.float32)
        colors[:, :3], colors[:, 3] = rgb, self.edge_alphas
        self._edges.setData(color=colors)

    def set_matrix(self, matrix) -> None:
        corners, _, _ = parallelepiped(matrix)
        self.corners = corners
        self.volume = signed_volume(matrix)
        self._mesh.setMeshData(vertexes=gl_points(corners), faces=self._faces)
        self._edges.setData(pos=gl_points(corners[self._edge_index]))
        self._apply_colors()

    def set_depth(self, camera: Camera, display) -> None:
        """Fade the edges by depth as ``camera`` sees the picture of ``display``."""
        self.edge_alphas = depth_alphas(self.corners[self._edge_index], camera, display)
        self._apply_colors()
