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
KEPT_FILL = 0.75  # a picture filling at least this share of the plane's width keeps its range
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
        self._drawn: tuple | None = None  # (A, the levels, their reach, the range) the curves show
        box.sigResized.connect(self._frame)

    def set_look(self, colours, look) -> None:
        """The theme's background and axes, and the palette's colours for the curves and path."""
        self.setBackground(look.background)
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(look.axes))
            axis.setTextPen(pg.mkPen(look.faint_text))
        self.getPlotItem().setLabel("bottom", "x₁", color=look.faint_text)
        self.getPlotItem().setLabel("left", "x₂", color=look.faint_text)
        self.contours.set_style(look.faint_text, opacity=0.72, background=look.background)
        for lines, colour in zip(self.axis_lines, (colours.i_hat, colours.j_hat)):
            lines.set_style(colour)
        self.path.set_style(colours.vector, colours.eigen, look.background)

    def show_picture(self, picture: DescentPicture) -> None:
        self.picture = picture
        self.path.set_points(picture.drawn_path(), "x₀")
        self.view_box.set_handle(START_HANDLE, picture.start)
        self._frame()

    def _frame(self, *_) -> None:
        """Fit the picture to the widget's shape, then draw what depends on the range."""
        picture = self.picture
        if picture is None:
            return
        (x_min, x_max), (y_min, y_max) = self.view_box.viewRange()
        rect = (x_min, x_max, y_min, y_max)
        if self.view_box.dragging is None:  # while the start is dragged the plane stays put under the mouse
            aspect = max(self.view_box.width(), 1) / max(self.view_box.height(), 1)
            fitted = fit_rect(picture.picture_points(), aspect=aspect, margin=0.15)
            if not _frames_well(rect, fitted):
                rect = fitted
                self.view_box.setRange(xRange=rect[:2], yRange=rect[2:], padding=0)
        reach = float(np.hypot(max(map(abs, rect[:2])), max(map(abs, rect[2:])))) * 1.05
        levels = picture.levels()
        drawn = (picture.q.A, tuple(levels), reach, rect)
        if drawn == self._drawn:
            return  # α or β moved, not f nor the range: the level curves and the axes stand
        self._drawn = drawn
        self.contours.set_curves([curve for level in levels for curve in picture.level_curves(level, reach)])
        for lines, (dx, dy, label) in zip(self.axis_lines, picture.axes()):
            # the label sits near the end the direction points to, its text running right from
            # there: pointing left (or up) keeps it inside the picture
            sign = -1.0 if dx > 1e-9 or (abs(dx) <= 1e-9 and dy < 0) else 1.0
            lines.set_directions([(sign * dx, sign * dy, label)], rect)


def _frames_well(shown, fitted) -> bool:
    """Whether the range ``shown`` (left, right, bottom, top) still frames the picture whose own
    range is ``fitted``: it holds it, and the picture fills at least :data:`KEPT_FILL` of its width
    and of its height. Then the range is kept, so the axes stay still while α slides or x₀ moves.

    >>> _frames_well((-4, 4, -2, 2), (-3.5, 3.5, -1.75, 1.75)), _frames_well((-4, 4, -2, 2), (-2, 2, -1, 1))
    (True, False)
    """
    inside = (shown[0] <= fitted[0] and fitted[1] <= shown[1]
              and shown[2] <= fitted[2] and fitted[3] <= shown[3])
    return inside and all(KEPT_FILL * (shown[i + 1] - shown[i]) <= fitted[i + 1] - fitted[i] for i in (0, 2))


