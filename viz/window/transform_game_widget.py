"""The transform game on screen: the picture now, one button per allowed move (hovering one
draws the picture after it, faintly: the ghost), Undo, the move count and the fewest possible.

The rules and the optimum are :mod:`viz.lessons.transform_game`'s (Qt-free); each move plays
the studio's animation from the picture before to the picture after.
"""

from __future__ import annotations

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels.notation import matrix_text

from ..animation import Animator
from ..items.grid import GridItem
from ..lessons.transform_game import GameRun, Move, TransformGame
from .exercise_widget import ExercisePlane, plane_scene

MOVE_SECONDS = 0.5
GHOST_OPACITY = 0.45


def _floats(matrix) -> np.ndarray:
    return np.array(matrix.to_floats(), dtype=float)


class TransformGameWidget(QtWidgets.QWidget):
    """Plays ``game``; emits :attr:`answered` with the run's Feedback when the goal is reached.

    Signals:
        answered(Feedback): the goal was reached (``correct``; a detour is named in ``mistakes``).
    """

    answered = QtCore.pyqtSignal(object)

    def __init__(self, game: TransformGame, parent=None):
        super().__init__(parent)
        self.game = game
        self.run = GameRun(game)
        self.animator = Animator(duration=MOVE_SECONDS, parent=self)
        self.animator.frame.connect(lambda display, _t: self.plane.show_matrix(display))
        self.question = QtWidgets.QLabel(game.question, wordWrap=True)
        self.plane = ExercisePlane(plane_scene(game.start))
        reach = max(abs(x) for m in (game.start, game.goal) for row in m.rows for x in row)
        self.plane.frame_points([(float(reach), float(reach))])
        self.ghost = GridItem(self.plane.view_box, z=45)
        self.ghost_shown: Move | None = None
        self._hide_ghost()
        self.plane.view_box.sigRangeChanged.connect(
            lambda *_: self.ghost.set_view_rect(self.plane.visible_rect()))
        self.move_buttons: dict[str, QtWidgets.QPushButton] = {}
        moves = QtWidgets.QHBoxLayout()
        for move in game.moves:
            button = QtWidgets.QPushButton(move.name)
            button.setToolTip(move.meaning)
            button.clicked.connect(lambda _checked, m=move: self.make(m))
            button.installEventFilter(self)
            self.move_buttons[move.name] = button
            moves.addWidget(button)
        self.undo_button = QtWidgets.QPushButton("Undo")
        self.undo_button.clicked.connect(self.undo)
        moves.addStretch(1)
        moves.addWidget(self.undo_button)
        self.count = QtWidgets.QLabel()
        self.feedback = QtWidgets.QLabel(wordWrap=True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.plane, 1)
        layout.addLayout(moves)
        layout.addWidget(self.count)
        layout.addWidget(self.feedback)
        self.plane.show_matrix(_floats(game.start))
        self._update()

    # -- the ghost ------------------------------------------------------------------------------
    def eventFilter(self, watched, event):
        for name, button in self.move_buttons.items():
            if watched is button:
                if event.type() == QtCore.QEvent.Type.Enter:
                    self.show_ghost(self.game.move(name))
                elif event.type() == QtCore.QEvent.Type.Leave:
                    self._hide_ghost()
        return super().eventFilter(watched, event)

    def show_ghost(self, move: Move) -> None:
        """Draw, faintly, the grid after ``move`` would be made."""
        look = self.plane.picture.look
        color = QtGui.QColor(look.text)
        color.setAlphaF(GHOST_OPACITY)
        self.ghost.set_style(color, 1.2, color, 2.4)
        self.ghost.set_view_rect(self.plane.visible_rect())
        self.ghost.set_matrix(_floats(self.run.after(move)))
        self.ghost_shown = move

    def _hide_ghost(self) -> None:
        clear = QtGui.QColor(0, 0, 0, 0)
        self.ghost.set_style(clear, 0.0, clear, 0.0)
        self.ghost_shown = None

    # -- moves ------------------------------------------------------------------------------------
    def make(self, move: Move) -> None:
        """Make ``move`` and animate the picture to E·C."""
        if self.run.solved:
            return
        before = _floats(self.run.current)
        self.run.apply(move)
        self._play(before)
        if self.ghost_shown is not None:
            self.show_ghost(self.ghost_shown)

    def undo(self) -> None:
        before = _floats(self.run.current)
        self.run.undo()
        self._play(before)

    def _play(self, before: np.ndarray) -> None:
        self.plane.show_scene(plane_scene(self.run.current))
        self.animator.play(before, _floats(self.run.current))
        self._update()

    def _update(self) -> None:
        run = self.run
        self.count.setText(f"Moves: {run.steps} · now {matrix_text(run.current.rows)} · "
                           f"fewest possible: {self.game.optimum}")
        self.undo_button.setEnabled(run.steps > 0 and not run.solved)
        for button in self.move_buttons.values():
            button.setEnabled(not run.solved)
        if run.solved:
            feedback = run.feedback()
            self.feedback.setText(("✓ " if feedback.correct else "") + feedback.message)
            self._hide_ghost()
            self.answered.emit(feedback)
        else:
            self.feedback.setText("")
