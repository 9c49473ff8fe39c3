"""The ML lab's model and its one undoable command.

Every edit — a cell of A, a preset, the 2D/3D switch, a setting of one view (the start point of
gradient descent, "keep σ₁ only") — is a :class:`SetMLState` on the window's shared undo stack,
so Ctrl+Z undoes it and the autosave follows every change.
"""

from collections.abc import Mapping

from PyQt6 import QtCore, QtGui

from .state import MLState, SettingsCodec


class MLModel(QtCore.QObject):
    """The committed :class:`MLState`; ``changed(old, new)`` after each change. ``codecs`` are
    the mode classes by name: a state is committed only with settings for each of them."""

    changed = QtCore.pyqtSignal(object, object)

    def __init__(self, codecs: Mapping[str, SettingsCodec], state: MLState | None = None, parent=None):
        super().__init__(parent)
        self.codecs = dict(codecs)
        self._state = (state or MLState.fresh(self.codecs)).checked(self.codecs)

    @property
    def state(self) -> MLState:
        return self._state

    def set_state(self, state: MLState) -> None:
        """The one way in: a checked state replaces the current one (ValueError otherwise)."""
        state = state.checked(self.codecs)
        if state == self._state:
            return
        old, self._state = self._state, state
        self.changed.emit(old, state)


class SetMLState(QtGui.QUndoCommand):
    """Replace the lab's state. Steps of one drag (same ``drag_id``) merge into one."""

    def __init__(self, model: MLModel, state: MLState, text: str, drag_id: int | None = None):
        super().__init__(text)
        self._model, self._old, self._new = model, model.state, state.checked(model.codecs)
        self._drag_id = drag_id

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    def id(self) -> int:
        return 43 if self._drag_id is not None else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SetMLState) or other._drag_id != self._drag_id:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._model.set_state(self._new)

    def undo(self) -> None:
        self._model.set_state(self._old)
