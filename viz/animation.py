"""Animation: begin a path, interpolate with an easing curve on one timer, finish.

The animator never touches the model: it pushes a *display* matrix (a numpy array) to
whoever listens, frame by frame, and says when it reaches the end.
"""

import time

import numpy as np
from PyQt6 import QtCore

from .interpolation import TransformPath

FRAME_INTERVAL_MS = 16  # ≈ 60 frames per second


def smooth(t: float) -> float:
    """Ease in and out (a smoothstep): slow start, fast middle, slow landing."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


def eased_displays(motion: TransformPath, count: int) -> list[np.ndarray]:
    """The matrix on screen at each of ``count`` evenly spaced frames of ``motion``, eased by
    :func:`smooth` as the window plays it (an exported animation's frames)."""
    return [motion.at(smooth(i / max(count - 1, 1))) for i in range(count)]


def linear(t: float) -> float:
    return min(max(t, 0.0), 1.0)


class Animator(QtCore.QObject):
    """Plays a :class:`TransformPath` over ``duration`` seconds (divided by ``speed``).

    Signals:
        frame(matrix, t): the display matrix at progress t ∈ [0, 1] (t before easing).
        state_changed(playing): the animation started, paused or ended.
    """

    frame = QtCore.pyqtSignal(object, float)
    state_changed = QtCore.pyqtSignal(bool)

    def __init__(self, duration: float = 1.0, easing=smooth, parent=None):
        super().__init__(parent)
        self.duration = duration
        self.easing = easing
        self.speed = 1.0
        self._path = TransformPath(np.eye(2), np.eye(2))
        self._progress = 1.0
        self._last_tick = 0.0
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def path(self) -> TransformPath:
        return self._path

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def current_matrix(self) -> np.ndarray:
        return self._path.at(self.easing(self._progress))

    def play(self, start, end) -> None:
        """Animate from ``start`` to ``end`` (square arrays of one size) from the beginning.

        When no rotation-aware path can be computed (the polar decomposition of entries near
        the float limit), the new matrix is shown at once instead.
        """
        try:
            self._path = TransformPath(start, end)
        except (ValueError, ArithmeticError):
            self.jump(end)
            return
        self._progress = 0.0
        self._emit()
        self.resume()

    def jump(self, matrix) -> None:
        """Show ``matrix`` at once, with no animation (used while dragging)."""
        self._timer.stop()
        self._path = TransformPath(matrix, matrix)
        self._progress = 1.0
        self._emit()
        self.state_changed.emit(False)

    def resume(self) -> None:
        if self._progress >= 1.0:
            self._progress = 0.0
        self._last_tick = time.perf_counter()
        self._timer.start()
        self.state_changed.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.state_changed.emit(False)

    def seek(self, t: float) -> None:
        """Show the path at progress t (the scrubber); pauses playback."""
        self.pause()
        self._progress = min(max(t, 0.0), 1.0)
        self._emit()

    def finish(self) -> None:
        """Jump to the end of the current path."""
        self.seek(1.0)

    def _tick(self) -> None:
        now = time.perf_counter()
        step = (now - self._last_tick) * self.speed / max(self.duration, 1e-6)
        self._last_tick = now
        self._progress = min(1.0, self._progress + step)
        self._emit()
        if self._progress >= 1.0:
            self._timer.stop()
            self.state_changed.emit(False)

    def _emit(self) -> None:
        self.frame.emit(self.current_matrix(), self._progress)
