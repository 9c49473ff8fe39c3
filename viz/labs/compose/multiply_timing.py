"""The Multiply mode's timing page: the kernel's products and numpy's ``@`` on a log–log chart.

:func:`~.timing.measure` runs on a :class:`TimingRun` thread, so the window keeps drawing
while pure Python multiplies 256×256 matrices; each finished point is sent back to the window
as a signal and drawn at once. Cancel is asked between two products (one product is never cut
in half), and a cancelled run keeps the points it finished.

On a log–log chart a cost of c·n³ is a straight line of slope 3 whatever c is, so the lines
are parallel and the gaps between them are the constant factors each method wins or loses.
"""

from __future__ import annotations

import html
import math
import threading
from pathlib import Path

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ...export import check_size, render, render_image
from ...palette import OKABE_ITO, THEMES
from ...picture import picture_scale
from .timing import (
    BLOCKING_LESSON,
    DEFAULT_REPEATS,
    DEFAULT_SIZES,
    METHODS,
    Point,
    Progress,
    measure,
    ratios_to,
)

# one colour per method, from the palette's colour-blind-safe set
METHOD_COLOURS = dict(zip((method.name for method in METHODS),
                          (OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["sky"],
                           OKABE_ITO["green"], OKABE_ITO["purple"])))
SYMBOLS = ("o", "s", "t", "d", "star")

_RUNNING: set = set()  # threads still running after their page let go of them (see cancel)


def make_chart() -> pg.PlotWidget:
    """Seconds against n, both axes logarithmic, one line per method and a legend."""
    chart = pg.PlotWidget()
    chart.setLogMode(x=True, y=True)
    chart.showGrid(x=True, y=True, alpha=0.25)
    chart.setLabel("bottom", "n (A and B are n×n)")
    chart.setLabel("left", "seconds per product (median)")
    chart.getAxis("left").enableAutoSIPrefix(False)
    chart.setMouseEnabled(x=False, y=False)
    chart.addLegend(offset=(10, 10))
    for method, symbol in zip(METHODS, SYMBOLS):
        colour = METHOD_COLOURS[method.name]
        chart.plot([], [], name=method.name, pen=pg.mkPen(colour, width=2.5), symbol=symbol,
                   symbolBrush=colour, symbolPen=pg.mkPen(colour), symbolSize=9)
    return chart


def chart_curves(chart: pg.PlotWidget) -> dict:
    """The chart's line of each method, by name."""
    return {item.name(): item for item in chart.getPlotItem().listDataItems()}


def fill_chart(chart: pg.PlotWidget, points) -> None:
    """Each method's line through its points, in order of n; a tick at each n measured."""
    for name, curve in chart_curves(chart).items():
        mine = sorted((p.n, p.seconds) for p in points if p.method == name)
        curve.setData([n for n, _ in mine], [seconds for _, seconds in mine])
    sizes = sorted({p.n for p in points})
    chart.getAxis("bottom").setTicks([[(math.log10(n), str(n)) for n in sizes]] if sizes else None)


def style_chart(chart: pg.PlotWidget, theme_name: str) -> None:
    """Background, axes and legend text in the colours of a theme."""
    theme = THEMES[theme_name]
    chart.setBackground(theme.background)
    for side in ("left", "bottom"):
        axis = chart.getAxis(side)
        axis.setPen(pg.mkPen(theme.axes))
        axis.setTextPen(pg.mkPen(theme.text))
    chart.getPlotItem().legend.setLabelTextColor(theme.text)


