"""The 3D canvas: space before and after a 3×3 matrix, drawn with OpenGL.

Orbit by dragging, zoom with the wheel, pan with the middle button (or Ctrl+drag) — all
pyqtgraph's GLViewWidget. Like the 2D view it follows the model on its own and draws
whatever display matrix it is given. Labels are painted over the GL picture with the
numpy camera (:mod:`viz.geometry3d`), so exported pictures carry them too.
"""

import numpy as np
import pyqtgraph.opengl as gl
from PyQt6 import QtCore, QtGui, QtWidgets

from ..geometry3d import CAMERA_PRESETS, Camera
from ..items.arrow3d import Arrow3D
from ..items.lattice3d import Lattice3D
from ..items.parallelepiped import Parallelepiped
from ..items.subspaces3d import Subspaces3D
from ..palette import THEMES, palette_for


def rgba(color: str, alpha: float = 1.0) -> tuple:
    """A '#RRGGBB' colour as the (r, g, b, a) floats pyqtgraph.opengl wants."""
    c = QtGui.QColor(color)
    return (c.redF(), c.greenF(), c.blueF(), alpha)


class SpaceView(gl.GLViewWidget):
    """Fixed lattice, moving lattice, parallelepiped, eigenspaces, collapse, î ĵ k̂, v and Mv."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.model = model
        self.fixed_lattice = Lattice3D(self)
        self.lattice = Lattice3D(self)
        self.solid = Parallelepiped(self)
        self.collapse = Subspaces3D(self, dashed_lines=False, max_planes=1)
        self.eigenspaces = Subspaces3D(self, dashed_lines=True, max_planes=1)
        self.span = Subspaces3D(self, dashed_lines=False, max_planes=1)
        self.others: list[tuple[Arrow3D, Arrow3D]] = []  # (vector, image) of v1, v2, …
        self.vector = Arrow3D(self, "v")
        self.image = Arrow3D(self, "Mv")
        self.basis = [Arrow3D(self, name) for name in ("î", "ĵ", "k̂")]
        self.display = np.eye(3)
        self.settled = True
        self.set_camera(CAMERA_PRESETS["iso"])
        self._apply_appearance()
        self.show_matrix(np.array(model.matrix.to_floats()), settled=True)
        self._show_vector()
        model.vector_changed.connect(self._show_vector)
        model.appearance_changed.connect(self._apply_appearance)
        for signal in (model.vectors_changed, model.selection_changed, model.styles_changed):
            signal.connect(self._show_vectors)
        self._show_vectors()

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

    # -- what is shown ---------------------------------------------------------------------
    def show_matrix(self, display, settled: bool) -> None:
        """Draw space under ``display`` (3×3); when ``settled``, also the kernel's facts."""
        display = np.asarray(display, dtype=float)
        if display.shape != (3, 3) or not np.all(np.isfinite(display)):
            return
        self.display, self.settled = display, settled
        self.lattice.update(display)
        self.solid.update(display)
        for arrow, column in zip(self.basis, display.T):
            arrow.set_tip(column)
        self._show_image()
        if settled:
            self._show_facts()
        self.eigenspaces.set_visible(settled)
        self.collapse.set_visible(settled)
        self.update()

    def _show_facts(self) -> None:
        facts = self.model.facts
        if facts.matrix.shape != (3, 3):
            return
        lines, planes = [], []
        for space in facts.eigenspaces:
            if isinstance(space.value, complex):
                continue
            vectors = [np.array([float(x) for x in v]) for v in space.vectors]
            if len(vectors) == 1:
                lines.append(vectors[0])
            elif len(vectors) == 2:
                planes.append(np.cross(vectors[0], vectors[1]))
        self.eigenspaces.show(lines, planes)
        basis = [np.array(v, dtype=float) for v in facts.column_basis] if facts.is_singular else []
        if len(basis) == 2:
            self.collapse.show([], [np.cross(basis[0], basis[1])])
        elif len(basis) == 1:
            self.collapse.show([basis[0]], [])
        else:
            self.collapse.show([], [], origin_only=facts.rank == 0)

    def _show_vector(self, *_) -> None:
        if len(self.model.vector) != 3:
            return  # the scene is in the plane; this view waits for space to come back
        self.vector.set_tip(np.array(self.model.vector.to_floats(), dtype=float))
        self._show_image()

    def _show_image(self) -> None:
        if len(self.model.vector) == 3:
            self.image.set_tip(self.display @ np.array(self.model.vector.to_floats(), dtype=float))
            for (_, image), (_, vector) in zip(self.others, self.model.vectors[1:]):
                image.set_tip(self.display @ np.array(vector.to_floats(), dtype=float))
            self.update()

    def _style_pair(self, original: Arrow3D, image: Arrow3D, name: str, width: float) -> None:
        """Colour a vector's shaft and its image's, and show what its show mode asks for."""
        style = self.model.style(name)
        color = style.color or palette_for(self.model.palette, self.model.theme).vector
        original.set_style(rgba(color, 0.55), width=width)
        image.set_style(rgba(color), width=width + 1.0)
        original.set_visible(style.show in ("both", "vector"))
        image.set_visible(style.show in ("both", "image"))

    def _show_vectors(self, *_) -> None:
        """The other named vectors and their images, and the span of the ticked ones."""
        if self.model.dimension != 3:
            return
        from ..export3d import selected_span_basis

        named = self.model.vectors[1:]
        while len(self.others) < len(named):
            self.others.append((Arrow3D(self, ""), Arrow3D(self, "")))
        self._style_pair(self.vector, self.image, self.model.vectors[0][0], 2.5)
        for index, (original, image) in enumerate(self.others):
            shown = index < len(named)
            original.set_visible(shown)
            image.set_visible(shown)
            if shown:
                self._style_pair(original, image, named[index][0], 2.0)
                original.set_tip(np.array(named[index][1].to_floats(), dtype=float))
        basis = selected_span_basis(self.model)
        if len(basis) == 2:
            self.span.show([], [np.cross(*basis)])
        elif len(basis) == 1:
            self.span.show([basis[0]], [])
        else:
            self.span.show([], [])
        self._show_image()

    def _apply_appearance(self) -> None:
        theme = THEMES[self.model.theme]
        palette = palette_for(self.model.palette, self.model.theme)
        self.setBackgroundColor(theme.background)
        self.fixed_lattice.set_style(rgba(theme.fixed_grid, 0.7), 1.0)
        self.lattice.set_style(rgba(theme.grid, 0.38), 1.0)
        self.solid.set_style(rgba(palette.area_positive), rgba(palette.area_negative))
        self.eigenspaces.set_style(rgba(palette.eigen))
        self.collapse.set_style(rgba(palette.collapse, 0.9), plane_alpha=0.22)
        self.span.set_style(rgba(palette.vector, 0.5), plane_alpha=0.14)
        for arrow, color in zip(self.basis, (palette.i_hat, palette.j_hat, palette.k_hat)):
            arrow.set_style(rgba(color), width=4.0)
        self._show_vectors()
        self.update()

    # -- arrow heads and labels, painted over the GL picture ----------------------------
    def overlay(self, size, scale: float = 1.0):
        """The painter of heads and labels for a picture of ``size`` (``scale`` × on screen)."""
        from ..export3d import SpacePainter

        return SpacePainter(self.model, self.display, self.camera(), size, scale=scale,
                            settled=self.settled)

    def labels(self) -> list[tuple[np.ndarray, str, str]]:
        """(3D position, text, colour) of every label on screen."""
        return self.overlay((self.width(), self.height())).labels()

    def paintGL(self, *args, **kwargs):
        super().paintGL(*args, **kwargs)
        if self.model.dimension != 3:
            return  # the scene went back to the plane; nothing of ours to label
        painter = QtGui.QPainter(self)
        self.overlay((self.width(), self.height())).paint_overlay(painter)
        painter.end()
        _reset_gl_state()

    def render_image(self, size) -> QtGui.QImage:
        """The scene at ``size`` pixels (rendered off-screen, independent of the window)."""
        width, height = size
        if not self.isValid():
            self.grabFramebuffer()  # a view never shown has no GL context yet: this makes one
        self.makeCurrent()
        pixels = np.ascontiguousarray(self.renderToArray((width, height)))  # (height, width, 4) BGRA
        image = QtGui.QImage(pixels.data, width, height, 4 * width,
                             QtGui.QImage.Format.Format_RGB32).copy()
        painter = QtGui.QPainter(image)
        self.overlay(size, scale=width / max(self.width(), 1)).paint_overlay(painter)
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
