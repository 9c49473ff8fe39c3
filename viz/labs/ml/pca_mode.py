"""PCA: the principal axes of a point cloud — generated clusters, or the learner's own CSV.

The view plays the steps of :mod:`.pca_picture` (centre, axes √λ long, project onto PC1 or
whiten) with the shared stage player, beside bars of the variance each component explains.
The side panel shows the numbers: the mean, the covariance (exact for whole-number data) and
each eigenvalue λ from the kernel. The maths is :mod:`.pca`; what is kept in the state is
:mod:`.pca_settings`.
"""

from __future__ import annotations

import html
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import parse_matrix
from kernels.errors import LinearAlgebraError
from kernels.notation import scalar_text

from ...controls.player import PlayerBar, StagePlayer, played_canvas
from ...files import UnreadableFile
from ...stages import Timeline
from . import pca_settings
from .mode import MLMode
from .pca import PCA, CsvError, Dataset, parse_covariance, principal_components
from .pca_picture import STEP_COUNT, PcaFrame, PcaSteps
from .pca_settings import PcaSettings, covariance_text
from .plane_plot import (
    Figure,
    Look,
    PlanePlot,
    export_figure,
    offscreen,
    rect_between,
    render_figure,
    rest_rects,
    settle,
)
from .report import pca_text

CSV_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"
AXIS_COLOURS = ("i_hat", "j_hat", "k_hat")  # PC1, PC2, PC3 wear î's, ĵ's and k̂'s colours
PCA_DESCRIPTION = "Principal component analysis, by Linear Lens"


def choose_csv_path(parent, start: str) -> str | None:
    """Ask for a CSV file (a test replaces this)."""
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Open CSV", start, CSV_FILTER)
    return name or None


def _bold_font() -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPixelSize(15)
    font.setBold(True)
    return font