class TimingRun(QtCore.QThread):
    """One run of :func:`~.timing.measure` off the window's thread.

    Signals:
        point_measured(Point): a method's median at one n, as soon as it is known.
        progressed(Progress): the product being timed now, and how many are done.
        (``finished``, from QThread: the run ended, completed or cancelled.)
    """

    point_measured = QtCore.pyqtSignal(object)
    progressed = QtCore.pyqtSignal(object)

    def __init__(self, sizes, repeats: int):
        super().__init__()
        self.sizes, self.repeats = tuple(sizes), repeats
        self._cancel = threading.Event()
        self.points: list[Point] = []

    def cancel(self) -> None:
        """Stop before the next product (the one being timed finishes first)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        self.points = measure(self.sizes, self.repeats, on_point=self.point_measured.emit,
                              on_progress=self.progressed.emit, cancelled=self._cancel.is_set)


class TimingPage(QtWidgets.QWidget):
    """The chart (seconds against n, both logarithmic, one line per method), Run and Cancel,
    a progress bar, the table of medians and the paragraph on memory and caches."""

    def __init__(self, sizes=DEFAULT_SIZES, repeats: int = DEFAULT_REPEATS, parent=None):
        super().__init__(parent)
        self.sizes, self.repeats = tuple(sizes), repeats
        self.run: TimingRun | None = None
        self.points: list[Point] = []

        self.chart = make_chart()
        self.theme_name = "dark"
        self.run_button = QtWidgets.QPushButton("Run timing")
        self.cancel_button = QtWidgets.QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = QtWidgets.QLabel(self._waiting_text())
        self.table = QtWidgets.QLabel()
        self.table.setTextFormat(QtCore.Qt.TextFormat.RichText)
        lesson = QtWidgets.QLabel(self._lesson_html())
        lesson.setWordWrap(True)
        lesson.setTextFormat(QtCore.Qt.TextFormat.RichText)

        controls = QtWidgets.QHBoxLayout()
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, stretch=1)
        text = QtWidgets.QHBoxLayout()
        text.addWidget(self.table)
        text.addWidget(lesson, stretch=1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.chart, stretch=1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addLayout(text)

        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        QtWidgets.QApplication.instance().aboutToQuit.connect(self._stop_for_good)

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.isRunning()

    def set_theme(self, theme_name: str) -> None:
        """The chart in the window's theme (dark on screen, light for printed notes)."""
        self.theme_name = theme_name
        style_chart(self.chart, theme_name)

    # -- pictures ----------------------------------------------------------------------------
    def _picture_chart(self, size, theme_name: str) -> pg.PlotWidget:
        """An off-screen copy of the chart laid out for a ``size`` picture, in ``theme_name``."""
        check_size(size)
        scale = picture_scale(size)
        chart = make_chart()
        style_chart(chart, theme_name)
        fill_chart(chart, self.points)
        chart.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        chart.resize(max(1, round(size[0] / scale)), max(1, round(size[1] / scale)))
        chart.show()
        QtWidgets.QApplication.sendPostedEvents()
        return chart

    def render(self, size, theme_name: str) -> QtGui.QImage:
        """The chart as an image of ``size`` pixels."""
        chart = self._picture_chart(size, theme_name)
        try:
            return render_image(chart, size)
        finally:
            chart.close()
            chart.deleteLater()

    def export_picture(self, path, size, theme_name: str) -> Path:
        """Write the chart as PNG or SVG (atomically)."""
        chart = self._picture_chart(size, theme_name)
        try:
            return render(chart, path, size)
        finally:
            chart.close()
            chart.deleteLater()

    def start(self) -> None:
        """Clear the chart and time every method at every size on a worker thread."""
        if self.running:
            return
        self.points = []
        fill_chart(self.chart, self.points)
        self.table.clear()
        self.run = TimingRun(self.sizes, self.repeats)
        self.run.point_measured.connect(self._add_point)
        self.run.progressed.connect(self._show_progress)
        self.run.finished.connect(self._finished)
        _RUNNING.add(self.run)
        self.run.finished.connect(lambda run=self.run: _RUNNING.discard(run))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, len(self.sizes) * len(METHODS) * self.repeats)
        self.progress.setValue(0)
        self.run.start(QtCore.QThread.Priority.LowPriority)

    def cancel(self) -> None:
        """Ask the run to stop after the product being timed; the points so far stay."""
        if self.running:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText("Cancelling after the product being timed…")

    def _stop_for_good(self) -> None:
        """The application is quitting: cancel and wait, so no thread outlives Qt."""
        if self.running:
            self.run.cancel()
            self.run.wait()

    def _add_point(self, point: Point) -> None:
        self.points.append(point)
        fill_chart(self.chart, self.points)
        self.table.setText(self._table_html())

    def _show_progress(self, progress: Progress) -> None:
        self.progress.setValue(progress.done)
        self.message.setText(f"Timing {progress.method} at n = {progress.n} "
                             f"({progress.done} of {progress.total} products done)…")

    def _finished(self) -> None:
        run = self.run
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if run.cancelled:
            self.message.setText(f"Cancelled: {len(self.points)} points kept.")
        else:
            self.progress.setValue(self.progress.maximum())
            self.message.setText(f"Done: each point is the median of {self.repeats} products "
                                 "on random matrices with entries in [−1, 1).")

    def _waiting_text(self) -> str:
        sizes = ", ".join(map(str, self.sizes))
        return (f"Run timing multiplies random n×n matrices for n = {sizes}, {self.repeats} times "
                "each per method. Pure Python takes a while at the larger sizes.")

    def _table_html(self) -> str:
        """The medians in milliseconds, and how many times faster than the naive loop."""
        ratios = ratios_to(self.points)
        sizes = sorted({p.n for p in self.points})
        head = "".join(f"<th style='padding: 0 6px'>n = {n}</th>" for n in sizes)
        rows = []
        for method in METHODS:
            seconds = {p.n: p.seconds for p in self.points if p.method == method.name}
            cells = "".join(
                f"<td align='right' style='padding: 0 6px'>{seconds[n] * 1000:.3g} ms"
                + (f" ({1 / ratios[method.name, n]:.2g}×)" if (method.name, n) in ratios else "")
                + "</td>" if n in seconds else "<td></td>" for n in sizes)
            rows.append(f"<tr><td>{html.escape(method.name)}</td>{cells}</tr>")
        return (f"<table cellspacing='0'><tr><th></th>{head}</tr>{''.join(rows)}</table>"
                "<small>(×: times as fast as matmul_naive)</small>")

    @staticmethod
    def _lesson_html() -> str:
        items = "".join(f"<li><b>{html.escape(m.name)}</b>: {html.escape(m.lesson)}</li>" for m in METHODS)
        return (f"<p>All five compute the same n³ multiply-adds.</p><ul style='margin: 0'>{items}</ul>"
                f"<p>{html.escape(BLOCKING_LESSON)}</p>")
