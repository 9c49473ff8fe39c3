"""An arrow from the origin in space, for î, ĵ, k̂, v and Mv: its shaft as a GL line.

The head and the label are painted over the GL picture (see :class:`viz.export3d.SpacePainter`),
as flat triangles that face the viewer from every angle — the same as in the SVG export.
"""

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL

from ..geometry3d import gl_points

# drawn over everything, like the top layer in 2D: î, ĵ, k̂ run along the parallelepiped's
# edges and would otherwise vanish into them
ON_TOP = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
          "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}


class Arrow3D:
    """The shaft from the origin to ``tip``."""

    def __init__(self, view: gl.GLViewWidget, label: str):
        self.label = label
        self._shaft = gl.GLLinePlotItem(mode="lines", antialias=True, glOptions=ON_TOP)
        view.addItem(self._shaft)
        self.tip = np.array([1.0, 0.0, 0.0])

    def set_style(self, rgba, width: float = 4.0) -> None:
        self._shaft.setData(color=rgba, width=width)

    def set_tip(self, tip) -> None:
        self.tip = np.asarray(tip, dtype=float)
        self._shaft.setData(pos=gl_points([[0.0, 0.0, 0.0], self.tip]))

    def end_shaft_at(self, fraction: float) -> None:
        """Draw the shaft only from the origin to ``fraction`` of the way to the tip (until the
        next :meth:`set_tip`): under the painted head of a picture with wide lines."""
        self._shaft.setData(pos=gl_points([[0.0, 0.0, 0.0], fraction * self.tip]))

    def set_visible(self, visible: bool) -> None:
        self._shaft.setVisible(visible)