class PcaFigure(Figure):
    """The cloud with its axes, the PC1 line and the residuals; the variance bars beside it."""

    def __init__(self, parent=None):
        self.plot = PlanePlot()
        self.bars = pg.PlotWidget()
        self.bars.setMenuEnabled(False)
        self.bars.hideButtons()
        self.bars.setMouseEnabled(False, False)
        self.bars.setMinimumWidth(120)
        super().__init__([self.plot, self.bars], [4, 1], parent)
        plot = self.plot
        self.residuals = plot.segments(z=10, antialiased=False)  # 5,000 thin lines a frame
        self.pc1_line = plot.segments(z=12)
        self.points = plot.cloud(z=20)
        self.axes = [plot.segments(z=30) for _ in AXIS_COLOURS]
        self.mean = plot.segments(z=35)
        self.axis_labels = [pg.TextItem(f"PC{n}", anchor=(0.5, 0.5)) for n in range(1, len(AXIS_COLOURS) + 1)]
        for label in self.axis_labels:
            plot.add(label, z=40)
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.bars.addItem(self.bar_item)
        self.bar_labels: list[pg.TextItem] = []
        self.frame: PcaFrame | None = None
        self._framed: tuple | None = None  # (the steps, each rest's rectangle)

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        theme, palette = look.theme, look.palette
        self.plot.apply_theme(look)
        self.bars.setBackground(theme.background)
        for name in ("bottom", "left"):
            self.bars.getAxis(name).setPen(pg.mkPen(theme.axes))
            self.bars.getAxis(name).setTextPen(pg.mkPen(theme.faint_text))
        self.points.set_style(theme.faint_text, 4.5)
        self.residuals.set_pen(pg.mkPen(palette.collapse, width=1.0))
        self.pc1_line.set_pen(pg.mkPen(palette.i_hat, width=1.5, style=QtCore.Qt.PenStyle.DashLine))
        for segments, label, colour in zip(self.axes, self.axis_labels, AXIS_COLOURS):
            segments.set_pen(pg.mkPen(getattr(palette, colour), width=3.5))
            label.setColor(getattr(palette, colour))
            label.setFont(_bold_font())
        self.mean.set_pen(pg.mkPen(theme.text, width=2.0))

    def show_components(self, pca: PCA) -> None:
        """Bars of λᵢ/Σλ, labelled with the percentage."""
        ratios = [c.ratio for c in pca.components]
        look = self.look
        brushes = [pg.mkBrush(getattr(look.palette, colour)) for colour in AXIS_COLOURS[:len(ratios)]]
        self.bar_item.setOpts(x=np.arange(1, len(ratios) + 1), height=ratios, width=0.6, brushes=brushes,
                              pen=pg.mkPen(look.theme.axes))
        for label in self.bar_labels:
            self.bars.removeItem(label)
        self.bar_labels = []
        for number, ratio in enumerate(ratios, start=1):
            label = pg.TextItem(f"{ratio:.0%}", color=look.theme.text, anchor=(0.5, 1.0))
            label.setPos(number, ratio + 0.02)
            self.bars.addItem(label)
            self.bar_labels.append(label)
        self.bars.getAxis("bottom").setTicks([[(n, f"PC{n}") for n in range(1, len(ratios) + 1)]])
        self.bars.setXRange(0.4, len(ratios) + 0.6, padding=0)
        self.bars.setYRange(0, 1.12, padding=0)
        self.bars.setTitle("variance explained", color=look.theme.faint_text, size="10pt")

    def show_frame(self, frame: PcaFrame, rect) -> None:
        self.frame = frame
        self.points.set_points(frame.points)
        self.residuals.set_points(frame.residuals)
        self.pc1_line.set_points(frame.pc1_line if frame.pc1_line is not None else np.zeros((0, 2)))
        for index, (segments, label) in enumerate(zip(self.axes, self.axis_labels)):
            tips = frame.tips[index:index + 1]
            segments.set_points(np.concatenate([np.zeros((len(tips), 2)), tips], axis=1).reshape(-1, 2))
            label.setVisible(len(tips) > 0 and bool(np.any(tips)))
            if label.isVisible():  # beyond the tip, by a fixed share of the view's width
                tip = tips[0]
                label.setPos(*(tip + 0.05 * (rect[1] - rect[0]) * tip / np.linalg.norm(tip)))
        size = 0.03 * (rect[1] - rect[0])
        x, y = frame.mean
        self.mean.set_points([[x - size, y], [x + size, y], [x, y - size], [x, y + size]])
        self.plot.show_rect(rect)

    def draw(self, steps: PcaSteps, position: float) -> None:
        """The steps at ``position`` with the step's title and the numbers as caption, framed so
        each rest's picture fills the plot (:func:`~.plane_plot.rect_between`)."""
        if self._framed is None or self._framed[0] is not steps:
            self._framed = (steps, rest_rects(steps.rest_points(k) for k in range(STEP_COUNT + 1)))
        self.show_frame(steps.at(position), rect_between(self._framed[1], position))
        self.set_text(pca_title(steps, position), pca_caption(steps, position))

    def clear(self) -> None:
        for segments in (self.residuals, self.pc1_line, self.mean, *self.axes):
            segments.set_points(np.zeros((0, 2)))
        self.points.set_points(np.zeros((0, 2)))
        self.bar_item.setOpts(x=[], height=[])


def pca_title(steps: PcaSteps, position: float) -> str:
    """The source, and the step being played at ``position`` (none before the first)."""
    source = steps.pca.data.source
    if position <= 0:
        return f"PCA of {source}"
    step = min(int(np.ceil(position)), STEP_COUNT)
    return f"PCA of {source} — step {step}: {steps.titles[step - 1]}"


def pca_caption(steps: PcaSteps, position: float) -> list[str]:
    """The mean, the covariance, each λ with its share, and what the last step shows."""
    pca = steps.pca
    mean = ", ".join(f"{float(m):.3g}" for m in pca.mean)
    lines = [f"mean ({mean}); covariance {'exact' if pca.exact else 'in decimals'}: "
             + "; ".join("  ".join(scalar_text(x) for x in row) for row in pca.covariance.rows)]
    lines.append(";  ".join(f"PC{n}: λ = {c.text()} ({c.ratio:.1%}), axis √λ = {c.spread:.3g}"
                           for n, c in enumerate(pca.components, start=1)))
    if len(pca.components) == 3:
        lines.append("3D data seen from along PC3 (the direction of least spread).")
    if position >= STEP_COUNT and steps.whitened:
        lines.append("Whitened: z = Λ^(−½)Eᵀ(x − x̄) has covariance I — round, variance 1 "
                     "in every direction.")
    elif position > 2:
        rest = " + ".join(f"λ{'₀₁₂₃'[n]}" for n in range(2, len(pca.components) + 1))
        share = 1 - pca.components[0].ratio
        lines.append(f"Keeping PC1 only loses the residuals: variance {rest} = {share:.1%} of the whole.")
    return lines


