"""The main window: wires the model, the undo stack, the view, the controls and the menus.

Edit flow: a cell or a drag → a command on the undo stack → the model changes and emits
``matrix_changed(old, new)`` → the info panel refreshes and the animator plays old → new,
pushing display matrices to the view frame by frame.
"""

from fractions import Fraction

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import Matrix, Vector

from .animation import Animator
from .commands import SetAppearance, SetMatrix, SetVector
from .controls.animation_bar import AnimationBar
from .controls.entry_grid import EntryGrid
from .controls.info_panel import InfoPanel
from .controls.steps_panel import StepsPanel
from .model import SceneModel
from .palette import THEMES
from .presets import load_presets
from .views.plane_view import PlaneView

APP_NAME = "Linear Lens"


class MainWindow(QtWidgets.QMainWindow):
    """One scene: a 2×2 matrix, a vector v, and everything that explains them."""

    def __init__(self, model: SceneModel | None = None):
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.model = model or SceneModel()
        self.undo_stack = QtGui.QUndoStack(self)
        self.animator = Animator(parent=self)
        self._drag_serial = 0
        self._build_widgets()
        self._build_menus()
        self.model.matrix_changed.connect(self._on_matrix_changed)
        self.model.vector_changed.connect(lambda v: self.vector_editor.show_values([[x] for x in v]))
        self.animator.frame.connect(self._on_frame)
        self.matrix_editor.show_values(self.model.matrix.rows)
        self.vector_editor.show_values([[x] for x in self.model.vector])
        self._apply_window_theme()
        self.model.appearance_changed.connect(self._apply_window_theme)

    # -- layout ----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.view = PlaneView(self.model)
        self.matrix_editor = EntryGrid(2, 2)
        self.vector_editor = EntryGrid(2, 1)
        self.info_panel = InfoPanel(self.model)
        self.animation_bar = AnimationBar(self.animator)

        side = QtWidgets.QWidget()
        side_layout = QtWidgets.QVBoxLayout(side)
        title = QtWidgets.QLabel("<b>Matrix M</b> — columns are where î and ĵ land")
        side_layout.addWidget(title)
        side_layout.addWidget(self.matrix_editor)
        side_layout.addWidget(QtWidgets.QLabel("<b>Vector v</b> — drawn with its image Mv"))
        side_layout.addWidget(self.vector_editor, alignment=QtCore.Qt.AlignmentFlag.AlignLeft)
        self.steps_panel = StepsPanel(self.model)
        self.side_tabs = QtWidgets.QTabWidget()
        self.side_tabs.addTab(self.info_panel, "Facts")
        self.side_tabs.addTab(self.steps_panel, "Steps")
        side_layout.addWidget(self.side_tabs, stretch=1)

        centre = QtWidgets.QWidget()
        centre_layout = QtWidgets.QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.view, stretch=1)
        centre_layout.addWidget(self.animation_bar)

        splitter = QtWidgets.QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 920])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage("Type into a cell and press Enter, or drag the tip of î or ĵ.")

        self.matrix_editor.committed.connect(self._commit_matrix_cell)
        self.vector_editor.committed.connect(self._commit_vector_cell)
        for editor in (self.matrix_editor, self.vector_editor):
            editor.invalid.connect(self._show_invalid)
        self.view.view_box.handle_dragged.connect(self._on_handle_dragged)
        self.animation_bar.play_from_identity.connect(self.play_from_identity)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.export_action = file_menu.addAction("&Export Picture…", self.export_picture)
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", self.close)
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QtGui.QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])

        view_menu = bar.addMenu("&View")
        fit = view_menu.addAction("&Fit to Picture", self.view.fit)
        fit.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        view_menu.addSeparator()
        self.theme_actions = self._exclusive_actions(
            view_menu, [(f"{name.title()} Theme", name) for name in THEMES],
            self.model.theme, lambda name: self.undo_stack.push(SetAppearance(self.model, theme=name)))
        view_menu.addSeparator()
        self.palette_actions = self._exclusive_actions(
            view_menu, [("Okabe–Ito Palette (colour-blind safe)", "okabe-ito"),
                        ("Classic Palette (green î, red ĵ)", "classic")],
            self.model.palette, lambda name: self.undo_stack.push(SetAppearance(self.model, palette=name)))

        self.presets_menu = bar.addMenu("&Presets")
        groups: dict[str, QtWidgets.QMenu] = {}
        for preset in load_presets(2):
            if preset.group not in groups:
                groups[preset.group] = self.presets_menu.addMenu(preset.group)
            groups[preset.group].addAction(
                preset.name, lambda p=preset: self.apply_matrix(p.matrix, f"Preset: {p.name}"))

        animation_menu = bar.addMenu("&Animation")
        play = animation_menu.addAction("&Play from Identity", self.play_from_identity)
        play.setShortcut(QtGui.QKeySequence("Space"))
        pause = animation_menu.addAction("P&ause / Resume", self._toggle_pause)
        pause.setShortcut(QtGui.QKeySequence("P"))
        animation_menu.addAction("&Skip to End", self.animator.finish)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction("&About Linear Lens", self._about)

    def _exclusive_actions(self, menu, entries, current, on_pick) -> dict:
        group = QtGui.QActionGroup(self)
        actions = {}
        for text, name in entries:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _=False, name=name: on_pick(name))
            group.addAction(action)
            actions[name] = action
        return actions

    # -- edits -----------------------------------------------------------------------------
    def apply_matrix(self, matrix: Matrix, text: str = "Edit matrix") -> None:
        """Commit ``matrix`` through the undo stack (it animates from what is on screen)."""
        self.undo_stack.push(SetMatrix(self.model, matrix, text))

    def _commit_matrix_cell(self, row: int, column: int, value) -> None:
        rows = [list(r) for r in self.model.matrix.rows]
        rows[row][column] = value
        self.apply_matrix(Matrix(rows), f"Edit M[{row + 1},{column + 1}]")
        self.statusBar().clearMessage()

    def _commit_vector_cell(self, row: int, _column: int, value) -> None:
        entries = list(self.model.vector)
        entries[row] = value
        self.undo_stack.push(SetVector(self.model, Vector(entries)))
        self.statusBar().clearMessage()

    def _show_invalid(self, message: str) -> None:
        self.statusBar().showMessage(f"Not a number — {message}. The last valid value is kept.")

    def _on_handle_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """A drag of î or ĵ edits a column of M; a drag of v edits v. One drag, one undo step."""
        if name == "v":
            self.undo_stack.push(SetVector(self.model, Vector([_tidy(x), _tidy(y)]), "Drag v",
                                           drag_id=self._drag_serial))
        else:
            rows = [list(r) for r in self.model.matrix.rows]
            column = 0 if name == "i" else 1
            rows[0][column], rows[1][column] = _tidy(x), _tidy(y)
            label = "î" if name == "i" else "ĵ"
            self.undo_stack.push(SetMatrix(self.model, Matrix(rows), f"Drag {label}",
                                           drag_id=self._drag_serial))
        if finished:
            self._drag_serial += 1

    # -- reactions -------------------------------------------------------------------------
    def _on_matrix_changed(self, old: Matrix, new: Matrix) -> None:
        self.matrix_editor.show_values(new.rows)
        target = np.array(new.to_floats())
        if self.view.view_box.dragging is not None:
            self.animator.jump(target)  # follow the pointer, no lag
        else:
            self.animator.play(self.view.display, target)

    def _on_frame(self, matrix, t: float) -> None:
        settled = t >= 1.0 and np.allclose(matrix, np.array(self.model.matrix.to_floats()))
        self.view.show_matrix(matrix, settled)

    def play_from_identity(self) -> None:
        self.animator.play(np.eye(2), np.array(self.model.matrix.to_floats()))

    def _toggle_pause(self) -> None:
        if self.animator.playing:
            self.animator.pause()
        elif self.animator.progress < 1.0:
            self.animator.resume()

    def _apply_window_theme(self) -> None:
        for name, action in self.theme_actions.items():
            action.setChecked(name == self.model.theme)
        for name, action in self.palette_actions.items():
            action.setChecked(name == self.model.palette)

    def export_picture(self) -> None:
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.model, self.view, self)
        if dialog.exec():
            self.statusBar().showMessage(f"Exported {dialog.saved_path}", 5000)

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self, "About Linear Lens",
            "<b>Linear Lens</b><p>See what a matrix does to the plane: its columns are where "
            "î and ĵ land, its determinant is the area of the unit square's image, and its "
            "eigenvectors are the directions it only stretches.</p>")


def _tidy(value: float) -> Fraction:
    """A dragged coordinate as an exact 2-decimal number: the editor shows 5/4, not 1.2499871."""
    return Fraction(f"{value:.2f}")


def main(argv=None) -> int:
    """Start the desktop app."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    window = MainWindow()
    window.show()
    return app.exec()
