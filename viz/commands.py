"""Undoable edits. Each command changes the model and nothing else; views follow the model.

A drag sends many small edits; consecutive commands of the same kind with the same
``drag_id`` merge, so one drag is one step on the undo stack.
"""

from PyQt6.QtGui import QUndoCommand

from kernels import Matrix, Vector


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


class SetVector(_ReplaceValue):
    """Replace the user vector v (typed or dragged)."""

    merge_kind = 2

    def __init__(self, model, vector: Vector, text: str = "Edit vector v", drag_id: int | None = None):
        super().__init__(model, model.vector, vector, text, drag_id)

    def _apply(self, value):
        self._model.set_vector(value)


class SetVectors(_ReplaceValue):
    """Replace the list of named vectors (add, remove, rename, type or drag one)."""

    merge_kind = 3

    def __init__(self, model, vectors, text: str = "Edit vectors", drag_id: int | None = None):
        super().__init__(model, model.vectors, tuple(vectors), text, drag_id)

    def _apply(self, value):
        self._model.set_vectors(value)


class SetVectorStyle(_ReplaceValue):
    """Change how one vector is drawn: its colour, or whether the vector, its image or both show."""

    def __init__(self, model, name: str, style):
        super().__init__(model, model.style(name), style, f"Style of {name}", None)
        self._name = name

    def _apply(self, value):
        self._model.set_style(self._name, value)


class SetAppearance(_ReplaceValue):
    """Switch theme and/or palette (it changes the picture, so it is undoable too)."""

    def __init__(self, model, theme: str | None = None, palette: str | None = None):
        new = (theme or model.theme, palette or model.palette)
        super().__init__(model, (model.theme, model.palette), new,
                         "Change theme" if theme else "Change palette", None)

    def _apply(self, value):
        self._model.set_appearance(*value)


class ReplaceScene(_ReplaceValue):
    """Swap the whole scene at once — matrix, vectors, theme and palette — for File → New,
    File → Open or the 2D ↔ 3D switch. Undo brings the previous scene back in one step. Check
    that the new values fit the model (:func:`viz.session.check_fits`) before pushing: the
    command does not validate. ``vectors`` is v alone (a Vector) or ``(name, Vector)`` pairs."""

    def __init__(self, model, matrix: Matrix, vectors, theme: str, palette: str,
                 text: str = "Replace scene", styles: dict | None = None):
        if isinstance(vectors, Vector):
            vectors = (("v", vectors),)
        old = (model.matrix, model.vectors, model.theme, model.palette, model.styles)
        new = (matrix, tuple(vectors), theme, palette, dict(styles or {}))
        super().__init__(model, old, new, text, None)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    def _apply(self, value):
        matrix, vectors, theme, palette, styles = value
        self._model.set_scene(matrix, vectors[0][1])
        self._model.set_vectors(vectors)
        self._model.set_styles(styles)
        self._model.set_appearance(theme, palette)