class ErrorPlot(pg.PlotWidget):
    """|error| along each eigen-direction against the step number, on a log scale: each is a
    straight line of slope log(rate), so the slow direction is the flat one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAntialiasing(True)
        self.setMinimumSize(200, 150)
        self.setMenuEnabled(False)
        self.setLogMode(y=True)
        self.getViewBox().disableAutoRange()  # framed by _frame, which keeps a range that still fits
        self.curves: list[pg.PlotDataItem] = []  # one per eigen-direction, reused
        self.legend = self.addLegend(offset=(-10, 10))

    def set_look(self, colours, look) -> None:
        """The theme's background, axes and text, and a colour per eigen-direction (î's, ĵ's, k̂'s)."""
        self.look = look
        self.setBackground(look.background)
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(look.axes))
            axis.setTextPen(pg.mkPen(look.faint_text))
        item.setLabel("bottom", "step k", color=look.faint_text)
        item.setLabel("left", "|error| along each eigenvector (log scale)", color=look.faint_text)
        self.legend.clear()
        self._legend_names: list[str] = []
        self.legend.setLabelTextColor(look.text)
        self.legend.setBrush(pg.mkBrush(QtGui.QColor(look.background)))
        for colour, curve in zip((colours.i_hat, colours.j_hat, colours.k_hat), self._curves(3)):
            curve.setPen(pg.mkPen(colour, width=2.5))
        self._title = ""

    def _curves(self, count: int) -> list[pg.PlotDataItem]:
        """The first ``count`` error curves (made once, then only given new data)."""
        while len(self.curves) < count:
            curve = pg.PlotDataItem(connect="finite")
            self.getPlotItem().addItem(curve)
            self.curves.append(curve)
        return self.curves[:count]

    def _set_title(self, title: str) -> None:
        if title != self._title:  # a new title lays the plot out again
            self._title = title
            self.getPlotItem().setTitle(title, color=self.look.text, size="11pt")

    def show_picture(self, picture: DescentPicture) -> None:
        """A line of |error| per eigen-direction, with λᵢ and its rate per step in the legend."""
        errors = picture.run.errors
        shown: list[tuple[pg.PlotDataItem, str]] = []
        if errors is None:
            self._set_title("No minimum to measure the error from")
        else:
            self._set_title("The flattest line sets the pace")
            steps = np.arange(len(errors))
            floor = ERROR_FLOOR * max(float(errors[0].max(initial=0.0)), 1e-300)
            rates = picture.direction_rates()
            for i, curve in enumerate(self._curves(errors.shape[1])):
                values = np.where(errors[:, i] > floor, errors[:, i], np.nan)
                if np.isfinite(values).any():
                    curve.setData(steps, values)
                    name = f"λ{SUB[i]} = {float(picture.q.eigenvalues[i]):.4g}: ×{rates[i]:.3g}/step"
                    shown.append((curve, name.replace("-", "−")))
        for curve in self.curves:
            curve.setVisible(any(curve is drawn for drawn, _ in shown))
        self._show_legend(shown)
        if shown:
            self._frame(len(errors) - 1, np.concatenate([curve.yData for curve, _ in shown]))

    def _frame(self, last_step: int, errors: np.ndarray) -> None:
        """Steps 0 … ``last_step`` across, and the decades the drawn ``errors`` span up the log
        axis; a range that still frames them well (:func:`_frames_well`) is kept."""
        drawn = errors[np.isfinite(errors) & (errors > 0)]
        low, high = np.log10(drawn.min()), np.log10(drawn.max())
        pad = max(0.05 * (high - low), 0.25)
        fitted = (0.0, float(max(last_step, 1)), float(low - pad), float(high + pad))
        (x_min, x_max), (y_min, y_max) = self.getViewBox().viewRange()
        if not _frames_well((x_min, x_max, y_min, y_max), fitted):
            self.setRange(xRange=fitted[:2], yRange=fitted[2:], padding=0)

    def _show_legend(self, shown: list) -> None:
        """One legend row per curve drawn: rows are rewritten in place while the curves stay
        the same (sliding α), and made afresh only when they change."""
        rows = self.legend.items
        if [curve for curve, _ in shown] != [sample.item for sample, _ in rows]:
            self.legend.clear()
            for curve, name in shown:
                self.legend.addItem(curve, name)
        else:
            for (_, label), (_, name) in zip(rows, shown):
                if label.text != name:
                    label.setText(name)

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
        self.look: tuple[str, str] | None = None  # the theme and palette the widgets are styled in

    def _set_look(self, theme: str, palette: str) -> None:
        self.look = (theme, palette)
        look, colours = THEMES[theme], palette_for(palette, theme)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"DescentCanvas {{ background: {look.background}; }} "
                           f"QLabel {{ color: {look.text}; background: {look.background}; }}")
        self.plane.set_look(colours, look)
        self.errors.set_look(colours, look)

    def show_picture(self, picture: DescentPicture, theme: str, palette: str) -> None:
        """Draw ``picture`` in the theme and palette (which restyle the widgets only when they change)."""
        self.picture = picture
        if (theme, palette) != self.look:
            self._set_look(theme, palette)
        plane = picture.dimension == 2
        self.plane.setVisible(plane)
        self.no_plane.setVisible(not plane)
        if plane:
            self.plane.show_picture(picture)
        self.errors.show_picture(picture)
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
