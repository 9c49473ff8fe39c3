"""The Eliminate mode's side panel: the steps and what each one does, the learner's own row
operations, and the augmented system [A | b].

Every edit is one undoable step of the lab (``host.push``); a factor that does not read as a
number, or a step that breaks a rule (scaling by 0, a row with itself), is said beside the
controls and nothing changes. Factors are read by the kernel's grammar (``-1/2``, ``sqrt(2)``),
never evaluated as Python.
"""

from __future__ import annotations

from dataclasses import replace

from PyQt6 import QtCore, QtWidgets

from kernels import ExpressionError, Vector, parse_scalar
from kernels.notation import scalar_text

from ...controls.entry_grid import EntryGrid
from .elimination import Elimination, echelon_form, leading_entries, product_name, row_operation
from .state import ComposeState, RowStep

PIVOT_STYLE = "background: #E69F00; color: black; font-weight: bold;"
MESSAGE_STYLE = "color: #d55e00;"


def matrix_html(M, pivots=()) -> str:
    """M as an HTML table, the ``pivots`` ((row, column) pairs) highlighted."""
    def cell(i: int, j: int, x) -> str:
        style = "padding: 2px 8px; " + (PIVOT_STYLE if (i, j) in pivots else "")
        return f'<td align="right" style="{style}">{scalar_text(x)}</td>'

    rows = "".join("<tr>" + "".join(cell(i, j, x) for j, x in enumerate(row)) + "</tr>"
                   for i, row in enumerate(M.rows))
    return f'<table style="border-left: 1px solid gray; border-right: 1px solid gray;">{rows}</table>'


def form_sentence(M) -> str:
    """"This is row echelon form." (or reduced), or what is still missing."""
    form = echelon_form(M)
    if form is not None:
        return f"This is {form}."
    return "Not yet in row echelon form: each row's first nonzero entry must sit right of the one above."


def _row_spin(n: int) -> QtWidgets.QSpinBox:
    spin = QtWidgets.QSpinBox()
    spin.setRange(1, n)
    spin.setPrefix("R")
    return spin


class RowOperationsBox(QtWidgets.QGroupBox):
    """Swap, scale, add a multiple: each button pushes one :class:`~.state.RowStep`."""

    def __init__(self, host, parent=None):
        super().__init__("Your row operations on A", parent)
        self.host = host
        n = host.model.state.dimension
        self.swap_target, self.swap_source = _row_spin(n), _row_spin(n)
        self.swap_source.setValue(2)
        self.scale_target, self.scale_factor = _row_spin(n), QtWidgets.QLineEdit("1/2")
        self.add_target, self.add_source = _row_spin(n), _row_spin(n)
        self.add_factor = QtWidgets.QLineEdit("-2")
        self.add_target.setValue(2)
        for edit in (self.scale_factor, self.add_factor):
            edit.setMaximumWidth(90)
            edit.setToolTip("a number or an expression: -2, 1/3, sqrt(2)")
        self.swap_button = QtWidgets.QPushButton("Swap")
        self.scale_button = QtWidgets.QPushButton("Scale")
        self.add_button = QtWidgets.QPushButton("Add")
        self.undo_button = QtWidgets.QPushButton("Undo last")
        self.undo_button.setToolTip("Take back the last row operation (also Ctrl+Z)")
        self.clear_button = QtWidgets.QPushButton("Start over")
        self.history = QtWidgets.QListWidget()
        self.history.setMaximumHeight(110)
        self.current = QtWidgets.QLabel()
        self.current.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.form = QtWidgets.QLabel()
        self.form.setWordWrap(True)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)

        grid = QtWidgets.QGridLayout()
        grid.addWidget(self.swap_target, 0, 0)
        grid.addWidget(QtWidgets.QLabel("↔"), 0, 1)
        grid.addWidget(self.swap_source, 0, 2)
        grid.addWidget(self.swap_button, 0, 4)
        grid.addWidget(self.scale_target, 1, 0)
        grid.addWidget(QtWidgets.QLabel("← factor ·"), 1, 1)
        grid.addWidget(self.scale_factor, 1, 2, 1, 2)
        grid.addWidget(self.scale_button, 1, 4)
        grid.addWidget(self.add_target, 2, 0)
        grid.addWidget(QtWidgets.QLabel("+= factor ·"), 2, 1)
        grid.addWidget(self.add_factor, 2, 2)
        grid.addWidget(self.add_source, 2, 3)
        grid.addWidget(self.add_button, 2, 4)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(self.current)
        layout.addWidget(self.form)

        self.swap_button.clicked.connect(lambda: self.apply("swap"))
        self.scale_button.clicked.connect(lambda: self.apply("scale"))
        self.add_button.clicked.connect(lambda: self.apply("add"))
        self.scale_factor.returnPressed.connect(lambda: self.apply("scale"))
        self.add_factor.returnPressed.connect(lambda: self.apply("add"))
        self.undo_button.clicked.connect(self.undo_last)
        self.clear_button.clicked.connect(self.start_over)

    def _step(self, kind: str) -> RowStep:
        """The step the controls describe, or ExpressionError for a factor that is not a number."""
        if kind == "swap":
            return RowStep("swap", self.swap_target.value() - 1, self.swap_source.value() - 1)
        if kind == "scale":
            target = self.scale_target.value() - 1
            return RowStep("scale", target, target, parse_scalar(self.scale_factor.text()))
        return RowStep("add", self.add_target.value() - 1, self.add_source.value() - 1,
                       parse_scalar(self.add_factor.text()))

    def apply(self, kind: str) -> None:
        """Push the step as one undoable edit, or say why not (and change nothing)."""
        state = self.host.model.state
        try:
            step = self._step(kind)
        except ExpressionError as error:
            self.say(f"The factor is not a number: {error}. Nothing was changed.")
            return
        problem = step.problem(state.dimension)
        if problem:
            self.say(f"Not done: {problem}.")
            return
        label = row_operation(step, state.a).label
        self.message.clear()
        self.host.push(replace(state, row_operations=state.row_operations + (step,)), label)

    def undo_last(self) -> None:
        state = self.host.model.state
        if state.row_operations:
            self.host.push(replace(state, row_operations=state.row_operations[:-1]), "Undo row operation")

    def start_over(self) -> None:
        state = self.host.model.state
        if state.row_operations:
            self.host.push(replace(state, row_operations=()), "Start over from A")

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.host.status(message)

    def show_trace(self, trace: Elimination) -> None:
        """The history, the matrix now with its pivots, and which form it is in."""
        n = trace.matrix.shape[0]
        for spin in (self.swap_target, self.swap_source, self.scale_target, self.add_target, self.add_source):
            spin.setMaximum(n)
        self.history.clear()
        for j, step in enumerate(trace.steps, start=1):
            self.history.addItem(f"{j}. {step.label}   ({step.geometry}; det = {scalar_text(step.det)})")
        self.history.scrollToBottom()
        reduced = trace.reduced
        pivots = leading_entries(reduced) if echelon_form(reduced) else ()
        name = f"{product_name(trace.count)}·A" if trace.steps else "A"
        self.current.setText(f"<p>{name} =</p>{matrix_html(reduced, pivots)}"
                             f"<p>det = {scalar_text(trace.det_after(trace.count))}</p>")
        self.form.setText(form_sentence(reduced))
        self.undo_button.setEnabled(bool(trace.steps))
        self.clear_button.setEnabled(bool(trace.steps))


