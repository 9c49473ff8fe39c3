"""The gradient-descent picture as one widget: the contour map of f with A's eigen-axes and the
iterates (the start can be dragged), beside the error along each eigen-direction on a log scale,
with the verdict under both. The window shows it; exports draw the same widget off-screen.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ...export import check_size, picture_format, png_bytes, svg_bytes, write_picture
from ...geometry import fit_rect
from ...items.contours import ContourLines
from ...items.eigenlines import EigenLines
from ...items.path_points import PathPoints
from ...palette import THEMES, palette_for
from ...picture import picture_scale
from ...views.plane_view import PlaneViewBox
from .descent_picture import SUB, DescentPicture

START_HANDLE = "start"
ERROR_FLOOR = 1e-13  # below this fraction of the start's error, an error is rounding (not drawn)


class DescentPlane(pg.PlotWidget):
    """The plane of x: level curves of f, the eigen-axes and the path. ``view_box`` is a
    :class:`~viz.views.plane_view.PlaneViewBox`, so the start's handle can be dragged."""

    def __init__(self, parent=None):
        self.view_box = PlaneViewBox()
        super().__init__(parent, viewBox=self.view_box)
        self.setAntialiasing(True)
        self.setMinimumSize(200, 180)
        self.setMenuEnabled(False)
        box = self.view_box
        self.contours = ContourLines(box, z=5)
        self.axis_lines = [EigenLines(box, z=10 + i) for i in range(2)]
        self.path = PathPoints(box, z=30)
        self.picture: DescentPicture | None = None
        box.sigResized.connect(self._frame)

    def show_picture(self, picture: DescentPicture, colours, look) -> None:
        self.picture = picture
        self.setBackground(look.background)
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(look.axes))
            axis.setTextPen(pg.mkPen(look.faint_text))
        self.getPlotItem().setLabel("bottom", "x₁", color=look.faint_text)
        self.getPlotItem().setLabel("left", "x₂", color=look.faint_text)
        self.contours.set_style(look.faint_text, opacity=0.55)
        for lines, colour in zip(self.axis_lines, (colours.i_hat, colours.j_hat)):
            lines.set_style(colour)
        self.path.set_style(colours.vector, colours.eigen, look.background)
        self.path.set_points(picture.drawn_path(), "x₀")
        self.view_box.set_handle(START_HANDLE, picture.start)
        self._frame()

    def _frame(self, *_) -> None:
        """Fit the picture to the widget's shape, then draw what depends on the range."""
        picture = self.picture
        if picture is None:
            return
        if self.view_box.dragging is None:
            aspect = max(self.view_box.width(), 1) / max(self.view_box.height(), 1)
            rect = fit_rect(picture.picture_points(), aspect=aspect, margin=0.15)
            self.view_box.setRange(xRange=rect[:2], yRange=rect[2:], padding=0)
        else:  # the start is being dragged: the plane stays put under the mouse
            (x_min, x_max), (y_min, y_max) = self.view_box.viewRange()
            rect = (x_min, x_max, y_min, y_max)
        reach = float(np.hypot(max(map(abs, rect[:2])), max(map(abs, rect[2:])))) * 1.05
        self.contours.set_curves([curve for level in picture.levels()
                                  for curve in picture.level_curves(level, reach)])
        for lines, (dx, dy, label) in zip(self.axis_lines, picture.axes()):
            # the label sits near the end the direction points to, its text running right from
            # there: pointing left (or up) keeps it inside the picture
            sign = -1.0 if dx > 1e-9 or (abs(dx) <= 1e-9 and dy < 0) else 1.0
            lines.set_directions([(sign * dx, sign * dy, label)], rect)


