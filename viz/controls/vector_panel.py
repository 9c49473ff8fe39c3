"""The Vectors tab: named vectors, their span and dot product, and their combinations.

Three parts, top to bottom:

* the list: per vector a *compare* box (the model's selection), its name, one expression
  cell per component and a remove button (v, the first vector, always stays);
* the analysis of the ticked vectors: the span verdict and its dimension, and with exactly
  two the dot product, lengths, angle and projection — every number and sentence comes from
  :mod:`viz.vector_facts`, so the window says what ``linear-lens info --vectors`` says;
* one slider per ticked vector for the combination c1·u1 + … shown in the view, and a
  target that the kernel tries to reach exactly.

Every change of the list (remove, rename, typed component) is a :class:`SetVectors` on the
undo stack, and Add vector a :class:`SetVectorsAndStyles` (the new vector and its colour, one
step); ticking boxes and moving sliders are not undoable (they change what is
looked at, not the scene). Rows are rebuilt only when their number or the dimension changes;
otherwise values are updated in place, so a cell being typed in is never replaced.
"""

import html

from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import (
    ExpressionError,
    LinearAlgebraError,
    Vector,
    linear_combination,
    parse_scalar,
)
from kernels.notation import scalar_text, vector_text

from ..commands import SetVectors, SetVectorsAndStyles, SetVectorStyle
from ..palette import OKABE_ITO, next_vector_colour, palette_for
from ..scene import VectorStyle, checked_vectors
from ..vector_facts import (
    exact_with_decimal,
    new_vector_direction,
    number_text,
    reach_target,
    span_place,
)
from .entry_grid import ExpressionCell

AXES = "xyz"
SLIDER_LIMIT = 3.0  # the sliders run from −3 to 3 …
SLIDER_TICKS = 20  # … in steps of 1/20 = 0.05
MAX_LIST_HEIGHT = 190  # px; more vectors than fit scroll inside the list
SHOW_CHOICES = (("both", "v and Mv: the vector and its image"), ("vector", "v: the vector as it is"),
                ("image", "Mv: its image under the matrix"))
SHOW_LABELS = {"both": "both", "vector": "v", "image": "Mv"}
WARNING_STYLE = f"color: {OKABE_ITO['vermillion']};"  # like an invalid cell
DEFAULT_TARGETS = {2: ("3", "5"), 3: ("3", "5", "1")}


def _coefficient_text(c: float) -> str:
    return scalar_text(round(c, 3) + 0.0)  # + 0.0: no "−0"


def _slider_position(c: float) -> int:
    limit = int(SLIDER_LIMIT * SLIDER_TICKS)
    return max(-limit, min(limit, round(c * SLIDER_TICKS)))


