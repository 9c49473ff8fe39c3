"""The 3D scene painted with QPainter: a whole vector picture, or the overlay on OpenGL.

Every line, face and label is projected with the numpy camera (:mod:`viz.geometry3d`) — the
same maths the GL view uses — so an SVG needs no OpenGL: the faint lattice first, then the
parallelepiped's faces from back to front (the painter's algorithm), its edges, eigenspaces,
arrows and labels on top. The live GL view paints only the heads and labels with it. Line work
(the lattice, the parallelepiped's edges, curves) fades with depth by the GL view's own rule,
:func:`viz.geometry3d.depth_alphas`; arrows and labels never fade.
"""

import numpy as np
from PyQt6 import QtCore, QtGui

from ..geometry3d import (
    Camera,
    depth_alphas,
    faces_back_to_front,
    faded_lattice,
    line_through_origin,
    parallelepiped,
    picture_camera,
    plane_patch,
    project,
    signed_volume,
)
from ..labels import Box, Label, head_box, place
from ..picture import picture_scale
from ..scene import Scene

# the lattices' opacity at their nearest and brightest (by the unit cube): farther pieces are
# fainter (viz.geometry3d.faded_lattice, depth_alphas); the GL view uses the same values
FIXED_LATTICE_ALPHA = 0.8
LATTICE_ALPHA = 0.5


def _color(hex_color: str, alpha: float = 1.0) -> QtGui.QColor:
    color = QtGui.QColor(hex_color)
    color.setAlphaF(alpha)
    return color


def _pen(hex_color: str, width: float, alpha: float = 1.0, dashed: bool = False) -> QtGui.QPen:
    pen = QtGui.QPen(_color(hex_color, alpha))
    pen.setWidthF(width)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
    return pen