class ErrorPlot(pg.PlotWidget):
    """|error| along each eigen-direction against the step number, on a log scale: each is a
    straight line of slope log(rate), so the slow direction is the flat one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAntialiasing(True)
        self.setMinimumSize(200, 150)
        self.setMenuEnabled(False)
        self.setLogMode(y=True)
        self.curves: list[pg.PlotDataItem] = []  # one per eigen-direction, reused
        self.legend = self.addLegend(offset=(-10, 10))

    def show_picture(self, picture: DescentPicture, colours, look) -> None:
        self.setBackground(look.background)
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(look.axes))
            axis.setTextPen(pg.mkPen(look.faint_text))
        item.setLabel("bottom", "step k", color=look.faint_text)
        item.setLabel("left", "|error| along each eigenvector (log scale)", color=look.faint_text)
        item.setTitle("The flattest line sets the pace", color=look.text, size="11pt")
        self.legend.clear()
        self.legend.setLabelTextColor(look.text)
        self.legend.setBrush(pg.mkBrush(QtGui.QColor(look.background)))
        while len(self.curves) < picture.dimension:  # made once, then only given new data
            curve = pg.PlotDataItem(connect="finite")
            item.addItem(curve)
            self.curves.append(curve)
        for curve in self.curves:
            curve.setVisible(False)
        errors = picture.run.errors
        if errors is None:
            item.setTitle("No minimum to measure the error from", color=look.text, size="11pt")
            return
        steps = np.arange(len(errors))
        floor = ERROR_FLOOR * max(float(errors[0].max(initial=0.0)), 1e-300)
        rates = picture.direction_rates()
        colours_by_axis = (colours.i_hat, colours.j_hat, colours.k_hat)
        for i, curve in enumerate(self.curves[:errors.shape[1]]):
            values = np.where(errors[:, i] > floor, errors[:, i], np.nan)
            if not np.isfinite(values).any():
                continue
            value = picture.q.eigenvalues[i]
            curve.setData(steps, values)
            curve.setPen(pg.mkPen(colours_by_axis[i], width=2.5))
            curve.setVisible(True)
            name = f"λ{SUB[i]} = {float(value):.4g}: ×{rates[i]:.3g}/step"
            self.legend.addItem(curve, name.replace("-", "−"))

    @property
    def shown_curves(self) -> list:
        """The error curves on the plot now, one per eigen-direction that has an error."""
        return [curve for curve in self.curves if curve.isVisible()]


class DescentCanvas(QtWidgets.QWidget):
    """The title, the plane and the error plot side by side, and the verdict under them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QtWidgets.QLabel()
        self.title.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.plane = DescentPlane()
        self.errors = ErrorPlot()
        self.no_plane = QtWidgets.QLabel("The contour map is drawn for a 2×2 A; the verdict and the "
                                         "error plot hold for this 3×3 one.")
        self.no_plane.setWordWrap(True)
        self.no_plane.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.footer = QtWidgets.QLabel()
        self.footer.setWordWrap(True)
        self.footer.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.plane, stretch=1)
        row.addWidget(self.no_plane, stretch=1)
        row.addWidget(self.errors, stretch=1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(row, stretch=1)
        layout.addWidget(self.footer)
        self.picture: DescentPicture | None = None

    def show_picture(self, picture: DescentPicture, theme: str, palette: str) -> None:
        self.picture = picture
        look, colours = THEMES[theme], palette_for(palette, theme)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"DescentCanvas {{ background: {look.background}; }} "
                           f"QLabel {{ color: {look.text}; background: {look.background}; }}")
        plane = picture.dimension == 2
        self.plane.setVisible(plane)
        self.no_plane.setVisible(not plane)
        if plane:
            self.plane.show_picture(picture, colours, look)
        self.errors.show_picture(picture, colours, look)
        self.title.setText(f"<b>Gradient descent on f(x) = ½xᵀAx: {html.escape(picture.q.shape)}</b>")
        self.footer.setText("<br>".join(html.escape(line) for line in picture.footer()))


# -- pictures -----------------------------------------------------------------------------------
def _offscreen(picture: DescentPicture, logical: tuple[int, int], theme: str, palette: str) -> DescentCanvas:
    """The canvas laid out off-screen at ``logical`` pixels, showing ``picture``."""
    canvas = DescentCanvas()
    canvas.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    canvas.resize(*logical)
    canvas.show_picture(picture, theme, palette)
    canvas.show()
    QtWidgets.QApplication.sendPostedEvents()  # lay it out at its size before drawing
    canvas.show_picture(picture, theme, palette)  # framed for the laid-out plane
    return canvas


def _drawn(picture: DescentPicture, size, theme: str, palette: str, paint) -> None:
    """Lay the canvas out for a ``size`` picture and hand it to ``paint(canvas, scale)``."""
    check_size(size)
    scale = picture_scale(size)
    canvas = _offscreen(picture, (round(size[0] / scale), round(size[1] / scale)), theme, palette)
    try:
        paint(canvas, scale)
    finally:
        canvas.close()
        canvas.deleteLater()


def render_descent(picture: DescentPicture, size, theme: str, palette: str) -> QtGui.QImage:
    """The picture as an opaque image of ``size`` = (width, height) pixels."""
    image = QtGui.QImage(size[0], size[1], QtGui.QImage.Format.Format_RGB32)

    def paint(canvas: DescentCanvas, scale: float) -> None:
        image.setDevicePixelRatio(scale)
        image.fill(QtGui.QColor(THEMES[theme].background))
        painter = QtGui.QPainter(image)
        try:
            canvas.render(painter)
        finally:
            painter.end()

    _drawn(picture, size, theme, palette, paint)
    return image


def export_descent(picture: DescentPicture, path, size, theme: str, palette: str):
    """Write the picture to ``path`` (.png or .svg) atomically; the path written."""
    path = Path(path)
    if picture_format(path) == "png":
        data = png_bytes(render_descent(picture, size, theme, palette))
    else:
        found: list[bytes] = []

        def paint(canvas: DescentCanvas, _scale: float) -> None:
            found.append(svg_bytes(canvas.width(), canvas.height(),
                                   "Gradient descent on a quadratic, exported by Linear Lens", canvas.render))

        _drawn(picture, size, theme, palette, paint)
        data = found[0]
    write_picture(path, data)
    return path
