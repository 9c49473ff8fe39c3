"""The 3D canvas: space before and after a 3×3 matrix, drawn with OpenGL.

Orbit by dragging, zoom with the wheel, pan with the middle button (or Ctrl+drag) — all
pyqtgraph's GLViewWidget. Like the 2D view it draws a :class:`~viz.scene.Scene` under
whatever display matrix it is given, and decides nothing itself. Arrow heads and labels are
painted over the GL picture by :class:`~viz.views.space_painter.SpacePainter` with the numpy
camera (:mod:`viz.geometry3d`), so exported pictures carry them too.
"""

import numpy as np
import pyqtgraph.opengl as gl
from PyQt6 import QtCore, QtGui, QtWidgets

from ..geometry3d import CAMERA_PRESETS, Camera
from ..items.arrow3d import Arrow3D
from ..items.curves3d import Curves3D
from ..items.lattice3d import Lattice3D
from ..items.parallelepiped import Parallelepiped
from ..items.subspaces3d import Subspaces3D
from ..scene import Scene
from .space_painter import FIXED_LATTICE_ALPHA, LATTICE_ALPHA, SpacePainter


def rgba(color: str, alpha: float = 1.0) -> tuple:
    """A '#RRGGBB' colour as the (r, g, b, a) floats pyqtgraph.opengl wants."""
    c = QtGui.QColor(color)
    return (c.redF(), c.greenF(), c.blueF(), alpha)