class _VectorRow:
    """The widgets of one vector: compare box, name, component cells, remove button."""

    def __init__(self, index: int, dimension: int, parent: QtWidgets.QWidget):
        self.index = index
        self.shown: tuple | None = None  # the (name, vector) the cells last showed
        self.compare = QtWidgets.QCheckBox(parent)
        self.name = QtWidgets.QLineEdit(parent)
        self.name.setMaxLength(12)
        self.name.setFixedWidth(52)
        self.name.setObjectName(f"name_{index}")
        self.cells = [ExpressionCell(index, j, parent) for j in range(dimension)]
        for cell in self.cells:
            cell.setMinimumWidth(52)
        self.show_mode = QtWidgets.QComboBox(parent)
        for mode, tip in SHOW_CHOICES:
            self.show_mode.addItem(SHOW_LABELS[mode], mode)
            self.show_mode.setItemData(self.show_mode.count() - 1, tip, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.show_mode.setToolTip("show the vector, its image under M, or both")
        self.colour = QtWidgets.QToolButton(parent)
        self.colour.setToolTip("colour")
        self.colour.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(self.colour)
        menu.addAction("Palette colour").setData(None)
        for name, hex_colour in OKABE_ITO.items():
            swatch = QtGui.QPixmap(14, 14)
            swatch.fill(QtGui.QColor(hex_colour))
            menu.addAction(QtGui.QIcon(swatch), name).setData(hex_colour)
        self.colour.setMenu(menu)
        self.remove = QtWidgets.QToolButton(parent)
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        if index == 0:
            self.remove.setEnabled(False)

    @property
    def widgets(self) -> list:
        return [self.compare, self.name, *self.cells, self.show_mode, self.colour, self.remove]

    def show(self, name: str, vector: Vector, selected: bool, style: VectorStyle | None = None,
             palette_colour: str = OKABE_ITO["purple"]) -> None:
        """Fill the row from the model without emitting anything; keep text being typed."""
        style = style or VectorStyle()
        for widget in self.widgets:
            widget.blockSignals(True)
        self.compare.setChecked(selected)
        self.compare.setToolTip(f"compare {name}: include it in the span, dot product and combination")
        if not (self.name.hasFocus() and self.name.isModified()) and self.name.text() != name:
            self.name.setText(name)
        for j, (cell, value) in enumerate(zip(self.cells, vector)):
            typing = cell.hasFocus() and cell.isModified()
            refused = (cell.error is not None and self.shown is not None
                       and self.shown[0] == name and self.shown[1][j] == value)
            if not (typing or refused):  # keep text being typed, and a marked cell's text
                cell.show_value(value)
        self.shown = (name, vector)
        self.show_mode.setCurrentIndex(self.show_mode.findData(style.show))
        swatch = QtGui.QPixmap(14, 14)
        swatch.fill(QtGui.QColor(style.color or palette_colour))
        self.colour.setIcon(QtGui.QIcon(swatch))
        self.remove.setToolTip("the scene always keeps v, the first vector" if self.index == 0
                               else f"Remove {name}")
        for widget in self.widgets:
            widget.blockSignals(False)


class VectorPanel(QtWidgets.QWidget):
    """The Vectors tab. Edits go through ``undo_stack`` as :class:`SetVectors` commands."""

    def __init__(self, model, undo_stack, parent=None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.rows: list[_VectorRow] = []
        self.sliders: list[QtWidgets.QSlider] = []
        self.slider_names: list[QtWidgets.QLabel] = []
        self.slider_values: list[QtWidgets.QLabel] = []
        self.target_cells: list[ExpressionCell] = []
        self._coefficients: list[float] = []
        self._dimension = 0

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        hint = QtWidgets.QLabel("Tick <b>compare</b> to study vectors together: their span, "
                                "dot product (two ticked) and combinations.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        # --- the list -------------------------------------------------------------------
        self._list_widget = QtWidgets.QWidget()
        self._grid = QtWidgets.QGridLayout(self._list_widget)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(3)
        self._grid.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self._list_area = QtWidgets.QScrollArea()
        self._list_area.setWidget(self._list_widget)
        self._list_area.setWidgetResizable(True)
        self._list_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self._list_area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self._list_area)

        buttons = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton("Add vector")
        self.add_button.setToolTip("Add a vector v1, v2, … to compare with the others")
        self.columns_button = QtWidgets.QPushButton("Add columns of M")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.columns_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.message.setStyleSheet(WARNING_STYLE)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        # --- the analysis ---------------------------------------------------------------
        self.analysis = QtWidgets.QTextBrowser()
        self.analysis.setOpenLinks(False)
        self.analysis.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.analysis.setMinimumHeight(150)
        layout.addWidget(self.analysis, stretch=1)

        # --- the combination ------------------------------------------------------------
        header = QtWidgets.QHBoxLayout()
        self.combination_label = QtWidgets.QLabel()
        self.combination_label.setWordWrap(True)
        self.combination_label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.clear_button = QtWidgets.QPushButton("Clear")
        self.clear_button.setToolTip("Hide the combination in the view")
        header.addWidget(self.combination_label, stretch=1)
        header.addWidget(self.clear_button)
        layout.addLayout(header)
        self._sliders_widget = QtWidgets.QWidget()
        self._sliders_grid = QtWidgets.QGridLayout(self._sliders_widget)
        self._sliders_grid.setContentsMargins(0, 0, 0, 0)
        self._sliders_grid.setVerticalSpacing(2)
        layout.addWidget(self._sliders_widget)

        # --- reach a target -------------------------------------------------------------
        target_row = QtWidgets.QHBoxLayout()
        target_row.addWidget(QtWidgets.QLabel("<b>Target</b>"))
        self._target_layout = QtWidgets.QHBoxLayout()
        self._target_layout.setSpacing(4)
        target_row.addLayout(self._target_layout, stretch=1)
        self.reach_button = QtWidgets.QPushButton("Reach")
        self.reach_button.setToolTip("Find c1, c2, … so that the combination of the ticked "
                                     "vectors lands exactly on the target")
        target_row.addWidget(self.reach_button)
        layout.addLayout(target_row)
        self.reach_result = QtWidgets.QLabel()
        self.reach_result.setWordWrap(True)
        self.reach_result.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.reach_result.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reach_result)

        self.add_button.clicked.connect(self.add_vector)
        self.columns_button.clicked.connect(self.add_columns)
        self.clear_button.clicked.connect(lambda: self.model.set_combination(None))
        self.reach_button.clicked.connect(self.reach)
        model.dimension_changed.connect(self._on_dimension)
        model.vectors_changed.connect(self._on_vectors)
        model.styles_changed.connect(self._show_rows)
        model.appearance_changed.connect(self._show_rows)
        model.selection_changed.connect(self._on_selection)
        model.combination_changed.connect(self._on_combination)
        self._on_dimension()

    # ------------------------------------------------------------------ model → widgets
    def _on_dimension(self, *_) -> None:
        n = self.model.dimension
        if n != self._dimension:
            self._dimension = n
            self._build_rows()
            self._build_target()
        where = "the whole plane" if n == 2 else "all of space"
        self.columns_button.setToolTip(f"the span of the columns is where the matrix sends {where}")
        self._on_vectors()
        self._on_selection()

    def _on_vectors(self, *_) -> None:
        if self._dimension != self.model.dimension:
            return  # dimension_changed comes next and rebuilds everything
        self._sync_rows()
        selected = set(self._selected())
        self._show_rows(selected)

    def _show_rows(self, selected=None) -> None:
        """Fill every row (values, compare box, show mode, colour swatch) from the model."""
        selected = set(self._selected()) if selected is None else selected
        colour = palette_for(self.model.palette, self.model.theme).vector
        for row, (name, vector) in zip(self.rows, self.model.vectors):
            row.show(name, vector, row.index in selected, self.model.style(name), colour)
        self._update_slider_names()
        self._show_combination()
        self.refresh_analysis()

    def _selected(self) -> tuple:
        """The ticked indices that exist (vectors_changed comes before the model trims them)."""
        count = len(self.model.vectors)
        return tuple(i for i in self.model.selection if i < count)

    def _on_selection(self, *_) -> None:
        selected = set(self._selected())
        for row in self.rows:
            blocked = row.compare.blockSignals(True)
            row.compare.setChecked(row.index in selected)
            row.compare.blockSignals(blocked)
        self._build_sliders()
        self.reach_result.clear()
        self.refresh_analysis()

    def _on_combination(self, coefficients) -> None:
        k = len(self.sliders)
        self._coefficients = list(coefficients) if coefficients is not None and len(coefficients) == k \
            else [0.0] * k
        for slider, value_label, c in zip(self.sliders, self.slider_values, self._coefficients):
            blocked = slider.blockSignals(True)
            slider.setValue(_slider_position(c))
            slider.blockSignals(blocked)
            value_label.setText(_coefficient_text(c))
        self._show_combination()

    # ------------------------------------------------------------------ building widgets
    def _build_rows(self) -> None:
        """Rebuild the list for a new dimension: the header and one row per vector."""
        for row in self.rows:
            self._drop_row(row)
        self.rows = []
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        n = self._dimension
        for column, text in enumerate(["", "name", *AXES[:n], "show", "", ""]):
            label = QtWidgets.QLabel(text)
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(label, 0, column)
            label.show()
        for column in range(2, 2 + n):
            self._grid.setColumnStretch(column, 1)
        self._sync_rows()

    def _sync_rows(self) -> None:
        """As many rows as vectors: add or drop rows at the end, keep the others (and any
        text being typed in them); the values are filled in place afterwards."""
        if len(self.rows) == len(self.model.vectors):
            return
        while len(self.rows) > len(self.model.vectors):
            self._drop_row(self.rows.pop())
        while len(self.rows) < len(self.model.vectors):
            index = len(self.rows)
            row = _VectorRow(index, self._dimension, self._list_widget)
            for column, widget in enumerate(row.widgets):
                self._grid.addWidget(widget, index + 1, column)
                widget.show()  # now, not on the next event loop pass, so the size hint counts it
            row.compare.toggled.connect(lambda checked, row=row: self._on_compare(row, checked))
            row.name.editingFinished.connect(lambda row=row: self._commit_name(row))
            for cell in row.cells:
                cell.editingFinished.connect(lambda row=row, cell=cell: self._commit_component(row, cell))
            row.remove.clicked.connect(lambda _=False, row=row: self.remove_vector(row.index))
            row.show_mode.currentIndexChanged.connect(lambda _, row=row: self._commit_style(row))
            row.colour.menu().triggered.connect(
                lambda action, row=row: self._commit_style(row, colour=action.data() or ""))
            self.rows.append(row)
        self._list_area.setFixedHeight(min(self._grid.sizeHint().height(), MAX_LIST_HEIGHT))

    def _drop_row(self, row: _VectorRow) -> None:
        for widget in row.widgets:
            widget.blockSignals(True)  # a dying cell losing focus must not commit
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def _build_target(self) -> None:
        for cell in self.target_cells:
            cell.blockSignals(True)
            self._target_layout.removeWidget(cell)
            cell.hide()
            cell.deleteLater()
        self.target_cells = []
        for j, text in enumerate(DEFAULT_TARGETS.get(self._dimension, ("0",) * self._dimension)):
            cell = ExpressionCell(0, j, self)
            cell.setMinimumWidth(44)
            cell.setObjectName(f"target_{j}")
            cell.setText(text)
            cell.setToolTip(f"target, {AXES[j]}")
            cell.returnPressed.connect(self.reach)
            self._target_layout.addWidget(cell)
            self.target_cells.append(cell)
        self.reach_result.clear()

    def _build_sliders(self) -> None:
        """One slider per ticked vector, c1…ck (rebuilt only when their number changes)."""
        k = len(self._selected())
        if k != len(self.sliders):
            while self._sliders_grid.count():
                widget = self._sliders_grid.takeAt(0).widget()
                if widget is not None:
                    widget.blockSignals(True)
                    widget.hide()
                    widget.deleteLater()
            self.sliders, self.slider_names, self.slider_values = [], [], []
            limit = int(SLIDER_LIMIT * SLIDER_TICKS)
            for j in range(k):
                name = QtWidgets.QLabel()
                name.setTextFormat(QtCore.Qt.TextFormat.PlainText)
                slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
                slider.setRange(-limit, limit)
                slider.setSingleStep(1)
                slider.setPageStep(SLIDER_TICKS // 2)
                slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
                slider.setTickInterval(SLIDER_TICKS)
                slider.setObjectName(f"slider_{j}")
                value = QtWidgets.QLabel("0")
                value.setFixedWidth(44)
                value.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                slider.valueChanged.connect(lambda position, j=j: self._on_slider(j, position))
                self._sliders_grid.addWidget(name, j, 0)
                self._sliders_grid.addWidget(slider, j, 1)
                self._sliders_grid.addWidget(value, j, 2)
                self.sliders.append(slider)
                self.slider_names.append(name)
                self.slider_values.append(value)
            self._sliders_grid.setColumnStretch(1, 1)
        self._update_slider_names()
        self._on_combination(self.model.combination)
        enabled = k > 0
        self.clear_button.setEnabled(enabled)
        self.reach_button.setEnabled(enabled)
        self._sliders_widget.setVisible(enabled)

    def _update_slider_names(self) -> None:
        vectors = self.model.vectors
        for j, (label, index) in enumerate(zip(self.slider_names, self._selected())):
            name = vectors[index][0]
            label.setText(f"c{j + 1}·{name}")
            self.sliders[j].setToolTip(f"c{j + 1}, the multiple of {vectors[index][0]} (−3 … 3)")

    def _show_combination(self) -> None:
        selection = self._selected()
        if not selection:
            self.combination_label.setText("<b>Combination</b>: tick vectors to combine them")
            return
        names = [html.escape(self.model.vectors[i][0]) for i in selection]
        formula = " + ".join(f"c{j + 1}·{name}" for j, name in enumerate(names))
        if self.model.combination is None or len(self.model.combination) != len(selection):
            self.combination_label.setText(f"<b>Combination</b> {formula} <i>(move a slider)</i>")
            return
        try:
            total = linear_combination(self.model.combination, [self.model.vectors[i][1] for i in selection])
            result = html.escape(vector_text(round(float(x), 4) + 0.0 for x in total))
        except (LinearAlgebraError, ArithmeticError) as error:
            result = html.escape(str(error))
        self.combination_label.setText(f"<b>Combination</b> {formula} = {result}")

    # ------------------------------------------------------------------ the analysis
    def refresh_analysis(self) -> None:
        """The span verdict of the ticked vectors; with two, their dot product in full (all
        read from the scene, where they were worked out once)."""
        scene = self.model.scene
        if scene.analysis_problem is not None:
            self.analysis.setHtml(f"<p style='{WARNING_STYLE}'>{html.escape(scene.analysis_problem)}</p>")
            return
        if scene.span is None:
            self.analysis.setHtml("<p><i>Nothing ticked.</i> Tick <b>compare</b> beside some vectors "
                                  "to see their span; tick two to see their dot product and angle.</p>")
            return
        parts = self._span_html(scene.span)
        if scene.comparison is not None:
            parts += self._dot_html(scene.comparison)
        elif len(scene.span.names) == 1:
            parts.append("<p><i>Tick a second vector to see the dot product and the angle.</i></p>")
        self.analysis.setHtml("".join(parts))

    def _span_html(self, span) -> list:
        facts, names = span.facts, span.names
        vectors = [vector for name, vector in self.model.vectors if name in names]
        place = span_place([vectors[i] for i in facts.basis_indices], len(vectors[0]))
        where = facts.shape + (f": {place}" if place else "")
        colour = OKABE_ITO["green"] if facts.relation is None else OKABE_ITO["orange"]
        head, colon, rest = facts.verdict.partition(":")  # "independent: …" / "v spans …"
        verdict = (f"<b style='color:{colour}'>{html.escape(head)}</b>:{html.escape(rest)}" if colon
                   else html.escape(facts.verdict))
        return [f"<p style='font-size:12pt'><b>span{{{html.escape(', '.join(names))}}}</b></p>",
                f"<p>{verdict}</p>",
                f"<p><b>dimension</b> {facts.dimension} — {html.escape(where)}</p>"]

    def _dot_html(self, comparison) -> list:
        a, b = (html.escape(name) for name in comparison.names)
        d, e = comparison.facts, comparison.exact
        rows = [(f"{a}·{b}", number_text(d.dot)),
                (f"|{a}|", exact_with_decimal(d.norm_u, e.norm_u if e else None)),
                (f"|{b}|", exact_with_decimal(d.norm_v, e.norm_v if e else None))]
        if d.cosine is not None:
            rows += [("cos θ", exact_with_decimal(d.cosine, e.cosine if e else None)),
                     ("angle", f"{d.angle_degrees:.6g}°"),
                     ("shadow", exact_with_decimal(d.scalar_projection, e.scalar_projection if e else None)
                      + f" <i>(scalar projection of {a} on {b})</i>"),
                     (f"proj<sub>{b}</sub> {a}", vector_text(d.projection))]
        table = "".join(f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
                        for label, value in rows)
        return ["<hr/>", f"<table>{table}</table>", f"<p>{html.escape(d.sentence)}</p>",
                f"<p><i>{html.escape(d.ml_note)}</i></p>"]

    # ------------------------------------------------------------------ widgets → model
    def _say(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def _push(self, vectors, text: str) -> None:
        """Push the new list, unless the scene's rule for vectors refuses it (then say why)."""
        try:
            vectors = checked_vectors(vectors, self.model.dimension)
        except ValueError as error:
            self._say(f"{error} — nothing was changed.")
            return
        if vectors != self.model.vectors:
            self.undo_stack.push(SetVectors(self.model, vectors, text))

    def _current(self, row: _VectorRow) -> bool:
        return row in self.rows and row.index < len(self.model.vectors)

    def _on_compare(self, row: _VectorRow, checked: bool) -> None:
        if not self._current(row):
            return
        selection = set(self.model.selection)
        (selection.add if checked else selection.discard)(row.index)
        self.model.set_selection(selection)

    def _commit_style(self, row: _VectorRow, colour: str | None = None) -> None:
        """The show mode or colour of a row changed: one undoable step (no step if unchanged)."""
        name = self.model.vectors[row.index][0]
        old = self.model.style(name)
        new_colour = old.color if colour is None else (colour or None)
        style = VectorStyle(new_colour, row.show_mode.currentData() or "both")
        if style != old:
            self.undo_stack.push(SetVectorStyle(self.model, name, style))

    def _commit_name(self, row: _VectorRow) -> None:
        if not self._current(row):
            return
        vectors = self.model.vectors
        old = vectors[row.index][0]
        new = row.name.text().strip()
        row.name.setModified(False)
        if new == old:
            row.name.setText(old)
            return
        others = {name for i, (name, _) in enumerate(vectors) if i != row.index}
        refusal = ("a vector needs a name" if not new
                   else f"the name “{new}” is already taken" if new in others else None)
        if refusal:
            blocked = row.name.blockSignals(True)
            row.name.setText(old)
            row.name.blockSignals(blocked)
            self._say(f"Not renamed: {refusal}; {old} keeps its name.")
            return
        self._say(None)
        renamed = list(vectors)
        renamed[row.index] = (new, vectors[row.index][1])
        self._push(renamed, f"Rename {old} to {new}")

    def _commit_component(self, row: _VectorRow, cell: ExpressionCell) -> None:
        if not self._current(row):
            return
        name, vector = self.model.vectors[row.index]
        try:
            value = parse_scalar(cell.text())
        except ExpressionError as error:
            message = f"{name}, {AXES[cell.column]}: {error}"
            cell.set_error(message)
            self._say(f"{message} — {name} is unchanged.")
            return
        cell.set_error(None)
        cell.setModified(False)
        self._say(None)
        entries = list(vector)
        if entries[cell.column] == value and type(entries[cell.column]) is type(value):
            return
        entries[cell.column] = value
        vectors = list(self.model.vectors)
        vectors[row.index] = (name, Vector(entries))
        self._push(vectors, f"Edit vector {name}")

    def _free_name(self) -> str:
        taken = {name for name, _ in self.model.vectors}
        k = 1
        while f"v{k}" in taken:
            k += 1
        return f"v{k}"

    def add_vector(self) -> None:
        """Append v1, v2, … (the first free name) in the palette's next free colour, pointing
        off the axes and along no vector already there: one undoable step."""
        model = self.model
        name = self._free_name()
        direction = new_vector_direction((vector for _, vector in model.vectors), model.dimension)
        colors = palette_for(model.palette, model.theme)
        worn = [colors.i_hat, colors.j_hat, colors.k_hat][:model.dimension]
        worn += [model.style(other).color or colors.vector for other, _ in model.vectors]
        styles = {**model.styles, name: VectorStyle(next_vector_colour(model.palette, worn))}
        self._say(None)
        try:
            vectors = checked_vectors(model.vectors + ((name, direction),), model.dimension)
        except ValueError as error:  # cannot happen with a fresh name and whole numbers, but say so
            self._say(f"{error} — nothing was changed.")
            return
        self.undo_stack.push(SetVectorsAndStyles(model, vectors, styles, f"Add vector {name}"))

    def remove_vector(self, index: int) -> None:
        """Remove a vector (never v, the first); the other ticked vectors stay ticked."""
        vectors = self.model.vectors
        if index <= 0 or index >= len(vectors):
            return
        kept_names = [vectors[i][0] for i in self.model.selection if i != index]
        remaining = vectors[:index] + vectors[index + 1:]
        self._say(None)
        self._push(remaining, f"Remove vector {vectors[index][0]}")
        names = [name for name, _ in self.model.vectors]
        self.model.set_selection(names.index(n) for n in kept_names if n in names)

    def add_columns(self) -> None:
        """Add (or update) c1, c2(, c3) = the columns of M, and tick exactly them."""
        vectors = list(self.model.vectors)
        names = [name for name, _ in vectors]
        columns = []
        for j, column in enumerate(self.model.matrix.columns):
            name = f"c{j + 1}"
            columns.append(name)
            if name in names:
                vectors[names.index(name)] = (name, Vector(column))
            else:
                vectors.append((name, Vector(column)))
                names.append(name)
        self._say(None)
        self._push(vectors, "Add columns of M")
        names = [name for name, _ in self.model.vectors]
        self.model.set_selection(names.index(name) for name in columns)

    def _on_slider(self, j: int, position: int) -> None:
        if j >= len(self._coefficients):
            return
        self._coefficients[j] = position / SLIDER_TICKS
        self.slider_values[j].setText(_coefficient_text(self._coefficients[j]))
        self.model.set_combination(self._coefficients)

    def reach(self) -> None:
        """Solve c1·u1 + … = target exactly; set the sliders if it can be reached, else say why."""
        values = []
        for cell in self.target_cells:
            try:
                values.append(parse_scalar(cell.text()))
                cell.set_error(None)
            except ExpressionError as error:
                message = f"target, {AXES[cell.column]}: {error}"
                cell.set_error(message)
                self.reach_result.setText(message)
                return
        selection = self.model.selection
        if not selection:
            self.reach_result.setText("Tick compare beside the vectors to combine first.")
            return
        vectors = [self.model.vectors[i][1] for i in selection]
        names = [self.model.vectors[i][0] for i in selection]
        try:
            reachable, coefficients, explanation = reach_target(Vector(values), vectors, names)
        except (LinearAlgebraError, ArithmeticError) as error:
            self.reach_result.setText(str(error))
            return
        if reachable:
            self.model.set_combination(float(c) for c in coefficients)
            self._on_combination(self.model.combination)
        self.reach_result.setText(explanation)
