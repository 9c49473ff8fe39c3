"""Multiply: Mx as a combination of M's columns (and as dot products with its rows), AB built
one column at a time, and the kernel's multiplication algorithms timed against numpy.

Three pages share the canvas:

* **Mx** — the plane under M (A, B or AB, chosen in the panel). M sends î and ĵ to its columns,
  drawn in î's and ĵ's colours, so it sends x = x₁î + x₂ĵ to x₁·col₁ + x₂·col₂: the dashed legs
  laid tip to tail end at Mx. Beside it, the row picture: each entry of Mx as a dot product,
  written out exactly. Dragging the tip of x edits x.
* **AB** — column j of AB is A·bⱼ: Play moves each column of B to where A sends it, one after
  another, while AB fills in column by column.
* **Timing** — :mod:`.multiply_timing`.

What is drawn comes from :mod:`.multiply_pictures` (studio scenes); the canvases, the player
and the picture export are the lab's own (:mod:`.stage_canvas`, :mod:`.player`,
:mod:`.panels_picture`).
"""

from __future__ import annotations

import html
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import Vector
from kernels.notation import matrix_text, scalar_text, vector_text

from ...controls.player import PlayerBar, StagePlayer
from ...controls.stage_canvas import StageCanvas
from ...panels_picture import Panel, export_panels, render_panels
from ...scene import RefusedMatrix
from ...stages import Timeline
from ...views.plane_view import PlaneView
from ...views.space_view import SpaceView
from ..contract import Mode
from .multiply_pictures import (
    MATRIX_CHOICES,
    SUBSCRIPTS,
    ColumnPicture,
    ProductColumns,
    chosen_matrix,
    column_frame,
    column_scene,
    product_scene,
    row_scene,
)
from .multiply_timing import TimingPage
from .state import ComposeState

PAGES = ("columns", "product", "timing")


def _tidy(value: float) -> Fraction:
    """A dragged coordinate as an exact 2-decimal number (the editor shows 5/4, not 1.2499871)."""
    return Fraction(f"{value:.2f}")


