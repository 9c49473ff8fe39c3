"""File → Export Picture: choose a file, a size (default twice the view) and a theme."""

from pathlib import Path

from PyQt6 import QtWidgets

from .export import ExportError
from .picture import MAX_SIDE, MIN_SIDE


class ExportDialog(QtWidgets.QDialog):
    """Writes the picture on screen (same range, same moment of the animation) to PNG or SVG.

    ``export(path, size, theme)`` does the writing (the open lab's picture); ``size`` is the
    size offered first (twice the canvas on screen).
    """

    def __init__(self, export, size, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export Picture")
        self._export = export
        self.saved_path: Path | None = None
        self.path = QtWidgets.QLineEdit(str(Path.home() / "linear-lens.png"))
        browse = QtWidgets.QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.width_box, self.height_box = QtWidgets.QSpinBox(), QtWidgets.QSpinBox()
        for box, value in ((self.width_box, size[0]), (self.height_box, size[1])):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setValue(value)
            box.setSuffix(" px")
        self.theme = QtWidgets.QComboBox()
        self.theme.addItem("As on screen", None)
        self.theme.addItem("Dark", "dark")
        self.theme.addItem("Light (for printing)", "light")
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        size_row = QtWidgets.QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QtWidgets.QLabel("×"))
        size_row.addWidget(self.height_box)
        form = QtWidgets.QFormLayout(self)
        form.addRow("File (.png or .svg)", path_row)
        form.addRow("Size", size_row)
        form.addRow("Theme", self.theme)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export Picture", self.path.text(), "PNG image (*.png);;SVG vector picture (*.svg)")
        if name:
            self.path.setText(name)

    def save(self) -> bool:
        """Export; on failure say why and keep the dialog open. Returns True on success."""
        try:
            self.saved_path = self._export(self.path.text(),
                                           (self.width_box.value(), self.height_box.value()),
                                           self.theme.currentData())
        except (ExportError, OSError) as error:
            QtWidgets.QMessageBox.warning(self, "Export Picture", str(error))
            return False
        self.accept()
        return True
