"""Play from the identity, pause, scrub t ∈ [0, 1], choose a speed, and read det(t)."""

import numpy as np
from PyQt6 import QtCore, QtWidgets

from kernels import format_scalar

SLIDER_STEPS = 1000
SPEEDS = (("0.25×", 0.25), ("0.5×", 0.5), ("1×", 1.0), ("2×", 2.0))


class AnimationBar(QtWidgets.QWidget):
    """Controls bound to an :class:`~viz.animation.Animator`; ``play_from_identity`` is a signal
    because only the app knows the committed matrix."""

    play_from_identity = QtCore.pyqtSignal()

    def __init__(self, animator, parent=None):
        super().__init__(parent)
        self.animator = animator
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.play_button = QtWidgets.QPushButton("▶ Play from I")
        self.play_button.setToolTip("Animate from the identity to the current matrix (Space)")
        self.pause_button = QtWidgets.QPushButton("Pause")
        self.pause_button.setCheckable(True)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS)
        self.slider.setToolTip("Scrub through the animation: t from 0 to 1")
        self.t_label = QtWidgets.QLabel()
        self.det_label = QtWidgets.QLabel()
        for label in (self.t_label, self.det_label):
            label.setMinimumWidth(110)
        self.speed = QtWidgets.QComboBox()
        for text, value in SPEEDS:
            self.speed.addItem(text, value)
        self.speed.setCurrentIndex(2)
        self.speed.setToolTip("Playback speed")
        for widget in (self.play_button, self.pause_button, QtWidgets.QLabel("t"), self.slider,
                       self.t_label, self.det_label, self.speed):
            layout.addWidget(widget)
        layout.setStretchFactor(self.slider, 1)
        self.play_button.clicked.connect(self.play_from_identity)
        self.pause_button.toggled.connect(self._toggle_pause)
        self.slider.sliderMoved.connect(lambda value: animator.seek(value / SLIDER_STEPS))
        self.speed.currentIndexChanged.connect(
            lambda _: setattr(animator, "speed", self.speed.currentData()))
        animator.frame.connect(self._show_frame)
        animator.state_changed.connect(self._show_state)
        self._show_frame(animator.current_matrix(), animator.progress)

    def _toggle_pause(self, paused: bool) -> None:
        if paused:
            self.animator.pause()
        elif self.animator.progress < 1.0:
            self.animator.resume()

    def _show_state(self, playing: bool) -> None:
        blocked = self.pause_button.blockSignals(True)
        self.pause_button.setChecked(not playing and self.animator.progress < 1.0)
        self.pause_button.setText("Resume" if self.pause_button.isChecked() else "Pause")
        self.pause_button.blockSignals(blocked)

    def _show_frame(self, matrix, t: float) -> None:
        if not self.slider.isSliderDown():
            blocked = self.slider.blockSignals(True)
            self.slider.setValue(round(t * SLIDER_STEPS))
            self.slider.blockSignals(blocked)
        self.t_label.setText(f"t = {t:.2f}")
        with np.errstate(all="ignore"):  # entries near the float limit: say so, do not warn
            det = float(np.linalg.det(matrix))
        if not np.isfinite(det):
            self.det_label.setText("det(t) too large to show")
            return
        self.det_label.setText(f"det(t) = {det_text(det)}".replace("-", "−"))


def det_text(det: float) -> str:
    """det(t) with three decimals, or four significant digits when that would hide it (a tiny
    det is not 0) or run long (the path's det is geometric: 10^150 halfway to a 10^300 det).

    >>> det_text(1.0), det_text(-0.5), det_text(-1e-7), det_text(1e154), det_text(0.0)
    ('1.000', '-0.500', '-1e-7', '1e154', '0.000')
    """
    if det == 0 or 1e-3 <= abs(det) < 1e6:
        return f"{round(det, 3) + 0.0:.3f}"  # + 0.0 turns −0.0 into 0.0
    return format_scalar(det, 4)
