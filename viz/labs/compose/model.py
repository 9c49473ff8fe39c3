"""The lab's model and its one undoable command.

Every edit — a cell of A or B, the vector x, the sequence, a row operation, the mode — is a
:class:`SetComposeState` on the window's shared undo stack, so Ctrl+Z undoes the learner's row
operations one at a time and the autosave follows every change.
"""

from PyQt6 import QtCore, QtGui

from .state import ComposeState


class ComposeModel(QtCore.QObject):
    """The committed :class:`ComposeState`; ``changed(old, new)`` after each change."""

    changed = QtCore.pyqtSignal(object, object)

    def __init__(self, state: ComposeState | None = None, parent=None):
        super().__init__(parent)
        self._state = (state or ComposeState.fresh()).checked()

    @property
    def state(self) -> ComposeState:
        return self._state

    def set_state(self, state: ComposeState) -> None:
        """The one way in: a checked state replaces the current one (ValueError otherwise)."""
        state = state.checked()
        if state == self._state:
            return
        old, self._state = self._state, state
        self.changed.emit(old, state)


class SetComposeState(QtGui.QUndoCommand):
    """Replace the lab's state. Steps of one drag (same ``drag_id``) merge into one."""

    def __init__(self, model: ComposeModel, state: ComposeState, text: str, drag_id: int | None = None):
        super().__init__(text)
        self._model, self._old, self._new, self._drag_id = model, model.state, state.checked(), drag_id

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    def id(self) -> int:
        return 41 if self._drag_id is not None else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SetComposeState) or other._drag_id != self._drag_id:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._model.set_state(self._new)

    def undo(self) -> None:
        self._model.set_state(self._old)
