"""Edit → Preferences… and Presets → Save Current as Preset…: two small forms."""

from __future__ import annotations

from PyQt6 import QtWidgets

from .palette import THEMES
from .picture import MAX_SIDE, MIN_SIDE
from .preferences import EASINGS, Preferences

PALETTE_LABELS = {"okabe-ito": "Okabe–Ito (colour-blind safe)", "classic": "Classic (green î, red ĵ)"}
EASING_LABELS = {"smooth": "Smooth (ease in and out)", "linear": "Linear (constant speed)"}


class PreferencesDialog(QtWidgets.QDialog):
    """Edits a :class:`Preferences`; read the result from :meth:`preferences` after ``exec()``."""

    def __init__(self, preferences: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.theme = QtWidgets.QComboBox()
        for name in THEMES:
            self.theme.addItem(name.title(), name)
        self.palette = QtWidgets.QComboBox()
        for name, label in PALETTE_LABELS.items():
            self.palette.addItem(label, name)
        self.seconds = QtWidgets.QDoubleSpinBox()
        self.seconds.setRange(0.1, 10.0)
        self.seconds.setSingleStep(0.25)
        self.seconds.setDecimals(2)
        self.seconds.setSuffix(" s")
        self.easing = QtWidgets.QComboBox()
        for name in EASINGS:
            self.easing.addItem(EASING_LABELS.get(name, name), name)
        self.fixed_size = QtWidgets.QCheckBox("Fixed size (otherwise twice the view on screen)")
        self.export_width, self.export_height = QtWidgets.QSpinBox(), QtWidgets.QSpinBox()
        for box in (self.export_width, self.export_height):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
        self.fixed_size.toggled.connect(self.export_width.setEnabled)
        self.fixed_size.toggled.connect(self.export_height.setEnabled)
        self.follow_picture = QtWidgets.QCheckBox("Keep the picture in frame")
        self.follow_picture.setToolTip("After each change the 2D view eases to show the whole "
                                       "picture; a pan or zoom of your own pauses this until "
                                       "View → Fit to Picture")
        self.export_theme = QtWidgets.QComboBox()
        self.export_theme.addItem("As on screen", "")
        self.export_theme.addItem("Dark", "dark")
        self.export_theme.addItem("Light (for printing)", "light")

        look = QtWidgets.QGroupBox("New scenes")
        look_form = QtWidgets.QFormLayout(look)
        look_form.addRow("Theme", self.theme)
        look_form.addRow("Palette", self.palette)
        motion = QtWidgets.QGroupBox("Animation")
        motion_form = QtWidgets.QFormLayout(motion)
        motion_form.addRow("Duration", self.seconds)
        motion_form.addRow("Easing", self.easing)
        motion_form.addRow(self.follow_picture)
        export = QtWidgets.QGroupBox("Pictures (Export Picture, Copy Picture)")
        export_form = QtWidgets.QFormLayout(export)
        size_row = QtWidgets.QHBoxLayout()
        size_row.addWidget(self.export_width)
        size_row.addWidget(QtWidgets.QLabel("×"))
        size_row.addWidget(self.export_height)
        export_form.addRow(self.fixed_size)
        export_form.addRow("Size", size_row)
        export_form.addRow("Theme", self.export_theme)

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
            | QtWidgets.QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_preferences(Preferences()))
        layout = QtWidgets.QVBoxLayout(self)
        for box in (look, motion, export):
            layout.addWidget(box)
        note = QtWidgets.QLabel("The theme and palette also apply to the scene open now "
                                "(View menu changes only that scene).")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_preferences(preferences)

    def show_preferences(self, preferences: Preferences) -> None:
        preferences = preferences.validated()
        self.theme.setCurrentIndex(self.theme.findData(preferences.theme))
        self.palette.setCurrentIndex(self.palette.findData(preferences.palette))
        self.seconds.setValue(preferences.animation_seconds)
        self.easing.setCurrentIndex(self.easing.findData(preferences.easing))
        self.follow_picture.setChecked(preferences.follow_picture)
        size = preferences.export_size
        self.fixed_size.setChecked(size is not None)
        self.export_width.setValue(size[0] if size else 1600)
        self.export_height.setValue(size[1] if size else 1000)
        self.export_width.setEnabled(size is not None)
        self.export_height.setEnabled(size is not None)
        self.export_theme.setCurrentIndex(self.export_theme.findData(preferences.export_theme))

    def preferences(self) -> Preferences:
        fixed = self.fixed_size.isChecked()
        return Preferences(
            theme=self.theme.currentData(), palette=self.palette.currentData(),
            animation_seconds=round(self.seconds.value(), 2), easing=self.easing.currentData(),
            export_width=self.export_width.value() if fixed else 0,
            export_height=self.export_height.value() if fixed else 0,
            export_theme=self.export_theme.currentData(),
            follow_picture=self.follow_picture.isChecked()).validated()


class SavePresetDialog(QtWidgets.QDialog):
    """Asks for a preset's name and group (existing groups offered, a new one may be typed)."""

    def __init__(self, matrix_text: str, groups: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Save Current as Preset")
        self.setMinimumWidth(340)
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText("e.g. My shear")
        self.name.setMaxLength(80)
        self.group = QtWidgets.QComboBox()
        self.group.setEditable(True)
        self.group.addItems(groups or ["My presets"])
        self.group.lineEdit().setMaxLength(80)
        form = QtWidgets.QFormLayout(self)
        matrix = QtWidgets.QLabel(matrix_text)
        matrix.setStyleSheet("font-family: monospace")
        form.addRow("Matrix", matrix)
        form.addRow("Name", self.name)
        form.addRow("Group", self.group)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        save = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)
        self.name.textChanged.connect(lambda text: save.setEnabled(bool(text.strip())))

    def values(self) -> tuple[str, str]:
        """``(group, name)`` as typed, trimmed."""
        return self.group.currentText().strip() or "My presets", self.name.text().strip()
