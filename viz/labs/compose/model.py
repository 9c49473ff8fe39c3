"""The lab's model. Every edit — a cell of A or B, the vector x, the sequence, a row operation —
is one :class:`viz.commands.ReplaceLabState` of it on the window's shared undo stack, so Ctrl+Z
undoes the learner's row operations one at a time and the autosave follows every change.
"""

from PyQt6 import QtCore

from .state import ComposeState


class ComposeModel(QtCore.QObject):
    """The committed :class:`ComposeState`; ``changed(old, new)`` after each change."""

    changed = QtCore.pyqtSignal(object, object)

    def __init__(self, state: ComposeState | None = None, parent=None):
        super().__init__(parent)
        self._state = self.checked(state or ComposeState.fresh())

    @property
    def state(self) -> ComposeState:
        return self._state

    @staticmethod
    def checked(state: ComposeState) -> ComposeState:
        """``state`` if it keeps every rule of the lab, else a ValueError naming the broken one."""
        return state.checked()

    def set_state(self, state: ComposeState) -> None:
        """The one way in: a checked state replaces the current one (ValueError otherwise)."""
        state = self.checked(state)
        if state == self._state:
            return
        old, self._state = self._state, state
        self.changed.emit(old, state)
