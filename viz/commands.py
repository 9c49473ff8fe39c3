"""Undoable edits. Each command changes the model and nothing else; views follow the model.

A drag sends many small edits; consecutive commands of the same kind with the same
``drag_id`` merge, so one drag is one step on the undo stack.
"""

from PyQt6.QtGui import QUndoCommand

from kernels import Matrix


class _ReplaceValue(QUndoCommand):
    """Swap one model value for another; subclasses say which value and how to set it."""

    merge_kind = -1  # QUndoCommand.id(): commands with the same id may merge

    def __init__(self, model, old, new, text: str, drag_id: int | None):
        super().__init__(text)
        self._model = model
        self._old = old
        self._new = new
        self._drag_id = drag_id

    def _apply(self, value) -> None:
        raise NotImplementedError

    def id(self) -> int:
        return self.merge_kind if self._drag_id is not None else -1

    def mergeWith(self, other) -> bool:
        if type(other) is not type(self) or other._drag_id != self._drag_id:
            return False
        self._new = other._new
        return True

    def redo(self):
        self._apply(self._new)

    def undo(self):
        self._apply(self._old)


class SetMatrix(_ReplaceValue):
    """Replace the committed matrix (a typed cell, a preset, or a drag of î / ĵ)."""

    merge_kind = 1

    def __init__(self, model, matrix: Matrix, text: str = "Edit matrix", drag_id: int | None = None):
        super().__init__(model, model.matrix, matrix, text, drag_id)

    def _apply(self, value):
        self._model.set_matrix(value)


class SetVectors(_ReplaceValue):
    """Replace the list of named vectors (add, remove, rename, type or drag one). A renamed
    vector keeps its style and a removed one loses it; undo brings back the list and every style
    as they were, so a removed vector returns in its own colour."""

    merge_kind = 3

    def __init__(self, model, vectors, text: str = "Edit vectors", drag_id: int | None = None):
        super().__init__(model, (model.vectors, model.styles), (tuple(vectors), None), text, drag_id)

    def _apply(self, value):
        vectors, styles = value
        if styles is None:
            self._model.set_vectors(vectors)
        else:
            self._model.set_vectors_and_styles(vectors, styles)


class SetVectorStyle(_ReplaceValue):
    """Change how one vector is drawn: its colour, or whether the vector, its image or both show."""

    def __init__(self, model, name: str, style):
        super().__init__(model, model.style(name), style, f"Style of {name}", None)
        self._name = name

    def _apply(self, value):
        self._model.set_style(self._name, value)


class SetVectorsAndStyles(_ReplaceValue):
    """Replace the list of named vectors and every style in one step: Add vector, which puts a
    new vector in the scene with a colour of its own (undo takes both away at once)."""

    def __init__(self, model, vectors, styles: dict, text: str = "Edit vectors"):
        super().__init__(model, (model.vectors, model.styles), (tuple(vectors), dict(styles)), text, None)

    def _apply(self, value):
        self._model.set_vectors_and_styles(*value)


class SetAppearance(_ReplaceValue):
    """Switch theme and/or palette (it changes the picture, so it is undoable too)."""

    def __init__(self, model, theme: str | None = None, palette: str | None = None):
        new = (theme or model.theme, palette or model.palette)
        super().__init__(model, (model.theme, model.palette), new,
                         "Change theme" if theme else "Change palette", None)

    def _apply(self, value):
        self._model.set_appearance(*value)


class ReplaceScene(_ReplaceValue):
    """Swap the whole scene state at once — matrix, vectors, styles, look — for File → New,
    File → Open, a preset of another size or the 2D ↔ 3D switch. Undo brings the previous
    scene back in one step. The new state must be one the model accepts (check it with
    :meth:`viz.scene.SceneState.checked` and :func:`viz.scene.accept` first)."""

    def __init__(self, model, state, text: str = "Replace scene"):
        super().__init__(model, model.state, state.checked(), text, None)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    def _apply(self, value):
        self._model.set_state(value)


class ReplaceLabState(QUndoCommand):
    """Replace the whole state of a lab's model (a model with ``state``, ``checked(state)`` and
    ``set_state(state)``, like the Compose & Eliminate and ML labs'): one undoable step. Steps
    of one drag on one model (same ``drag_id``) merge into one. ValueError, before anything is
    pushed, for a state the model refuses."""

    merge_kind = 40

    def __init__(self, model, state, text: str, drag_id: int | None = None):
        super().__init__(text)
        self._model, self._old, self._new = model, model.state, model.checked(state)
        self._drag_id = drag_id

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    def id(self) -> int:
        return self.merge_kind if self._drag_id is not None else -1

    def mergeWith(self, other) -> bool:
        if (not isinstance(other, ReplaceLabState) or other._model is not self._model
                or other._drag_id != self._drag_id):
            return False
        self._new = other._new
        return True

    def redo(self):
        self._model.set_state(self._new)

    def undo(self):
        self._model.set_state(self._old)
