"""Playing steps in time: a clock over a :class:`~.stages.Timeline`, and the bar that drives it.

One :class:`StagePlayer` drives every canvas of a mode, so AB, BA and their difference move
together; the :class:`PlayerBar` scrubber spans the whole run (all steps, with the pauses at
the rest points), and Step ◀ / Step ▶ jump between rest points.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtWidgets

from ..animation import smooth
from ..stages import Timeline

FRAME_MS = 16
SLIDER_STEPS = 1000


class StagePlayer(QtCore.QObject):
    """A clock over a timeline. ``moved(position)`` on every frame and seek; ``state_changed``
    when it starts or stops. Positions run from 0 to the number of steps."""

    moved = QtCore.pyqtSignal(float)
    state_changed = QtCore.pyqtSignal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.timeline = Timeline(1)
        self.easing = smooth
        self._seconds = 0.0
        self._clock = QtCore.QElapsedTimer()
        self._started_at = 0.0
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def position(self) -> float:
        return self.timeline.position(self._seconds, self.easing)

    @property
    def seconds(self) -> float:
        return self._seconds

    def load(self, timeline: Timeline, at_end: bool = True) -> None:
        """Use ``timeline`` (new steps, or new durations); stand at its end or its start."""
        self.stop()
        self.timeline = timeline
        self.seek_seconds(timeline.total if at_end else 0.0)

    def set_durations(self, step_seconds: float, pause_seconds: float) -> None:
        """Change how long a step and a pause last, keeping the picture where it is."""
        position = self.position
        self.timeline = Timeline(self.timeline.count, step_seconds, pause_seconds)
        self._seconds = self.timeline.seconds(position)
        if self.playing:
            self._started_at = self._seconds
            self._clock.restart()

    def play(self) -> None:
        """Play from here (from the start when at the end)."""
        if self._seconds >= self.timeline.total:
            self._seconds = 0.0
        self._started_at = self._seconds
        self._clock.restart()
        self._timer.start()
        self.state_changed.emit(True)
        self.moved.emit(self.position)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.state_changed.emit(False)

    def toggle(self) -> None:
        self.stop() if self.playing else self.play()

    def seek_seconds(self, seconds: float) -> None:
        self._seconds = min(max(seconds, 0.0), self.timeline.total)
        if self.playing:
            self._started_at = self._seconds
            self._clock.restart()
        self.moved.emit(self.position)

    def seek(self, position: float) -> None:
        """Stand at ``position`` (0 … number of steps)."""
        self.seek_seconds(self.timeline.seconds(position))

    def step(self, direction: int) -> None:
        """Stop and jump to the next (+1) or previous (−1) rest point."""
        self.stop()
        position = self.position
        target = int(position) + 1 if direction > 0 else int(-(-position // 1)) - 1
        self.seek(min(max(target, 0), self.timeline.count))

    def finish(self) -> None:
        self.stop()
        self.seek_seconds(self.timeline.total)

    def _tick(self) -> None:
        self._seconds = min(self._started_at + self._clock.elapsed() / 1000.0, self.timeline.total)
        self.moved.emit(self.position)
        if self._seconds >= self.timeline.total:
            self.stop()


class PlayerBar(QtWidgets.QWidget):
    """Play/Pause, Step ◀ / ▶, a scrubber over the whole run, and the step and pause lengths."""

    def __init__(self, player: StagePlayer, parent=None):
        super().__init__(parent)
        self.player = player
        self.play_button = QtWidgets.QPushButton("▶ Play")
        self.play_button.setToolTip("Play every step from the start (Space)")
        self.back_button = QtWidgets.QToolButton()
        self.back_button.setText("◀")
        self.back_button.setToolTip("Back to the previous rest point")
        self.forward_button = QtWidgets.QToolButton()
        self.forward_button.setText("▶|")
        self.forward_button.setToolTip("On to the next rest point")
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setToolTip("Scrub through every step")
        self.where = QtWidgets.QLabel()
        self.where.setMinimumWidth(90)
        self.step_seconds = QtWidgets.QDoubleSpinBox()
        self.step_seconds.setRange(0.2, 10.0)
        self.step_seconds.setSingleStep(0.1)
        self.step_seconds.setSuffix(" s")
        self.step_seconds.setToolTip("How long each step takes")
        self.pause_seconds = QtWidgets.QDoubleSpinBox()
        self.pause_seconds.setRange(0.0, 5.0)
        self.pause_seconds.setSingleStep(0.1)
        self.pause_seconds.setSuffix(" s")
        self.pause_seconds.setToolTip("How long the picture rests after each step")
        self.step_seconds.setValue(player.timeline.step_seconds)
        self.pause_seconds.setValue(player.timeline.pause_seconds)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.play_button, self.back_button, self.forward_button):
            layout.addWidget(widget)
        layout.addWidget(self.slider, stretch=1)
        layout.addWidget(self.where)
        layout.addWidget(QtWidgets.QLabel("step"))
        layout.addWidget(self.step_seconds)
        layout.addWidget(QtWidgets.QLabel("pause"))
        layout.addWidget(self.pause_seconds)
        self.play_button.clicked.connect(player.toggle)
        self.back_button.clicked.connect(lambda: player.step(-1))
        self.forward_button.clicked.connect(lambda: player.step(+1))
        self.slider.valueChanged.connect(self._scrub)
        self.step_seconds.valueChanged.connect(self._durations)
        self.pause_seconds.valueChanged.connect(self._durations)
        player.moved.connect(self._show_position)
        player.state_changed.connect(
            lambda playing: self.play_button.setText("Pause" if playing else "▶ Play"))

    def _scrub(self, value: int) -> None:
        self.player.stop()
        self.player.seek_seconds(value / SLIDER_STEPS * self.player.timeline.total)

    def _durations(self, *_) -> None:
        self.player.set_durations(self.step_seconds.value(), self.pause_seconds.value())

    def _show_position(self, position: float) -> None:
        timeline = self.player.timeline
        blocked = self.slider.blockSignals(True)
        fraction = self.player.seconds / timeline.total if timeline.total else 1.0
        self.slider.setValue(round(fraction * SLIDER_STEPS))
        self.slider.blockSignals(blocked)
        whole = abs(position - round(position)) < 1e-9
        self.where.setText(f"step {round(position)} of {timeline.count}" if whole
                           else f"step {int(position) + 1} of {timeline.count}…")


def played_canvas(picture: QtWidgets.QWidget, *below: QtWidgets.QWidget,
                  into: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """A mode's canvas: ``picture``, taking the room, above ``below`` (a footer, the
    :class:`PlayerBar`), edge to edge; laid out in ``into`` if given, else in a new widget."""
    canvas = into if into is not None else QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(canvas)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(picture, stretch=1)
    for widget in below:
        layout.addWidget(widget)
    return canvas