class SpaceView(gl.GLViewWidget):
    """Fixed lattice, moving lattice, parallelepiped, eigenspaces, collapse, the span of the
    compared vectors, the vectors and their images, î ĵ k̂."""

    def __init__(self, scene: Scene, parent=None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.fixed_lattice = Lattice3D(self)
        self.lattice = Lattice3D(self)
        self.solid = Parallelepiped(self)
        self.collapse = Subspaces3D(self, dashed_lines=False, max_planes=1)
        self.eigenspaces = Subspaces3D(self, dashed_lines=True, max_planes=1)
        self.span = Subspaces3D(self, dashed_lines=False, max_planes=1)
        self.curves = Curves3D(self)
        self.arrows: list[Arrow3D] = []  # one shaft per arrow of the scene, in its order
        self.picture = scene
        self.display = scene.matrix_floats if scene.dimension == 3 else np.eye(3)
        self.settled = True
        self._faded_for: tuple | None = None  # the view direction the depth fade was made for
        self.set_camera(CAMERA_PRESETS["iso"])
        self.show_scene(scene)

    # -- camera ----------------------------------------------------------------------------
    def camera(self) -> Camera:
        centre = self.opts["center"]
        return Camera(azimuth=self.opts["azimuth"], elevation=self.opts["elevation"],
                      distance=self.opts["distance"], fov=self.opts["fov"],
                      center=(centre.x(), centre.y(), centre.z()))

    def set_camera(self, camera: Camera) -> None:
        self.opts["fov"] = camera.fov
        self.setCameraPosition(pos=QtGui.QVector3D(*camera.center), distance=camera.distance,
                               elevation=camera.elevation, azimuth=camera.azimuth)

    # the camera turns (a drag orbits it, a preset or an export moves it): farther lines stay fainter
    def orbit(self, azim, elev):
        super().orbit(azim, elev)
        self._fade_by_depth()

    def setCameraPosition(self, *args, **kwargs):
        super().setCameraPosition(*args, **kwargs)
        self._fade_by_depth()

    def _fade_by_depth(self) -> None:
        """Line work fades with its depth as the camera now sees the display
        (:func:`viz.geometry3d.depth_alphas`, the rule the painted exports follow too). Only
        the view direction matters: zooming and panning shift every depth alike."""
        camera = self.camera()
        self._faded_for = (camera.azimuth, camera.elevation)
        for item in (self.fixed_lattice, self.lattice, self.solid, self.curves):
            item.set_depth(camera, self.display)

    # -- what is shown ---------------------------------------------------------------------
    def show_scene(self, scene: Scene, display=None) -> None:
        """Draw ``scene`` (a new committed state) under ``display``, by default the matrix on screen."""
        if scene.dimension != 3:
            return  # the studio is in the plane; this view waits for space to come back
        self.picture = scene
        self._apply_look(scene)
        while len(self.arrows) < len(scene.arrows):
            self.arrows.append(Arrow3D(self, ""))
        for index, shaft in enumerate(self.arrows):
            shown = index < len(scene.arrows)
            shaft.set_visible(shown)
            if shown:
                arrow = scene.arrows[index]
                shaft.label = arrow.name
                shaft.set_style(rgba(arrow.color, arrow.opacity), width=arrow.width)
        span = scene.span
        if span is not None and span.normal is not None:
            self.span.show([], [np.asarray(span.normal)])
        elif span is not None and span.dimension == 1:
            self.span.show([np.asarray(span.basis[0])], [])
        else:
            self.span.show([], [])
        self.curves.show(scene.curves, [rgba(curve.color) for curve in scene.curves])
        self.eigenspaces.show([np.asarray(line.direction) for line in scene.eigen_lines],
                              [np.asarray(plane.normal) for plane in scene.eigen_planes])
        collapse = scene.collapse
        if collapse is None:
            self.collapse.show([], [])
        else:
            self.collapse.show([np.asarray(d) for d in collapse.lines],
                               [np.asarray(n) for n in collapse.planes], origin_only=collapse.origin_only)
        self.show_matrix(self.display if display is None else display)

    def arrow(self, name: str) -> Arrow3D:
        """The shaft drawing the arrow labelled ``name`` ("î", "v", "Mv1")."""
        for shaft, arrow in zip(self.arrows, self.picture.arrows):
            if arrow.name == name:
                return shaft
        raise KeyError(f"no arrow called {name!r} in the picture")

    def show_matrix(self, display) -> None:
        """Draw space under ``display`` (3×3); at rest, also the committed matrix's facts."""
        display = np.asarray(display, dtype=float)
        if display.shape != (3, 3) or not np.all(np.isfinite(display)):
            return
        self.display, self.settled = display, self.picture.at_rest(display)
        self.lattice.set_matrix(display)
        self.curves.set_matrix(display)
        self.solid.set_matrix(display)
        for shaft, arrow in zip(self.arrows, self.picture.arrows):
            shaft.set_tip(arrow.tip(display))
        self.eigenspaces.set_visible(self.settled)
        self.collapse.set_visible(self.settled)
        self._fade_by_depth()
        self.update()

    def _apply_look(self, scene: Scene) -> None:
        theme, palette = scene.look, scene.colors
        self.setBackgroundColor(theme.background)
        self.fixed_lattice.set_style(rgba(theme.fixed_grid, FIXED_LATTICE_ALPHA), 1.0)
        self.lattice.set_style(rgba(theme.grid, LATTICE_ALPHA), 1.0)
        self.solid.set_style(rgba(palette.area_positive), rgba(palette.area_negative))
        self.eigenspaces.set_style(rgba(palette.eigen))
        self.collapse.set_style(rgba(palette.collapse, 0.9), plane_alpha=0.22)
        self.span.set_style(rgba(palette.vector, 0.5), plane_alpha=0.14)

    # -- arrow heads and labels, painted over the GL picture ----------------------------
    def overlay(self, size, scale: float = 1.0, reserved=()) -> SpacePainter:
        """The painter of heads and labels for a picture of ``size`` (``scale`` × on screen);
        labels keep clear of the ``reserved`` boxes. It sees what this view's camera sees, as
        it is: an export frames the camera before it sets it here (:func:`viz.export3d.export_camera`)."""
        return SpacePainter(self.picture, self.display, self.camera(), size, scale=scale, reserved=reserved)

    def paint(self, *, region, viewport, useItemNames=False):
        # every frame, on screen and in renderToArray's tiles; the camera's opts may have been
        # changed directly, without orbit or setCameraPosition
        if self._faded_for != (self.opts["azimuth"], self.opts["elevation"]):
            self._fade_by_depth()
        super().paint(region=region, viewport=viewport, useItemNames=useItemNames)

    def paintGL(self, *args, **kwargs):
        super().paintGL(*args, **kwargs)
        painter = QtGui.QPainter(self)
        self.overlay((self.width(), self.height())).paint_overlay(painter)
        painter.end()
        _reset_gl_state()

    def render_image(self, size, reserved=()) -> QtGui.QImage:
        """The scene at ``size`` pixels (rendered off-screen, independent of the window); labels
        keep clear of the ``reserved`` boxes (the caption an export adds)."""
        width, height = size
        if not self.isValid():
            self.grabFramebuffer()  # a view never shown has no GL context yet: this makes one
        self.makeCurrent()
        scale = width / max(self.width(), 1)
        overlay = self.overlay(size, scale=scale, reserved=reserved)
        lines = [item for item in self.items if isinstance(item, gl.GLLinePlotItem)]
        widths = [item.width for item in lines]
        try:  # lines as thick, for the picture's size, as the painted heads and labels are big
            for item, line_width in zip(lines, widths):
                item.setData(width=line_width * scale)
            for shaft in self.arrows:
                shaft.end_shaft_at(overlay.shaft_fraction(shaft.tip))
            pixels = np.ascontiguousarray(self.renderToArray((width, height)))  # (height, width, 4) BGRA
        finally:
            for item, line_width in zip(lines, widths):
                item.setData(width=line_width)
            for shaft in self.arrows:
                shaft.set_tip(shaft.tip)
        image = QtGui.QImage(pixels.data, width, height, 4 * width,
                             QtGui.QImage.Format.Format_RGB32).copy()
        painter = QtGui.QPainter(image)
        overlay.paint_overlay(painter)
        painter.end()
        return image


def _reset_gl_state() -> None:
    """Unbind what QPainter leaves bound: pyqtgraph's items draw from client-side arrays, which
    a still-bound vertex buffer would silently turn into garbage geometry on the next frame."""
    from OpenGL import GL

    GL.glBindBuffer(GL.GL_ARRAY_BUFFER, 0)
    GL.glBindBuffer(GL.GL_ELEMENT_ARRAY_BUFFER, 0)
    GL.glUseProgram(0)


class NoOpenGLView(QtWidgets.QLabel):
    """Stands where the 3D view would be when OpenGL is not available, and says why."""

    def __init__(self, reason: str, parent=None):
        super().__init__(parent)
        self.reason = reason
        self.setWordWrap(True)
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.setText(f"<h3>The 3D view needs OpenGL</h3><p>{reason}.</p>"
                     "<p>The 2D studio works as usual, and 3D pictures can still be exported as SVG.</p>")