class AugmentedBox(QtWidgets.QGroupBox):
    """The augmented system [A | b]: a checkbox, b's cells, and what A x = b has."""

    def __init__(self, host, parent=None):
        super().__init__("Augmented system [A | b]", parent)
        self.host = host
        n = host.model.state.dimension
        self.enabled = QtWidgets.QCheckBox("Solve A x = b (b follows the row operations)")
        self.b_editor = EntryGrid(n, 1)
        self.answer = QtWidgets.QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QtWidgets.QLabel()
        self.message.setStyleSheet(MESSAGE_STYLE)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("b ="))
        row.addWidget(self.b_editor)
        row.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addLayout(row)
        layout.addWidget(self.answer)
        layout.addWidget(self.message)
        self.enabled.toggled.connect(self._toggle)
        self.b_editor.committed.connect(self._commit)
        self.b_editor.invalid.connect(self._invalid)

    def _toggle(self, on: bool) -> None:
        state = self.host.model.state
        if on != (state.rhs is not None):
            self.host.push(replace(state, rhs=state.x if on else None),
                           "Augmented [A | b]" if on else "Augmented off")

    def _commit(self, row: int, _column: int, value) -> None:
        state = self.host.model.state
        components = list(state.rhs if state.rhs is not None else state.x)
        components[row] = value
        self.message.clear()
        self.host.push(replace(state, rhs=Vector(components)), "Edit b")

    def _invalid(self, message: str) -> None:
        self.message.setText(message)
        self.host.status(f"Not a number — {message}. The last valid b is kept.")

    def show_state(self, state: ComposeState, answer: str) -> None:
        n = state.dimension
        if self.b_editor.shape != (n, 1):
            self.b_editor.set_shape(n, 1)
        blocked = self.enabled.blockSignals(True)
        self.enabled.setChecked(state.rhs is not None)
        self.enabled.blockSignals(blocked)
        self.b_editor.setEnabled(state.rhs is not None)
        self.b_editor.show_values([[c] for c in (state.rhs if state.rhs is not None else state.x)])
        self.answer.setText(answer)
