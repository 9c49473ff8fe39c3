"""The top of the lab's side panel: A, B and x, edited with the same expression cells as the
studio (``1/3``, ``sqrt(2)/2``, ``cos(30deg)``) — or a whole matrix at once, written as an
expression that may use the other's name, as ``--define`` does on the command line
(``A = rot(30)``, ``B = A^T``, ``B = [1 2; 0 1]``).

A cell that does not read as a number, or a matrix the kernel refuses, keeps the last valid
value on screen and says why beside the cell.
"""

from dataclasses import replace

from PyQt6 import QtCore, QtWidgets

from kernels import Matrix, Vector, evaluate
from kernels.errors import ExpressionError

from ...controls.entry_grid import EntryGrid
from ...scene import RefusedMatrix, accept


class MatricesPanel(QtWidgets.QWidget):
    """A and B side by side, x below; every committed cell is one undoable step."""

    def __init__(self, host, parent=None):
        super().__init__(parent)
        self.host = host
        n = host.model.state.dimension
        self.a_editor, self.b_editor, self.x_editor = EntryGrid(n, n), EntryGrid(n, n), EntryGrid(n, 1)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d55e00;")
        self.a_expression, self.b_expression = QtWidgets.QLineEdit(), QtWidgets.QLineEdit()
        grids = QtWidgets.QGridLayout()
        for column, (title, editor) in enumerate((("<b>A</b>", self.a_editor), ("<b>B</b>", self.b_editor),
                                                  ("<b>x</b>", self.x_editor))):
            label = QtWidgets.QLabel(title)
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            grids.addWidget(label, 0, column)
            grids.addWidget(editor, 1, column)
        for column, (name, line) in enumerate((("A", self.a_expression), ("B", self.b_expression))):
            other = "B" if name == "A" else "A"
            line.setPlaceholderText(f"{name} = rot(30), {other}^T, …")
            line.setToolTip(f"Type all of {name} as an expression and press Enter: rot(45), "
                            f"[1 1; 0 1], 2{other}, {other}^{{-1}}, …")
            line.returnPressed.connect(lambda name=name, line=line: self.commit_expression(name, line.text()))
            grids.addWidget(line, 2, column)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grids)
        layout.addWidget(self.message)
        self.a_editor.committed.connect(lambda r, c, value: self._commit_matrix("a", r, c, value))
        self.b_editor.committed.connect(lambda r, c, value: self._commit_matrix("b", r, c, value))
        self.x_editor.committed.connect(self._commit_x)
        for editor in (self.a_editor, self.b_editor, self.x_editor):
            editor.invalid.connect(self._say)
        self.show_state(host.model.state)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.host.status(f"Not committed — {message}. The last valid value is kept.")

    def show_state(self, state) -> None:
        n = state.dimension
        for editor, shape in ((self.a_editor, (n, n)), (self.b_editor, (n, n)), (self.x_editor, (n, 1))):
            if editor.shape != shape:
                editor.set_shape(*shape)
        self.a_editor.show_values(state.a.rows)
        self.b_editor.show_values(state.b.rows)
        self.x_editor.show_values([[c] for c in state.x])

    def _commit_matrix(self, which: str, row: int, column: int, value) -> None:
        state = self.host.model.state
        rows = [list(r) for r in getattr(state, which).rows]
        rows[row][column] = value
        matrix = Matrix(rows)
        name = which.upper()
        editor = self.a_editor if which == "a" else self.b_editor
        try:
            accept(matrix)  # the studio's one rule for what can be drawn
        except RefusedMatrix as error:
            editor.cell(row, column).set_error(f"{name}: {error}")
            self._say(f"{name} row {row + 1}, column {column + 1}: {error}")
            return
        self.message.clear()
        changes = {which: matrix}
        if which == "a":
            changes["row_operations"] = ()  # the learner's row operations were on the old A
        self.host.push(replace(state, **changes), f"Edit {name}[{row + 1},{column + 1}]")

    def commit_expression(self, name: str, text: str) -> bool:
        """Put the value of ``text`` (an expression in A and B) into matrix ``name`` as one step."""
        state = self.host.model.state
        n = state.dimension
        try:
            value = evaluate(text, {"A": state.a, "B": state.b}, identity_size=n)
        except (ExpressionError, ArithmeticError, ValueError) as error:
            self._say(f"{name} = {text}: {str(error).splitlines()[0]}")
            return False
        if not isinstance(value, Matrix) or value.shape != (n, n):
            shape = "a number" if not isinstance(value, Matrix) else f"{value.shape[0]}×{value.shape[1]}"
            self._say(f"{name} = {text} is {shape}; {name} must be {n}×{n}")
            return False
        try:
            accept(value)
        except RefusedMatrix as error:
            self._say(f"{name} = {text}: {error}")
            return False
        self.message.clear()
        changes = {name.lower(): value}
        if name == "A":
            changes["row_operations"] = ()
        self.host.push(replace(state, **changes), f"{name} = {text}")
        return True

    def _commit_x(self, row: int, _column: int, value) -> None:
        state = self.host.model.state
        components = list(state.x)
        components[row] = value
        self.message.clear()
        self.host.push(replace(state, x=Vector(components)), "Edit x")
