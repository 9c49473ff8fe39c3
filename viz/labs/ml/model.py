"""The ML lab's model. Every edit — a cell of A, a preset, the 2D/3D switch, a setting of one view
(the start point of gradient descent, "keep σ₁ only") — is one
:class:`viz.commands.ReplaceLabState` of it on the window's shared undo stack, so Ctrl+Z undoes
it and the autosave follows every change.
"""

from collections.abc import Mapping

from PyQt6 import QtCore

from .state import MLState, SettingsCodec


class MLModel(QtCore.QObject):
    """The committed :class:`MLState`; ``changed(old, new)`` after each change. ``codecs`` are
    the mode classes by name: a state is committed only with settings for each of them."""

    changed = QtCore.pyqtSignal(object, object)

    def __init__(self, codecs: Mapping[str, SettingsCodec], state: MLState | None = None, parent=None):
        super().__init__(parent)
        self.codecs = dict(codecs)
        self._state = self.checked(state or MLState.fresh(self.codecs))

    @property
    def state(self) -> MLState:
        return self._state

    def checked(self, state: MLState) -> MLState:
        """``state`` if it keeps every rule of the lab and its views, else a ValueError."""
        return state.checked(self.codecs)

    def set_state(self, state: MLState) -> None:
        """The one way in: a checked state replaces the current one (ValueError otherwise)."""
        state = self.checked(state)
        if state == self._state:
            return
        old, self._state = self._state, state
        self.changed.emit(old, state)
