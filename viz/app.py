"""The main window: wires the model, the undo stack, the view, the controls and the menus.

Edit flow: a cell or a drag → a command on the undo stack → the model changes and emits
``matrix_changed(old, new)`` → the info panel refreshes and the animator plays old → new,
pushing display matrices to the view frame by frame.
"""

import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import Matrix, Vector

from . import report
from .animation import Animator
from .autosave import AutoSaver
from .commands import ReplaceScene, SetAppearance, SetMatrix, SetVector, SetVectors
from .controls.animation_bar import AnimationBar
from .controls.entry_grid import EntryGrid
from .controls.info_panel import InfoPanel
from .controls.steps_panel import StepsPanel
from .controls.vector_panel import VectorPanel
from .facts import analyse
from .gl_support import opengl_problem
from .model import DEFAULT_VECTORS, SceneModel
from .palette import THEMES
from .preferences import (
    EASINGS,
    Preferences,
    add_recent_file,
    data_dir,
    load_preferences,
    open_settings,
    recent_files,
    remove_recent_file,
    save_preferences,
    set_recent_files,
)
from .presets import (
    Preset,
    load_presets,
    load_user_presets,
    save_user_preset,
    user_presets_path,
)
from .session import (
    SUFFIX,
    Session,
    SessionError,
    check_fits,
    load_session,
    save_session,
    session_from_model,
)
from .geometry3d import CAMERA_PRESETS
from .views.plane_view import PlaneView
from .views.space_view import NoOpenGLView, SpaceView

APP_NAME = "Linear Lens"
SESSION_FILTER = "Linear Lens sessions (*.lens.json);;JSON files (*.json);;All files (*)"
Button = QtWidgets.QMessageBox.StandardButton


# -- questions to the user: module functions, so tests can answer them without a modal loop --
def _nobody_to_ask() -> bool:
    """Qt's offscreen platform (tests, benchmarks) has no screen and no user: a modal dialog there
    would wait forever, so questions get the harmless answer and warnings go to stderr."""
    return QtGui.QGuiApplication.platformName() == "offscreen"


def ask_user(parent, title: str, text: str, buttons, default) -> "Button":
    """A modal question; returns the StandardButton pressed (offscreen: Discard, or No)."""
    if _nobody_to_ask():
        return Button.Discard if buttons & Button.Discard else Button.No
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setDefaultButton(default)
    return Button(box.exec())


def tell_user(parent, title: str, text: str) -> None:
    """A modal warning with one OK button."""
    if _nobody_to_ask():
        print(f"{title}: {' '.join(text.split())}", file=sys.stderr)
        return
    QtWidgets.QMessageBox.warning(parent, title, text)


def choose_open_path(parent, start: str) -> str | None:
    if _nobody_to_ask():
        return None
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Open Session", start, SESSION_FILTER)
    return name or None


def choose_save_path(parent, start: str) -> str | None:
    if _nobody_to_ask():
        return None
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, "Save Session", start, SESSION_FILTER)
    return name or None


def with_session_suffix(path) -> Path:
    """``notes`` → ``notes.lens.json``; a name that already ends in ``.json`` is kept."""
    path = Path(path)
    return path if path.name.lower().endswith(".json") else path.with_name(path.name + SUFFIX)


