"""The window's menus and what their actions do: File, Edit, View (the open lab's part, the labs,
the look), the open lab's own menus, and Help. Exports and copies ask the open lab for its
picture or its notes; the document actions go to :class:`~viz.window.documents.Documents`."""

from pathlib import Path

from PyQt6 import QtGui, QtWidgets

from ..export import ExportError
from ..labs import LABS
from ..palette import THEMES
from ..session import SessionError


class WindowMenus:
    """Builds the menu bar of ``window`` and keeps its actions (shortcuts, and tests, reach them)."""

    def __init__(self, window):
        self.window = window
        documents = window.documents
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = file_menu.addAction("&New", documents.new_scene)
        self.new_action.setShortcut(QtGui.QKeySequence.StandardKey.New)
        self.open_action = file_menu.addAction("&Open…", lambda: documents.open_file())  # not triggered(bool)
        self.open_action.setShortcut(QtGui.QKeySequence("Ctrl+O"))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        file_menu.addSeparator()
        self.save_action = file_menu.addAction("&Save", documents.save)
        self.save_action.setShortcut(QtGui.QKeySequence("Ctrl+S"))
        self.save_as_action = file_menu.addAction("Save &As…", documents.save_as)
        self.save_as_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+S"))
        file_menu.addSeparator()
        self.export_action = file_menu.addAction("&Export Picture…", self.export_picture)
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.export_animation_action = file_menu.addAction("Export &Animation…", self.export_animation)
        self.export_animation_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+E"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", window.close)
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        # keep Python references: PyQt does not hand these actions to their parent, and without
        # the attributes they were garbage-collected, leaving Edit without Undo/Redo (and Ctrl+Z)
        self.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
        self.undo_action.setShortcuts(QtGui.QKeySequence.StandardKey.Undo)
        self.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
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

        self.view_menu = bar.addMenu("&View")
        self.lab_actions = self._exclusive(
            [(f"&{i + 1} {entry.title} Lab", entry.name) for i, entry in enumerate(LABS)],
            window.switch_lab)
        for index, action in enumerate(self.lab_actions.values()):
            if index < 9:
                action.setShortcut(QtGui.QKeySequence(f"Ctrl+{index + 1}"))
        self.theme_actions = self._exclusive(
            [(f"{name.title()} Theme", name) for name in THEMES],
            lambda name: window.set_look(theme=name))
        self.palette_actions = self._exclusive(
            [("Okabe–Ito Palette (colour-blind safe)", "okabe-ito"),
             ("Classic Palette (green î, red ĵ)", "classic")],
            lambda name: window.set_look(palette=name))
        self._lab_menus: list[QtWidgets.QMenu] = []
        self.help_menu = QtWidgets.QMenu("&Help", window)
        self.lessons_action = self.help_menu.addAction("&Lessons", window.show_lessons)
        self.lessons_action.setShortcut(QtGui.QKeySequence("F1"))
        self.help_menu.addActions([window.lessons.next_action, window.lessons.back_action])
        self.welcome_action = self.help_menu.addAction("&Welcome", lambda: window.welcome.popup())
        self.help_menu.addSeparator()
        self.help_menu.addAction("&About Linear Lens", self._about)
        bar.addMenu(self.help_menu)

    def _exclusive(self, entries, on_pick) -> dict:
        """Checkable actions of which one is ticked; they live in View, refilled per lab."""
        group = QtGui.QActionGroup(self.window)
        actions = {}
        for text, name in entries:
            action = QtGui.QAction(text, self.window)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, name=name: on_pick(name))
            group.addAction(action)
            actions[name] = action
        return actions

    def show_lab(self, lab) -> None:
        """Fill View with ``lab``'s part, then the labs and the look; show ``lab``'s menus."""
        bar = self.window.menuBar()
        for menu in self._lab_menus:
            bar.removeAction(menu.menuAction())
        self._lab_menus = lab.menus()
        for menu in self._lab_menus:
            bar.insertMenu(self.help_menu.menuAction(), menu)
        self.view_menu.clear()
        lab.fill_view_menu(self.view_menu)
        self.view_menu.addSeparator()
        labs = self.view_menu.addMenu("&Labs")
        labs.addActions(list(self.lab_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions(list(self.theme_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions(list(self.palette_actions.values()))
        self.lab_actions[lab.name].setChecked(True)
        self.show_look()
        self.show_animation_state()

    def show_animation_state(self) -> None:
        """File → Export Animation is offered only where the open lab can animate now."""
        problem = self.window.current_lab().animation_problem()
        self.export_animation_action.setEnabled(problem is None)
        self.export_animation_action.setStatusTip(problem or "")

    def show_look(self) -> None:
        model = self.window.studio.model
        self.theme_actions[model.theme].setChecked(True)
        self.palette_actions[model.palette].setChecked(True)

    # -- File ------------------------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.window.documents.recent()
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
        opened = self.window.documents.open_recent(text)
        self.fill_recent_menu()
        return opened

    def clear_recent(self) -> None:
        self.window.documents.clear_recent()
        self.fill_recent_menu()

    def make_export_dialog(self):
        """The Export Picture dialog for the open lab, filled in with the export preferences."""
        from ..export_dialog import ExportDialog

        window = self.window
        lab = window.current_lab()
        dialog = ExportDialog(lab.export_picture, window.picture_size(), window)
        if window.preferences.export_theme:
            dialog.theme.setCurrentIndex(dialog.theme.findData(window.preferences.export_theme))
        return dialog

    def export_picture(self) -> None:
        dialog = self.make_export_dialog()
        if dialog.exec():
            self.window.status(f"Exported {dialog.saved_path}", 5000)

    def export_animation(self) -> None:
        path = self.window.current_lab().export_animation()
        if path is not None:
            self.window.status(f"Exported {path}", 5000)

    # -- Edit ------------------------------------------------------------------------------
    def _copy_notes(self, kind: str, name: str) -> str:
        text = self.window.current_lab().notes(kind)
        QtWidgets.QApplication.clipboard().setText(text)
        self.window.status(f"Copied the facts as {name}", 3000)
        return text

    def copy_latex(self) -> str:
        return self._copy_notes("latex", "LaTeX")

    def copy_markdown(self) -> str:
        return self._copy_notes("markdown", "Markdown")

    def copy_picture(self) -> QtGui.QImage:
        """The picture on screen (same range, same moment) → clipboard, like Export Picture."""
        window = self.window
        size = window.picture_size()
        try:
            image = window.current_lab().picture(size, window.preferences.export_theme or None)
        except (ExportError, SessionError) as error:
            window.status(f"Cannot copy the picture: {error}", 5000)
            return QtGui.QImage()
        QtWidgets.QApplication.clipboard().setImage(image)
        window.status(f"Copied the picture ({size[0]}×{size[1]})", 3000)
        return image

    def edit_preferences(self) -> None:
        from ..preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.window.preferences, self.window)
        if dialog.exec():
            self.window.set_preferences(dialog.preferences())

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self.window, "About Linear Lens",
            "<b>Linear Lens</b><p>See what a matrix does to the plane: its columns are where "
            "î and ĵ land, its determinant is the area of the unit square's image, and its "
            "eigenvectors are the directions it only stretches.</p>")
