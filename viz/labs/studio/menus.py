"""The studio's menus: View (2D/3D, fit, camera), Presets (shipped and the learner's own) and
Animation. They exist while the studio is open; the window shows them beside File and Edit."""

from PyQt6 import QtGui, QtWidgets

from ...controls.lab_menus import dimension_actions
from ...geometry3d import CAMERA_PRESETS
from ...presets import Preset, load_presets, load_user_presets, save_user_preset, user_presets_path
from ...session import SessionError


class StudioMenus:
    """Builds and keeps the studio's menus and the actions tests and shortcuts reach."""

    def __init__(self, lab, parent: QtWidgets.QWidget):
        self.lab = lab
        self.parent = parent
        self.startup_problems: list[str] = []
        self.user_presets: list[Preset] = []
        # actions belong to the window, so they outlive the View menu being refilled
        self.dimension_actions = dimension_actions(parent, lab.model.dimension, lab.switch_dimension)
        self.fit_action = QtGui.QAction("&Fit to Picture", parent)
        self.fit_action.triggered.connect(lab.fit)
        self.fit_action.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        self.camera_menu = QtWidgets.QMenu("&Camera (3D)", parent)
        for text, name in (("&Isometric", "iso"), ("Look Along &x", "x"), ("Look Along &y", "y"),
                           ("Look Along &z", "z")):
            self.camera_menu.addAction(text, lambda name=name: lab.set_camera(CAMERA_PRESETS[name]))
        self.camera_menu.addSeparator()
        reset = self.camera_menu.addAction("&Reset Camera (arrows apart)",
                                           lambda: lab.set_camera(lab.model.scene.camera()))
        reset.setShortcut(QtGui.QKeySequence("Ctrl+R"))

        self.presets_menu = QtWidgets.QMenu("&Presets", parent)
        self.user_presets_menu = QtWidgets.QMenu("My presets", parent)
        self.save_preset_action = QtGui.QAction("Save Current as Preset…", parent)
        self.save_preset_action.triggered.connect(self.save_current_as_preset)

        animation_menu = QtWidgets.QMenu("&Animation", parent)
        play = animation_menu.addAction("&Play from Identity", lab.play_from_identity)
        play.setShortcut(QtGui.QKeySequence("Space"))
        pause = animation_menu.addAction("P&ause / Resume", lab.toggle_pause)
        pause.setShortcut(QtGui.QKeySequence("P"))
        animation_menu.addAction("&Skip to End", lab.animator.finish)
        self.menus = [self.presets_menu, animation_menu]
        self.show_dimension(lab.model.dimension)

    def fill_view_menu(self, menu: QtWidgets.QMenu) -> None:
        """The studio's part of View: plane or space, fit, camera."""
        menu.addActions(list(self.dimension_actions.values()))
        menu.addSeparator()
        menu.addAction(self.fit_action)
        menu.addMenu(self.camera_menu)

    def show_dimension(self, n: int) -> None:
        """Tick the dimension, enable what works in it, and offer its presets."""
        for size, action in self.dimension_actions.items():
            action.setChecked(size == n)
        self.fit_action.setEnabled(n == 2)
        self.camera_menu.setEnabled(n == 3)
        self.fill_presets_menu()

    # -- presets ---------------------------------------------------------------------------
    @property
    def user_presets_file(self):
        return user_presets_path(self.lab.context.data_folder)

    def fill_presets_menu(self) -> None:
        """The shipped presets of the current dimension, then My presets."""
        self.presets_menu.clear()
        self._add_preset_groups(self.presets_menu, load_presets(self.lab.model.dimension))
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
                preset.name, lambda p=preset: self.lab.apply_matrix(p.matrix, f"Preset: {p.name}"))

    def reload_user_presets(self) -> list[str]:
        """Rebuild Presets → My presets from the user's file; problems are reported, not fatal."""
        presets, problems = load_user_presets(self.user_presets_file, self.lab.model.dimension)
        self.user_presets = presets
        self.user_presets_menu.clear()
        if presets:
            self._add_preset_groups(self.user_presets_menu, presets)
        else:
            self.user_presets_menu.addAction("(none yet — Save Current as Preset…)").setEnabled(False)
        if problems:
            self.startup_problems.extend(problems)
            skipped = "a bad entry was skipped" if len(problems) == 1 else f"{len(problems)} problems"
            self.lab.context.status(f"My presets: {skipped} — {problems[0]}", 10000)
        return problems

    def save_current_as_preset(self) -> bool:
        from ...preferences_dialog import SavePresetDialog

        groups = sorted({p.group for p in self.user_presets}) or ["My presets"]
        dialog = SavePresetDialog(str(self.lab.model.matrix), groups, self.parent)
        if not dialog.exec():
            return False
        group, name = dialog.values()
        return self.save_preset(group, name)

    def save_preset(self, group: str, name: str) -> bool:
        """Add the current matrix to My presets as ``group`` → ``name``."""
        try:
            save_user_preset(self.user_presets_file, Preset(group, name, self.lab.model.matrix))
        except SessionError as error:
            self.lab.context.tell("Save Preset", f"{error}\n\nThe file is kept as it is: fix or delete "
                                                 f"{self.user_presets_file} and try again.")
            return False
        self.reload_user_presets()
        self.lab.context.status(f"Saved preset {group} → {name}", 5000)
        return True