class MainWindow(QtWidgets.QMainWindow):
    """One scene: a 2×2 matrix, a vector v, and everything that explains them."""

    def __init__(self, model: SceneModel | None = None, *, data_folder=None, autosave: bool = False,
                 preferences: Preferences | None = None):
        """``data_folder`` holds the autosave and the user presets (default: the app data folder);
        ``autosave`` turns the autosave on (``main()`` does; tests and benchmarks leave it off).
        The constructor never asks anything: ``main()`` calls :meth:`offer_autosave_restore`."""
        super().__init__()
        self.resize(1280, 800)
        self.settings = open_settings()
        self.preferences = (preferences or load_preferences(self.settings)).validated()
        self.data_folder = Path(data_folder) if data_folder is not None else data_dir()
        if model is None:
            model = SceneModel()
            model.set_appearance(self.preferences.theme, self.preferences.palette)
        self.model = model
        self.current_path: Path | None = None
        self.startup_problems: list[str] = []
        self.undo_stack = QtGui.QUndoStack(self)
        self.animator = Animator(parent=self)
        self._apply_animation_preferences()
        self._drag_serial = 0
        self._build_widgets()
        self._build_menus()
        self.autosaver = None
        if autosave:
            self.autosaver = AutoSaver(self.model, self.data_folder, view_rect=self.view.visible_rect,
                                       should_save=lambda: not self.undo_stack.isClean(), parent=self)
            self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(
                f"Autosave failed: {message}", 8000))
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._update_title()
        self.model.dimension_changed.connect(self._on_dimension_changed)
        self.model.matrix_changed.connect(self._on_matrix_changed)
        self.model.vector_changed.connect(lambda v: self.vector_editor.show_values([[x] for x in v]))
        self.animator.frame.connect(self._on_frame)
        self.matrix_editor.show_values(self.model.matrix.rows)
        self.vector_editor.show_values([[x] for x in self.model.vector])
        self._apply_window_theme()
        self.model.appearance_changed.connect(self._apply_window_theme)
        if self.model.dimension == 3:
            self._on_dimension_changed(3)

    # -- layout ----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.view = PlaneView(self.model)
        self.space_view: SpaceView | NoOpenGLView | None = None  # made on the first switch to 3D
        self.canvas = QtWidgets.QStackedWidget()
        self.canvas.addWidget(self.view)
        n = self.model.dimension
        self.matrix_editor = EntryGrid(n, n)
        self.vector_editor = EntryGrid(n, 1)
        self.info_panel = InfoPanel(self.model)
        self.animation_bar = AnimationBar(self.animator)

        side = QtWidgets.QWidget()
        side_layout = QtWidgets.QVBoxLayout(side)
        self.matrix_title = QtWidgets.QLabel("<b>Matrix M</b> — columns are where î and ĵ land")
        side_layout.addWidget(self.matrix_title)
        side_layout.addWidget(self.matrix_editor)
        side_layout.addWidget(QtWidgets.QLabel("<b>Vector v</b> — drawn with its image Mv"))
        side_layout.addWidget(self.vector_editor, alignment=QtCore.Qt.AlignmentFlag.AlignLeft)
        self.steps_panel = StepsPanel(self.model)
        self.side_tabs = QtWidgets.QTabWidget()
        self.side_tabs.addTab(self.info_panel, "Facts")
        self.side_tabs.addTab(self.steps_panel, "Steps")
        self.vector_panel = VectorPanel(self.model, self.undo_stack)
        self.side_tabs.addTab(self.vector_panel, "Vectors")
        side_layout.addWidget(self.side_tabs, stretch=1)

        centre = QtWidgets.QWidget()
        centre_layout = QtWidgets.QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.canvas, stretch=1)
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
        self.new_action = file_menu.addAction("&New", self.new_scene)
        self.new_action.setShortcut(QtGui.QKeySequence.StandardKey.New)
        self.open_action = file_menu.addAction("&Open…", lambda: self.open_file())  # not triggered(bool)
        self.open_action.setShortcut(QtGui.QKeySequence("Ctrl+O"))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        self.save_action = file_menu.addAction("&Save", self.save)
        self.save_action.setShortcut(QtGui.QKeySequence("Ctrl+S"))
        self.save_as_action = file_menu.addAction("Save &As…", self.save_as)
        self.save_as_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+S"))
        file_menu.addSeparator()
        self.export_action = file_menu.addAction("&Export Picture…", self.export_picture)
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.export_animation_action = file_menu.addAction("Export &Animation…", self.export_animation)
        self.export_animation_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+E"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", self.close)
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        # keep Python references: PyQt does not hand these actions to their parent, and without
        # the attributes they were garbage-collected, leaving Edit without Undo/Redo (and Ctrl+Z)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QtGui.QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(QtGui.QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z, Ctrl+Y
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.copy_latex_action = edit_menu.addAction("Copy as &LaTeX", self.copy_latex)
        self.copy_markdown_action = edit_menu.addAction("Copy as &Markdown", self.copy_markdown)
        self.copy_picture_action = edit_menu.addAction("Copy &Picture", self.copy_picture)
        self.copy_picture_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        edit_menu.addSeparator()
        self.preferences_action = edit_menu.addAction("Pre&ferences…", self.edit_preferences)
        self.preferences_action.setShortcut(QtGui.QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QtGui.QAction.MenuRole.PreferencesRole)

        view_menu = bar.addMenu("&View")
        self.dimension_actions = self._exclusive_actions(
            view_menu, [("&2D Plane (2×2)", 2), ("&3D Space (3×3)", 3)], self.model.dimension,
            self.switch_dimension)
        self.dimension_actions[2].setShortcut(QtGui.QKeySequence("Ctrl+2"))
        self.dimension_actions[3].setShortcut(QtGui.QKeySequence("Ctrl+3"))
        view_menu.addSeparator()
        self.fit_action = view_menu.addAction("&Fit to Picture", self.view.fit)
        self.fit_action.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        self.camera_menu = view_menu.addMenu("&Camera (3D)")
        for text, name in (("&Isometric", "iso"), ("Look Along &x", "x"), ("Look Along &y", "y"),
                           ("Look Along &z", "z")):
            self.camera_menu.addAction(text, lambda name=name: self.set_camera(name))
        self.camera_menu.addSeparator()
        reset = self.camera_menu.addAction("&Reset Camera", lambda: self.set_camera("iso"))
        reset.setShortcut(QtGui.QKeySequence("Ctrl+R"))
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
        self.user_presets_menu = QtWidgets.QMenu("My presets", self)
        self.save_preset_action = QtGui.QAction("Save Current as Preset…", self)
        self.save_preset_action.triggered.connect(self.save_current_as_preset)
        self._fill_presets_menu()

        animation_menu = bar.addMenu("&Animation")
        play = animation_menu.addAction("&Play from Identity", self.play_from_identity)
        play.setShortcut(QtGui.QKeySequence("Space"))
        pause = animation_menu.addAction("P&ause / Resume", self._toggle_pause)
        pause.setShortcut(QtGui.QKeySequence("P"))
        animation_menu.addAction("&Skip to End", self.animator.finish)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction("&About Linear Lens", self._about)

    def _fill_presets_menu(self) -> None:
        """The shipped presets of the current dimension, then My presets."""
        self.presets_menu.clear()
        self._add_preset_groups(self.presets_menu, load_presets(self.model.dimension))
        self.presets_menu.addSeparator()
        self.presets_menu.addMenu(self.user_presets_menu)
        self.presets_menu.addAction(self.save_preset_action)
        self.reload_user_presets()

    def _add_preset_groups(self, menu: QtWidgets.QMenu, presets) -> None:
        groups: dict[str, QtWidgets.QMenu] = {}
        for preset in presets:
            if preset.group not in groups:
                groups[preset.group] = menu.addMenu(preset.group)
            groups[preset.group].addAction(
                preset.name, lambda p=preset: self.apply_matrix(p.matrix, f"Preset: {p.name}"))

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
        """Commit ``matrix`` through the undo stack (it animates from what is on screen).

        An unchanged matrix pushes nothing: a cell that merely loses focus commits its own
        value again, and that must not become an empty undo step that marks the scene modified.
        """
        if matrix == self.model.matrix or not self.can_show(matrix):
            return
        if matrix.shape != self.model.matrix.shape:  # a 3×3 preset in the plane, or back
            n = matrix.shape[0]
            self.undo_stack.push(ReplaceScene(self.model, matrix, DEFAULT_VECTORS[n], self.model.theme,
                                              self.model.palette, text))
            return
        self.undo_stack.push(SetMatrix(self.model, matrix, text))

    def switch_dimension(self, n: int) -> None:
        """View → 2D / 3D: the identity of the new size and its default v, as one undoable step."""
        if n == self.model.dimension:
            return
        self.undo_stack.push(ReplaceScene(self.model, Matrix.identity(n), DEFAULT_VECTORS[n],
                                          self.model.theme, self.model.palette, f"Switch to {n}D"))

    def set_camera(self, name: str) -> None:
        if isinstance(self.space_view, SpaceView):
            self.space_view.set_camera(CAMERA_PRESETS[name])

    def can_show(self, matrix: Matrix) -> bool:
        """Ask the kernel about ``matrix`` before committing it: a matrix it cannot analyse
        (entries beyond what floats can hold through det or eigenvalues) is refused with the
        kernel's reason, and the last valid matrix stays on screen."""
        return self.refusal(matrix) is None

    def refusal(self, matrix: Matrix) -> str | None:
        """None when the kernel can analyse ``matrix``; otherwise why not (also shown)."""
        try:
            analyse(matrix)
        except (ValueError, ArithmeticError) as error:
            message = f"the kernel cannot work with this matrix: {error}"
            self.statusBar().showMessage(f"Not committed — {message}. The last valid matrix is kept.")
            return message
        return None

    def _commit_matrix_cell(self, row: int, column: int, value) -> None:
        rows = [list(r) for r in self.model.matrix.rows]
        rows[row][column] = value
        problem = self.refusal(Matrix(rows))
        if problem is not None:
            self.matrix_editor.cell(row, column).set_error(
                f"Row {row + 1}, column {column + 1}: {problem}")
            return
        self.apply_matrix(Matrix(rows), f"Edit M[{row + 1},{column + 1}]")
        self.statusBar().clearMessage()

    def _commit_vector_cell(self, row: int, _column: int, value) -> None:
        entries = list(self.model.vector)
        entries[row] = value
        if Vector(entries) == self.model.vector:
            return  # a focus-out re-commit of the same value: no undo step
        self.undo_stack.push(SetVector(self.model, Vector(entries)))
        self.statusBar().clearMessage()

    def _show_invalid(self, message: str) -> None:
        self.statusBar().showMessage(f"Not a number — {message}. The last valid value is kept.")

    def _on_handle_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """A drag of î or ĵ edits a column of M; a drag of v edits v. One drag, one undo step."""
        if name == "v":
            self.undo_stack.push(SetVector(self.model, Vector([_tidy(x), _tidy(y)]), "Drag v",
                                           drag_id=self._drag_serial))
        elif name.startswith("vector:"):
            index = int(name.split(":")[1])
            vectors = list(self.model.vectors)
            vectors[index] = (vectors[index][0], Vector([_tidy(x), _tidy(y)]))
            self.undo_stack.push(SetVectors(self.model, vectors, f"Drag {vectors[index][0]}",
                                            drag_id=self._drag_serial))
        else:
            rows = [list(r) for r in self.model.matrix.rows]
            column = 0 if name == "i" else 1
            rows[0][column], rows[1][column] = _tidy(x), _tidy(y)
            label = "î" if name == "i" else "ĵ"
            if self.can_show(Matrix(rows)):
                self.undo_stack.push(SetMatrix(self.model, Matrix(rows), f"Drag {label}",
                                               drag_id=self._drag_serial))
        if finished:
            self._drag_serial += 1

    # -- reactions -------------------------------------------------------------------------
    def _on_dimension_changed(self, n: int) -> None:
        """Plane ↔ space: resize the editors, swap the canvas, offer that dimension's presets."""
        self.matrix_editor.set_shape(n, n)
        self.vector_editor.set_shape(n, 1)
        self.vector_editor.show_values([[x] for x in self.model.vector])
        if n == 3 and self.space_view is None:
            problem = opengl_problem()
            self.space_view = SpaceView(self.model) if problem is None else NoOpenGLView(problem)
            self.canvas.addWidget(self.space_view)
        self.canvas.setCurrentWidget(self.view if n == 2 else self.space_view)
        hats = "î and ĵ" if n == 2 else "î, ĵ and k̂"
        self.matrix_title.setText(f"<b>Matrix M</b> — columns are where {hats} land")
        for size, action in self.dimension_actions.items():
            action.setChecked(size == n)
        self.fit_action.setEnabled(n == 2)
        self.camera_menu.setEnabled(n == 3)
        self.export_animation_action.setEnabled(n == 2)
        self.export_animation_action.setStatusTip("" if n == 2 else
                                                  "Animation export works in the 2D plane for now")
        self._fill_presets_menu()
        self.statusBar().showMessage(
            "2D: drag the tip of î or ĵ, or type into a cell." if n == 2 else
            "3D: drag to orbit, wheel to zoom, middle button (or Ctrl+drag) to pan; View → Camera.")

    def current_display(self) -> np.ndarray:
        """The matrix on screen now (mid-animation, it is not the committed one)."""
        if self.model.dimension == 3 and isinstance(self.space_view, SpaceView):
            return self.space_view.display
        if self.model.dimension == 2:
            return self.view.display
        return np.array(self.model.matrix.to_floats())

    def _on_matrix_changed(self, old: Matrix, new: Matrix) -> None:
        self.matrix_editor.show_values(new.rows)
        target = np.array(new.to_floats())
        if old.shape != new.shape or self.view.view_box.dragging is not None:
            self.animator.jump(target)  # a new dimension starts settled; a drag follows the pointer
        else:
            self.animator.play(self.current_display(), target)

    def _on_frame(self, matrix, t: float) -> None:
        settled = t >= 1.0 and np.allclose(matrix, np.array(self.model.matrix.to_floats()))
        if matrix.shape == (3, 3):
            if isinstance(self.space_view, SpaceView):
                self.space_view.show_matrix(matrix, settled)
        else:
            self.view.show_matrix(matrix, settled)

    def play_from_identity(self) -> None:
        n = self.model.dimension
        self.animator.play(np.eye(n), np.array(self.model.matrix.to_floats()))

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
        dialog = self.make_export_dialog()
        if dialog.exec():
            self.statusBar().showMessage(f"Exported {dialog.saved_path}", 5000)

    def make_export_dialog(self):
        """The Export Picture dialog, filled in with the export preferences."""
        from .export_dialog import ExportDialog

        if self.model.dimension == 3:
            dialog = ExportDialog(self.model, self.space_view, self, export=self._export_space)
        else:
            dialog = ExportDialog(self.model, self.view, self)
        if self.preferences.export_size is not None:
            dialog.width_box.setValue(self.preferences.export_size[0])
            dialog.height_box.setValue(self.preferences.export_size[1])
        if self.preferences.export_theme:
            dialog.theme.setCurrentIndex(dialog.theme.findData(self.preferences.export_theme))
        return dialog

    def _export_space(self, path, size, theme):
        """Export Picture in 3D: the scene as the camera sees it now (PNG or vector SVG)."""
        from .export3d import export_space

        model = self.model
        if theme and theme != model.theme:
            model = model.copy()
            model.set_appearance(theme=theme)
        live = isinstance(self.space_view, SpaceView)
        camera = self.space_view.camera() if live else None
        view = self.space_view if live and model is self.model else None  # same look: reuse it
        return export_space(model, path, size, camera=camera, display=self.current_display(),
                            view=view)

    def export_animation(self) -> None:
        """File → Export Animation: a GIF (or MP4) of identity → M, or of the last transition."""
        from .animation_export_dialog import AnimationExportDialog

        path = self.animator.path
        start = None if np.allclose(path.start, path.end) else path.start
        dialog = AnimationExportDialog(self.model, self.view, self, start=start)
        if dialog.exec():
            self.statusBar().showMessage(f"Exported {dialog.saved_path}", 5000)

    # -- files -----------------------------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        self._update_title()
        if clean and self.autosaver is not None:
            self.autosaver.discard()  # nothing unsaved: a crash now would lose nothing

    def _update_title(self) -> None:
        """``Linear Lens`` for a fresh scene; ``name.lens.json* — Linear Lens`` once it has a
        file (the star: changes not saved); ``Untitled* — Linear Lens`` for a changed new scene."""
        modified = not self.undo_stack.isClean()
        star = "*" if modified else ""
        if self.current_path is not None:
            self.setWindowTitle(f"{self.current_path.name}{star} — {APP_NAME}")
        elif modified:
            self.setWindowTitle(f"Untitled{star} — {APP_NAME}")
        else:
            self.setWindowTitle(APP_NAME)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def maybe_save(self) -> bool:
        """Before New, Open or Quit: offer to save changes. False means the user cancelled."""
        if not self.modified:
            return True
        name = self.current_path.name if self.current_path else "this scene"
        answer = ask_user(self, APP_NAME, f"Save the changes to {name} before closing it?",
                          Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def _replace_scene(self, session: Session, text: str) -> None:
        """Push one undoable step that puts ``session``'s scene in the model (pre-validated)."""
        command = ReplaceScene(self.model, session.matrix, session.vectors, session.theme,
                               session.palette, text, styles=session.styles)
        if command.changes_anything:
            self.undo_stack.push(command)

    def new_scene(self) -> bool:
        """File → New: the identity, v = (1, 2) and the preferred look, as one undoable step."""
        if not self.maybe_save():
            return False
        n = self.model.dimension
        fresh = Session(format=1, dimension=n, matrix=Matrix.identity(n), vector=DEFAULT_VECTORS[n],
                        theme=self.preferences.theme, palette=self.preferences.palette)
        self._replace_scene(fresh, "New scene")
        self.current_path = None
        self.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage("New scene (Undo brings the previous one back)", 5000)
        return True

    def open_file(self, path=None) -> bool:
        """File → Open: read and check the whole file first; a bad file changes nothing.

        Opening is one undoable step ("Open name"); the stack is marked clean there, so undoing
        it brings the previous scene back and shows the title's star (it differs from the file).
        """
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.current_path.parent if self.current_path else Path.home())
            path = choose_open_path(self, start)
            if path is None:
                return False
        path = Path(path)
        try:
            session = load_session(path)
            check_fits(session, self.model)
        except SessionError as error:
            tell_user(self, "Open Session",
                      f"{error}\n\nNothing was opened: the scene on screen is unchanged.")
            return False
        self._replace_scene(session, f"Open {path.name}")
        if session.view_rect is not None and session.dimension == 2:
            self.view.set_range(session.view_rect)
        self.current_path = path.resolve()
        self.undo_stack.setClean()
        self._update_title()
        add_recent_file(path, self.settings)
        self.statusBar().showMessage(f"Opened {path.name}", 5000)
        return True

    def save(self) -> bool:
        """File → Save (Save As… for a scene that has no file yet). True when written."""
        if self.current_path is None:
            return self.save_as()
        return self.save_to(self.current_path)

    def save_as(self) -> bool:
        start = self.current_path or Path.home() / f"untitled{SUFFIX}"
        chosen = choose_save_path(self, str(start))
        if chosen is None:
            return False
        return self.save_to(with_session_suffix(chosen))

    def save_to(self, path) -> bool:
        """Write the scene (and the visible rectangle) to ``path`` atomically."""
        path = Path(path)
        try:
            rect = self.view.visible_rect() if self.model.dimension == 2 else None
            save_session(session_from_model(self.model, rect), path)
        except SessionError as error:
            tell_user(self, "Save Session", str(error))
            return False
        self.current_path = path.resolve()
        self.undo_stack.setClean()
        self._update_title()
        add_recent_file(path, self.settings)
        self.statusBar().showMessage(f"Saved {path.name}", 5000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files(self.settings)
        for number, text in enumerate(paths, start=1):
            path = Path(text)
            action = self.recent_menu.addAction(f"&{number} {path.name}   ({path.parent})")
            action.setData(text)
            action.triggered.connect(lambda _=False, text=text: self.open_recent(text))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Menu", self.clear_recent)
        else:
            self.recent_menu.addAction("No recent sessions").setEnabled(False)

    def open_recent(self, text: str) -> bool:
        """Open a recent file; one that no longer exists is dropped from the list, with a note."""
        if not Path(text).is_file():
            remove_recent_file(text, self.settings)
            tell_user(self, "Open Recent",
                      f"{Path(text).name} is no longer at {Path(text).parent}; "
                      "it has been removed from Open Recent.")
            self._fill_recent_menu()
            return False
        return self.open_file(text)

    def clear_recent(self) -> None:
        set_recent_files([], self.settings)
        self._fill_recent_menu()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.close()  # a clean exit leaves no autosave behind
        self.animator.pause()
        event.accept()

    # -- autosave --------------------------------------------------------------------------
    def offer_autosave_restore(self) -> bool:
        """At start: if the last run left an autosave (it crashed or was killed), offer it back.
        Yes restores it (as an unsaved, undoable change); No sets it aside as
        ``autosave.declined.lens.json``."""
        pending = self.autosaver.pending() if self.autosaver is not None else None
        if pending is None:
            return False
        when = time.strftime("%H:%M on %d %b", time.localtime(pending.stat().st_mtime))
        answer = ask_user(self, APP_NAME,
                          "Linear Lens did not close properly last time.\n\n"
                          f"Restore the scene it autosaved at {when}?", Button.Yes | Button.No,
                          Button.Yes)
        if answer != Button.Yes:
            self.autosaver.set_aside()
            return False
        return self.restore_autosave(pending)

    def restore_autosave(self, path=None) -> bool:
        """Put the autosaved scene back (no question asked). It is unsaved work: the title shows
        ``Untitled*`` and closing asks where to save it. A broken autosave is reported and set aside."""
        if path is None:
            path = self.autosaver.pending() if self.autosaver is not None else None
            if path is None:
                return False
        try:
            session = load_session(path)
            check_fits(session, self.model)
        except SessionError as error:
            tell_user(self, APP_NAME, f"The autosave could not be restored.\n\n{error}")
            if self.autosaver is not None:
                self.autosaver.set_aside()
            return False
        self._replace_scene(session, "Restore autosave")
        if session.view_rect is not None and session.dimension == 2:
            self.view.set_range(session.view_rect)
        self.current_path = None
        self._update_title()
        self.statusBar().showMessage("Restored the autosaved scene — save it to keep it", 8000)
        return True

    # -- maths for notes -------------------------------------------------------------------
    def copy_latex(self) -> str:
        text = report.as_latex(self.model.facts)
        QtWidgets.QApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied the facts as LaTeX", 3000)
        return text

    def copy_markdown(self) -> str:
        text = report.as_markdown(self.model.facts)
        QtWidgets.QApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied the facts as Markdown", 3000)
        return text

    def picture_size(self) -> tuple[int, int]:
        """The preferred picture size, or twice the view on screen (as Export Picture offers)."""
        if self.preferences.export_size is not None:
            return self.preferences.export_size
        return (2 * max(self.view.width(), 200), 2 * max(self.view.height(), 200))

    def copy_picture(self) -> QtGui.QImage:
        """The picture on screen (same range, same moment) → clipboard, like Export Picture."""
        from .export import build_view, render_image

        model = self.model
        if self.preferences.export_theme and self.preferences.export_theme != model.theme:
            model = model.copy()
            model.set_appearance(theme=self.preferences.export_theme)
        size = self.picture_size()
        if self.model.dimension == 3:
            if not isinstance(self.space_view, SpaceView):
                self.statusBar().showMessage(f"Cannot copy a 3D picture: {self.space_view.reason}", 5000)
                return QtGui.QImage()
            image = self.space_view.render_image(size)
            QtWidgets.QApplication.clipboard().setImage(image)
            self.statusBar().showMessage(f"Copied the picture ({size[0]}×{size[1]})", 3000)
            return image
        view = build_view(model, size, self.view.display, self.view.visible_rect())
        try:
            image = render_image(view, size)
        finally:
            view.close()
            view.deleteLater()
        QtWidgets.QApplication.clipboard().setImage(image)
        self.statusBar().showMessage(f"Copied the picture ({size[0]}×{size[1]})", 3000)
        return image

    # -- preferences and presets -----------------------------------------------------------
    def _apply_animation_preferences(self) -> None:
        self.animator.duration = self.preferences.animation_seconds
        self.animator.easing = EASINGS[self.preferences.easing]

    def edit_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec():
            self.set_preferences(dialog.preferences())

    def set_preferences(self, preferences: Preferences) -> None:
        """Store and apply: animation at once; a changed theme/palette also restyles the scene
        open now (one undoable step), as the dialog says."""
        old, self.preferences = self.preferences, preferences.validated()
        save_preferences(self.preferences, self.settings)
        self._apply_animation_preferences()
        theme = self.preferences.theme if self.preferences.theme != old.theme else None
        palette = self.preferences.palette if self.preferences.palette != old.palette else None
        if (theme and theme != self.model.theme) or (palette and palette != self.model.palette):
            self.undo_stack.push(SetAppearance(self.model, theme=theme, palette=palette))

    @property
    def user_presets_file(self) -> Path:
        return user_presets_path(self.data_folder)

    def reload_user_presets(self) -> list[str]:
        """Rebuild Presets → My presets from the user's file; problems are reported, not fatal."""
        presets, problems = load_user_presets(self.user_presets_file, self.model.dimension)
        self.user_presets = presets
        self.user_presets_menu.clear()
        if presets:
            self._add_preset_groups(self.user_presets_menu, presets)
        else:
            self.user_presets_menu.addAction("(none yet — Save Current as Preset…)").setEnabled(False)
        if problems:
            self.startup_problems.extend(problems)
            skipped = "a bad entry was skipped" if len(problems) == 1 else f"{len(problems)} problems"
            self.statusBar().showMessage(f"My presets: {skipped} — {problems[0]}", 10000)
        return problems

    def save_current_as_preset(self) -> bool:
        from .preferences_dialog import SavePresetDialog

        groups = sorted({p.group for p in self.user_presets}) or ["My presets"]
        dialog = SavePresetDialog(str(self.model.matrix), groups, self)
        if not dialog.exec():
            return False
        group, name = dialog.values()
        return self.save_preset(group, name)

    def save_preset(self, group: str, name: str) -> bool:
        """Add the current matrix to My presets as ``group`` → ``name``."""
        try:
            save_user_preset(self.user_presets_file, Preset(group, name, self.model.matrix))
        except SessionError as error:
            tell_user(self, "Save Preset", f"{error}\n\nThe file is kept as it is: fix or delete "
                                           f"{self.user_presets_file} and try again.")
            return False
        self.reload_user_presets()
        self.statusBar().showMessage(f"Saved preset {group} → {name}", 5000)
        return True

    def report_startup_problems(self) -> None:
        """Show what went wrong while starting (a bad user presets file), once, after show()."""
        if self.startup_problems:
            tell_user(self, APP_NAME, "Some of your presets could not be loaded and were skipped:"
                      "\n\n" + "\n".join(self.startup_problems[:10]))

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
    window = MainWindow(autosave=True)
    window.show()
    QtCore.QTimer.singleShot(0, window.offer_autosave_restore)
    QtCore.QTimer.singleShot(0, window.report_startup_problems)
    return app.exec()
