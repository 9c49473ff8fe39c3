"""File → Export Animation: the animation to the matrix on screen as a GIF (or an MP4 video).

Choose a file, a format, a size, frames per second, a duration, a theme, whether the GIF
loops, and where the motion starts: the identity, or the matrix the last animation started
from. Save writes it with a progress dialog whose Cancel stops at once and leaves no file.
"""

from pathlib import Path

from PyQt6 import QtCore, QtWidgets

from .animation_export import (
    DURATION_RANGE,
    FPS_RANGE,
    SIZE_RANGE,
    VIDEO_HINT,
    AnimationCancelled,
    export_animation,
    frame_count,
    video_available,
)
from .export import ExportError

TITLE = "Export Animation"


class AnimationExportDialog(QtWidgets.QDialog):
    """``AnimationExportDialog(model, view, parent=None, start=None, camera=None)``: the
    animation of ``model``'s scene. In the plane it is framed as ``view`` shows it if asked; in
    space (``camera`` given: the 3D view's) it is seen by that camera, which may orbit.
    ``start`` is the matrix the last animation started from (offered as "the last
    transition"), or None. After a successful Save, ``saved_path`` is the file written and
    the dialog is accepted.

    Another lab passes ``writer(path, progress=…, size=…, fps=…, theme=…, loop=…)`` and the
    ``duration`` its motion lasts instead of a model and a view: then only the file, size,
    speed, theme and loop are asked (the lab's own motion sets the length)."""

    def __init__(self, model, view, parent=None, start=None, camera=None, writer=None, duration=None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.model, self.view, self.start, self.camera = model, view, start, camera
        self.writer = writer
        self.saved_path: Path | None = None
        self.video = video_available()

        self.path = QtWidgets.QLineEdit(str(Path.home() / "linear-lens.gif"))
        browse = QtWidgets.QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.format = QtWidgets.QComboBox()
        self.format.addItem("GIF animation", "gif")
        self.format.addItem("MP4 video", "mp4")
        if not self.video:
            self.format.model().item(1).setEnabled(False)
            self.format.setItemData(1, VIDEO_HINT, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.width_box, self.height_box = QtWidgets.QSpinBox(), QtWidgets.QSpinBox()
        for box, value in ((self.width_box, 1280), (self.height_box, 720)):
            box.setRange(*SIZE_RANGE)
            box.setValue(value)
            box.setSuffix(" px")
        self.fps = QtWidgets.QSpinBox()
        self.fps.setRange(*FPS_RANGE)
        self.fps.setValue(30)
        self.fps.setSuffix(" frames/s")
        self.duration = QtWidgets.QDoubleSpinBox()
        self.duration.setRange(*DURATION_RANGE)
        self.duration.setDecimals(1)
        self.duration.setSingleStep(0.5)
        self.duration.setValue(3.0 if duration is None else duration)
        self.duration.setSuffix(" s")
        if writer is not None:
            self.duration.setEnabled(False)
            self.duration.setToolTip("The length of each step and pause sets the duration")
        self.theme = QtWidgets.QComboBox()
        self.theme.addItem("As on screen", None)
        self.theme.addItem("Dark", "dark")
        self.theme.addItem("Light (for printing)", "light")
        self.loop = QtWidgets.QCheckBox("Loop for ever (GIF)")
        self.loop.setChecked(True)
        self.framing = QtWidgets.QComboBox()
        self.framing.addItem("Fit the motion", "fit")
        self.framing.addItem("As on screen", "screen")

        self.from_identity = QtWidgets.QRadioButton("From the identity")
        self.from_last = QtWidgets.QRadioButton("The last transition")
        self.from_identity.setChecked(True)
        if start is None:
            self.from_last.setEnabled(False)
            self.from_last.setToolTip("No animation has played yet: change the matrix first")
        else:
            self.from_last.setToolTip("From the matrix the last animation started from")

        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        size_row = QtWidgets.QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QtWidgets.QLabel("×"))
        size_row.addWidget(self.height_box)
        start_row = QtWidgets.QHBoxLayout()
        start_row.addWidget(self.from_identity)
        start_row.addWidget(self.from_last)
        form = QtWidgets.QFormLayout(self)
        form.addRow("File", path_row)
        form.addRow("Format", self.format)
        form.addRow("Size", size_row)
        form.addRow("Speed", self.fps)
        form.addRow("Duration", self.duration)
        form.addRow("Theme", self.theme)
        self.orbit = QtWidgets.QSpinBox()
        self.orbit.setRange(-360, 360)
        self.orbit.setSuffix("°")
        self.orbit.setToolTip("Turn the camera this far around the scene while the matrix plays")
        if writer is not None:
            pass  # the lab's motion: no framing, camera or start to choose
        elif camera is None:
            form.addRow("Framing", self.framing)
        else:
            form.addRow("Camera orbit", self.orbit)
        if writer is None:
            form.addRow("Motion", start_row)
        form.addRow("", self.loop)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    # -- choices ---------------------------------------------------------------------------
    def _format_changed(self) -> None:
        """Keep the file name's ending in step with the format; only a GIF loops."""
        kind = self.format.currentData()
        name = Path(self.path.text())
        if name.suffix.lower() != f".{kind}":
            self.path.setText(str(name.with_suffix(f".{kind}")))
        self.loop.setEnabled(kind == "gif")

    def _browse(self) -> None:
        filters = ["GIF animation (*.gif)"] + (["MP4 video (*.mp4)"] if self.video else [])
        current = "MP4 video (*.mp4)" if self.format.currentData() == "mp4" else filters[0]
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, TITLE, self.path.text(),
                                                        ";;".join(filters), current)
        if name:
            self.path.setText(name)
            index = self.format.findData(Path(name).suffix.lower().lstrip("."))
            if index >= 0 and self.format.model().item(index).isEnabled():
                self.format.setCurrentIndex(index)

    def options(self) -> dict:
        """The keyword arguments of :func:`export_animation` (or the writer) the fields say."""
        if self.writer is not None:
            return {"size": (self.width_box.value(), self.height_box.value()), "fps": self.fps.value(),
                    "theme": self.theme.currentData(), "loop": self.loop.isChecked()}
        return {"size": (self.width_box.value(), self.height_box.value()), "fps": self.fps.value(),
                "duration": self.duration.value(), "theme": self.theme.currentData(),
                "loop": self.loop.isChecked(),
                "start": self.start if self.from_last.isChecked() else None,
                **({"rect": self.view.visible_rect() if self.framing.currentData() == "screen" else None}
                   if self.camera is None else {"camera": self.camera, "orbit": float(self.orbit.value())})}

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        """Export with a progress dialog; on failure say why and keep the dialog open.
        Returns True when the file was written (a cancel returns False, silently)."""
        options = self.options()
        total = frame_count(options["fps"], self.duration.value())
        progress = QtWidgets.QProgressDialog(f"Writing {Path(self.path.text()).name}…", "Cancel",
                                             0, total, self)
        progress.setWindowTitle(TITLE)
        progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)  # a short export does not flash a window
        progress.setAutoClose(False)
        progress.setValue(0)

        def step(done: int, count: int) -> bool:
            progress.setValue(done)
            QtWidgets.QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            if self.writer is not None:
                self.saved_path = self.writer(self.path.text(), progress=step, **options)
            else:
                self.saved_path = export_animation(self.model.scene, self.path.text(), progress=step,
                                                   **options)
        except AnimationCancelled:
            return False
        except (ExportError, OSError) as error:
            progress.close()
            QtWidgets.QMessageBox.warning(self, TITLE, str(error))
            return False
        finally:
            progress.close()
            progress.deleteLater()
        self.accept()
        return True