class SpacePainter:
    """Paints a :class:`~viz.scene.Scene` in 3D, seen by ``camera``, into any QPainter at
    ``size``: the whole picture for an SVG (:meth:`paint`), or the arrow heads and labels
    over the OpenGL picture (:meth:`paint_overlay`)."""

    def __init__(self, scene: Scene, display, camera: Camera, size, scale: float | None = None,
                 reserved=(), frame: bool = False):
        """``reserved`` boxes (pixels) are kept free of labels: the caption of an export. The
        picture is seen by ``camera`` as it is (an export frames its camera first:
        :func:`viz.export3d.export_camera`); with ``frame`` it is moved back, if need be, until
        every arrow tip, corner and label anchor lies inside the picture and off the reserved
        boxes (:func:`viz.geometry3d.picture_camera`; :attr:`camera` is the one used) — each
        frame of an orbiting animation."""
        self.size = size
        self.reserved = list(reserved)
        self.display = np.asarray(display, dtype=float)
        self.picture = scene
        self.camera = picture_camera(scene, self.display, camera, size, self.reserved) if frame else camera
        self.settled = scene.at_rest(self.display)
        self.theme = scene.look
        self.palette = scene.colors
        self.scale = picture_scale(size) if scale is None else scale

    def _xy(self, points) -> np.ndarray:
        pixels, _ = project(points, self.camera, self.size)
        return pixels

    def _segments(self, painter, segments, pen) -> None:
        pixels = self._xy(segments)
        painter.setPen(pen)
        painter.drawLines([QtCore.QLineF(*a, *b) for a, b in zip(pixels[0::2], pixels[1::2])])

    def _polygon(self, painter, corners, fill: QtGui.QColor, pen=None) -> None:
        painter.setPen(pen or QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in self._xy(corners)]))

    def _arrow(self, painter, tip, color: str, width: float, alpha: float = 1.0,
               shaft: bool = True) -> None:
        """A shaft from the origin (unless the GL view drew it) and a flat head at the tip."""
        (ox, oy), (tx, ty) = self._xy([[0, 0, 0], tip])
        length = float(np.hypot(tx - ox, ty - oy))
        if length < 1e-6:
            return
        ux, uy = (tx - ox) / length, (ty - oy) / length
        head = self._head_length(length)
        base_x, base_y = tx - head * ux, ty - head * uy
        if shaft:
            painter.setPen(_pen(color, width * self.scale, alpha))
            painter.drawLine(QtCore.QLineF(ox, oy, base_x, base_y))
        half = 0.42 * head
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(_color(color, alpha))
        painter.drawPolygon(QtGui.QPolygonF([
            QtCore.QPointF(tx, ty), QtCore.QPointF(base_x - half * uy, base_y + half * ux),
            QtCore.QPointF(base_x + half * uy, base_y - half * ux)]))

    def _head_length(self, length: float) -> float:
        """The length in pixels of the head of an arrow ``length`` pixels long on screen."""
        return min(14 * self.scale, 0.45 * length)

    def shaft_fraction(self, tip) -> float:
        """How far (0 to 1) along the arrow from the origin to ``tip``, in space, the painted
        head's base is: where a wide GL shaft should end, so it never blunts the point (nor,
        translucent, shows through the head)."""
        pixels, depth = project([[0, 0, 0], tip], self.camera, self.size)
        (ox, oy), (tx, ty) = pixels
        length = float(np.hypot(tx - ox, ty - oy))
        if not (length > 1e-6 and np.all(depth > 0)):
            return 1.0
        on_screen = 1.0 - self._head_length(length) / length
        # a fraction s of the way on screen is f = s·d0 / (s·d0 + (1 − s)·d1) of the way in space
        origin_depth, tip_depth = float(depth[0]), float(depth[1])
        return on_screen * origin_depth / (on_screen * origin_depth + (1.0 - on_screen) * tip_depth)

    def _font(self) -> QtGui.QFont:
        font = QtGui.QFont()
        font.setPointSizeF(12 * self.scale)
        font.setBold(True)
        return font

    def placed_labels(self) -> list[tuple[Box, str, str]]:
        """(box in pixels, text, colour) of every label in front of the camera, placed so that
        none covers another or an arrow head (:func:`viz.labels.place`)."""
        metrics = QtGui.QFontMetricsF(self._font())
        shown, requests = [], []
        for label in self.picture.labels(self.display):
            pixels, depth = project([label.anchor], self.camera, self.size)
            if depth[0] <= 0:
                continue
            x, y = pixels[0]
            width, height = metrics.horizontalAdvance(label.text), metrics.height()
            natural = Box(x + 4 * self.scale, y - 4 * self.scale - metrics.ascent(), width, height)
            shown.append(label)
            requests.append(Label(natural, (float(x), float(y))))
        heads = [head_box(*self._xy([arrow.tip(self.display)])[0], radius=9 * self.scale)
                 for arrow in self.picture.arrows]
        boxes = place(requests, heads + self.reserved, (float(self.size[0]), float(self.size[1])))
        return [(box, label.text, label.color) for box, label in zip(boxes, shown)]

    def paint_overlay(self, painter: QtGui.QPainter, shafts: bool = False) -> None:
        """Arrows (heads, and shafts if asked) and labels over a picture of the scene."""
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        for arrow in self.picture.arrows:
            self._arrow(painter, arrow.tip(self.display), arrow.color, arrow.width, arrow.opacity,
                        shaft=shafts)
        font = self._font()
        painter.setFont(font)
        ascent = QtGui.QFontMetricsF(font).ascent()
        for box, text, color in self.placed_labels():
            painter.setPen(_color(color))
            painter.drawText(QtCore.QPointF(box.left, box.top + ascent), text)

    def paint(self, painter: QtGui.QPainter) -> None:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(QtCore.QRectF(0, 0, *self.size), _color(self.theme.background))
        theme, palette, scale = self.theme, self.palette, self.scale
        self._lattice(painter, np.eye(3), theme.fixed_grid, FIXED_LATTICE_ALPHA)
        self._lattice(painter, self.display, theme.grid, LATTICE_ALPHA)
        for curve in self.picture.curves:  # moved like the lattice: images of the unit sphere's circles
            self._curve(painter, np.asarray(curve.points, dtype=float) @ self.display.T,
                        curve.color, curve.width * scale)
        self._span(painter)
        if self.settled:
            self._subspaces(painter)
        corners, faces, edges = parallelepiped(self.display)
        color = palette.area_positive if signed_volume(self.display) >= 0 else palette.area_negative
        for index in faces_back_to_front(corners, faces, self.camera):
            self._polygon(painter, corners[faces[index]], _color(color, 0.22))
        ends = corners[edges.ravel()]
        fades = self._depth_alphas(ends)
        for (start, end), fade in zip(ends.reshape(-1, 2, 3), (fades[0::2] + fades[1::2]) / 2):
            self._segments(painter, np.array([start, end]), _pen(color, 2.0 * scale, float(fade)))
        self.paint_overlay(painter, shafts=True)

    def _depth_alphas(self, points) -> np.ndarray:
        """The depth fade of line work at ``points`` (:func:`viz.geometry3d.depth_alphas`)."""
        return depth_alphas(points, self.camera, self.display)

    def _lattice(self, painter, matrix, color: str, alpha: float, levels: int = 12) -> None:
        """The faded lattice (:func:`viz.geometry3d.faded_lattice`), fainter with depth too:
        pieces drawn in a few steps of opacity, so an SVG stays small."""
        points, weights = faded_lattice(matrix)
        weights = weights * self._depth_alphas(points)
        piece_weights = weights[0::2] + weights[1::2]
        steps = np.clip(np.round(piece_weights / 2 * levels), 1, levels)
        for step in range(1, levels + 1):
            chosen = np.repeat(steps == step, 2)
            if chosen.any():
                self._segments(painter, points[chosen], _pen(color, 1.0 * self.scale, alpha * step / levels))

    def _curve(self, painter, points, color: str, width: float, levels: int = 12) -> None:
        """A closed curve through ``points`` (moved already), fainter with depth: each run of
        pieces at one step of opacity is one polyline, so the curve stays smooth and small."""
        if len(points) < 2:
            return
        pixels = self._xy(points)
        fades = self._depth_alphas(points)
        steps = np.clip(np.round((fades[:-1] + fades[1:]) / 2 * levels), 1, levels)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        start = 0
        for index in range(1, len(steps) + 1):
            if index == len(steps) or steps[index] != steps[start]:
                painter.setPen(_pen(color, width, float(steps[start]) / levels))
                painter.drawPolyline(QtGui.QPolygonF(
                    [QtCore.QPointF(x, y) for x, y in pixels[start:index + 1]]))
                start = index

    def _span(self, painter) -> None:
        """The span of the compared vectors: a plane or a line through the origin."""
        span, palette, scale = self.picture.span, self.palette, self.scale
        if span is None:
            return
        if span.normal is not None:
            self._polygon(painter, plane_patch(span.normal), _color(palette.vector, 0.14))
        elif span.dimension == 1:
            self._segments(painter, line_through_origin(span.basis[0]),
                           _pen(palette.vector, 6.0 * scale, 0.4))

    def _subspaces(self, painter) -> None:
        """Eigen-lines (dashed) and eigen-planes, and what a singular matrix collapses onto."""
        scene, palette, scale = self.picture, self.palette, self.scale
        for line in scene.eigen_lines:
            self._segments(painter, line_through_origin(line.direction),
                           _pen(palette.eigen, 2.0 * scale, dashed=True))
        for plane in scene.eigen_planes:
            self._polygon(painter, plane_patch(plane.normal), _color(palette.eigen, 0.16))
        collapse = scene.collapse
        if collapse is None:
            return
        for normal in collapse.planes:
            self._polygon(painter, plane_patch(normal), _color(palette.collapse, 0.22))
        for direction in collapse.lines:
            self._segments(painter, line_through_origin(direction), _pen(palette.collapse, 6.0 * scale, 0.6))
        if collapse.origin_only:  # the zero matrix: everything lands on the origin
            (x, y), = self._xy([[0.0, 0.0, 0.0]])
            painter.setPen(_pen(palette.collapse, 2.0 * scale))
            painter.setBrush(_color(palette.collapse, 0.45))
            painter.drawEllipse(QtCore.QPointF(x, y), 8 * scale, 8 * scale)