class MultiplyMode(Mode):
    """The column picture, AB by columns, and the timing chart (see the module docstring)."""

    name = "multiply"
    title = "Multiply"

    def __init__(self, host):
        super().__init__(host)
        self.which = "A"  # the M of the column picture: A, B or AB
        self.picture: ColumnPicture | None = None
        self.product: ProductColumns | None = None
        self._drag_serial = 0
        self._dragged_view: PlaneView | None = None
        self.column_canvas = StageCanvas("")
        self.product_canvas = StageCanvas("Column j of AB is A times column j of B")
        self.row_picture = QtWidgets.QLabel()
        self.row_picture.setWordWrap(True)
        self.row_picture.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_picture.setMinimumWidth(220)
        self.player = StagePlayer()
        self.player.moved.connect(self._show_position)
        self.player_bar = PlayerBar(self.player)
        self.timing = TimingPage()
        self.play_action = QtGui.QAction("&Play AB Column by Column")
        self.play_action.triggered.connect(self.play)
        self.tabs = self._build_canvas()
        self._panel = self._build_panel()

    # -- layout ----------------------------------------------------------------------------
    def _build_canvas(self) -> QtWidgets.QTabWidget:
        columns = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(columns)
        row.addWidget(self.column_canvas, stretch=3)
        row.addWidget(self.row_picture, stretch=1)
        product = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(product)
        column.addWidget(self.product_canvas, stretch=1)
        column.addWidget(self.player_bar)
        tabs = QtWidgets.QTabWidget()
        tabs.addTab(columns, "Mx: columns and rows")
        tabs.addTab(product, "AB column by column")
        tabs.addTab(self.timing, "Timing the products")
        return tabs

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.matrix_choice = QtWidgets.QComboBox()
        self.matrix_choice.addItems([f"M = {name}" for name in MATRIX_CHOICES])
        self.matrix_choice.currentIndexChanged.connect(lambda index: self.choose(MATRIX_CHOICES[index]))
        text = QtWidgets.QLabel(
            "<p><b>Columns.</b> M sends î to its first column and ĵ to its second, so it sends "
            "x = x₁î + x₂ĵ to x₁·col₁ + x₂·col₂: the dashed legs, tip to tail, end at Mx. "
            "Drag the tip of x.</p>"
            "<p><b>Rows.</b> Entry i of Mx is row i of M dotted with x: the same products, "
            "added up the other way.</p>"
            "<p><b>AB.</b> Column j of AB is A times column j of B: AB = A[b₁ b₂] = [Ab₁ Ab₂]. "
            "Play moves each bⱼ to Abⱼ.</p>")
        text.setWordWrap(True)
        layout = QtWidgets.QFormLayout(panel)
        layout.addRow("Column picture of", self.matrix_choice)
        layout.addRow(text)
        return panel

    # -- the Mode contract -------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self.tabs

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def actions(self) -> list[QtGui.QAction]:
        return [self.play_action]

    def activated(self, active: bool) -> None:
        if active:
            self.timing.set_theme(self._theme())
        else:
            self.player.finish()
            self.timing.cancel()

    def show_state(self, old: ComposeState | None, new: ComposeState) -> None:
        self.timing.set_theme(self._theme())
        self._show_columns(new)
        self._show_product(new)

    def choose(self, which: str) -> None:
        """Show the column picture of A, B or AB."""
        self.which = which
        blocked = self.matrix_choice.blockSignals(True)
        self.matrix_choice.setCurrentIndex(MATRIX_CHOICES.index(which))
        self.matrix_choice.blockSignals(blocked)
        self._show_columns(self.host.model.state)

    @property
    def page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _theme(self, theme: str | None = None) -> str:
        return theme or self.host.preferences().theme

    def _palette(self) -> str:
        return self.host.preferences().palette

    # -- the column picture ----------------------------------------------------------------
    def _show_columns(self, state: ComposeState) -> None:
        picture = ColumnPicture(self.which, chosen_matrix(state.a, state.b, self.which), state.x)
        try:
            scene = column_scene(picture, self._theme(), self._palette())
        except RefusedMatrix as error:  # AB's entries may be too large to draw
            self.row_picture.setText(f"<p>{self.which} cannot be drawn: {html.escape(str(error))}</p>")
            return
        self.picture = picture
        canvas = self.column_canvas
        canvas.title.setText(f"{picture.name}x as a combination of the columns of {picture.name}")
        canvas.show(scene, scene.matrix_floats)
        canvas.caption.setText(html.escape(picture.combination_text()))
        if not (isinstance(canvas.view, PlaneView) and canvas.view.view_box.dragging):
            canvas.frame(column_frame(picture, scene))  # the range stays put under a dragged tip
        self._connect_drag(canvas.view)
        self.row_picture.setText(self._row_picture_html())

    def _row_picture_html(self) -> str:
        picture = self.picture
        lines = "".join(f"<p style='margin-left: 8px'>{html.escape(line)}</p>"
                        for line in picture.row_lines())
        return (f"<p><b>The row picture</b></p><p>Entry i of {picture.name}x is row i of "
                f"{picture.name} dotted with x:</p>{lines}"
                f"<p>Both pictures give {picture.name}x = {html.escape(vector_text(picture.image))}.</p>")

    def _connect_drag(self, view) -> None:
        """Let the tip of x be dragged in the plane view (made anew when 2D comes back)."""
        if isinstance(view, PlaneView) and view is not self._dragged_view:
            view.view_box.handle_dragged.connect(self._on_handle_dragged)
            self._dragged_view = view

    def _on_handle_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """Dragging the tip of x edits x (one undo step per drag)."""
        if name != "vector:0":
            return
        state = self.host.model.state
        self.host.push(replace(state, x=Vector([_tidy(x), _tidy(y)])), "Drag x", drag_id=self._drag_serial)
        if finished:
            self._drag_serial += 1

    # -- AB column by column ---------------------------------------------------------------
    def _show_product(self, state: ComposeState) -> None:
        product = ProductColumns(state.a, state.b)
        try:
            scenes = [product_scene(product, started, self._theme(), self._palette())
                      for started in range(product.count + 1)]
        except RefusedMatrix as error:
            self.product_canvas.caption.setText(f"AB cannot be drawn: {html.escape(str(error))}")
            return
        self.product, self._product_scenes = product, scenes
        timeline = self.player.timeline
        self.player.load(Timeline(product.count, timeline.step_seconds, timeline.pause_seconds))
        self.product_canvas.frame([(scenes[0], product.display(0)),
                                   (scenes[-1], product.display(product.count))])

    def play(self) -> None:
        """Move each column of B to A times it, one after another (from the start)."""
        self.tabs.setCurrentIndex(PAGES.index("product"))
        self.player.seek(0)
        self.player.play()

    def _scene_at(self, position: float, theme: str | None = None):
        """The product's scene once ⌈position⌉ columns have set off (in ``theme``, for a picture)."""
        started = min(int(-(-position // 1)), self.product.count)
        if theme is None or theme == self._theme():
            return self._product_scenes[started]
        return product_scene(self.product, started, theme, self._palette())

    def _show_position(self, position: float) -> None:
        """The columns where they are at ``position``, and AB as far as it has been built."""
        product = self.product
        self.product_canvas.show(self._scene_at(position), product.display(position))
        done = int(position)
        self.product_canvas.caption.setText(self._product_html(done))

    def _product_html(self, done: int) -> str:
        """AB with its first ``done`` columns written exactly, and · for those still to come."""
        product = self.product
        cells = "".join(
            "<tr>" + "".join(f"<td align='right' style='padding: 0 6px'>"
                             f"{html.escape(scalar_text(x)) if j < done else '·'}</td>"
                             for j, x in enumerate(row)) + "</tr>" for row in product.product.rows)
        lines = "<br>".join(html.escape(line) for line in product.column_lines()[:done])
        return (f"<table><tr><td valign='middle'><b>AB =</b></td><td><table>{cells}</table></td>"
                f"<td valign='middle' style='padding-left: 12px'>{lines}</td></tr></table>")

    # -- pictures and notes ----------------------------------------------------------------
    def panels(self, theme: str | None) -> tuple[list[Panel], tuple]:
        """The page on screen as picture panels (same moment, same framing) and their footer:
        the column picture beside the row picture, or B beside AB as far as it has come."""
        if self.page == "product":
            product, position, canvas = self.product, self.player.position, self.product_canvas
            done = int(position)
            columns_of_b = tuple(f"b{SUBSCRIPTS[j]} = {vector_text(column)}"
                                 for j, column in enumerate(product.b.columns))
            before = Panel("B = [b₁ b₂ …]: the columns to move", self._scene_at(0, theme), product.display(0),
                           columns_of_b, canvas.pictures, self._camera(canvas))
            after = Panel(canvas.title.text(), self._scene_at(position, theme), product.display(position),
                          tuple(product.column_lines()[:done]), canvas.pictures, self._camera(canvas))
            footer = (f"AB = {matrix_text(product.product.rows)}" if done == product.count
                      else f"AB has {done} of its {product.count} columns so far",)
            return [before, after], footer
        picture, canvas = self.picture, self.column_canvas
        scene = column_scene(picture, self._theme(theme), self._palette())
        rows = row_scene(picture, self._theme(theme), self._palette())
        columns = Panel(canvas.title.text(), scene, scene.matrix_floats, tuple(picture.column_lines()),
                        column_frame(picture, scene), self._camera(canvas))
        row_panel = Panel(f"Row picture: entry i of {picture.name}x is rowᵢ·x", rows, rows.matrix_floats,
                          tuple(picture.row_lines()), ((rows, rows.matrix_floats),), self._camera(canvas))
        return [columns, row_panel], (picture.combination_text(),)

    @staticmethod
    def _camera(canvas: StageCanvas):
        """The camera of the canvas's 3D view (a picture keeps it), or None."""
        return canvas.view.camera() if isinstance(canvas.view, SpaceView) else None

    def render(self, size: tuple[int, int], theme: str | None) -> QtGui.QImage:
        if self.page == "timing":
            return self.timing.render(size, self._theme(theme))
        panels, footer = self.panels(theme)
        return render_panels(panels, size, footer)

    def export_picture(self, path: Path, size: tuple[int, int], theme: str | None) -> Path:
        if self.page == "timing":
            return self.timing.export_picture(path, size, self._theme(theme))
        panels, footer = self.panels(theme)
        return export_panels(panels, path, size, footer, "Matrix multiplication, exported by Linear Lens")

    def notes(self, kind: str) -> str:
        picture, product = self.picture, self.product
        if kind == "latex":
            return "\n".join([picture.latex(), product.latex()])
        return "\n".join([
            f"**{picture.name}x as a combination of the columns of {picture.name}**", "",
            picture.latex(), "", f"- {picture.combination_text()}",
            *(f"- {line}" for line in picture.row_lines()), "",
            "**AB column by column: column j of AB is A times column j of B**", "",
            product.latex(), "", *(f"- {line}" for line in product.column_lines())])