def pca_figure(steps: PcaSteps | None, size, look: Look, position: float, problem: str = "") -> PcaFigure:
    """An off-screen figure of ``steps`` at ``position`` for a ``size`` picture (or the problem
    that stopped the analysis); the window's export and ``export --lab pca`` both draw this."""
    figure = offscreen(PcaFigure(), size)
    figure.set_look(look)
    if steps is None:
        figure.set_text("PCA", [problem or "no data"])
    else:
        figure.show_components(steps.pca)
        figure.draw(steps, position)
    settle(figure)
    return figure


def export_pca(steps: PcaSteps, path, size, look: Look) -> Path:
    """Write the end of the steps (the projection, or the whitened cloud) to ``path`` (.png or
    .svg), atomically; the path written."""
    return export_figure(pca_figure(steps, size, look, STEP_COUNT), path, size, PCA_DESCRIPTION)


class PcaMode(MLMode):
    """Principal components of a point cloud, step by step (see the module docstring)."""

    name = "pca"
    title = "PCA"

    # -- settings hooks -------------------------------------------------------------------
    @classmethod
    def default_settings(cls, dimension: int) -> PcaSettings:
        return PcaSettings.default(dimension)

    @classmethod
    def settings_section(cls, settings: PcaSettings) -> dict:
        return pca_settings.section_of(settings)

    @classmethod
    def settings_from_section(cls, raw) -> PcaSettings:
        return pca_settings.settings_from_section(raw)

    @classmethod
    def settings_problem(cls, settings: PcaSettings, dimension: int) -> str | None:
        return settings.problem(dimension)

    # -- building ---------------------------------------------------------------------------
    def __init__(self, host):
        super().__init__(host)
        self.pca: PCA | None = None
        self.steps: PcaSteps | None = None
        self.problem: str | None = None
        self._csv_cache: dict[tuple, Dataset] = {}
        self.figure = PcaFigure()
        self.player = StagePlayer()
        self.player.load(Timeline(STEP_COUNT))
        self.player.moved.connect(self._show_position)
        self.player_bar = PlayerBar(self.player)
        self._canvas = played_canvas(self.figure, self.player_bar)
        self.play_action = QtGui.QAction("&Play the PCA Steps")
        self.play_action.triggered.connect(self.play)
        self._panel = self._build_panel()

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.generated_button = QtWidgets.QRadioButton("Generated clusters")
        self.csv_button = QtWidgets.QRadioButton("CSV file")
        self.covariance_edit = QtWidgets.QLineEdit()
        self.covariance_edit.setPlaceholderText("A·Aᵀ (the cloud A makes of round noise)")
        self.covariance_edit.setToolTip("The covariance of each cluster, e.g. 4 2; 2 2 (empty: A·Aᵀ)")
        self.centres_edit = QtWidgets.QLineEdit()
        self.centres_edit.setToolTip("One centre per cluster, e.g. 0 0; 4 1")
        self.count_spin = QtWidgets.QSpinBox()
        self.count_spin.setRange(1, pca_settings.MAX_CLUSTER_POINTS)
        self.count_spin.setSingleStep(100)
        self.seed_spin = QtWidgets.QSpinBox()
        self.seed_spin.setRange(0, pca_settings.MAX_SEED)
        self.open_button = QtWidgets.QPushButton("Open CSV…")
        self.columns_edit = QtWidgets.QLineEdit()
        self.columns_edit.setPlaceholderText("the first two numeric columns")
        self.columns_edit.setToolTip("2 or 3 columns, by header name or number, e.g. height, weight")
        self.whiten_box = QtWidgets.QCheckBox("End with whitening instead of the projection")
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d55e00;")
        self.notice = QtWidgets.QLabel()
        self.notice.setWordWrap(True)
        self.facts = QtWidgets.QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        sources = QtWidgets.QHBoxLayout()
        sources.addWidget(self.generated_button)
        sources.addWidget(self.csv_button)
        layout = QtWidgets.QFormLayout(panel)
        layout.addRow(sources)
        layout.addRow("Covariance", self.covariance_edit)
        layout.addRow("Centres", self.centres_edit)
        layout.addRow("Points per cluster", self.count_spin)
        layout.addRow("Seed", self.seed_spin)
        layout.addRow(self.open_button)
        layout.addRow("Columns", self.columns_edit)
        layout.addRow(self.whiten_box)
        layout.addRow(self.message)
        layout.addRow(self.notice)
        layout.addRow(self.facts)
        self.generated_button.clicked.connect(lambda: self._edit(source="generated"))
        self.csv_button.clicked.connect(self._choose_csv_source)
        self.covariance_edit.editingFinished.connect(self._commit_covariance)
        self.centres_edit.editingFinished.connect(self._commit_centres)
        self.count_spin.editingFinished.connect(lambda: self._edit(count=self.count_spin.value()))
        self.seed_spin.editingFinished.connect(lambda: self._edit(seed=self.seed_spin.value()))
        self.open_button.clicked.connect(self._open_csv_dialog)
        self.columns_edit.editingFinished.connect(self._commit_columns)
        self.whiten_box.toggled.connect(lambda on: self._edit(whiten=on))
        return panel

    # -- the Mode contract ---------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def plane_box(self):
        return self.figure.plot.getViewBox()

    def actions(self) -> list[QtGui.QAction]:
        return [self.play_action]

    def activated(self, active: bool) -> None:
        if not active:
            self.player.finish()

    def play(self) -> None:
        self.player.seek(0)
        self.player.play()

    def show_state(self, old, new) -> None:
        settings: PcaSettings = new.settings[self.name]
        self._show_settings(settings, new.matrix)
        old_settings = old.settings.get(self.name) if old is not None else None
        if old is not None and old_settings == settings and (settings.covariance is not None
                                                               or settings.source == "csv"
                                                               or old.matrix == new.matrix):
            return  # nothing this view draws has changed
        look = self._look()
        self.figure.set_look(look)
        try:
            dataset = self._dataset(settings, new.matrix)
            self.pca = principal_components(dataset)
        except (CsvError, UnreadableFile, ValueError, LinearAlgebraError) as error:
            self._show_problem(str(error))
            return
        self.problem = None
        self.message.clear()
        self.steps = PcaSteps(self.pca, settings.whiten)
        self.notice.setText(html.escape(dataset.notice()))
        self.facts.setText(self._facts_html())
        self.figure.show_components(self.pca)
        self.player.load(Timeline(STEP_COUNT, *self._durations()), at_end=True)

    def _durations(self) -> tuple[float, float]:
        timeline = self.player.timeline
        return timeline.step_seconds, timeline.pause_seconds

    def _show_problem(self, text: str) -> None:
        self.pca, self.steps, self.problem = None, None, text
        self.message.setText(html.escape(text))
        self.notice.clear()
        self.facts.clear()
        self.figure.clear()
        self.figure.set_text("PCA", [text])

    def _look(self, theme: str | None = None) -> Look:
        preferences = self.host.preferences()
        return Look(theme or preferences.theme, preferences.palette)

    # -- the data ------------------------------------------------------------------------------
    def _dataset(self, settings: PcaSettings, matrix) -> Dataset:
        if settings.source == "generated":
            return pca_settings.generated_dataset(settings, matrix)
        key = self._csv_key(settings)
        if key not in self._csv_cache:
            self._csv_cache = {key: pca_settings.csv_dataset(settings)}  # keep one file in memory
        return self._csv_cache[key]

    @staticmethod
    def _csv_key(settings: PcaSettings) -> tuple:
        try:
            stat = os.stat(settings.csv_path)
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        return (settings.csv_path, settings.columns, stamp)

    def open_csv(self, path, columns: tuple = ()) -> bool:
        """Read ``path`` (its ``columns``) and show it, as one undoable step; a file that cannot be
        read is refused with its reason and nothing changes. True when it was opened."""
        settings = replace(self.settings, source="csv", csv_path=str(path), columns=tuple(columns))
        try:
            principal_components(pca_settings.csv_dataset(settings))
        except (CsvError, UnreadableFile, ValueError, LinearAlgebraError) as error:
            self.message.setText(html.escape(str(error)))
            self.host.status(f"Not opened — {error}")
            return False
        self.push_settings(settings, f"PCA: open {Path(path).name}")
        return True

    def _open_csv_dialog(self) -> None:
        start = str(Path(self.settings.csv_path).parent) if self.settings.csv_path else str(Path.home())
        path = choose_csv_path(self._panel, start)
        if path:
            self.open_csv(path)

    def _choose_csv_source(self) -> None:
        if self.settings.csv_path:
            self._edit(source="csv")
        else:
            self._show_settings(self.settings, self.host.model.state.matrix)
            self._open_csv_dialog()

    # -- edits ---------------------------------------------------------------------------------
    def _edit(self, **changes) -> None:
        settings = replace(self.settings, **changes)
        if settings != self.settings:
            what = ", ".join(changes)
            self.push_settings(settings, f"PCA: {what}")

    def _commit_covariance(self) -> None:
        text = self.covariance_edit.text().strip()
        if not text:
            self._edit(covariance=None)
            return
        try:
            covariance = parse_covariance(text)
        except (ValueError, LinearAlgebraError) as error:
            self.message.setText(f"Covariance: {html.escape(str(error))}")
            return
        self._edit(covariance=covariance, source="generated")

    def _commit_centres(self) -> None:
        try:
            centres = parse_matrix(self.centres_edit.text())
        except (ValueError, LinearAlgebraError) as error:
            self.message.setText(f"Centres: {html.escape(str(error))}")
            return
        if not 1 <= centres.shape[0] <= pca_settings.MAX_CLUSTERS:
            self.message.setText(f"Centres: give 1 to {pca_settings.MAX_CLUSTERS} centres, one per row")
            return
        settings = replace(self.settings, centres=centres.rows)
        problem = settings.problem(self.host.model.state.dimension)
        if problem:
            self.message.setText(f"Centres: {html.escape(problem)}")
            return
        self._edit(centres=centres.rows)

    def _commit_columns(self) -> None:
        columns = tuple(c.strip() for c in self.columns_edit.text().split(",") if c.strip())
        if columns != self.settings.columns and self.settings.csv_path:
            self.open_csv(self.settings.csv_path, columns)

    def _show_settings(self, settings: PcaSettings, matrix) -> None:
        widgets = (self.generated_button, self.csv_button, self.covariance_edit, self.centres_edit,
                   self.count_spin, self.seed_spin, self.columns_edit, self.whiten_box)
        blocked = [w.blockSignals(True) for w in widgets]
        self.generated_button.setChecked(settings.source == "generated")
        self.csv_button.setChecked(settings.source == "csv")
        covariance = settings.covariance
        self.covariance_edit.setText("" if covariance is None else covariance_text(covariance))
        self.centres_edit.setText("; ".join(" ".join(scalar_text(x) for x in c) for c in settings.centres))
        self.count_spin.setValue(settings.count)
        self.seed_spin.setValue(settings.seed)
        self.columns_edit.setText(", ".join(settings.columns))
        self.whiten_box.setChecked(settings.whiten)
        for widget, was in zip(widgets, blocked):
            widget.blockSignals(was)
        generated = settings.source == "generated"
        for widget in (self.covariance_edit, self.centres_edit, self.count_spin, self.seed_spin):
            widget.setEnabled(generated)
        self.columns_edit.setEnabled(not generated)

    # -- drawing -------------------------------------------------------------------------------
    def _show_position(self, position: float) -> None:
        if self.steps is None:
            return
        self.figure.draw(self.steps, position)

    def _facts_html(self) -> str:
        return f"<pre style='font-size: 9pt'>{html.escape(pca_text(self.pca))}</pre>"

    # -- pictures and notes ----------------------------------------------------------------------
    def _offscreen_figure(self, size, theme: str | None) -> PcaFigure:
        return pca_figure(self.steps, size, self._look(theme), self.player.position, self.problem or "")

    def render(self, size, theme) -> QtGui.QImage:
        return render_figure(self._offscreen_figure(size, theme), size)

    def export_picture(self, path: Path, size, theme) -> Path:
        return export_figure(self._offscreen_figure(size, theme), path, size, PCA_DESCRIPTION)

    def notes(self, kind: str) -> str:
        if self.pca is None:
            return ""
        text = pca_text(self.pca)
        if kind == "latex":
            return f"\\begin{{verbatim}}\n{text}\n\\end{{verbatim}}\n"
        return f"```\n{text}\n```\n"
