"""The cube of lattice lines through integer points, as the 3×3 matrix moves them.

Drawn twice, like the 2D grid: faint and fixed (space before the matrix) and bright (its
image). A rank-2 matrix flattens the whole lattice into one plane, which you can see.
"""

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL

from ..geometry3d import Camera, depth_alphas, faded_lattice, gl_points

# blended over what is behind (not added to it: added light vanishes on a white background),
# and never hidden by the depth buffer, as the painted exports draw it
BLENDED = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
           "glBlendFuncSeparate": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA,
                                   GL.GL_ONE, GL.GL_ONE_MINUS_SRC_ALPHA)}


class Lattice3D:
    """Lines of the lattice −3..3 under a matrix, one GL line item updated in place; they fade
    with their distance from the unit cube (:func:`viz.geometry3d.faded_lattice`) and with
    their depth as the camera sees them (:func:`viz.geometry3d.depth_alphas`)."""

    def __init__(self, view: gl.GLViewWidget):
        self._lines = gl.GLLinePlotItem(mode="lines", antialias=False, glOptions=BLENDED)
        view.addItem(self._lines)
        self.points, self._weights = faded_lattice(np.eye(3))
        self.depth_alphas = np.ones(len(self.points))  # the depth fade of each point, 1 = nearest
        self._rgba = (1.0, 1.0, 1.0, 1.0)
        self._base = self._base_colors()

    def set_style(self, rgba, width: float) -> None:
        self._rgba = tuple(rgba)
        self._base = self._base_colors()
        self._lines.setData(color=self.colors(), width=width)

    def _base_colors(self) -> np.ndarray:
        colors = np.tile(np.asarray(self._rgba, dtype=np.float32), (len(self._weights), 1))
        colors[:, 3] *= self._weights
        return colors

    def colors(self) -> np.ndarray:
        """(r, g, b, a) of each point: the style's colour, faded from the cube and by depth."""
        colors = self._base.copy()
        colors[:, 3] *= self.depth_alphas
        return colors

    def set_matrix(self, matrix) -> None:
        self.points, self._weights = faded_lattice(matrix)
        self._lines.setData(pos=gl_points(self.points))

    def set_depth(self, camera: Camera, display) -> None:
        """Fade by depth as ``camera`` sees the picture of ``display`` (the matrix on screen)."""
        self.depth_alphas = depth_alphas(self.points, camera, display)
        self._lines.setData(color=self.colors())
