"""Lines and planes through the origin in space: eigenspaces, and where a singular matrix
sends everything.

An eigen-direction is a dashed line (vectors on it are only stretched, by λ); a
2-dimensional eigenspace is a translucent plane. A singular matrix squashes space onto its
column space: a plane (rank 2), a line (rank 1) or the origin (rank 0), highlighted.
"""

import numpy as np
import pyqtgraph.opengl as gl

from ..geometry3d import line_through_origin, plane_patch

DASHES = 36  # dash count along a line's full length


def dashed(segment: np.ndarray, dashes: int = DASHES) -> np.ndarray:
    """Split a segment (2, 3) into ``dashes`` dashes with equal gaps, in pairs layout."""
    start, end = segment
    cuts = np.linspace(0.0, 1.0, 2 * dashes)
    points = start + cuts[:, None] * (end - start)
    return points


class Subspaces3D:
    """Dashed lines and translucent planes through the origin, in one colour."""

    def __init__(self, view: gl.GLViewWidget, dashed_lines: bool = True, max_planes: int = 2):
        self._dashed = dashed_lines
        self._lines = gl.GLLinePlotItem(mode="lines", antialias=True, width=2.5)
        view.addItem(self._lines)
        self._planes = []
        for _ in range(max_planes):
            plane = gl.GLMeshItem(vertexes=np.zeros((4, 3)), faces=np.array([[0, 1, 2], [0, 2, 3]]),
                                  smooth=False, glOptions="translucent")
            plane.setVisible(False)
            view.addItem(plane)
            self._planes.append(plane)
        self._origin = gl.GLScatterPlotItem(pos=np.zeros((1, 3)), size=16, pxMode=True)
        self._origin.setVisible(False)
        view.addItem(self._origin)
        self.origin_only = False
        self.rgba = (1.0, 1.0, 0.0, 1.0)
        self.directions: list[np.ndarray] = []
        self.normals: list[np.ndarray] = []
        self._visible = True

    def set_style(self, rgba, plane_alpha: float = 0.18) -> None:
        self.rgba = rgba
        self._lines.setData(color=rgba)
        self._origin.setData(color=rgba)
        for plane in self._planes:
            plane.setColor((*rgba[:3], plane_alpha))

    def show(self, directions=(), normals=(), origin_only: bool = False) -> None:
        """Lines along ``directions`` and planes with the given ``normals`` — or, with
        ``origin_only``, a dot at the origin (where the zero matrix sends everything)."""
        self.origin_only = origin_only
        self.directions = [np.asarray(d, dtype=float) for d in directions]
        self.normals = [np.asarray(n, dtype=float) for n in normals][:len(self._planes)]
        segments = [line_through_origin(d) for d in self.directions]
        points = [dashed(s) if self._dashed else s for s in segments]
        self._lines.setData(pos=np.concatenate(points) if points else np.zeros((0, 3)))
        for plane, normal in zip(self._planes, self.normals):
            plane.setMeshData(vertexes=plane_patch(normal), faces=np.array([[0, 1, 2], [0, 2, 3]]))
        self.set_visible(self._visible)

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        self._lines.setVisible(visible and bool(self.directions))
        self._origin.setVisible(visible and self.origin_only)
        for index, plane in enumerate(self._planes):
            plane.setVisible(visible and index < len(self.normals))
