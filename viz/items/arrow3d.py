"""An arrow from the origin in space: a shaft and a cone head, for î, ĵ, k̂, v and Mv."""

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL
from PyQt6 import QtGui

HEAD_LENGTH = 0.25
HEAD_RADIUS = 0.075
# arrows are drawn over everything, like the top layer in 2D: î, ĵ, k̂ lie along the
# parallelepiped's edges and would otherwise vanish into them
ON_TOP = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
          "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}


class Arrow3D:
    """A line to the tip and a cone whose apex sits on the tip, pointing along the arrow."""

    def __init__(self, view: gl.GLViewWidget, label: str):
        self.label = label
        self._shaft = gl.GLLinePlotItem(mode="lines", antialias=True, glOptions=ON_TOP)
        cone = gl.MeshData.cylinder(rows=1, cols=20, radius=[HEAD_RADIUS, 0.0], length=HEAD_LENGTH)
        self._head = gl.GLMeshItem(meshdata=cone, smooth=False, glOptions=ON_TOP)
        view.addItem(self._shaft)
        view.addItem(self._head)
        self.tip = np.array([1.0, 0.0, 0.0])
        self.rgba = (1.0, 1.0, 1.0, 1.0)

    def set_style(self, rgba, width: float = 4.0) -> None:
        self.rgba = rgba
        self._shaft.setData(color=rgba, width=width)
        self._head.setColor(rgba)

    def set_tip(self, tip) -> None:
        """Point at ``tip``; the head shrinks for short arrows so it never overshoots the origin."""
        tip = np.asarray(tip, dtype=float)
        self.tip = tip
        length = float(np.linalg.norm(tip))
        head = min(HEAD_LENGTH, 0.45 * length)
        direction = tip / length if length > 1e-12 else np.array([0.0, 0.0, 1.0])
        base = tip - head * direction
        self._shaft.setData(pos=np.array([[0.0, 0.0, 0.0], base]))
        self._head.setVisible(length > 1e-12 and self._shaft.visible())
        # the cone is built along +z from z = 0 (base) to z = HEAD_LENGTH (apex)
        transform = QtGui.QMatrix4x4()
        transform.translate(*base)
        axis = np.cross([0.0, 0.0, 1.0], direction)
        angle = np.degrees(np.arccos(np.clip(direction[2], -1.0, 1.0)))
        if np.linalg.norm(axis) > 1e-9:
            transform.rotate(angle, *axis)
        elif direction[2] < 0:
            transform.rotate(180.0, 1.0, 0.0, 0.0)
        transform.scale(1.0, 1.0, head / HEAD_LENGTH if HEAD_LENGTH else 1.0)
        self._head.setTransform(transform)

    def set_visible(self, visible: bool) -> None:
        self._shaft.setVisible(visible)
        self._head.setVisible(visible and float(np.linalg.norm(self.tip)) > 1e-12)
