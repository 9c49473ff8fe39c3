"""Gradient descent on f(x) = ½xᵀAx, A the symmetric part of the current matrix: the speed is
set by A's eigenvalues. Each step multiplies the error along the eigenvector of λ by 1 − αλ, so
plain descent converges iff 0 < αλᵢ < 2 for every λᵢ (with momentum β, iff 0 < αλᵢ < 2 + 2β).

The learner drags the start, sets α (a slider in units of 2/λ_max, where plain descent starts to
diverge) and β, or asks for the best values; the verdict comes from the eigenvalues and the path
and the error plot show it. The maths is :mod:`.descent`; the picture :mod:`.descent_canvas`.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import ExpressionError, Vector, parse_matrix, parse_scalar

from . import descent_settings, report
from .descent import PRESETS, Preset, best_learning_rate, best_momentum, check_settings
from .descent_canvas import START_HANDLE, DescentCanvas, export_descent, render_descent
from .descent_picture import DescentPicture, descent_picture
from .descent_settings import MAX_DRAWN_STEPS, DescentSettings
from .mode import MLMode
from .state import MLState

RATE_SLIDER_STEPS = 100  # slider ticks per unit of 2/λ_max
RATE_SLIDER_UNITS = 1.5  # the slider reaches 1.5 × 2/λ_max: far enough to see divergence
MOMENTUM_STEPS = 100  # β in hundredths
_drag_ids = itertools.count(1)


def _number(value) -> str:
    return f"{float(value):.4g}".replace("-", "−")


class DescentMode(MLMode):
    """The gradient-descent view (see the module docstring)."""

    name = "descent"
    title = "Gradient descent"

    # -- settings (class-level hooks of the lab's state) ---------------------------------------
    @classmethod
    def default_settings(cls, dimension: int) -> DescentSettings:
        return descent_settings.default_settings(dimension)

    @classmethod
    def settings_section(cls, settings) -> dict:
        return descent_settings.settings_section(settings)

    @classmethod
    def settings_from_section(cls, raw) -> DescentSettings:
        return descent_settings.settings_from_section(raw)

    @classmethod
    def settings_problem(cls, settings, dimension: int) -> str | None:
        return settings.problem(dimension)

    # -- the view -----------------------------------------------------------------------------
    def __init__(self, host):
        super().__init__(host)
        self.picture: DescentPicture | None = None
        self._drag_id: int | None = None
        self.descent_canvas = DescentCanvas()
        self._panel = self._build_panel()
        self.descent_canvas.plane.view_box.handle_dragged.connect(self._on_dragged)

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.verdict_text = QtWidgets.QTextBrowser()
        self.rate_edit = QtWidgets.QLineEdit()
        self.rate_edit.setToolTip("α > 0: a number or an expression (1/10, 2/(5+1))")
        self.rate_slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.rate_slider.setRange(1, round(RATE_SLIDER_UNITS * RATE_SLIDER_STEPS))
        self.rate_slider.setToolTip("α in units of 2/λ_max: past 1, plain descent diverges")
        self.rate_units = QtWidgets.QLabel()
        self.momentum_slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.momentum_slider.setRange(0, MOMENTUM_STEPS - 1)
        self.momentum_slider.setToolTip("Heavy-ball momentum β: each step keeps β of the last one")
        self.momentum_label = QtWidgets.QLabel()
        self.steps_box = QtWidgets.QSpinBox()
        self.steps_box.setRange(1, MAX_DRAWN_STEPS)
        self.best_rate_button = QtWidgets.QPushButton("Optimal α = 2/(λ₁ + λₙ)")
        self.best_momentum_button = QtWidgets.QPushButton("Optimal momentum")
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d55e00;")
        presets = QtWidgets.QHBoxLayout()
        self.preset_buttons = {}
        for preset in PRESETS:
            button = QtWidgets.QPushButton(preset.name)
            button.setToolTip(preset.story)
            button.clicked.connect(lambda _=False, p=preset: self.apply_preset(p))
            presets.addWidget(button)
            self.preset_buttons[preset.name] = button
        form = QtWidgets.QFormLayout()
        form.addRow("Learning rate α", self.rate_edit)
        form.addRow(self.rate_units, self.rate_slider)
        form.addRow(self.momentum_label, self.momentum_slider)
        form.addRow("Steps", self.steps_box)
        best = QtWidgets.QHBoxLayout()
        best.addWidget(self.best_rate_button)
        best.addWidget(self.best_momentum_button)
        hint = QtWidgets.QLabel("Drag <b>x₀</b> on the contour map to start elsewhere.")
        hint.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict_text, stretch=1)
        layout.addLayout(form)
        layout.addLayout(best)
        layout.addWidget(QtWidgets.QLabel("<b>Presets</b>"))
        layout.addLayout(presets)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        self.rate_edit.editingFinished.connect(self._commit_rate_text)
        self.rate_slider.valueChanged.connect(self._commit_rate_slider)
        self.momentum_slider.valueChanged.connect(self._commit_momentum)
        self.steps_box.valueChanged.connect(self._commit_steps)
        for slider in (self.rate_slider, self.momentum_slider):
            slider.sliderPressed.connect(self._begin_slide)
            slider.sliderReleased.connect(self._end_drag)
        self.best_rate_button.clicked.connect(self.set_best_learning_rate)
        self.best_momentum_button.clicked.connect(self.set_best_momentum)
        return panel

    # -- the mode contract ---------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self.descent_canvas

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def plane_box(self):
        return self.descent_canvas.plane.getViewBox()

    def show_state(self, old, new) -> None:
        settings: DescentSettings = new.settings[self.name]
        self.picture = picture = descent_picture(new.matrix, settings)
        self.descent_canvas.show_picture(picture, *self._look())
        self._show_controls(picture)
        self._show_verdict(picture)

    def _look(self) -> tuple[str, str]:
        preferences = self.host.preferences()
        return preferences.theme, preferences.palette

    def _show_controls(self, picture: DescentPicture) -> None:
        settings = picture.settings
        units = picture.learning_rate_units()
        widgets = (self.rate_edit, self.rate_slider, self.momentum_slider, self.steps_box)
        blocked = [widget.blockSignals(True) for widget in widgets]
        if not self.rate_edit.hasFocus():
            rate = settings.learning_rate
            self.rate_edit.setText(_number(rate) if isinstance(rate, float) else str(rate))
        self.rate_slider.setEnabled(units is not None)
        if units is not None and not self.rate_slider.isSliderDown():
            self.rate_slider.setValue(round(units * RATE_SLIDER_STEPS))
        self.rate_units.setText(f"α = {_number(units)} × 2/λ_max" if units is not None
                                else "no λ > 0: no 2/λ_max")
        self.momentum_slider.setValue(round(float(settings.momentum) * MOMENTUM_STEPS))
        self.momentum_label.setText(f"Momentum β = {_number(settings.momentum)}")
        self.steps_box.setValue(settings.steps)
        for widget, was in zip(widgets, blocked):
            widget.blockSignals(was)
        bowl = picture.q.is_positive_definite
        why = "" if bowl else f"There is no best choice: f is {picture.q.shape_sentence()}."
        for button in (self.best_rate_button, self.best_momentum_button):
            button.setEnabled(bowl)
            button.setToolTip(why)

    def _show_verdict(self, picture: DescentPicture) -> None:
        q, result = picture.q, picture.verdict
        head = "converges" if result.converges else "does not converge"
        parts = [f"<h3>Gradient descent {head}</h3>",
                 f"<p>f is {html.escape(q.shape_sentence())}.</p>",
                 f"<p>{html.escape(result.sentence[0].upper() + result.sentence[1:])}.</p>",
                 "<p>Along each eigen-direction of A:</p><ul>",
                 *(f"<li>{html.escape(line)}</li>" for line in result.directions), "</ul>"]
        observed = picture.run.observed_rate
        if result.converges and observed is not None:
            with_momentum = " (with β)" if picture.settings.momentum else ""
            parts.append(f"<p>Rate per step: predicted max|1 − αλᵢ| = {_number(result.rate)}{with_momentum}, "
                         f"observed {_number(observed)}.</p>")
        if q.is_positive_definite:
            alpha, rate = best_learning_rate(q)
            m_alpha, m_beta, m_rate = best_momentum(q)
            parts.append(f"<p><b>Best α</b> = 2/(λ₁ + λₙ) = {_number(alpha)}: rate (κ − 1)/(κ + 1) = "
                         f"{_number(rate)}.<br><b>Best momentum</b>: α = {_number(m_alpha)}, "
                         f"β = {_number(m_beta)}: rate {_number(m_rate)}.</p>")
        self.verdict_text.setHtml("".join(parts))

    # -- edits ---------------------------------------------------------------------------------
    def _push(self, settings: DescentSettings, text: str, drag_id: int | None = None) -> None:
        problem = settings.problem(self.host.model.state.dimension)
        if problem:
            self.message.setText(problem)
            self.host.status(f"Not committed — {problem}.")
            self.show_state(None, self.host.model.state)  # the controls show the kept values
            return
        self.message.clear()
        self.push_settings(settings, text, drag_id)

    def _commit_rate_text(self) -> None:
        try:
            value = parse_scalar(self.rate_edit.text())
            check_settings(value, self.settings.momentum)
        except (ExpressionError, ValueError, TypeError, ArithmeticError) as error:
            self.message.setText(f"α: {error}")
            self.host.status(f"Not committed — α: {error}. The last valid α is kept.")
            return
        if value != self.settings.learning_rate:
            self._push(replace(self.settings, learning_rate=value), "Set the learning rate")

    def _commit_rate_slider(self, value: int) -> None:
        """α = (slider / 100) × 2/λ_max, exact when λ_max is rational."""
        assert self.picture is not None
        top = self.picture.q.eigenvalues[0]
        units = Fraction(value, RATE_SLIDER_STEPS)
        alpha = units * 2 / top if isinstance(top, Fraction) else float(units) * 2 / float(top)
        drag = self._slider_drag(self.rate_slider)
        self._push(replace(self.settings, learning_rate=alpha), "Slide the learning rate", drag)

    def _commit_momentum(self, value: int) -> None:
        drag = self._slider_drag(self.momentum_slider)
        self._push(replace(self.settings, momentum=Fraction(value, MOMENTUM_STEPS)), "Set the momentum", drag)

    def _slider_drag(self, slider: QtWidgets.QSlider) -> int | None:
        """One undo step per slide: the id of the slide while the slider is held down."""
        return self._drag_id if slider.isSliderDown() else None

    def _begin_slide(self) -> None:
        self._drag_id = next(_drag_ids)

    def _end_drag(self) -> None:
        self._drag_id = None

    def _commit_steps(self, value: int) -> None:
        self._push(replace(self.settings, steps=value), "Set the number of steps")

    def _on_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """The start x₀ dragged (to the nearest hundredth): one undoable step per drag."""
        if name != START_HANDLE:
            return
        if self._drag_id is None:
            self._drag_id = next(_drag_ids)
        start = Vector([Fraction(round(x * 100), 100), Fraction(round(y * 100), 100)])
        self._push(replace(self.settings, start=start), "Drag the start x₀", self._drag_id)
        if finished:
            self._drag_id = None

    def set_best_learning_rate(self) -> None:
        """α = 2/(λ₁ + λₙ) and no momentum: the fastest plain descent."""
        assert self.picture is not None
        alpha, _rate = best_learning_rate(self.picture.q)
        self._push(replace(self.settings, learning_rate=alpha, momentum=Fraction(0)), "Optimal α")

    def set_best_momentum(self) -> None:
        """α = (2/(√λ₁ + √λₙ))², β = ((√κ − 1)/(√κ + 1))²: the fastest heavy ball."""
        assert self.picture is not None
        alpha, beta, _rate = best_momentum(self.picture.q)
        self._push(replace(self.settings, learning_rate=alpha, momentum=beta), "Optimal momentum")

    def apply_preset(self, preset: Preset) -> None:
        """The preset's matrix and settings, as one undoable step."""
        matrix = parse_matrix(preset.matrix)
        settings = DescentSettings(Vector([parse_scalar(c) for c in preset.start.split()]),
                                   parse_scalar(preset.learning_rate), parse_scalar(preset.momentum),
                                   preset.steps)
        state = self.host.model.state
        if matrix.shape != state.matrix.shape:
            state = MLState.fresh(self.host.codecs, matrix=matrix)
        self.host.push(replace(state, matrix=matrix).with_settings(self.name, settings),
                       f"Gradient descent: {preset.name}")
        self.host.switch_mode(self.name)

    def presets(self) -> list:
        return [(f"{preset.name}: {preset.story}", lambda p=preset: self.apply_preset(p))
                for preset in PRESETS]

    # -- pictures and notes --------------------------------------------------------------------
    def _picture_theme(self, theme: str | None) -> tuple[DescentPicture, str, str]:
        assert self.picture is not None  # built by the first show_state
        own, palette = self._look()
        return self.picture, theme or own, palette

    def render(self, size, theme) -> QtGui.QImage:
        picture, theme, palette = self._picture_theme(theme)
        return render_descent(picture, size, theme, palette)

    def export_picture(self, path: Path, size, theme) -> Path:
        picture, theme, palette = self._picture_theme(theme)
        return export_descent(picture, path, size, theme, palette)

    def notes(self, kind: str) -> str:
        picture = self.picture
        assert picture is not None
        s = picture.settings
        text = report.gd_text(picture.q, s.learning_rate, s.momentum, picture.run, picture.verdict)
        if kind == "latex":
            return "\\begin{verbatim}\n" + text + "\n\\end{verbatim}"
        return "```\n" + text + "\n```"
