"""One titled canvas of the lab: the plane (or space) of a scene under a display matrix, with a
line under it that says, in numbers, where the followed vector is."""

from __future__ import annotations

from PyQt6 import QtCore, QtWidgets

from ..gl_support import opengl_problem
from ..scene import Scene
from ..staged_scenes import framing
from ..views.plane_view import PlaneView
from ..views.space_view import NoOpenGLView, SpaceView

SELECTABLE = QtCore.Qt.TextInteractionFlag.TextSelectableByMouse


class StageCanvas(QtWidgets.QWidget):
    """A title, the view (made for the scene's dimension, remade when it changes) and a caption;
    ``shown`` after each picture drawn (things laid over it, like a lesson's ring, follow)."""

    shown = QtCore.pyqtSignal()

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = QtWidgets.QLabel(title)
        self.title.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.caption = QtWidgets.QLabel()
        self.caption.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(SELECTABLE)
        self.view: PlaneView | SpaceView | NoOpenGLView | None = None
        self.scene: Scene | None = None
        self.display = None
        self.pictures: tuple = ()  # the (scene, display) pairs the range must show (see frame)
        self.resting = True  # the picture stands still: its labels are placed, its caption selectable
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.caption)

    def show(self, scene: Scene, display) -> None:  # type: ignore[override]
        """Draw ``scene`` under ``display`` (a new scene is handed to the view once)."""
        if self.view is None or self.scene is None or self.scene.dimension != scene.dimension:
            self._make_view(scene)
        new_scene = scene is not self.scene
        self.scene, self.display = scene, display
        if isinstance(self.view, PlaneView | SpaceView):  # drawn once: a new scene comes with its display
            if new_scene:
                self.view.show_scene(scene, display)
            else:
                self.view.show_matrix(display)
        self.resting = getattr(self.view, "settled", True)
        self.shown.emit()

    def rest(self) -> None:
        """The motion paused here: place the labels apart, as at any picture at rest — also on
        a canvas whose picture is not its scene's own matrix (AB − BA after B alone), which its
        view does not count as settled and so has not placed them itself."""
        if isinstance(self.view, PlaneView) and not self.resting:
            self.view.place_labels()
        self.resting = True

    def say(self, lines) -> None:
        """The caption's lines, as plain text (it changes on every frame of a motion: no markup
        to parse, nothing in a line taken for a tag). It can be selected and copied when the
        picture is at rest (see :attr:`resting`); while it moves, a selectable label would lay out
        a whole text document per frame for words that change before they could be selected."""
        flags = SELECTABLE if self.resting else QtCore.Qt.TextInteractionFlag.NoTextInteraction
        if self.caption.textInteractionFlags() != flags:
            self.caption.setTextInteractionFlags(flags)
        self.caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.caption.setText("\n".join(lines))

    def hold_caption_height(self, captions) -> None:
        """Keep the caption as tall as the tallest of ``captions`` (each a sequence of lines)
        while they play, so the view above it neither jumps nor re-frames when a line is added
        mid-motion, and canvases given the same captions keep views of one height."""
        tallest = max(captions, key=len, default=())
        text = "\n".join(tallest)
        metrics = self.caption.fontMetrics()
        height = metrics.boundingRect(QtCore.QRect(0, 0, 1 << 20, 1 << 20), 0, text).height() if text else 0
        self.caption.setMinimumHeight(height)

    def _make_view(self, scene: Scene) -> None:
        if self.view is not None:
            self._layout.removeWidget(self.view)
            self.view.deleteLater()
        if scene.dimension == 2:
            self.view = PlaneView(scene)
            self.view.setMinimumSize(200, 180)
            self.view.view_box.sigResized.connect(self._apply_frame)
        else:
            problem = opengl_problem()
            self.view = SpaceView(scene) if problem is None else NoOpenGLView(problem)
            self.view.setMinimumSize(160, 160)  # three side by side must fit beside the panel
            if isinstance(self.view, SpaceView):
                self.view.set_camera(scene.camera())
        self.scene = scene
        self._layout.insertWidget(1, self.view, stretch=1)

    def frame(self, pictures) -> None:
        """Keep every (scene, display) of ``pictures`` whole in the plane, now and after resizes."""
        self.pictures = tuple(pictures)
        self._apply_frame()

    def _apply_frame(self, *_) -> None:
        view = self.view
        if isinstance(view, PlaneView) and self.pictures:
            view.set_range(framing(self.pictures, max(view.width(), 1) / max(view.height(), 1)))
            view.redraw_for_range()
