"""A grid of expression cells: the matrix editor (2×2) and the vector editor (2×1).

Each cell takes a number or an expression (``1/3``, ``sqrt(2)/2``, ``cos(30deg)``). Enter or
Tab commits a cell. A cell that does not parse is marked and explained, and nothing else
changes: the last valid matrix stays on screen. Text is parsed by the kernel's grammar,
never evaluated as Python.
"""

from PyQt6 import QtCore, QtWidgets

from kernels import ExpressionError, format_scalar, parse_scalar

INVALID_STYLE = "QLineEdit { border: 2px solid #D55E00; background: rgba(213, 94, 0, 40); }"


class ExpressionCell(QtWidgets.QLineEdit):
    """One entry; remembers the value it last showed so a refresh keeps the user's spelling."""

    def __init__(self, row: int, column: int, parent=None):
        super().__init__(parent)
        self.row, self.column = row, column
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(72)
        self.setObjectName(f"cell_{row}_{column}")
        self.error: str | None = None

    def show_value(self, value) -> None:
        """Display ``value`` unless the text already spells the same number (e.g. ``sqrt(2)/2``)."""
        try:
            if parse_scalar(self.text()) == value and self.error is None:
                return
        except ExpressionError:
            pass
        self.setText(format_scalar(value))
        self.set_error(None)

    def set_error(self, message: str | None) -> None:
        self.error = message
        self.setStyleSheet(INVALID_STYLE if message else "")
        self.setToolTip(message or "")


class EntryGrid(QtWidgets.QWidget):
    """``rows × columns`` expression cells bound to one value of the model.

    Signals:
        committed(row, column, value): a cell was committed with a valid scalar.
        invalid(message): a cell was committed with text that is not a number.
    """

    committed = QtCore.pyqtSignal(int, int, object)
    invalid = QtCore.pyqtSignal(str)

    def __init__(self, rows: int, columns: int, brackets: bool = True, parent=None):
        super().__init__(parent)
        self._layout = QtWidgets.QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(6)
        self._brackets = brackets
        self.cells: list[list[ExpressionCell]] = []
        self.set_shape(rows, columns)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.cells), len(self.cells[0]) if self.cells else 0

    def set_shape(self, rows: int, columns: int) -> None:
        """Rebuild the grid with ``rows × columns`` empty cells (e.g. on a 2D ↔ 3D switch)."""
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                # an old cell that had focus would report editingFinished as it goes, and commit
                # its stale value into the new scene (in the middle of the 2D ↔ 3D undo step)
                widget.blockSignals(True)
                widget.deleteLater()
        self.cells = [[ExpressionCell(i, j, self) for j in range(columns)] for i in range(rows)]
        offset = 1 if self._brackets else 0
        if self._brackets:
            for side, column in (("[", 0), ("]", columns + 1)):
                label = QtWidgets.QLabel(side)
                label.setStyleSheet(f"font-size: {13 * rows}pt; font-weight: 200;")
                self._layout.addWidget(label, 0, column, rows, 1)
        for row in self.cells:
            for cell in row:
                self._layout.addWidget(cell, cell.row, cell.column + offset)
                cell.editingFinished.connect(lambda cell=cell: self._commit(cell))

    def cell(self, row: int, column: int) -> ExpressionCell:
        return self.cells[row][column]

    def show_values(self, rows) -> None:
        """Show a grid of values (e.g. ``Matrix.rows``) without emitting anything."""
        for cells, values in zip(self.cells, rows):
            for cell, value in zip(cells, values):
                blocked = cell.blockSignals(True)
                cell.show_value(value)
                cell.blockSignals(blocked)

    def _commit(self, cell: ExpressionCell) -> None:
        if cell not in (c for row in self.cells for c in row):
            return  # a cell of the grid's previous shape
        try:
            value = parse_scalar(cell.text())
        except ExpressionError as error:
            message = f"Row {cell.row + 1}, column {cell.column + 1}: {error}"
            cell.set_error(message)
            self.invalid.emit(message)
            return
        cell.set_error(None)
        self.committed.emit(cell.row, cell.column, value)
